// The store behind a small typed interface: a SQLite file by default, Redis when REDIS_URL is set.

import { type Expiring, redisExpiring, sqliteExpiring } from './expiring.js';
import type { Schedule } from './jobs.js';
import { redisStore } from './redis.js';
import { openSchedule, sqliteSchedule } from './schedule.js';
import { sqliteStore } from './sqlite.js';
import type { DataStore } from './types.js';

/**
 * The data; beside it the reminder jobs (BullMQ on Redis, a due-time table in SQLite or memory) and the
 * data with a lifetime (keyv on the same backend).
 */
export type Store = DataStore & { readonly schedule: Schedule; readonly expiring: Expiring };

/** Closing the store closes its schedule and expiring data first: they may use its connection. */
function withSchedule(data: DataStore, schedule: Schedule, expiring: Expiring): Store {
  return {
    ...data,
    schedule,
    expiring,
    close: async () => {
      await schedule.close();
      await expiring.close();
      await data.close();
    },
  };
}

export interface StoreOptions {
  sqlitePath: string;
  redisUrl?: string;
}

/** Opens nothing until first used, so pure math still answers when the database is away. */
export function openStore(options: StoreOptions): Store {
  const data = options.redisUrl ? redisStore(options.redisUrl) : sqliteStore(options.sqlitePath, 'sqlite');
  const expiring = data.redis ? redisExpiring(data.redis) : sqliteExpiring(options.sqlitePath);
  return withSchedule(data, openSchedule(options), expiring);
}

/** In-process store for tests of commands that are not about storage itself. */
export function memoryStore(): Store {
  return withSchedule(sqliteStore(':memory:', 'memory'), sqliteSchedule(':memory:'), sqliteExpiring(':memory:'));
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

/** Where a person's own data lives on platforms whose user ids are the same in every workspace. */
export const PERSONAL_HOME = '@me';

/**
 * The workspace that holds a person's own data (contract log, follow-ups, alerts): on Discord a user
 * id is the same in every server and DM, so the data follows the person; a Slack user belongs to one team.
 */
export function personalScope<T extends { platform: string; workspaceId: string; userId: string }>(ctx: T): T {
  return ctx.platform === 'discord' ? { ...ctx, workspaceId: PERSONAL_HOME } : ctx;
}

/** The key of one item of a user's data in one workspace, as stored (the migration also reads older ones). */
export function userItemKey(ctx: { platform: string; workspaceId: string; userId: string }, name: string): string {
  return `${ctx.platform}:${part(ctx.workspaceId)}:user:${part(ctx.userId)}:${name}`;
}

const userKey = (ctx: UserScope, name: string) => userItemKey(personalScope(ctx), name);

/** Names of everything stored for a user, so export and delete can find it all. */
export async function userDataNames(ctx: UserScope): Promise<string[]> {
  return (await ctx.store.get<string[]>(userKey(ctx, 'index'))) ?? [];
}

export function readUserData<T>(ctx: UserScope, name: string): Promise<T | undefined> {
  return ctx.store.get<T>(userKey(ctx, name));
}

/** Keeps the user's index in step with what is stored. */
async function index(ctx: UserScope, name: string, present: boolean): Promise<void> {
  if ((await userDataNames(ctx)).includes(name) === present) return;
  const after = await ctx.store.update<string[]>(userKey(ctx, 'index'), (current = []) => {
    const others = current.filter((n) => n !== name);
    return present ? [...others, name] : others.length > 0 ? others : undefined;
  });
  await indexUser(ctx, after !== undefined);
}

const usersKey = (ctx: WorkspaceScope) => workspaceKey(ctx, 'users');

/** Users of a workspace who have stored data (the store cannot list keys; an uninstall deletes them all). */
export async function workspaceUserIds(ctx: WorkspaceScope & { store: Store }): Promise<string[]> {
  return (await ctx.store.get<string[]>(usersKey(ctx))) ?? [];
}

async function indexUser(ctx: UserScope, present: boolean): Promise<void> {
  // Data that follows the person belongs to no workspace, so removing the app from one keeps it.
  if (personalScope(ctx).workspaceId !== ctx.workspaceId) return;
  if ((await workspaceUserIds(ctx)).includes(ctx.userId) === present) return;
  await ctx.store.update<string[]>(usersKey(ctx), (current = []) => {
    const others = current.filter((id) => id !== ctx.userId);
    return present ? [...others, ctx.userId] : others.length > 0 ? others : undefined;
  });
}

/** An item and the index that names it change together: one transaction on SQLite, one user's lock on Redis. */
const asOne = <T>(ctx: UserScope, work: () => Promise<T>) => ctx.store.withLock(userKey(ctx, 'index'), work);

export function writeUserData(ctx: UserScope, name: string, value: unknown): Promise<void> {
  return asOne(ctx, async () => {
    await ctx.store.set(userKey(ctx, name), value);
    await index(ctx, name, true);
  });
}

export function deleteUserData(ctx: UserScope, name: string): Promise<void> {
  return asOne(ctx, async () => {
    await ctx.store.delete(userKey(ctx, name));
    await index(ctx, name, false);
  });
}

/**
 * Read-modify-write of one item of a user's data, atomic across processes (two processes, or two
 * quick commands, cannot lose each other's change). `change` may throw a UserError to change nothing;
 * returning undefined deletes the item. Resolves to the value before and after.
 */
export function updateUserData<T>(
  ctx: UserScope,
  name: string,
  change: (current: T | undefined) => T | undefined,
): Promise<{ before: T | undefined; after: T | undefined }> {
  return asOne(ctx, async () => {
    let before: T | undefined;
    const after = await ctx.store.update<T>(userKey(ctx, name), (current) => {
      before = current;
      return change(current);
    });
    await index(ctx, name, after !== undefined);
    return { before, after };
  });
}
