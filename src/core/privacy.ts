// Everything stored about one person, to export or delete on request.

import { DIGEST_NAME, forgetDigest } from './desk/digest.js';
import { forgetReminders, LADDERS, NOTICES, type PendingReminder, remindersOf } from './followups/reminders.js';
import { LOG_NAME } from './jss/contracts.js';
import { ALERTS_NAME, forgetWindowAlerts } from './jss/windowAlerts.js';
import { forgetCommunity } from './messages/templates.js';
import { BUTTONS, forgetActions, savedActionsOf } from './runtime/actions.js';
import type { Context, Platform } from './runtime/command.js';
import { forgetSettings } from './runtime/settings.js';
import { deleteUserData, readUserData, type Store, userDataNames, workspaceUserIds } from './store/store.js';

/** What each stored item is, in words: answers never show the store's internal names. */
const DATA_WORDS: Record<string, string> = {
  [LOG_NAME]: 'your contract log',
  [LADDERS]: 'your follow-up ladders',
  [NOTICES]: 'reminders waiting to be shown',
  [ALERTS_NAME]: 'your JSS window alerts',
  [DIGEST_NAME]: 'your weekly desk digest',
  [BUTTONS]: 'the buttons of your recent answers',
};

/** ["contracts", "jss-alerts"] -> "your contract log and your JSS window alerts". */
export function describeStored(names: readonly string[]): string {
  const words = names.map((n) => DATA_WORDS[n] ?? `other saved data (${n})`);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

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

export async function exportUserData(ctx: Context): Promise<UserDataExport> {
  const data: Record<string, unknown> = {};
  for (const name of await userDataNames(ctx)) data[name] = await readUserData(ctx, name);
  // The buttons of recent answers, with the arguments they would replay, rather than their bare ids.
  if (BUTTONS in data) data[BUTTONS] = await savedActionsOf(ctx);
  return {
    platform: ctx.platform,
    workspaceId: ctx.workspaceId,
    userId: ctx.userId,
    exportedAt: ctx.now.toISOString(),
    data,
    pendingReminders: await remindersOf(ctx),
  };
}

/**
 * Removes every stored item of the caller and their pending reminders, window alerts and digest;
 * returns what was removed. Reminder jobs go first, waiting for one being sent: none fires once
 * this resolves, and none can write the deleted data back.
 */
export async function deleteAllUserData(ctx: Context): Promise<{ items: string[]; reminders: number }> {
  const reminders = await forgetReminders(ctx);
  await forgetWindowAlerts(ctx);
  await forgetDigest(ctx);
  const items = await userDataNames(ctx);
  await forgetActions(ctx);
  for (const name of items) await deleteUserData(ctx, name);
  return { items, reminders };
}

/**
 * Removes everything a workspace stored: each user's data and pending reminders, then its own
 * templates and settings. The app was uninstalled there; returns how many users had data.
 */
export async function deleteWorkspaceData(workspace: {
  platform: Platform;
  workspaceId: string;
  store: Store;
}): Promise<{ users: number; reminders: number }> {
  const userIds = await workspaceUserIds(workspace);
  let reminders = 0;
  for (const userId of userIds) {
    const user = { ...workspace, userId, isAdmin: false, now: new Date() };
    reminders += (await deleteAllUserData(user)).reminders;
  }
  await forgetCommunity(workspace);
  await forgetSettings(workspace);
  return { users: userIds.length, reminders };
}
