// Follow-up ladders in the store and the reminders they raise. Each ladder lives in its owner's user
// data ('followups'); keyv cannot list keys, so one global index ('reminders:pending') names every
// pending step with its due time and recipient. A step is claimed (status 'sending', index entry
// gone) before it is handed to the adapter, so a restart can never send it twice.
import type { Context, Platform } from './command.js';
import type { Deliver, Recipient } from './delivery.js';
import { UserError } from './errors.js';
import {
  buildFollowup,
  type Followup,
  type FollowupStep,
  labelOf,
  type NewFollowup,
  snoozeSteps,
} from './followups.js';
import { logger } from './log.js';
import { copy, type Reply, reply, text } from './reply.js';
import { deleteUserData, readUserData, type Store, writeUserData } from './store.js';
import { cleanValues, fillTemplate, findTemplate, wordingFor } from './templates.js';

export const INDEX_KEY = 'reminders:pending';
const LADDERS = 'followups';
const NOTICES = 'reminder-notices';
export const MAX_LADDERS = 25;
/** Due reminders claimed per index write; also the most a crash mid-pass can leave unsent. */
const CLAIM_BATCH = 25;

export interface PendingReminder {
  to: Recipient;
  followupId: number;
  step: number;
  /** Epoch milliseconds. */
  dueAt: number;
}

interface Notice {
  followupId: number;
  step: number;
}

type Scope = Recipient & { store: Store };

// The index and users' ladders change together under one store lock: across processes on Redis.
function withLock<T>(store: Store, work: () => Promise<T>): Promise<T> {
  return store.withLock('reminders', work);
}

const sameRecipient = (a: Recipient, b: Recipient) =>
  a.platform === b.platform && a.workspaceId === b.workspaceId && a.userId === b.userId;
const recipientOf = (scope: Scope): Recipient => ({
  platform: scope.platform,
  workspaceId: scope.workspaceId,
  userId: scope.userId,
});

async function readIndex(store: Store): Promise<PendingReminder[]> {
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

/** Reminders due at `now`, earliest first. */
export async function findDue(store: Store, now: Date): Promise<PendingReminder[]> {
  return (await readIndex(store)).filter((e) => e.dueAt <= now.getTime()).sort((a, b) => a.dueAt - b.dueAt);
}

export interface DeliveryReport {
  delivered: number;
  undelivered: number;
  /** Index entries whose ladder or step was gone or already handled. */
  dropped: number;
}

/**
 * Hands every due reminder to `deliver` once. `platforms` limits the run to the recipients this
 * adapter can reach, so each adapter's poller leaves the others' reminders alone.
 */
export async function deliverDue(
  store: Store,
  now: Date,
  deliver: Deliver,
  options: { platforms?: Platform[] } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, undelivered: 0, dropped: 0 };
  const due = (await findDue(store, now)).filter(
    (e) => !options.platforms || options.platforms.includes(e.to.platform),
  );
  for (let i = 0; i < due.length; i += CLAIM_BATCH) {
    const claimed = await claim(store, due.slice(i, i + CLAIM_BATCH), now);
    report.dropped += Math.min(CLAIM_BATCH, due.length - i) - claimed.length;
    for (const { entry, message } of claimed) {
      let ok = false;
      try {
        ok = await deliver(entry.to, message);
      } catch (error) {
        logger.warn({ err: error, platform: entry.to.platform }, 'reminder delivery failed');
      }
      await record(store, entry, ok, now);
      if (ok) report.delivered++;
      else report.undelivered++;
    }
  }
  return report;
}

const sameEntry = (a: PendingReminder, b: PendingReminder) =>
  sameRecipient(a.to, b.to) && a.followupId === b.followupId && a.step === b.step;

/**
 * Marks each still-pending step 'sending' and drops the entries from the index, in one pass over
 * the index. A crash before sending leaves at most one batch marked 'sending': never re-sent, and
 * /followup list says so.
 */
