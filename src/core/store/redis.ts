// The shared store for several processes, on Redis through ioredis. Every command has a timeout; a
// probe once a second tells whether Redis answers, so calls fail at once while it does not and work
// again by themselves when it does. Updates are optimistic (compare-and-set in Lua, retried), so no
// lock guards a read-modify-write; the one lock left (withLock) is renewed while held.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import { logger } from '../log.js';
import { countStoreError } from '../metrics.js';
import { within } from '../waits.js';
import { StorageUnavailableError } from './errors.js';
import type { DataStore } from './types.js';

/** A chat command must answer in seconds; a Redis command without an answer by then counts as failed. */
const COMMAND_TIMEOUT_MS = 4000;
const PROBE_EVERY_MS = 1000;
/** A lock whose holder died frees itself after this; a live holder renews it every LOCK_RENEW_MS. */
const LOCK_TTL_MS = 4000;
const LOCK_RENEW_MS = 1000;
/** Longer than the lock's lifetime, so a waiter outlasts a dead holder's lock. */
const LOCK_WAIT_MS = 10_000;
const UPDATE_ATTEMPTS = 50;
const PREFIX = 'gigdesk:';

// Writes ARGV[2] (or deletes when it is empty) only if the key still holds ARGV[1] ('' = absent).
const COMPARE_AND_SET = `local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL') end
return 1`;
const RENEW_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface Scripts {
  compareAndSet(key: string, expected: string, next: string): Promise<number>;
  renewLock(key: string, owner: string, ttlMs: number): Promise<number>;
  releaseLock(key: string, owner: string): Promise<number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function redisStore(url: string): DataStore {
  // Loaded here, not at start-up: a process on SQLite (or a one-shot answer) never needs the Redis client.
  const { Redis: RedisClient } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
  const client = new RedisClient(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    // Reconnect for ever, at most every two seconds.
    retryStrategy: (times) => Math.min(100 * 2 ** times, 2000),
  });
  client.defineCommand('compareAndSet', { numberOfKeys: 1, lua: COMPARE_AND_SET });
  client.defineCommand('renewLock', { numberOfKeys: 1, lua: RENEW_LOCK });
  client.defineCommand('releaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK });
  const scripts = client as unknown as Scripts;
  // ioredis reports every failed reconnect; the probe below logs the changes that matter.
  client.on('error', (error: Error) => logger.debug({ err: error }, 'redis connection error'));
  client.once('ready', () => void warnWithoutPersistence(client));

  let answering = true;
  let probe: NodeJS.Timeout | undefined;
  let probing = false;
  const markAnswering = (now: boolean) => {
    if (now === answering) return;
    answering = now;
    if (now) logger.info('redis answers again');
    else logger.warn('redis is not answering; storage commands fail at once until it does');
  };
  const startProbe = () => {
    probe ??= setInterval(() => {
      if (probing) return;
      probing = true;
      const pinged = client.ping().then(
        () => true,
        () => false,
      );
      void within(pinged, PROBE_EVERY_MS)
        .then((answered) => markAnswering(answered === true))
        .finally(() => {
          probing = false;
        });
    }, PROBE_EVERY_MS).unref();
  };

  const call = async <T>(command: () => Promise<T>): Promise<T> => {
    startProbe();
    if (!answering) {
      countStoreError('redis');
      throw new StorageUnavailableError('redis store failed: redis is not answering');
    }
    try {
      return await command();
    } catch (error) {
      countStoreError('redis');
      if (/timed out/i.test((error as Error).message)) markAnswering(false);
      throw new StorageUnavailableError(`redis store failed: ${(error as Error).message}`, { cause: error });
    }
  };
  const read = async (key: string) => {
    const raw = await call(() => client.get(PREFIX + key));
    return raw === null ? undefined : JSON.parse(raw);
  };

  const store: DataStore = {
    kind: 'redis',
    redis: client,
    available: () => answering,
    get: (key) => read(key),
    set: async (key, value) => {
      await call(() => client.set(PREFIX + key, JSON.stringify(value)));
    },
    delete: async (key) => {
      await call(() => client.del(PREFIX + key));
    },
    keysWithPrefix: async (prefix) => {
      // SCAN walks the keyspace in steps, so a large store is not blocked; glob characters are escaped.
      const pattern = `${(PREFIX + prefix).replace(/[*?[\]\\]/g, '\\$&')}*`;
      const keys = new Set<string>();
      let cursor = '0';
      do {
        const [next, found] = await call(() => client.scan(cursor, 'MATCH', pattern, 'COUNT', 500));
        cursor = next;
        for (const key of found) keys.add(key.slice(PREFIX.length));
      } while (cursor !== '0');
      return [...keys];
    },
    // `change` may run more than once when another process wrote the key in between; keep it pure.
    update: async (key, change) => {
      for (let attempt = 1; ; attempt++) {
        const before = await call(() => client.get(PREFIX + key));
        const next = await change(before === null ? undefined : JSON.parse(before));
        const after = next === undefined ? '' : JSON.stringify(next);
        if ((await call(() => scripts.compareAndSet(PREFIX + key, before ?? '', after))) === 1) return next;
        if (attempt >= UPDATE_ATTEMPTS) throw new StorageUnavailableError(`redis store failed: ${key} kept changing`);
        await sleep(Math.random() * 5 * attempt);
      }
    },
    withLock: async (name, work) => {
      const lock = `${PREFIX}lock:${name}`;
      const owner = randomUUID();
      const deadline = Date.now() + LOCK_WAIT_MS;
      while ((await call(() => client.set(lock, owner, 'PX', LOCK_TTL_MS, 'NX'))) !== 'OK') {
        if (Date.now() > deadline) throw new StorageUnavailableError(`redis store failed: ${name} stayed locked`);
        await sleep(10 + Math.random() * 40);
      }
      const renew = setInterval(() => {
        void scripts.renewLock(lock, owner, LOCK_TTL_MS).then(
          (kept) => kept || logger.error({ lock: name }, 'a held lock expired before its work ended'),
          (error: unknown) => logger.warn({ err: error, lock: name }, 'could not renew a lock'),
        );
      }, LOCK_RENEW_MS);
      try {
        return await work();
      } finally {
        clearInterval(renew);
        await scripts.releaseLock(lock, owner).catch((error: unknown) => {
          logger.warn({ err: error, lock: name }, 'could not release a lock; it expires by itself');
        });
      }
    },
    close: async () => {
      clearInterval(probe);
      probe = undefined;
      if (client.status === 'wait' || client.status === 'end') return;
      await client.quit().catch(() => client.disconnect());
    },
  };
  return store;
}

/** Reminders and logs live in Redis: say so when a restart of Redis would lose them. */
async function warnWithoutPersistence(client: Redis): Promise<void> {
  try {
    const [, save] = (await client.config('GET', 'save')) as string[];
    const [, appendonly] = (await client.config('GET', 'appendonly')) as string[];
    if (!save && appendonly !== 'yes')
      logger.warn('redis has neither RDB snapshots nor AOF enabled: a Redis restart loses reminders and logs');
  } catch (error) {
    logger.debug({ err: error }, 'could not read the redis persistence settings');
  }
}
