// The store against a real redis-server: shared state, atomic claims, and behaviour while Redis is down.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { StorageUnavailableError } from '../../../src/core/store/errors.js';
import { openStore, readUserData, type Store, writeUserData } from '../../../src/core/store/store.js';
import { type RedisServer, startRedis } from '../../support/redisServer.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const scope = (store: Store) => ({ platform: 'discord' as const, workspaceId: 'g1', userId: 'u1', store });

describe('Redis store', () => {
  it('what one store writes another reads', async () => {
    const a = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    const b = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    await writeUserData(scope(a), 'contracts', { contracts: [{ id: 1 }] });
    expect(await readUserData(scope(b), 'contracts')).toEqual({ contracts: [{ id: 1 }] });
    expect(a.kind).toBe('redis');
    await Promise.all([a.close(), b.close()]);
  });

  it('gives a saved value with a lifetime to exactly one of two stores racing to take it', async () => {
    const a = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    const b = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    for (let i = 0; i < 5; i++) await a.expiring.save(`race:${i}`, { i }, 60_000);
    const taken = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).expiring.take(`race:${i % 5}`)),
    );
    expect(taken.filter(Boolean)).toHaveLength(5);
    await Promise.all([a.close(), b.close()]);
  });

  it('while Redis is down: storage commands say so, math keeps answering, and it recovers', async () => {
    const store = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    const ctx: Context = { ...scope(store), isAdmin: false, now: new Date('2026-11-22T12:00:00Z') };
    expect((await runText('/contracts add 2026-11-01 successful 500 Acme', commands, ctx)).outcome).toBe('ok');

    await redis.stop();
    await expect(store.get('anything')).rejects.toBeInstanceOf(StorageUnavailableError);
    const listed = await runText('/contracts list', commands, ctx);
    expect(listed.outcome).toBe('storage_unavailable');
    expect(JSON.stringify(listed.reply)).toContain('try again');
    const math = await runText('/jss 7 1 8', commands, {
      ...ctx,
      rateLimits: { perUser: 5, perWorkspace: 5, windowMs: 60_000 },
    });
    expect(math.outcome).toBe('ok');
    expect(math.reply.lead).toContain('75 %');

    await redis.restart(); // a fresh, empty server on the same port
    let after = await runText('/contracts list', commands, ctx);
    for (let i = 0; i < 20 && after.outcome !== 'ok'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = await runText('/contracts list', commands, ctx);
    }
    expect(after.outcome).toBe('ok');
    await store.close();
  });
});

describe('rate limits while Redis is away', () => {
  it('do not start from zero for someone who just hit the limit, and allow others half the budget', async () => {
    const store = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    const limits = { perUser: 4, perWorkspace: 100, windowMs: 60_000 };
    const as = (userId: string): Context => ({
      ...scope(store),
      userId,
      isAdmin: false,
      now: new Date(),
      rateLimits: limits,
    });
    for (let i = 0; i < 4; i++) expect((await runText('/jss 7 1 8', commands, as('busy'))).outcome).toBe('ok');
    expect(await runText('/jss 7 1 8', commands, as('busy'))).toMatchObject({ code: 'rate_limited_user' });

    await store.get('anything'); // starts the store's probe, which tells when Redis stops answering
    redis.pause();
    try {
      await vi.waitFor(() => expect(store.available()).toBe(false), { timeout: 8000, interval: 100 });
      expect(await runText('/jss 7 1 8', commands, as('busy'))).toMatchObject({ code: 'rate_limited_user' });
      for (let i = 0; i < 2; i++) expect((await runText('/jss 7 1 8', commands, as('fresh'))).outcome).toBe('ok');
      expect(await runText('/jss 7 1 8', commands, as('fresh'))).toMatchObject({ code: 'rate_limited_user' });
    } finally {
      redis.resume();
    }
    await store.close();
  });
});

describe('a hung Redis (SIGSTOP: socket open, no answers)', () => {
  it('gives storage unavailable within 6 s, math keeps answering, and it recovers after SIGCONT', async () => {
    const store = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    const limits = { perUser: 50, perWorkspace: 50, windowMs: 60_000 };
    const ctx: Context = { ...scope(store), isAdmin: false, now: new Date('2026-11-22T12:00:00Z'), rateLimits: limits };
    expect((await runText('/contracts add 2026-11-01 successful 500 Acme', commands, ctx)).outcome).toBe('ok');

    redis.pause();
    try {
      const started = Date.now();
      const listed = await runText('/contracts list', commands, ctx);
      const waited = Date.now() - started;
      expect(listed.outcome).toBe('storage_unavailable');
      expect(JSON.stringify(listed.reply)).toContain('try again');
      expect(waited).toBeLessThan(6000); // the bound for a hung Redis
      for (const line of ['/jss 7 1 8', '/fees 15000']) expect((await runText(line, commands, ctx)).outcome).toBe('ok');
    } finally {
      redis.resume();
    }
    let after = await runText('/contracts list', commands, ctx);
    for (let i = 0; i < 40 && after.outcome !== 'ok'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = await runText('/contracts list', commands, ctx);
    }
    expect(after.outcome).toBe('ok');
    expect(JSON.stringify(after.reply)).toContain('Acme');
    await store.close();
  });

  it('warns at start when Redis keeps no RDB snapshot and no AOF', async () => {
    const warn = vi.spyOn(logger, 'warn');
    const store = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    await store.get('anything');
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('neither RDB snapshots nor AOF')));
    warn.mockRestore();
    await store.close();
  });
});

describe('Redis update', () => {
  it('never loses a write when two stores update the same key at once', async () => {
    const a = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    const b = openStore({ sqlitePath: 'unused', redisUrl: redis.url });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).update<number[]>('shared-list', async (list = []) => {
          await new Promise((r) => setTimeout(r, 1)); // widen the read-modify-write window
          return [...list, i];
        }),
      ),
    );
    expect((await a.get<number[]>('shared-list'))?.sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
    expect(await b.update('shared-list', () => undefined)).toBeUndefined();
    expect(await a.get('shared-list')).toBeUndefined();
    await Promise.all([a.close(), b.close()]);
  });
});
