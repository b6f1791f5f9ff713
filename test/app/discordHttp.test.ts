// Discord over HTTP as production runs it: two compiled `gigdesk start` processes on one real
// redis-server, no gateway, signed interactions POSTed to both at once, later REST calls to a fake
// Discord API on loopback (DISCORD_API_URL).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { loadLog } from '../../src/core/jss/contractsStore.js';
import { openStore } from '../../src/core/store/store.js';
import {
  APP,
  GUILD,
  interactionPayload,
  rawMessage,
  slashPayload,
  USER,
  userInstalled,
  visibleText,
} from '../adapters/discord/fake.js';
import { PUBLIC_KEY, signed } from '../adapters/discord/signed.js';
import { startBot } from '../support/cli.js';
import { testContext } from '../support/context.js';
import { type RedisServer, startRedis } from '../support/redisServer.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-discord-http-'));

interface RestCall {
  method: string;
  path: string;
  /** The JSON sent (payload_json of a multipart body). */
  // biome-ignore lint/suspicious/noExplicitAny: captured JSON
  body: any;
  /** The files of a multipart body, as text. */
  files: string[];
}

/** Discord's REST API on loopback: records each call; message edits and follow-ups get a message back. */
async function fakeDiscordApi() {
  const calls: RestCall[] = [];
  const server = createServer((req, res) => {
    void readCall(req).then((call) => {
      calls.push(call);
      const isMessage = /\/webhooks\/\d+\/[^/]+(\/messages\/.+)?$/.test(call.path) && call.method !== 'DELETE';
      if (!isMessage) return void res.writeHead(204).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(rawMessage('700000000000000070', '500000000000000005')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    calls,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function readCall(req: IncomingMessage): Promise<RestCall> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('multipart/')) {
    const body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    return { method: String(req.method), path: String(req.url), body, files: [] };
  }
  const { body, files } = await readForm(new Response(raw, { headers: { 'content-type': type } }));
  return { method: String(req.method), path: String(req.url), body, files };
}

/** A message with files, as Discord takes it: the JSON in payload_json, each file as files[n]. */
async function readForm(response: Response) {
  const form = await response.formData();
  const files = form.getAll('files[0]').concat(form.getAll('files[1]'));
  const texts = await Promise.all(files.map((file) => (file as File).text()));
  return { body: JSON.parse(String(form.get('payload_json'))), files: texts };
}

type Bot = ReturnType<typeof startBot> & { port: number; outbound: string };

let redis: RedisServer;
let api: Awaited<ReturnType<typeof fakeDiscordApi>>;
const bots: Bot[] = [];

async function startHttpBot(n: number): Promise<Bot> {
  const outbound = join(dir, `outbound-${n}.txt`);
  const bot = startBot(
    {
      DISCORD_TOKEN: 'test-token',
      DISCORD_APPLICATION_ID: APP,
      DISCORD_PUBLIC_KEY: PUBLIC_KEY,
      DISCORD_HTTP_PORT: '0',
      DISCORD_API_URL: `http://127.0.0.1:${api.port}/api`,
      REDIS_URL: redis.url,
      GIGDESK_DB_PATH: join(dir, `unused-${n}.sqlite`),
      GIGDESK_OUTBOUND_LOG: outbound,
      // The per-user limit (20 a minute, shared through Redis) would refuse some of the adds below.
      RATE_LIMIT_PER_USER: '1000',
      LOG_LEVEL: 'info',
    },
    ['--import', './test/support/outboundLog.mjs'],
  );
  await bot.waitFor('discord interactions over HTTP', 'stderr');
  const port = Number(/"port":(\d+),"path":"\/discord\/interactions"/.exec(bot.logs())?.[1]);
  return { ...bot, port, outbound };
}

beforeAll(async () => {
  redis = await startRedis();
  api = await fakeDiscordApi();
  bots.push(...(await Promise.all([startHttpBot(1), startHttpBot(2)])));
}, 90_000);

afterAll(async () => {
  for (const bot of bots) bot.child.kill('SIGTERM');
  await Promise.all(bots.map((bot) => bot.exited));
  await api?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * What the user finally sees, with its files: the HTTP response's own answer (JSON, or multipart with
 * files), or, when deferred (type 5), the edit that follows over REST.
 */
async function answerTo(port: number, payload: { token: string }): Promise<Seen> {
  const body = JSON.stringify(payload);
  const url = `http://127.0.0.1:${port}/discord/interactions`;
  const response = await fetch(url, { method: 'POST', body, headers: signed(body) });
  expect(response.status).toBe(200);
  const multipart = response.headers.get('content-type')?.startsWith('multipart/form-data');
  const first = multipart ? await readForm(response) : { body: await response.json(), files: [] };
  if (first.body.type === 4) return { text: visibleText(first.body), files: first.files, message: first.body.data };
  expect(first.body.type).toBe(5);
  const edit = () => api.calls.find((c) => c.method === 'PATCH' && c.path.includes(`/${payload.token}/messages/`));
  for (let i = 0; i < 300 && !edit(); i++) await new Promise((r) => setTimeout(r, 100));
  return { text: visibleText(edit()?.body), files: edit()?.files ?? [], message: edit()?.body };
}

interface Seen {
  text: string;
  files: string[];
  /** The message JSON, with its buttons. */
  // biome-ignore lint/suspicious/noExplicitAny: captured JSON
  message: any;
}

const N = 24;

describe('two gigdesk processes answering Discord over HTTP on one Redis', { timeout: 120_000 }, () => {
  it(`answers ${N} adds for one user, sent to both processes at once, and the log holds all ${N}`, async () => {
    const adds = Array.from({ length: N }, (_, i) => {
      const add = slashPayload(commands, 'contracts add', {
        date: '2026-10-01',
        outcome: 'successful',
        amount: 100 + i,
        client: `Client${i}`,
      });
      // Half from the server, half from the bot's DM: the same person's one log either way.
      return (i % 4 < 2 ? add : userInstalled(add, 'dm')) as { token: string };
    });
    const answers = await Promise.all(adds.map((add, i) => answerTo(bots[i % 2]?.port ?? 0, add)));
    expect(answers.filter(({ text }) => text.includes('Added')).length).toBe(N);

    const store = openStore({ sqlitePath: join(dir, 'reader.sqlite'), redisUrl: redis.url });
    try {
      const log = await loadLog(testContext({ platform: 'discord', workspaceId: GUILD, userId: USER, store }));
      const clients = Array.from({ length: N }, (_, i) => `Client${i}`);
      expect(log.contracts.map((c) => c.client).sort()).toEqual(clients.sort());
    } finally {
      await store.close();
    }
  });

  it('sends /contracts export as its first answer with the CSV file, every contract in it', async () => {
    const exported = await answerTo(
      bots[1]?.port ?? 0,
      slashPayload(commands, 'contracts export', {}) as { token: string },
    );
    expect(exported.text).toContain(`${N} contracts`);
    const rows = exported.files[0]?.trim().split('\n') ?? [];
    expect(rows.length).toBe(N + 1); // the header line, then one line per contract
  });

  it('takes a button press at the other process than the one that answered', async () => {
    const answer = await answerTo(
      bots[0]?.port ?? 0,
      slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }) as { token: string },
    );
    const buttons = (answer.message?.components ?? []).flatMap((row: { components: unknown[] }) => row.components);
    const share = buttons.find((b: { label?: string }) => b.label === 'Share in channel');
    expect(share).toBeDefined();
    const press = {
      ...(interactionPayload(3, { custom_id: share.custom_id, component_type: 2 }) as { token: string }),
      message: { id: '700000000000000007', channel_id: '500000000000000005' },
    };
    const shared = await answerTo(bots[1]?.port ?? 0, press);
    expect(shared.text).toContain('75 %');
    expect(shared.message?.flags ?? 0).toBe(0);
  });

  it('opens no connection but to Redis and the fake REST API: no gateway WebSocket', () => {
    const allowed = new Set([`127.0.0.1:${redis.port}`, `127.0.0.1:${api.port}`]);
    for (const bot of bots) {
      const destinations = new Set(readFileSync(bot.outbound, 'utf8').split('\n').filter(Boolean));
      // The log does see connections: each process reached Redis.
      expect(destinations).toContain(`127.0.0.1:${redis.port}`);
      expect([...destinations].filter((to) => !allowed.has(to))).toEqual([]);
    }
  });
});
