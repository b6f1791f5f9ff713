// Installations at rest: the raw SQLite file and the raw Redis values hold no token in clear.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/bolt';
import { afterAll, describe, expect, it } from 'vitest';
import { slackInstallations } from '../../../src/adapters/slack/installations.js';
import { openSealed, seal } from '../../../src/adapters/slack/sealed.js';
import { openStore } from '../../../src/core/store/store.js';
import { startRedis } from '../../support/redisServer.js';

const KEY = 'b2'.repeat(32);
const dir = mkdtempSync(join(tmpdir(), 'gigdesk-installs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const installation = (teamId: string): Installation => ({
  team: { id: teamId, name: 'Alpha' },
  enterprise: undefined,
  user: { id: 'U1', token: undefined, scopes: undefined },
  bot: {
    id: 'B1',
    userId: 'UBOT',
    scopes: ['commands'],
    token: `xoxe.xoxb-${teamId}-clear-bot-token`,
    refreshToken: `xoxe-1-${teamId}-clear-refresh`,
    expiresAt: 1,
  },
  isEnterpriseInstall: false,
  authVersion: 'v2',
});
const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false }) as const;

describe('sealed values', () => {
  it('open only with the same key and the same store key', () => {
    const sealed = seal('secret text', Buffer.from(KEY, 'hex'), 'k1');
    expect(sealed).not.toContain('secret');
    const unseal = (key: string, boundTo: string) => openSealed(sealed, { current: Buffer.from(key, 'hex') }, boundTo);
    expect(unseal(KEY, 'k1').plain).toBe('secret text');
    expect(() => unseal(KEY, 'k2')).toThrow();
    expect(() => unseal('c3'.repeat(32), 'k1')).toThrow();
  });
});

describe('installations at rest', () => {
  it('SQLite: the file holds no token; reading back gives them', async () => {
    const path = join(dir, 'db.sqlite');
    const store = openStore({ sqlitePath: path });
    const installs = slackInstallations(store, { current: KEY });
    await installs.storeInstallation(installation('T0A'));
    expect((await installs.fetchInstallation(query('T0A'))).bot?.token).toBe('xoxe.xoxb-T0A-clear-bot-token');
    await store.close();
    const raw = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('');
    expect(raw).toContain('slack-install:team:T0A');
    expect(raw).not.toContain('clear-bot-token');
    expect(raw).not.toContain('clear-refresh');
  });

  it('Redis: no key or value holds a token; a wrong key cannot read them', async () => {
    const redis = await startRedis();
    try {
      const store = openStore({ sqlitePath: ':memory:', redisUrl: redis.url });
      await slackInstallations(store, { current: KEY }).storeInstallation(installation('T0B'));
      await expect(
        slackInstallations(store, { current: 'c3'.repeat(32) }).fetchInstallation(query('T0B')),
      ).rejects.toThrow();
      await store.close();
      const cli = (...args: string[]) =>
        execFileSync('redis-cli', ['-p', String(redis.port), '--raw', ...args], { encoding: 'utf8' });
      const keys = cli('--scan').trim().split('\n').filter(Boolean);
      expect(keys.some((k) => k.includes('slack-install:team:T0B'))).toBe(true);
      const dump = keys.map((k) => `${k}=${cli('GET', k)}`).join('\n');
      expect(dump).not.toContain('clear-bot-token');
      expect(dump).not.toContain('clear-refresh');
    } finally {
      await redis.stop();
    }
  });
});
