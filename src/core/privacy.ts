// Everything stored about one person, to export or delete on request.

import { adoptDigest, DIGEST_NAME, type DigestSetting, forgetDigest } from './desk/digest.js';
import type { Followup } from './followups/ladders.js';
import { noticeRecorded } from './followups/notices.js';
import {
  adoptFollowups,
  forgetReminders,
  LADDERS,
  NOTICES,
  type Notice,
  type PendingReminder,
  remindersOf,
} from './followups/reminders.js';
import { type ContractLog, LOG_NAME, mergeLogs } from './jss/contracts.js';
import { changeLog } from './jss/contractsStore.js';
import { ALERTS_NAME, type AlertSetting, forgetWindowAlerts, turnOnWindowAlerts } from './jss/windowAlerts.js';
import { logger } from './log.js';
import { forgetCommunity } from './messages/templates.js';
import { BUTTONS, forgetActions, savedActionsOf } from './runtime/actions.js';
import type { Context, Platform } from './runtime/command.js';
import { forgetSettings } from './runtime/settings.js';
import {
  deleteUserData,
  personalScope,
  readUserData,
  type Store,
  updateUserData,
  userDataNames,
  userItemKey,
  workspaceKey,
  workspaceUserIds,
} from './store/store.js';

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

type Where = { platform: Platform; workspaceId: string; userId: string };

/**
 * Merges what a user kept in one workspace into their personal home (a Discord user's data follows
 * them across servers and DMs), then removes the old copy. Merging twice adds nothing, so a merge
 * cut short is finished by the next one. Resolves to the names of the items merged.
 */
export async function mergeIntoHome(from: Where, store: Store, now: Date): Promise<string[]> {
  const home = { ...personalScope(from), store, isAdmin: false, now };
  if (home.workspaceId === from.workspaceId) return [];
  const old = <T>(name: string) => store.get<T>(userItemKey(from, name));
  const names = (await old<string[]>('index')) ?? [];
  // The log before the alerts (they are planned from it), the ladders before the notices (they name them).
  const order = [LOG_NAME, LADDERS, NOTICES, ALERTS_NAME, DIGEST_NAME, BUTTONS];
  const sorted = [...order.filter((n) => names.includes(n)), ...names.filter((n) => !order.includes(n))];
  let ladderIds = new Map<number, number>();
  for (const name of sorted) {
    const value = await old<unknown>(name);
    if (value === undefined) continue;
    if (name === LOG_NAME) await changeLog(home, (log) => mergeLogs(log, value as ContractLog));
    else if (name === LADDERS) ladderIds = await adoptFollowups(home, from, value as Followup[]);
    else if (name === NOTICES) await mergeNotices(home, value as Notice[], ladderIds);
    else if (name === ALERTS_NAME) await mergeAlerts(home, value as AlertSetting);
    else if (name === DIGEST_NAME) await adoptDigest(home, from, value as DigestSetting, now);
    else if (name === BUTTONS) await mergeList<{ id: string }>(home, BUTTONS, value as { id: string }[]);
    // An item of a kind this version does not know is kept whole, under a name that says where it came from.
    else
      await updateUserData(
        home,
        (await readUserData(home, name)) === undefined ? name : `${name}@${from.workspaceId}`,
        () => value,
      );
  }
  for (const name of names) await store.delete(userItemKey(from, name));
  await store.delete(userItemKey(from, 'index'));
  await store.update<string[]>(workspaceKey(from, 'users'), (ids) => {
    const rest = (ids ?? []).filter((id) => id !== from.userId);
    return rest.length > 0 ? rest : undefined;
  });
  return sorted;
}

async function mergeNotices(home: Context, notices: Notice[], ids: Map<number, number>): Promise<void> {
  const moved = notices.map((n) => ({ ...n, followupId: ids.get(n.followupId) ?? n.followupId }));
  await mergeList<Notice>(home, NOTICES, moved, (a, b) => a.followupId === b.followupId && a.step === b.step);
  noticeRecorded(home);
}

/** Alerts on in any server are on for the person; the old jobs go, the merged log plans the new ones. */
async function mergeAlerts(home: Context, setting: AlertSetting): Promise<void> {
  await home.store.schedule.cancel(
    home.platform,
    setting.jobs.map((job) => job.id),
  );
  const log = (await readUserData<ContractLog>(home, LOG_NAME))?.contracts ?? [];
  await turnOnWindowAlerts(home, log, home.now);
}

async function mergeList<T>(
  home: Context,
  name: string,
  incoming: T[],
  same = (a: T, b: T) => (a as { id: unknown }).id === (b as { id: unknown }).id,
) {
  await updateUserData<T[]>(home, name, (list = []) => [
    ...list,
    ...incoming.filter((i) => !list.some((l) => same(l, i))),
  ]);
}

/** Set once every server's data has moved, so later starts skip the scan of every Discord key. */
const MERGED_MARK = 'migrations:discord-personal-home';

/**
 * Moves every Discord user's data kept per server (by versions before it followed the person) into
 * their personal home; run at start-up. Resolves to how many users' data from how many servers moved.
 */
export async function mergeDiscordDataIntoHomes(
  store: Store,
  now = new Date(),
): Promise<{ users: number; servers: number }> {
  if (await store.get(MERGED_MARK)) return { users: 0, servers: 0 };
  const lists = (await store.keysWithPrefix('discord:')).filter((key) => /^discord:[^:]+:users$/.test(key));
  let users = 0;
  for (const key of lists) {
    const workspaceId = decodeURIComponent(key.split(':')[1] ?? '');
    if (workspaceId === personalScope({ platform: 'discord', workspaceId, userId: '' }).workspaceId) continue;
    for (const userId of (await store.get<string[]>(key)) ?? []) {
      const merged = await mergeIntoHome({ platform: 'discord', workspaceId, userId }, store, now);
      logger.debug({ items: merged.length }, 'discord: moved one user’s server data to their personal home');
      users++;
    }
  }
  await store.set(MERGED_MARK, { at: now.toISOString(), users });
  return { users, servers: lists.length };
}
