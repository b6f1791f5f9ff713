// startSlack through real Bolt over loopback HTTP while slack.com is unreachable at first: auth.test is
// retried with backoff, and once it answers the bot answers signed slash commands.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackBot, startSlack } from '../../../src/adapters/slack/start.js';
import { ConfigError } from '../../../src/config.js';
import { reply } from '../../../src/core/runtime/reply.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { postSlash, SIGNING_SECRET, visibleText } from './harness.js';

const json = (value: unknown) =>
  new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A Slack API whose auth.test fails with a network error `failures` times, then answers `authAnswer`. */
function flakySlack(failures: number, authAnswer: object = { ok: true, user_id: 'U0GIGDESK', bot_id: 'B0GIGDESK' }) {
  const methods: string[] = [];
  let left = failures;
  const fetch: typeof globalThis.fetch = async (input) => {
    const method = String(input).replace('https://slack.com/api/', '');
    methods.push(method);
    if (method === 'auth.test' && left-- > 0) throw new TypeError('fetch failed (getaddrinfo EAI_AGAIN slack.com)');
    return json(method === 'auth.test' ? authAnswer : { ok: true });
  };
  return { fetch, methods };
}

let bot: SlackBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function startHttp(fetch: typeof globalThis.fetch) {
  const port = await freePort();
  const slack = {
    botToken: 'xoxb-1-test-token',
    oauth: undefined,
    appToken: undefined,
    signingSecret: SIGNING_SECRET,
    port,
    adminUserIds: [],
  };
  bot = await startSlack(
    { slack, rateLimits: undefined },
    { store: memoryStore(), clientOptions: { fetch }, host: '127.0.0.1', backoff: { firstMs: 5, maxMs: 20 } },
  );
  return { bot, port };
}

describe('startSlack while slack.com is unreachable', () => {
  it('returns at once, retries auth.test, then answers a signed slash command', async () => {
    const slack = flakySlack(3);
    const { bot, port } = await startHttp(slack.fetch);
    await bot.ready;
    expect(slack.methods.filter((m) => m === 'auth.test')).toHaveLength(4);
    expect(bot.port).toBe(port);
    const answer = await postSlash(port, '/jss', '7 1 8');
    expect(answer.status).toBe(200);
    expect(visibleText(JSON.parse(answer.body))).toContain('75 %');
    // Bolt was handed the ids: it never asked auth.test again for the request.
    expect(slack.methods.filter((m) => m === 'auth.test')).toHaveLength(4);
  });

  it('refuses to deliver a reminder before it is connected by throwing, so the worker retries later', async () => {
    const slack = flakySlack(1_000_000);
    const { bot } = await startHttp(slack.fetch);
    await expect(
      bot.deliver({ platform: 'slack', workspaceId: 'T0TEST', userId: 'U0PLAIN' }, reply({ lead: 'Ping' })),
    ).rejects.toThrow('not connected yet');
  });

  it('stops while still retrying without an error', async () => {
    const slack = flakySlack(1_000_000);
    const { bot } = await startHttp(slack.fetch);
    while (slack.methods.length < 2) await new Promise((r) => setTimeout(r, 5));
    await bot.stop();
    const seen = slack.methods.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(slack.methods.length).toBe(seen);
  });

  it('ends with a message naming SLACK_BOT_TOKEN when Slack refuses the token, never its value', async () => {
    const slack = flakySlack(1, { ok: false, error: 'invalid_auth' });
    const { bot } = await startHttp(slack.fetch);
    const failure = await bot.ended?.catch((error: Error) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toContain('SLACK_BOT_TOKEN was refused by Slack (invalid_auth)');
    expect((failure as Error).message).not.toContain('xoxb-1-test-token');
  });
});
