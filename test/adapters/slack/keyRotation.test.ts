// Rotating GIGDESK_ENCRYPTION_KEY: installations sealed under the old key, read from a real SQLite file.
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/bolt';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { slackInstallations } from '../../../src/adapters/slack/installations.js';
import { keyId, WrongKeyError } from '../../../src/adapters/slack/sealed.js';
import { loadConfig } from '../../../src/config.js';
import { logger } from '../../../src/core/log.js';
import { openStore, type Store } from '../../../src/core/store/store.js';

const KEY_A = 'a7'.repeat(32);
const KEY_B = 'b8'.repeat(32);
const idOf = (hex: string) => keyId(Buffer.from(hex, 'hex'));
const dir = mkdtempSync(join(tmpdir(), 'gigdesk-rotation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const installation = (teamId: string): Installation => ({
  team: { id: teamId, name: 'Alpha' },
  enterprise: undefined,
  user: { id: 'U1', token: undefined, scopes: undefined },
  bot: { id: 'B1', userId: 'UBOT', scopes: ['commands'], token: `xoxb-${teamId}-bot-token` },
  isEnterpriseInstall: false,
  authVersion: 'v2',
});
const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false }) as const;
const storeKey = (teamId: string) => `slack-install:team:${teamId}`;

let n = 0;
/** A fresh SQLite file per test; each "restart" opens it again with other keys. */
function sqliteFile(): () => Store {
  const path = join(dir, `db-${++n}.sqlite`);
  return () => openStore({ sqlitePath: path });
}

/** The format before key ids ("v1:" + base64(iv | tag | ciphertext)), as older versions wrote it. */
function sealV1(plain: string, hex: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(hex, 'hex'), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

async function sealedUnderA(open: () => Store, teamId: string): Promise<void> {
  const store = open();
  await slackInstallations(store, { current: KEY_A }).storeInstallation(installation(teamId));
  await store.close();
}

describe('rotating the encryption key', () => {
  it('reads a value sealed with the previous key and stores it again under the new key', async () => {
    const open = sqliteFile();
    await sealedUnderA(open, 'T0A');
    const store = open();
    const rotated = slackInstallations(store, { current: KEY_B, previous: KEY_A });
    expect((await rotated.fetchInstallation(query('T0A'))).bot?.token).toBe('xoxb-T0A-bot-token');
    const raw = await store.get<string>(storeKey('T0A'));
    expect(raw?.startsWith(`v2:${idOf(KEY_B)}:`)).toBe(true);
    await store.close();
    // After the re-seal the old key is no longer needed.
    const later = open();
    const onlyB = slackInstallations(later, { current: KEY_B });
    expect((await onlyB.fetchInstallation(query('T0A'))).bot?.token).toBe('xoxb-T0A-bot-token');
    await later.close();
  });

  it('never seals with the previous key', async () => {
    const open = sqliteFile();
    const store = open();
    await slackInstallations(store, { current: KEY_B, previous: KEY_A }).storeInstallation(installation('T0N'));
    expect((await store.get<string>(storeKey('T0N')))?.startsWith(`v2:${idOf(KEY_B)}:`)).toBe(true);
    await expect(slackInstallations(store, { current: KEY_A }).fetchInstallation(query('T0N'))).rejects.toThrow(
      WrongKeyError,
    );
    await store.close();
  });

  it('opens the old format without a key id with whichever key works, then re-seals it', async () => {
    const open = sqliteFile();
    const store = open();
    await store.set(storeKey('T0V'), sealV1(JSON.stringify(installation('T0V')), KEY_A, storeKey('T0V')));
    const rotated = slackInstallations(store, { current: KEY_B, previous: KEY_A });
    expect((await rotated.fetchInstallation(query('T0V'))).bot?.token).toBe('xoxb-T0V-bot-token');
    expect((await store.get<string>(storeKey('T0V')))?.startsWith(`v2:${idOf(KEY_B)}:`)).toBe(true);
    await store.set(storeKey('T0W'), sealV1(JSON.stringify(installation('T0W')), KEY_A, storeKey('T0W')));
    const same = slackInstallations(store, { current: KEY_A });
    expect((await same.fetchInstallation(query('T0W'))).bot?.token).toBe('xoxb-T0W-bot-token');
    expect((await store.get<string>(storeKey('T0W')))?.startsWith(`v2:${idOf(KEY_A)}:`)).toBe(true);
    await store.close();
  });

  it('says the key is wrong or rotated, once per workspace, and leaves the value as it was', async () => {
    const open = sqliteFile();
    await sealedUnderA(open, 'T0X');
    const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const store = open();
    const before = await store.get<string>(storeKey('T0X'));
    const onlyB = slackInstallations(store, { current: KEY_B });
    for (let i = 0; i < 3; i++) {
      const failed = await onlyB.fetchInstallation(query('T0X')).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(WrongKeyError);
      expect(String(failed)).toContain('cannot decrypt: wrong or rotated key');
      expect(String(failed)).toContain('GIGDESK_ENCRYPTION_KEY_PREVIOUS');
      expect(String(failed)).not.toContain('no installation');
    }
    expect(error).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(error.mock.calls);
    expect(logged).toContain('cannot decrypt: wrong or rotated key');
    expect(logged).toContain('T0X');
    for (const hex of [KEY_A, KEY_B]) {
      expect(logged).not.toContain(hex);
      expect(logged).not.toContain(Buffer.from(hex, 'hex').toString('base64'));
    }
    expect(await store.get<string>(storeKey('T0X'))).toBe(before);
    await store.close();
  });

  it('takes GIGDESK_ENCRYPTION_KEY_PREVIOUS from the environment, for reading only', () => {
    const env = {
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      SLACK_SIGNING_SECRET: 'signing-secret-value',
      SLACK_PORT: '3000',
      GIGDESK_ENCRYPTION_KEY: KEY_B,
    };
    const oauth = loadConfig({ ...env, GIGDESK_ENCRYPTION_KEY_PREVIOUS: KEY_A }).slack?.oauth;
    expect(oauth?.encryptionKey).toBe(KEY_B);
    expect(oauth?.previousEncryptionKey).toBe(KEY_A);
    expect(() => loadConfig({ ...env, GIGDESK_ENCRYPTION_KEY_PREVIOUS: 'short' })).toThrow(
      'GIGDESK_ENCRYPTION_KEY_PREVIOUS',
    );
  });
});
