// Follow-up ladders in the store and the index of reminders they raise. Each ladder lives in its
// owner's user data ('followups'); keyv cannot list keys, so one global index ('reminders:pending')
// names every pending step with its due time and recipient. delivery.ts sends what falls due.
import { countReminders } from '../metrics.js';
import type { Context, Platform } from '../runtime/command.js';
import { UserError } from '../runtime/errors.js';
import { readUserData, type Store, writeUserData } from '../store/store.js';
import { buildFollowup, type Followup, type NewFollowup, snoozeSteps } from './ladders.js';

export const INDEX_KEY = 'reminders:pending';
export const LADDERS = 'followups';
export const NOTICES = 'reminder-notices';
export const MAX_LADDERS = 25;

/** Who a private message (a follow-up reminder) is for. */
export interface Recipient {
  platform: Platform;
  workspaceId: string;
  userId: string;
}

export interface PendingReminder {
  to: Recipient;
  followupId: number;
  step: number;
  /** Epoch milliseconds. */
  dueAt: number;
}

export interface Notice {
  followupId: number;
  step: number;
}

export type Scope = Recipient & { store: Store };

// The index and users' ladders change together under one store lock: across processes on Redis.
export function withLock<T>(store: Store, work: () => Promise<T>): Promise<T> {
  return store.withLock('reminders', work);
}

export const sameRecipient = (a: Recipient, b: Recipient) =>
  a.platform === b.platform && a.workspaceId === b.workspaceId && a.userId === b.userId;
const recipientOf = (scope: Scope): Recipient => ({
  platform: scope.platform,
  workspaceId: scope.workspaceId,
  userId: scope.userId,
});

export async function readIndex(store: Store): Promise<PendingReminder[]> {
  return (await store.get<PendingReminder[]>(INDEX_KEY)) ?? [];
}

export async function loadFollowups(scope: Scope): Promise<Followup[]> {
  return (await readUserData<Followup[]>(scope, LADDERS)) ?? [];
}

/** Replaces a ladder's index entries with one per step still pending (none when it is gone). */
async function reindex(scope: Scope, id: number, followup: Followup | undefined): Promise<void> {
  const to = recipientOf(scope);
  const others = (await readIndex(scope.store)).filter((e) => !(sameRecipient(e.to, to) && e.followupId === id));
  const mine = (followup?.steps ?? []).flatMap((s, step) =>
    s.status === 'pending' ? [{ to, followupId: id, step, dueAt: Date.parse(s.dueAt) }] : [],
  );
  await scope.store.set(INDEX_KEY, [...others, ...mine]);
}

/** Finds a ladder by its number or its client's name (case-insensitive). */
export function pickFollowup(list: Followup[], which: string): Followup {
  const key = which.trim().replace(/^#/, '').toLowerCase();
  const found = list.find((f) => String(f.id) === key) ?? list.find((f) => f.client.toLowerCase() === key);
  if (!found) {
    const known = list.map((f) => `${f.id} (${f.client})`).join(', ');
    throw new UserError(
      `No follow-up matches "${which.slice(0, 40)}". ${known ? `Yours: ${known}.` : 'You have none.'}`,
    );
  }
  return found;
}

export function startFollowup(ctx: Context, input: NewFollowup): Promise<Followup> {
  return withLock(ctx.store, async () => {
    const list = await loadFollowups(ctx);
    const same = list.find((f) => f.client.toLowerCase() === input.client.toLowerCase());
    if (same) {
      throw new UserError(
        `You already follow up with ${same.client} (#${same.id}); stop it with /followup done ${same.id}.`,
      );
    }
    if (list.length >= MAX_LADDERS) {
      throw new UserError(`You have ${MAX_LADDERS} follow-ups, the most kept at once; stop some with /followup done.`);
    }
    const followup = buildFollowup(Math.max(0, ...list.map((f) => f.id)) + 1, input, ctx.now);
    await writeUserData(ctx, LADDERS, [...list, followup]);
    await reindex(ctx, followup.id, followup);
    countReminders('scheduled', ctx.platform, followup.steps.filter((s) => s.status === 'pending').length);
    return followup;
  });
}

/** Stops a ladder (the client closed the contract): it is removed with its pending reminders. */
export function stopFollowup(ctx: Context, which: string): Promise<Followup> {
  return withLock(ctx.store, async () => {
    const list = await loadFollowups(ctx);
    const followup = pickFollowup(list, which);
    await writeUserData(
      ctx,
      LADDERS,
      list.filter((f) => f.id !== followup.id),
    );
    await reindex(ctx, followup.id, undefined);
    return followup;
  });
}

export function snoozeFollowup(ctx: Context, which: string, days: number): Promise<Followup> {
  return withLock(ctx.store, async () => {
    const list = await loadFollowups(ctx);
    const snoozed = snoozeSteps(pickFollowup(list, which), days);
    await writeUserData(
      ctx,
      LADDERS,
      list.map((f) => (f.id === snoozed.id ? snoozed : f)),
    );
    await reindex(ctx, snoozed.id, snoozed);
    return snoozed;
  });
}

/** The reminders waiting to be sent to one user (for /mydata export). */
export async function remindersOf(scope: Scope): Promise<PendingReminder[]> {
  const to = recipientOf(scope);
  return (await readIndex(scope.store)).filter((e) => sameRecipient(e.to, to));
}

/** Removes a user's entries from the global index; /mydata delete calls it (their ladders go with their data). */
export function forgetReminders(scope: Scope): Promise<number> {
  return withLock(scope.store, async () => {
    const to = recipientOf(scope);
    const index = await readIndex(scope.store);
    const kept = index.filter((e) => !sameRecipient(e.to, to));
    await scope.store.set(INDEX_KEY, kept);
    return index.length - kept.length;
  });
}
