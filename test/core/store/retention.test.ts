// "Delete" deletes: after /mydata delete, and after saved buttons expire, no client name is left in the
// raw SQLite files or in any Redis key. Buttons are saved the way every answer saves them.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { saveActions } from '../../../src/core/runtime/actions.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { openStore, type Store } from '../../../src/core/store/store.js';
import { type RedisServer, startRedis } from '../../support/redisServer.js';

const CLIENT = 'Secret Client Ltd';
const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const contextFor = (store: Store, now = new Date()): Context => ({
  platform: 'discord',
  workspaceId: 'g1',
  userId: 'u1',
  isAdmin: false,
  now,
  store,
});

/** Runs a line and saves its buttons, as the adapters do after every answer. */
async function ask(line: string, ctx: Context): Promise<void> {
  const answer = await runText(line, commands, ctx);
  expect(answer.outcome).toBe('ok');
  const saved = await saveActions(answer.reply, ctx, ctx.store, ctx.now);
  expect(saved.actions.length).toBeGreaterThan(0);
}

/** Answers that keep the client's name in their buttons: one saved 8 days ago, one today. */
async function answersNamingTheClient(store: Store): Promise<void> {
  const line = `/template five-star client:"${CLIENT}" project:"the logo" you:Sam`;
  await ask(line, contextFor(store, new Date(Date.now() - 8 * DAY)));
  await ask(line, contextFor(store));
}

function sqliteFiles(): { path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-retention-'));
  dirs.push(dir);
  return { dir, path: join(dir, 'gigdesk.sqlite') };
}

const rawText = (dir: string) => readdirSync(dir).map((name) => readFileSync(join(dir, name)).toString('latin1'));

describe('retention on SQLite: the raw files', () => {
  it('hold no client name after /mydata delete', async () => {
    const { dir, path } = sqliteFiles();
    const store = openStore({ sqlitePath: path });
    await answersNamingTheClient(store);
    expect((await runText('/mydata delete confirm:yes', commands, contextFor(store))).outcome).toBe('ok');
    await store.close();
    for (const text of rawText(dir)) expect(text).not.toContain(CLIENT);
  });

  it('hold no client name once saved buttons expired and the sweep ran', async () => {
    const { dir, path } = sqliteFiles();
    const store = openStore({ sqlitePath: path });
    await store.expiring.save('actions:short', { args: { client: CLIENT } }, 30);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await store.expiring.sweep()).toBe(1);
    await store.close();
    for (const text of rawText(dir)) expect(text).not.toContain(CLIENT);
  });
});

describe('retention on Redis: every key', () => {
  let redis: RedisServer;
  let raw: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    raw = new Redis(redis.url, { commandTimeout: 2000 });
  });
  afterAll(async () => {
    raw.disconnect();
    await redis.stop();
  });

  /** Every value of every key, whatever its type. */
  async function everything(): Promise<string> {
    const values: string[] = [];
    for (const key of await raw.keys('*')) {
      const type = await raw.type(key);
      if (type === 'string') values.push((await raw.get(key)) ?? '');
      else if (type === 'hash') values.push(JSON.stringify(await raw.hgetall(key)));
      else if (type === 'list') values.push(JSON.stringify(await raw.lrange(key, 0, -1)));
      else if (type === 'set') values.push(JSON.stringify(await raw.smembers(key)));
      else if (type === 'zset') values.push(JSON.stringify(await raw.zrange(key, 0, -1)));
      values.push(key);
    }
    return values.join('\n');
  }

  it('hold no client name after /mydata delete', async () => {
    await raw.flushall();
    const store = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    await answersNamingTheClient(store);
    expect(await everything()).toContain(CLIENT);
    expect((await runText('/mydata delete confirm:yes', commands, contextFor(store))).outcome).toBe('ok');
    expect(await everything()).not.toContain(CLIENT);
    await store.close();
  });

  it('hold no client name once saved buttons expired', async () => {
    await raw.flushall();
    const store = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    await store.expiring.save('actions:short', { args: { client: CLIENT } }, 30);
    expect(await everything()).toContain(CLIENT);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await everything()).not.toContain(CLIENT);
    await store.close();
  });
});
