// The operations that must not interleave between callers: counters, claims and locks. On Redis they
// hold across every process (INCR, SET NX with expiry); on SQLite and memory within this process.
import { randomUUID } from 'node:crypto';
import type KeyvRedis from '@keyv/redis';
import type Keyv from 'keyv';
import { logger } from '../log.js';
import { StorageUnavailableError } from './errors.js';

/** The two operations that must not interleave between callers. */
export interface Atomic {
  increment(key: string, windowMs: number): Promise<number>;
  claim(key: string, ttlMs: number): Promise<boolean>;
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** Longest a lock may be held before Redis frees it (a holder that died must not block forever). */
const LOCK_TTL_MS = 5000;

/** Runs work through one promise chain, so read-modify-writes queue up instead of interleaving. */
function serialQueue() {
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };
}

/** One queue per key, so work under one key's lock may take another key's lock. */
function keyedQueues() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (tails.get(key) ?? Promise.resolve()).then(work, work);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return next;
  };
}

/** INCR and SET NX are atomic in Redis itself, so they hold across any number of processes. */
export function redisAtomic(adapter: KeyvRedis<unknown>, timeoutMs: number): Atomic {
  const raw = (key: string) => `gigdesk:atomic:${key}`;
  return {
    increment: async (key, windowMs) => {
      const client = (await adapter.getClient()) as RedisCommands;
      const count = Number(await client.incr(raw(key)));
      if (count === 1) await client.pExpire(raw(key), windowMs);
      return count;
    },
    claim: async (key, ttlMs) => {
      const client = (await adapter.getClient()) as RedisCommands;
      return (await client.set(raw(key), '1', { NX: true, PX: ttlMs })) === 'OK';
    },
    exclusive: async (key, work) => {
      const lock = raw(`lock:${key}`);
      const owner = randomUUID();
      let client: RedisCommands;
      try {
        client = (await adapter.getClient()) as RedisCommands;
        const deadline = Date.now() + timeoutMs;
        while ((await client.set(lock, owner, { NX: true, PX: LOCK_TTL_MS })) !== 'OK') {
          if (Date.now() > deadline) throw new Error(`${key} stayed locked`);
          await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
        }
      } catch (error) {
        throw new StorageUnavailableError(`redis lock failed: ${(error as Error).message}`, { cause: error });
      }
      try {
        return await work();
      } finally {
        // Free the lock only if it is still ours (it may have expired and gone to another holder).
        await client.eval(RELEASE_LOCK, { keys: [lock], arguments: [owner] }).catch((error: unknown) => {
          logger.warn({ err: error, lock: key }, 'could not release a lock; it expires by itself');
        });
      }
    },
  };
}

const RELEASE_LOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

interface RedisCommands {
  incr(key: string): Promise<number>;
  pExpire(key: string, ms: number): Promise<unknown>;
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Read-modify-write on keyv, serialised through one promise chain: atomic within this process. */
export function localAtomic(keyv: () => Keyv): Atomic {
  const serial = serialQueue();
  // Queues of their own, so work under a lock may still count or claim.
  const exclusive = keyedQueues();
  return {
    exclusive,
    increment: (key, windowMs) =>
      serial(async () => {
        const count = ((await keyv().get<number>(`atomic:${key}`)) ?? 0) + 1;
        if (count === 1) await keyv().set(`atomic:${key}`, count, windowMs);
        else await keyv().set(`atomic:${key}`, count, await remainingMs(keyv(), `atomic:${key}`, windowMs));
        return count;
      }),
    claim: (key, ttlMs) =>
      serial(async () => {
        if ((await keyv().get(`atomic:${key}`)) !== undefined) return false;
        await keyv().set(`atomic:${key}`, 1, ttlMs);
        return true;
      }),
  };
}

/** keyv stores the expiry beside the value; keep a counter's original window when it is rewritten. */
async function remainingMs(keyv: Keyv, key: string, fallback: number): Promise<number> {
  const raw = (await keyv.get(key, { raw: true })) as { expires?: number } | undefined;
  return raw?.expires ? Math.max(1, raw.expires - Date.now()) : fallback;
}
