// OAuth mode through real Bolt over loopback HTTP: install two workspaces against the fake Slack API,
// answer each with its own token, deliver reminders with the right token, rotate, and uninstall one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackInstallations } from '../../../src/adapters/slack/installations.js';
import { startSlackOAuth } from '../../../src/adapters/slack/oauth.js';
import type { SlackBot } from '../../../src/adapters/slack/start.js';
import { loadCommunity, updateCommunity } from '../../../src/core/messages/templates.js';
import { exportUserData } from '../../../src/core/privacy.js';
import { reply } from '../../../src/core/runtime/reply.js';
import { loadSettings, updateSettings } from '../../../src/core/runtime/settings.js';
import { openStore, type Store, workspaceKey } from '../../../src/core/store/store.js';
import { botTokenOf, type FakeSlackApi, fakeSlackApi, refreshTokenOf } from './fakeSlackApi.js';
import {
  baseOf,
  command,
  event,
  eventually,
  finishInstall,
  install,
  OAUTH_SECRETS,
  oauthConfig,
  startInstall,
} from './oauthFlow.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-oauth-'));
let store: Store;
let api: FakeSlackApi;
let bot: SlackBot;
let base: string;
const NOW = new Date();

beforeAll(async () => {
  store = openStore({ sqlitePath: join(dir, 'db.sqlite') });
  api = fakeSlackApi([
    { teamId: 'T0A', name: 'Alpha Freelancers' },
    { teamId: 'T0B', name: 'Beta Guild' },
    { teamId: 'T0C', name: 'Rotating Co', rotation: true },
  ]);
  bot = await startSlackOAuth(
    { slack: oauthConfig(), rateLimits: undefined },
    { store, clientOptions: { fetch: api.fetch }, host: '127.0.0.1' },
  );
  base = baseOf(bot);
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const user = (workspaceId: string, userId: string) => ({
  platform: 'slack' as const,
  workspaceId,
  userId,
  isAdmin: false,
  now: NOW,
  store,
});
const installations = () => slackInstallations(store, { current: OAUTH_SECRETS.encryptionKey });

describe('Slack OAuth install', () => {
  it("GET /slack/install links to Slack's v2 authorize URL with the client id and the manifest's scopes", async () => {
    const { authorizeUrl, cookie, state, page } = await startInstall(base);
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorizeUrl.searchParams.get('client_id')).toBe('1111.2222');
    expect(authorizeUrl.searchParams.get('scope')?.split(',')).toEqual([
      'commands',
      'chat:write',
      'im:write',
      'users:read',
      'files:write',
    ]);
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
    expect(page).toContain('Add to Slack');
    expect(page).not.toContain(OAUTH_SECRETS.clientSecret);
    // The data rule as it is: /mydata delete is personal data only; templates go with /templates remove or uninstall.
    const rule = page.replace(/<[^>]+>/g, ' ');
    expect(rule).toMatch(/\/mydata delete/);
    expect(rule).not.toMatch(/templates\)? until they delete it with \/mydata delete/);
    expect(rule).toMatch(/\/templates remove/);
    expect(rule).toMatch(/Removing gigdesk[^.]*templates/);
  });

  it('completes an install and says what to type first and what happens to the data', async () => {
    const done = await install(base, 'T0A');
    expect(done.status).toBe(200);
    expect(done.page).toContain('gigdesk is now in Alpha Freelancers.');
    expect(done.page).toContain('Type /jss 7 1 8');
    expect(done.page).toContain('deletes its tokens and all of its stored data');
    const exchange = api.calls.find((c) => c.method === 'oauth.v2.access' && c.params.code === 'code-T0A');
    expect(exchange?.params.client_id).toBe('1111.2222');
    const stored = await installations().fetchInstallation({
      teamId: 'T0A',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(stored.bot?.token).toBe(botTokenOf('T0A'));
    expect((await install(base, 'T0B')).status).toBe(200);
  });

  it('refuses a replayed redirect, a forged state and a missing cookie with a clear page', async () => {
    const { state, cookie } = await startInstall(base);
    expect((await finishInstall(base, 'code-T0B', state, cookie)).status).toBe(200);
    const replay = await finishInstall(base, 'code-T0B', state, cookie);
    expect(replay.status).toBe(400);
    expect(replay.page).toContain('expired, was already used');
    expect(replay.page).toContain('Nothing was installed');
    const forged = await finishInstall(base, 'code-T0B', 'forged', 'slack-app-oauth-state=forged');
    expect(forged.status).toBe(400);
    const fresh = await startInstall(base);
    expect((await finishInstall(base, 'code-T0B', fresh.state, '')).status).toBe(400);
  });
});

describe('two workspaces side by side', () => {
  it("answers each workspace's commands with its own token", async () => {
    const before = api.calls.length;
    expect((await command(base, 'T0A', 'UA1', '/contracts add 2026-10-01 successful 1200 Acme')).status).toBe(200);
    expect((await command(base, 'T0B', 'UB1', '/contracts add 2026-10-02 successful 900 Beta')).status).toBe(200);
    const infos = api.calls.slice(before).filter((c) => c.method === 'users.info');
    expect(infos.map((c) => [c.params.user, c.token])).toEqual([
      ['UA1', botTokenOf('T0A')],
      ['UB1', botTokenOf('T0B')],
    ]);
    expect((await exportUserData(user('T0A', 'UA1'))).data.contracts).toBeDefined();
  });

  it("sends a reminder for workspace A only with A's token, and B's only with B's", async () => {
    const before = api.calls.length;
    const note = reply({ lead: 'Time to ask Acme for feedback.' });
    expect(await bot.deliver?.({ platform: 'slack', workspaceId: 'T0A', userId: 'UA1' }, note)).toBe(true);
    expect(await bot.deliver?.({ platform: 'slack', workspaceId: 'T0B', userId: 'UB1' }, note)).toBe(true);
    const posts = api.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((c) => [c.params.channel, c.token])).toEqual([
      ['DUA1', botTokenOf('T0A')],
      ['DUB1', botTokenOf('T0B')],
    ]);
    await expect(
      bot.deliver?.({ platform: 'slack', workspaceId: 'T0NOTINSTALLED', userId: 'U1' }, note),
    ).rejects.toThrow('not installed');
  });
});

describe('token rotation', () => {
  it('refreshes a token close to expiry with the refresh token and stores the new pair', async () => {
    expect((await install(base, 'T0C')).status).toBe(200);
    const first = await installations().fetchInstallation({
      teamId: 'T0C',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(first.bot?.refreshToken).toBe(refreshTokenOf('T0C'));
    const before = api.calls.length;
    await command(base, 'T0C', 'UC1', '/jss 7 1 8');
    const recent = api.calls.slice(before);
    const refresh = recent.find((c) => c.method === 'oauth.v2.access');
    expect(refresh?.params).toMatchObject({ grant_type: 'refresh_token', refresh_token: refreshTokenOf('T0C') });
    expect(recent.find((c) => c.method === 'users.info')?.token).toBe(botTokenOf('T0C', 1));
    const after = await installations().fetchInstallation({
      teamId: 'T0C',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect([after.bot?.token, after.bot?.refreshToken]).toEqual([botTokenOf('T0C', 1), refreshTokenOf('T0C', 1)]);
    expect(after.bot?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 40_000);
  });
});

describe('uninstall', () => {
  it("deletes A's installation, data and reminders on app_uninstalled and leaves B untouched", async () => {
    await command(base, 'T0A', 'UA2', '/followup start Acme 2026-11-20');
    await command(base, 'T0B', 'UB1', '/followup start Beta 2026-11-20');
    expect((await exportUserData(user('T0A', 'UA2'))).pendingReminders.length).toBeGreaterThan(0);
    await updateSettings({ platform: 'slack', workspaceId: 'T0A', store }, { charts: false });
    await updateSettings({ platform: 'slack', workspaceId: 'T0B', store }, { charts: false });
    const template = {
      name: 'thanks',
      summary: 'Thanks',
      text: 'Hi {client|there}, thank you!',
      replacesBuiltIn: false,
      updatedBy: 'UA1',
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    for (const workspaceId of ['T0A', 'T0B'])
      await updateCommunity({ platform: 'slack', workspaceId, store }, () => [template]);

    expect((await event(base, 'T0A', { type: 'app_uninstalled' })).status).toBe(200);
    const gone = await eventually(async () => (await exportUserData(user('T0A', 'UA2'))).pendingReminders.length === 0);
    expect(gone).toBe(true);
    const query = { teamId: 'T0A', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    await expect(installations().fetchInstallation(query)).rejects.toThrow('no installation');
    for (const id of ['UA1', 'UA2']) expect((await exportUserData(user('T0A', id))).data).toEqual({});
    expect(await store.get(workspaceKey({ platform: 'slack', workspaceId: 'T0A' }, 'settings'))).toBeUndefined();
    expect(await loadSettings({ platform: 'slack', workspaceId: 'T0B', store })).toMatchObject({ charts: false });
    expect(await loadCommunity({ platform: 'slack', workspaceId: 'T0A', store })).toEqual([]);
    expect(await loadCommunity({ platform: 'slack', workspaceId: 'T0B', store })).toHaveLength(1);

    const b = await exportUserData(user('T0B', 'UB1'));
    expect(Object.keys(b.data)).toEqual(expect.arrayContaining(['contracts', 'followups']));
    expect(b.pendingReminders.length).toBeGreaterThan(0);
    const before = api.calls.length;
    // A user not seen before, so the admin check (cached per user) asks Slack with B's token.
    await command(base, 'T0B', 'UB9', '/jss 7 1 8');
    expect(api.calls.slice(before).find((c) => c.method === 'users.info')?.token).toBe(botTokenOf('T0B'));
    await expect(
      bot.deliver?.({ platform: 'slack', workspaceId: 'T0A', userId: 'UA1' }, reply({ lead: 'x' })),
    ).rejects.toThrow('not installed');
  });

  it('treats tokens_revoked for the bot as an uninstall', async () => {
    await event(base, 'T0C', { type: 'tokens_revoked', tokens: { bot: ['UT0CBOT'] } });
    const query = { teamId: 'T0C', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    const gone = await eventually(() =>
      installations()
        .fetchInstallation(query)
        .then(
          () => false,
          () => true,
        ),
    );
    expect(gone).toBe(true);
    await expect(
      bot.deliver?.({ platform: 'slack', workspaceId: 'T0C', userId: 'UC1' }, reply({ lead: 'x' })),
    ).rejects.toThrow('not installed');
  });
});