function claim(
  store: Store,
  entries: PendingReminder[],
  now: Date,
): Promise<{ entry: PendingReminder; message: Reply }[]> {
  return withLock(store, async () => {
    const claimed: { entry: PendingReminder; message: Reply }[] = [];
    const ladders = new Map<string, { scope: Scope; list: Followup[] }>();
    for (const entry of entries) {
      const key = JSON.stringify(entry.to);
      const scope = { ...entry.to, store };
      const owner = ladders.get(key) ?? { scope, list: await loadFollowups(scope) };
      ladders.set(key, owner);
      const followup = owner.list.find((f) => f.id === entry.followupId);
      const step = followup?.steps[entry.step];
      if (!followup || step?.status !== 'pending') continue;
      step.status = 'sending';
      step.at = now.toISOString();
      claimed.push({ entry, message: await reminderReply(scope, followup, step) });
    }
    // Steps are marked before their index entries go: a crash in between leaves entries that claim nothing.
    for (const { scope, list } of ladders.values()) await writeUserData(scope, LADDERS, list);
    const index = await readIndex(store);
    await store.set(
      INDEX_KEY,
      index.filter((e) => !entries.some((done) => sameEntry(e, done))),
    );
    return claimed;
  });
}

function record(store: Store, entry: PendingReminder, ok: boolean, now: Date): Promise<void> {
  const scope = { ...entry.to, store };
  return withLock(store, async () => {
    const list = await loadFollowups(scope);
    const step = list.find((f) => f.id === entry.followupId)?.steps[entry.step];
    if (step?.status !== 'sending') return;
    step.status = ok ? 'sent' : 'undelivered';
    step.at = now.toISOString();
    await writeUserData(scope, LADDERS, list);
    if (!ok) {
      const notices = (await readUserData<Notice[]>(scope, NOTICES)) ?? [];
      await writeUserData(scope, NOTICES, [...notices, { followupId: entry.followupId, step: entry.step }]);
    }
  });
}

/** The step's ready-to-send message, filled from the ladder (a workspace's own wording wins). */
export async function stepMessage(scope: Scope, followup: Followup, step: FollowupStep): Promise<string> {
  const template = await findTemplate(scope, step.template);
  if (!template) return '';
  const values = cleanValues({ client: followup.client, project: followup.project, you: followup.you });
  try {
    return fillTemplate(wordingFor(template, followup.tone), values);
  } catch {
    // A workspace template may need a value the ladder lacks; the reminder still names the step.
    return '';
  }
}

async function reminderReply(scope: Scope, followup: Followup, step: FollowupStep): Promise<Reply> {
  const message = await stepMessage(scope, followup, step);
  return reply({
    title: `Follow-up with ${followup.client}: ${labelOf(step.template).toLowerCase()}`,
    blocks: [
      text(
        `Step for ${step.day} (delivery was ${followup.delivered}). Only you get this reminder; send the message yourself if it still fits.`,
      ),
      ...(message ? [copy(message, `/template ${step.template}`)] : []),
    ],
    footer: [
      `Client closed the contract? /followup done ${followup.id} · Need more time? /followup snooze ${followup.id} 3`,
    ],
  });
}

/**
 * Reminders that could not be sent (DMs closed), shown once at the user's next command; the runner
 * shows the Reply privately, apart from the command's own answer. Undefined when there are none.
 */
export async function pendingNotice(
  ctx: Pick<Context, 'platform' | 'workspaceId' | 'userId' | 'store'> & { now?: Date },
): Promise<Reply | undefined> {
  // Nearly every command ends here with nothing to show: look before taking the lock.
  if (!(await readUserData<Notice[]>(ctx, NOTICES))?.length) return undefined;
  return withLock(ctx.store, async () => {
    const notices = (await readUserData<Notice[]>(ctx, NOTICES)) ?? [];
    if (notices.length === 0) return undefined;
    const list = await loadFollowups(ctx);
    const blocks = [text('These reminders could not reach you as a direct message (are your DMs closed?):')];
    for (const notice of notices) {
      const followup = list.find((f) => f.id === notice.followupId);
      const step = followup?.steps[notice.step];
      if (!followup || !step) continue;
      const message = await stepMessage(ctx, followup, step);
      blocks.push(text(`${followup.client}: ${labelOf(step.template).toLowerCase()}, due ${step.day}.`));
      if (message) blocks.push(copy(message, `/template ${step.template}`));
      if (step.status === 'undelivered') {
        step.status = 'shown';
        step.at = (ctx.now ?? new Date()).toISOString();
      }
    }
    await writeUserData(ctx, LADDERS, list);
    await deleteUserData(ctx, NOTICES);
    if (blocks.length === 1) return undefined;
    return reply({ title: 'Missed follow-up reminders', blocks });
  });
}
