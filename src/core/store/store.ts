// keyv behind a small typed interface: SQLite file by default, Redis when REDIS_URL is set.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { logger } from '../log.js';
import { type Atomic, localAtomic, redisAtomic } from './atomic.js';
import { StorageUnavailableError } from './errors.js';

export interface Store {
  readonly kind: 'sqlite' | 'redis' | 'memory';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Adds one to a counter that starts over after windowMs; returns the new count. */
  increment(key: string, windowMs: number): Promise<number>;
  /** Takes key for ttlMs if nobody holds it; true for exactly one caller (one process on SQLite, all on Redis). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Runs work while holding the lock `name`: across all processes on Redis, within this process on
   * SQLite and memory. Work may take other locks, never the one it holds.
   */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Read-modify-write of one key under its lock; `change` returns the new value, or undefined to delete. */
  update<T>(
    key: string,
    change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  ): Promise<T | undefined>;
  close(): Promise<void>;
}

/** A chat command must answer in seconds; a store that does not answer by then counts as down. */
const STORE_TIMEOUT_MS = 4000;

export interface StoreOptions {
  sqlitePath: string;
  redisUrl?: string;
}

/** Opens nothing until first used, so pure math still answers when the database is away. */
export function openStore(options: StoreOptions): Store {
  if (options.redisUrl) {
    const url = options.redisUrl;
    // No offline queue: while Redis is down, calls fail at once instead of hanging until it returns.
    const adapter = new KeyvRedis(
      { url, disableOfflineQueue: true, socket: { connectTimeout: 2000 } },
      { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 2000 },
    );
    // Callers that arrive while the first connect is under way wait for it instead of failing as offline.
    let connecting: Promise<unknown> | undefined;
    const ready = async () => {
      if ((adapter.client as { isReady?: boolean }).isReady) return;
      connecting ??= adapter.getClient().finally(() => {
        connecting = undefined;
      });
      await connecting;
    };
    return keyvStore(
      'redis',
      () => new Keyv({ store: adapter, namespace: 'gigdesk', throwOnErrors: true }),
      redisAtomic(adapter, STORE_TIMEOUT_MS),
      ready,
    );
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

function keyvStore(kind: Store['kind'], create: () => Keyv, atomic?: Atomic, ready = async () => {}): Store {
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
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${STORE_TIMEOUT_MS} ms`)), STORE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([ready().then(() => action(open())), timeout]);
    } catch (error) {
      throw new StorageUnavailableError(`${kind} store failed: ${(error as Error).message}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  };
  const ops = atomic ?? localAtomic(open);
  const store: Store = {
    kind,
    increment: (key, windowMs) => guard(() => ops.increment(key, windowMs)),
    claim: (key, ttlMs) => guard(() => ops.claim(key, ttlMs)),
    withLock: async (name, work) => {
      await guard(ready);
      return ops.exclusive(name, work);
    },
    update: (key, change) =>
      store.withLock(key, async () => {
        const next = await change(await store.get(key));
        if (next === undefined) await store.delete(key);
        else await store.set(key, next);
        return next;
      }),
    get: <T>(key: string) => guard((k) => k.get<T>(key)),
    set: (key, value, ttlMs) => guard(async (k) => void (await k.set(key, value, ttlMs))),
    delete: (key) => guard(async (k) => void (await k.delete(key))),
    close: async () => {
      if (keyv) await keyv.disconnect();
      keyv = undefined;
    },
  };
  return store;
}

const part = (id: string) => encodeURIComponent(id);

/** Where stored data belongs: a workspace on one platform. */
export interface WorkspaceScope {
  platform: string;
  workspaceId: string;
}

/** One person's data in one workspace. */
export interface UserScope extends WorkspaceScope {
  userId: string;
  store: Store;
}

/** Key of something a workspace owns: templates, settings. */
export function workspaceKey(ctx: WorkspaceScope, name: string): string {
  return `${ctx.platform}:${part(ctx.workspaceId)}:${name}`;
}

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

/** Keeps the user's index in step with what is stored, under its own lock. */
async function index(ctx: UserScope, name: string, present: boolean): Promise<void> {
  const names = await userDataNames(ctx);
  if (names.includes(name) === present) return; // the usual case needs no lock
  const after = await ctx.store.update<string[]>(userKey(ctx, 'index'), (current = []) => {
    const others = current.filter((n) => n !== name);
    return present ? [...others, name] : others.length > 0 ? others : undefined;
  });
  await indexUser(ctx, after !== undefined);
}

const usersKey = (ctx: WorkspaceScope) => workspaceKey(ctx, 'users');

/** Users of a workspace who have stored data (keyv cannot list keys; an uninstall deletes them all). */
export async function workspaceUserIds(ctx: WorkspaceScope & { store: Store }): Promise<string[]> {
  return (await ctx.store.get<string[]>(usersKey(ctx))) ?? [];
}

async function indexUser(ctx: UserScope, present: boolean): Promise<void> {
  if ((await workspaceUserIds(ctx)).includes(ctx.userId) === present) return;
  await ctx.store.update<string[]>(usersKey(ctx), (current = []) => {
    const others = current.filter((id) => id !== ctx.userId);
    return present ? [...others, ctx.userId] : others.length > 0 ? others : undefined;
  });
}

export async function writeUserData(ctx: UserScope, name: string, value: unknown): Promise<void> {
  await ctx.store.set(userKey(ctx, name), value);
  await index(ctx, name, true);
}

export async function deleteUserData(ctx: UserScope, name: string): Promise<void> {
  await ctx.store.delete(userKey(ctx, name));
  await index(ctx, name, false);
}

/**
 * Read-modify-write of one item of a user's data under its lock (two processes, or two quick
 * commands, cannot lose each other's change). `change` may throw a UserError to change nothing;
 * returning undefined deletes the item. Resolves to the value before and after.
 */
export async function updateUserData<T>(
  ctx: UserScope,
  name: string,
  change: (current: T | undefined) => T | undefined,
): Promise<{ before: T | undefined; after: T | undefined }> {
  let before: T | undefined;
  const after = await ctx.store.update<T>(userKey(ctx, name), (current) => {
    before = current;
    return change(current);
  });
  await index(ctx, name, after !== undefined);
  return { before, after };
}
