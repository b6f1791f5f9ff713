// keyv behind a small typed interface: SQLite file by default, Redis when REDIS_URL is set.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { Context } from './command.js';
import { StorageUnavailableError } from './errors.js';
import { logger } from './log.js';

export interface Store {
  readonly kind: 'sqlite' | 'redis' | 'memory';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  sqlitePath: string;
  redisUrl?: string;
}

/** Opens nothing until first used, so pure math still answers when the database is away. */
export function openStore(options: StoreOptions): Store {
  if (options.redisUrl) {
    const url = options.redisUrl;
    return keyvStore('redis', () => {
      const adapter = new KeyvRedis(url, { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 2000 });
      return new Keyv({ store: adapter, namespace: 'gigdesk', throwOnErrors: true });
    });
  }
  return keyvStore('sqlite', () => {
    if (options.sqlitePath !== ':memory:') mkdirSync(dirname(options.sqlitePath), { recursive: true });
    const adapter = new KeyvSqlite({ uri: `sqlite://${options.sqlitePath}`, busyTimeout: 5000 });
    return new Keyv({ store: adapter, namespace: 'gigdesk', throwOnErrors: true });
  });
}

/** In-process store for tests of commands that are not about storage itself. */
export function memoryStore(): Store {
  return keyvStore('memory', () => new Keyv({ namespace: 'gigdesk', throwOnErrors: true }));
}

function keyvStore(kind: Store['kind'], create: () => Keyv): Store {
  let keyv: Keyv | undefined;
  const open = () => {
    if (!keyv) {
      keyv = create();
      // keyv emits errors as events too; without a listener Node would crash the process.
      keyv.on('error', (error: unknown) => logger.warn({ err: error, store: kind }, 'store error'));
    }
    return keyv;
  };
  const guard = async <T>(action: (k: Keyv) => Promise<T>): Promise<T> => {
    try {
      return await action(open());
    } catch (error) {
      throw new StorageUnavailableError(`${kind} store failed: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    kind,
    get: <T>(key: string) => guard((k) => k.get<T>(key)),
    set: (key, value, ttlMs) => guard(async (k) => void (await k.set(key, value, ttlMs))),
    delete: (key) => guard(async (k) => void (await k.delete(key))),
    close: async () => {
      if (keyv) await keyv.disconnect();
      keyv = undefined;
    },
  };
}

const part = (id: string) => encodeURIComponent(id);

/** Key of something a workspace owns: templates, settings. */
export function workspaceKey(ctx: Pick<Context, 'platform' | 'workspaceId'>, name: string): string {
  return `${ctx.platform}:${part(ctx.workspaceId)}:${name}`;
}

type UserScope = Pick<Context, 'platform' | 'workspaceId' | 'userId' | 'store'>;

function userKey(ctx: UserScope, name: string): string {
  return `${ctx.platform}:${part(ctx.workspaceId)}:user:${part(ctx.userId)}:${name}`;
}

/** Names of everything stored for a user, so export and delete can find it all. */
export async function userDataNames(ctx: UserScope): Promise<string[]> {
  return (await ctx.store.get<string[]>(userKey(ctx, 'index'))) ?? [];
}

export function readUserData<T>(ctx: UserScope, name: string): Promise<T | undefined> {
  return ctx.store.get<T>(userKey(ctx, name));
}

export async function writeUserData(ctx: UserScope, name: string, value: unknown): Promise<void> {
  await ctx.store.set(userKey(ctx, name), value);
  const names = await userDataNames(ctx);
  if (!names.includes(name)) await ctx.store.set(userKey(ctx, 'index'), [...names, name]);
}

export async function deleteUserData(ctx: UserScope, name: string): Promise<void> {
  await ctx.store.delete(userKey(ctx, name));
  const names = await userDataNames(ctx);
  if (names.includes(name))
    await ctx.store.set(
      userKey(ctx, 'index'),
      names.filter((n) => n !== name),
    );
}
