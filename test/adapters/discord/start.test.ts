// runClient through the real discord.js Client: its REST calls go to a fake makeRequest, its gateway to a
// WebSocket server on loopback speaking Discord's gateway protocol (HELLO, IDENTIFY, READY, dispatches).
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { startDiscord } from '../../../src/adapters/discord/start.js';
import type { RunningAdapter } from '../../../src/adapters/running.js';
import { commands } from '../../../src/commands/index.js';
import { ConfigError } from '../../../src/config.js';
import { reply } from '../../../src/core/runtime/reply.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { APP, BOT, type Call, json, slashPayload, visibleText } from './fake.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.fake.discord-token-for-tests';

/** A gateway on loopback: HELLO on connect, READY after IDENTIFY, and a way to push dispatches. */
async function fakeGateway() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  let sequence = 0;
  const identified: unknown[] = [];
  server.on('connection', (socket) => {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    socket.on('message', (data) => {
      const packet = JSON.parse(String(data));
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op !== 2) return;
      identified.push(packet.d);
      const ready = {
        v: 10,
        user: { id: BOT, username: 'gigdesk', discriminator: '0', bot: true, avatar: null, global_name: null },
        guilds: [],
        session_id: 'session',
        resume_gateway_url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
        application: { id: APP, flags: 0 },
        shard: [0, 1],
      };
      socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++sequence, d: ready }));
    });
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    identified,
    dispatch: (t: string, d: object) => {
      for (const socket of server.clients) socket.send(JSON.stringify({ op: 0, t, s: ++sequence, d }));
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Discord's REST API: /gateway/bot fails `outage` times with a network error (or answers `gatewayStatus`). */
function fakeRest(gatewayUrl: string, outage: number, gatewayStatus = 200) {
  const calls: Call[] = [];
  let left = outage;
  const makeRequest = async (url: string, init: RequestInit) => {
    const call: Call = {
      method: String(init.method),
      path: decodeURIComponent(new URL(url).pathname.replace('/api/v10', '')),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    if (call.path === '/gateway/bot') {
      if (left-- > 0) throw new TypeError('fetch failed (getaddrinfo EAI_AGAIN discord.com)');
      if (gatewayStatus !== 200) return json(gatewayStatus, { message: '401: Unauthorized', code: 0 });
      const limit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
      return json(200, { url: gatewayUrl, shards: 1, session_start_limit: limit });
    }
    if (call.path.endsWith('/commands')) return json(200, []);
    return new Response(null, { status: 204 });
  };
  return { calls, makeRequest };
}

let bot: RunningAdapter | undefined;
let gateway: Awaited<ReturnType<typeof fakeGateway>> | undefined;
afterEach(async () => {
  await bot?.stop();
  await gateway?.close();
  bot = undefined;
  gateway = undefined;
});

function start(rest: ReturnType<typeof fakeRest>) {
  const discord = { token: TOKEN, applicationId: APP, shards: undefined, http: undefined };
  return startDiscord(
    { discord },
    {
      store: memoryStore(),
      // biome-ignore lint/suspicious/noExplicitAny: discord.js types makeRequest with undici's own Response type
      clientOptions: { rest: { makeRequest: rest.makeRequest, retries: 0 } as any },
      backoff: { firstMs: 5, maxMs: 20 },
    },
  );
}

describe('startDiscord while Discord is unreachable at start', () => {
  it('retries the login with backoff, connects to the gateway, then answers a slash command', async () => {
    gateway = await fakeGateway();
    const rest = fakeRest(gateway.url, 3);
    bot = await start(rest);
    await bot.ready;
    expect(rest.calls.filter((c) => c.path === '/gateway/bot')).toHaveLength(4);
    expect(gateway.identified).toHaveLength(1);
    gateway.dispatch('INTERACTION_CREATE', slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
    let answer: Call | undefined;
    for (let i = 0; i < 200 && !answer; i++) {
      await new Promise((r) => setTimeout(r, 10));
      answer = rest.calls.find((c) => c.path.endsWith('/callback'));
    }
    expect(visibleText(answer?.body)).toContain('75 %');
  });

  it('ends with a message naming DISCORD_TOKEN when Discord refuses the token, never its value', async () => {
    const rest = fakeRest('ws://127.0.0.1:1', 2, 401);
    bot = await start(rest);
    const failure = await bot.ended?.catch((error: Error) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toContain('DISCORD_TOKEN was refused by Discord');
    expect((failure as Error).message).not.toContain(TOKEN);
    // Two network failures retried, then the refusal: no retry after it.
    expect(rest.calls.filter((c) => c.path === '/gateway/bot')).toHaveLength(3);
  });

  it('throws from deliver before it is connected, so the reminder worker tries again later', async () => {
    const rest = fakeRest('ws://127.0.0.1:1', 1_000_000);
    bot = await start(rest);
    await expect(
      bot.deliver?.({ platform: 'discord', workspaceId: 'G', userId: 'U' }, reply({ lead: 'Ping' })),
    ).rejects.toThrow('not connected yet');
  });
});
