// Everything stored about one person, to export or delete on request.
import type { Context } from './command.js';
import { forgetReminders, INDEX_KEY, type PendingReminder } from './reminders.js';
import { deleteUserData, readUserData, userDataNames } from './store.js';

export interface UserDataExport {
  platform: string;
  workspaceId: string;
  userId: string;
  exportedAt: string;
  /** Each stored item by name: contract log, follow-up ladders, reminder notices. */
  data: Record<string, unknown>;
  /** Reminders waiting to be sent to this user. */
  pendingReminders: PendingReminder[];
}

const isCaller = (ctx: Context) => (e: PendingReminder) =>
  e.to.platform === ctx.platform && e.to.workspaceId === ctx.workspaceId && e.to.userId === ctx.userId;

export async function exportUserData(ctx: Context): Promise<UserDataExport> {
  const data: Record<string, unknown> = {};
  for (const name of await userDataNames(ctx)) data[name] = await readUserData(ctx, name);
  const index = (await ctx.store.get<PendingReminder[]>(INDEX_KEY)) ?? [];
  return {
    platform: ctx.platform,
    workspaceId: ctx.workspaceId,
    userId: ctx.userId,
    exportedAt: ctx.now.toISOString(),
    data,
    pendingReminders: index.filter(isCaller(ctx)),
  };
}

/** Removes every stored item of the caller and their pending reminders; returns what was removed. */
export async function deleteAllUserData(ctx: Context): Promise<{ items: string[]; reminders: number }> {
  const items = await userDataNames(ctx);
  for (const name of items) await deleteUserData(ctx, name);
  return { items, reminders: await forgetReminders(ctx) };
}
