// Slack over HTTP (real Bolt) and Discord over HTTP on one port, as `gigdesk start` runs them when
// DISCORD_HTTP_PORT equals SLACK_PORT; and on two ports as before. Real HTTP on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { INTERACTIONS_PATH } from '../../src/adapters/discord/http.js';
import type { RunningAdapter } from '../../src/adapters/running.js';
import { startSlack } from '../../src/adapters/slack/start.js';
import { commands } from '../../src/commands/index.js';
import { loadConfig } from '../../src/config.js';
import { logger } from '../../src/core/log.js';
import { memoryStore } from '../../src/core/store/store.js';
import { freePort } from '../support/ports.js';
import { APP, visibleText as discordText, slashPayload } from './discord/fake.js';
import { PUBLIC_KEY, postSigned, startSignedHttp } from './discord/signed.js';
import { postSlash, SIGNING_SECRET, visibleText as slackText } from './slack/harness.js';

const postDiscord = (port: number, payload: object) =>
  postSigned(`http://127.0.0.1:${port}${INTERACTIONS_PATH}`, payload);

logger.level = 'silent';

const running: RunningAdapter[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((adapter) => adapter.stop()));
});

async function discordOn(port: number) {
  const bot = await startSignedHttp({
    port,
    store: memoryStore(),
    upstream: async () => new Response(null, { status: 204 }),
  });
  running.push(bot);
  return bot;
}

async function slackOn(port: number) {
  const fetch: typeof globalThis.fetch = async (input) => {
    const body = String(input).endsWith('auth.test') ? { ok: true, user_id: 'U0GIGDESK', bot_id: 'B0GIGDESK' } : {};
    return new Response(JSON.stringify({ ok: true, ...body }), { headers: { 'content-type': 'application/json' } });
  };
  const slack = {
    botToken: 'xoxb-1-test-token',
    oauth: undefined,
    appToken: undefined,
    signingSecret: SIGNING_SECRET,
    port,
    adminUserIds: [],
  };
  const bot = await startSlack({ slack }, { store: memoryStore(), clientOptions: { fetch }, host: '127.0.0.1' });
  running.push(bot);
  await bot.ready;
  return bot;
}

const PING = { id: '1', type: 1, application_id: APP, token: 't', version: 1 };

async function expectBothAnswer(slackPort: number, discordPort: number) {
  const slack = await postSlash(slackPort, '/jss', '7 1 8');
  expect(slack.status).toBe(200);
  expect(slackText(JSON.parse(slack.body))).toContain('75 %');
  expect(await postDiscord(discordPort, PING)).toEqual({ status: 200, json: { type: 1 } });
  const jss = await postDiscord(discordPort, slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
  expect(jss.json.type).toBe(4);
  expect(discordText(jss.json)).toContain('75 %');
}

describe('Slack and Discord over HTTP', () => {
  it('accepts DISCORD_HTTP_PORT equal to SLACK_PORT', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'test-token',
      DISCORD_APPLICATION_ID: APP,
      DISCORD_PUBLIC_KEY: PUBLIC_KEY,
      DISCORD_HTTP_PORT: '3000',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_PORT: '3000',
    });
    expect([config.discord?.http?.port, config.slack?.port]).toEqual([3000, 3000]);
  });

  it.each([
    ['Discord', 'Slack'],
    ['Slack', 'Discord'],
  ])('answers both on one port (%s started first)', async (first) => {
    const port = await freePort();
    if (first === 'Discord') {
      await discordOn(port);
      await slackOn(port);
    } else {
      await slackOn(port);
      await discordOn(port);
    }
    await expectBothAnswer(port, port);
    // A path neither serves is still Bolt's 404.
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`, { method: 'POST' })).status).toBe(404);
  });

  it('keeps the other serving when one stops, and frees the port when both have', async () => {
    const port = await freePort();
    const discord = await discordOn(port);
    const slack = await slackOn(port);
    await slack.stop();
    expect(await postDiscord(port, PING)).toEqual({ status: 200, json: { type: 1 } });
    await discord.stop();
    running.splice(0);
    await expect(fetch(`http://127.0.0.1:${port}${INTERACTIONS_PATH}`, { method: 'POST' })).rejects.toThrow();
  });

  it('still answers each on its own port when they differ', async () => {
    const [slackPort, discordPort] = [await freePort(), await freePort()];
    await discordOn(discordPort);
    await slackOn(slackPort);
    await expectBothAnswer(slackPort, discordPort);
    // Each server has only its own routes: Bolt's 404 for Discord's path on the Slack port.
    const misdirected = await fetch(`http://127.0.0.1:${slackPort}${INTERACTIONS_PATH}`, { method: 'POST' });
    expect(misdirected.status).toBe(404);
  });
});
