// Data with a lifetime (saved buttons, forms, OAuth states) through keyv, on the store's own backend,
// deleted when its lifetime ends: Redis drops the key by its TTL; on SQLite (and in memory) a sweep
// deletes expired rows every few minutes, so nothing outlives its lifetime in the file.
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultDeserialize } from '@keyv/serialize';
import type { Redis } from 'ioredis';
import type { Keyv, KeyvStoreAdapter } from 'keyv';
import { logger } from '../log.js';
import { countStoreError } from '../metrics.js';
import { StorageUnavailableError } from './errors.js';

export interface Expiring {
  save(id: string, value: unknown, ttlMs: number): Promise<void>;
  get<T>(id: string): Promise<T | undefined>;
  /** Reads and deletes in one step: exactly one caller, across every process, gets the value. */
  take<T>(id: string): Promise<T | undefined>;
  delete(id: string): Promise<void>;
  /** Deletes what has expired now; Redis does this by itself (0). */
  sweep(): Promise<number>;
  close(): Promise<void>;
}

const NAMESPACE = 'expiring';
const SWEEP_EVERY_MS = 5 * 60_000;
const REDIS_PREFIX = 'gigdesk:';

/** A keyv store with one more step keyv lacks: an atomic read-and-delete of a raw row. */
type Backend = KeyvStoreAdapter & { take(key: string): Promise<string | undefined>; sweep(): Promise<number> };

function fails(kind: string, error: unknown): never {
  if (error instanceof StorageUnavailableError) throw error;
  countStoreError(kind === 'redis' ? 'redis' : 'sqlite');
  throw new StorageUnavailableError(`${kind} expiring store failed: ${(error as Error).message}`, { cause: error });
}

/** keyv over the project's ioredis client, whose every command has a timeout (never a wait for ever). */
function redisBackend(client: Redis): Backend {
  const key = (k: string) => REDIS_PREFIX + k;
  return Object.assign(new EventEmitter(), {
    opts: {},
    namespace: undefined as string | undefined,
    get: async (k: string) => (await client.get(key(k))) ?? undefined,
    set: async (k: string, value: string, ttl?: number) => {
      await (ttl ? client.set(key(k), value, 'PX', ttl) : client.set(key(k), value));
    },
    delete: async (k: string) => (await client.del(key(k))) > 0,
    clear: async () => {
      for await (const keys of client.scanStream({ match: key(`${NAMESPACE}:*`), count: 200 }))
        if ((keys as string[]).length > 0) await client.del(...(keys as string[]));
    },
    take: async (k: string) => (await client.getdel(key(k))) ?? undefined,
    sweep: async () => 0,
  }) as unknown as Backend;
}

async function sqliteBackend(path: string): Promise<Backend> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const { KeyvSqlite } = await import('@keyv/sqlite');
  const sqlite = new KeyvSqlite({ uri: `sqlite://${path}`, table: 'expiring', busyTimeout: 5000 });
  const rows = (sql: string, ...params: unknown[]) => sqlite.query(sql, ...params) as Promise<{ value?: string }[]>;
  await rows('PRAGMA secure_delete = ON');
  return Object.assign(sqlite, {
    take: async (k: string) => (await rows('DELETE FROM expiring WHERE key = ? RETURNING value', k))[0]?.value,
    sweep: async () =>
      (await rows(`DELETE FROM expiring WHERE json_extract(value, '$.expires') <= ? RETURNING key`, Date.now())).length,
  }) as unknown as Backend;
}

/** Opens nothing (and loads neither keyv nor sqlite) until first used. */
function expiring(kind: 'redis' | 'sqlite', connect: () => Promise<Backend>): Expiring {
  let opened: Promise<{ keyv: Keyv; backend: Backend }> | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let closed = false;
  const open = () => {
    if (closed) return Promise.reject(new StorageUnavailableError('the store is closed'));
    opened ??= (async () => {
      const backend = await connect();
      const { Keyv } = await import('keyv');
      const keyv = new Keyv({ store: backend, namespace: NAMESPACE, throwOnErrors: true, emitErrors: false });
      if (kind === 'sqlite') {
        const sweep = () =>
          void backend.sweep().catch((error: unknown) => logger.warn({ err: error }, 'expired-data sweep failed'));
        sweep();
        sweeper = setInterval(sweep, SWEEP_EVERY_MS).unref();
      }
      return { keyv, backend };
    })().catch((error: unknown) => {
      opened = undefined;
      throw error;
    });
    return opened;
  };
  const guarded = async <T>(work: (o: { keyv: Keyv; backend: Backend }) => Promise<T>): Promise<T> => {
    try {
      return await work(await open());
    } catch (error) {
      return fails(kind, error);
    }
  };
  return {
    save: (id, value, ttlMs) => guarded(async ({ keyv }) => void (await keyv.set(id, value, ttlMs))),
    get: <T>(id: string) => guarded(async ({ keyv }) => (await keyv.get(id)) as T | undefined),
    take: <T>(id: string) =>
      guarded(async ({ backend }) => {
        const raw = await backend.take(`${NAMESPACE}:${id}`);
        if (raw === undefined) return undefined;
        const data = defaultDeserialize<{ value?: T; expires?: number | null }>(raw);
        return data.expires && data.expires <= Date.now() ? undefined : data.value;
      }),
    delete: (id) => guarded(async ({ keyv }) => void (await keyv.delete(id))),
    sweep: () => guarded(({ backend }) => backend.sweep()),
    close: async () => {
      closed = true;
      clearInterval(sweeper);
      const was = opened;
      opened = undefined;
      // The Redis client belongs to the data store, which closes it; the SQLite connection is ours.
      const backend = (await was?.catch(() => undefined))?.backend;
      if (kind === 'sqlite' && backend?.disconnect) await backend.disconnect().catch(() => undefined);
    },
  };
}

export const redisExpiring = (client: Redis) => expiring('redis', async () => redisBackend(client));
export const sqliteExpiring = (path: string) => expiring('sqlite', () => sqliteBackend(path));
