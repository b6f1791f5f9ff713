// Follow-up ladders in the store and the reminder jobs they raise. Each ladder lives in its owner's
// user data ('followups'); each pending step is one job in the store's schedule (BullMQ on Redis, a
// due-time table without it), whose id names the step, so scheduling it twice makes one job.
// delivery.ts runs the jobs as they fall due.
import { countReminders } from '../metrics.js';
import type { Context, Platform } from '../runtime/command.js';
import { UserError } from '../runtime/errors.js';
import type { ScheduledJob } from '../store/jobs.js';
import { personalScope, readUserData, type Store, updateUserData } from '../store/store.js';
import { buildFollowup, type Followup, type NewFollowup, nextPending, snoozeSteps } from './ladders.js';

export const LADDERS = 'followups';
export const NOTICES = 'reminder-notices';
export const MAX_LADDERS = 25;

/** Who a private message (a follow-up reminder) is for. */
export interface Recipient {
  platform: Platform;
  workspaceId: string;
  userId: string;
}

/** What a reminder job carries: enough to find its step again when it fires. */
export interface ReminderJobData {
  to: Recipient;
  followupId: number;
  step: number;
}

export interface PendingReminder extends ReminderJobData {
  /** Epoch milliseconds. */
  dueAt: number;
}

export interface Notice {
  followupId: number;
  step: number;
}

export type Scope = Recipient & { store: Store };

// The person's data home, so a step's job id is the same whichever server the ladder was changed from.
const recipientOf = (scope: Scope): Recipient => {
  const home = personalScope(scope);
  return { platform: home.platform, workspaceId: home.workspaceId, userId: home.userId };
};

/** The job id of one step: every part encoded, so no id can run into another (nor hold a ':'). */
export function reminderId(to: Recipient, followupId: number, step: number): string {
  return [to.platform, to.workspaceId, to.userId, followupId, step].map((p) => encodeURIComponent(p)).join('|');
}

export async function loadFollowups(scope: Scope): Promise<Followup[]> {
  return (await readUserData<Followup[]>(scope, LADDERS)) ?? [];
}

function pendingOf(scope: Scope, followup: Followup): PendingReminder[] {
  const to = recipientOf(scope);
  return followup.steps.flatMap((s, step) =>
    s.status === 'pending' ? [{ to, followupId: followup.id, step, dueAt: Date.parse(s.dueAt) }] : [],
  );
}

const jobOf = ({ dueAt, ...data }: PendingReminder): ScheduledJob => ({
  id: reminderId(data.to, data.followupId, data.step),
  queue: data.to.platform,
  dueAt,
  data,
});
const jobsOf = (scope: Scope, followup: Followup): ScheduledJob[] => pendingOf(scope, followup).map(jobOf);

/** Every step's job id, whatever its status, so nothing of the ladder can fire after a cancel. */
const allJobIds = (scope: Scope, followup: Followup) =>
  followup.steps.map((_, step) => reminderId(recipientOf(scope), followup.id, step));

const fold = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/** "#2 (Bob, the app)": a ladder as the user can tell it apart from others with the same client. */
export const ladderName = (f: Followup) => `#${f.id} (${f.project ? `${f.client}, ${f.project}` : f.client})`;

/** One ladder per client and project: a repeat client has one per project. */
export const sameLadder = (f: Followup, client: string, project: string | undefined) =>
  fold(f.client) === fold(client) && fold(f.project) === fold(project);

/** Finds a ladder by its number, its client, or its client and project ("bob the app"), case-insensitive. */
export function pickFollowup(list: Followup[], which: string): Followup {
  const key = fold(which.replace(/^\s*#/, ''));
  const byId = list.find((f) => String(f.id) === key);
  if (byId) return byId;
  const exact = list.filter((f) => f.project && `${fold(f.client)} ${fold(f.project)}` === key);
  const matches = exact.length > 0 ? exact : list.filter((f) => fold(f.client) === key);
  const [found] = matches;
  if (found && matches.length === 1) return found;
  if (found) {
    throw new UserError(
      'ambiguous_followup',
      `You follow up with ${found.client} on ${matches.length} projects: ${matches.map(ladderName).join(', ')}. Say which by number, e.g. ${found.id}.`,
    );
  }
  const known = list.map(ladderName).join(', ');
  throw new UserError(
    'unknown_followup',
    `No follow-up matches "${which.slice(0, 40)}". ${known ? `Yours: ${known}.` : 'You have none.'}`,
  );
}

const without = (list: Followup[] | undefined, id: number) => {
  const rest = (list ?? []).filter((f) => f.id !== id);
  return rest.length > 0 ? rest : undefined;
};

/**
 * The new ladder and the list it joins, or the UserError /followup start answers with instead. Only
 * running ladders count toward the limit: at it, the oldest finished one gives its place.
 */
function newLadder(list: Followup[], input: NewFollowup, now: Date): { created: Followup; kept: Followup[] } {
  const same = list.find((f) => sameLadder(f, input.client, input.project));
  if (same) {
    const other = input.project ? '' : ' For another project with this client, add project:.';
    throw new UserError(
      'followup_exists',
      `You already follow up with ${same.client}${same.project ? ` on ${same.project}` : ''} (#${same.id}); stop it with /followup done ${same.id}.${other}`,
    );
  }
  const finished = list.find((f) => !nextPending(f));
  const kept = list.length >= MAX_LADDERS && finished ? list.filter((f) => f !== finished) : list;
  if (kept.length >= MAX_LADDERS) {
    throw new UserError(
      'too_many_followups',
      `You have ${MAX_LADDERS} follow-ups running, the most kept at once; stop some with /followup done.`,
    );
  }
  return { created: buildFollowup(Math.max(0, ...list.map((f) => f.id)) + 1, input, now), kept };
}

/** Why /followup start would refuse this ladder now (its UserError), or undefined when it would start. */
export async function startRefusal(scope: Scope, input: NewFollowup, now: Date): Promise<UserError | undefined> {
  try {
    newLadder(await loadFollowups(scope), input, now);
    return undefined;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
}

export async function startFollowup(ctx: Context, input: NewFollowup): Promise<Followup> {
  let created: Followup | undefined;
  await updateUserData<Followup[]>(ctx, LADDERS, (list = []) => {
    const next = newLadder(list, input, ctx.now);
    created = next.created;
    return [...next.kept, created];
  });
  const followup = created as Followup;
  try {
    await ctx.store.schedule.add(jobsOf(ctx, followup));
    countReminders('scheduled', ctx.platform, followup.steps.filter((s) => s.status === 'pending').length);
  } catch (error) {
    // A ladder without its jobs would wait forever: take it back, and the user tries again.
    await updateUserData<Followup[]>(ctx, LADDERS, (list) => without(list, followup.id));
    throw error;
  }
  return followup;
}

/** Stops a ladder (the client closed the contract): it is removed, then its jobs are cancelled. */
export async function stopFollowup(ctx: Context, which: string): Promise<Followup> {
  let stopped: Followup | undefined;
  await updateUserData<Followup[]>(ctx, LADDERS, (list = []) => {
    stopped = pickFollowup(list, which);
    return without(list, stopped.id);
  });
  const followup = stopped as Followup;
  // A job that fires before its cancel finds no ladder and sends nothing.
  await ctx.store.schedule.cancel(ctx.platform, allJobIds(ctx, followup));
  return followup;
}

/**
 * Moves the rest of a ladder. The jobs move first: should the ladder write then fail, the moved
 * jobs still find their steps pending and fire on the new days.
 */
export async function snoozeFollowup(ctx: Context, which: string, days: number): Promise<Followup> {
  const snoozed = snoozeSteps(pickFollowup(await loadFollowups(ctx), which), days);
  await ctx.store.schedule.cancel(ctx.platform, allJobIds(ctx, snoozed));
  await ctx.store.schedule.add(jobsOf(ctx, snoozed));
  await updateUserData<Followup[]>(ctx, LADDERS, (list = []) =>
    list.map((f) => (f.id === snoozed.id ? snoozeSteps(f, days) : f)),
  );
  return snoozed;
}

/** Where earlier versions kept every pending reminder, in one JSON value. */
const LEGACY_INDEX = 'reminders:pending';

/**
 * Turns a legacy index left by an earlier version into jobs, then removes it, so an upgrade loses
 * no reminder. Jobs whose ladder is gone are dropped when they fire. Resolves to how many moved.
 */
export async function adoptLegacyIndex(store: Store): Promise<number> {
  const legacy = await store.get<PendingReminder[]>(LEGACY_INDEX);
  if (!legacy) return 0;
  await store.schedule.add(legacy.map(jobOf));
  await store.delete(LEGACY_INDEX);
  return legacy.length;
}

/** The reminders waiting to be sent to one user (for /mydata export). */
export async function remindersOf(scope: Scope): Promise<PendingReminder[]> {
  return (await loadFollowups(scope)).flatMap((f) => pendingOf(scope, f));
}

/**
 * Cancels every reminder job of a user and waits for one being sent right now, so that none
 * fires once this resolves; /mydata delete calls it before deleting the data. Resolves to how
 * many were still pending.
 */
export async function forgetReminders(scope: Scope): Promise<number> {
  const list = await loadFollowups(scope);
  await scope.store.schedule.cancel(
    scope.platform,
    list.flatMap((f) => allJobIds(scope, f)),
  );
  return list.reduce((n, f) => n + pendingOf(scope, f).length, 0);
}

/**
 * Takes in the ladders a user kept in another workspace (their data now has one home): a ladder for
 * the same client and delivery is the one already here; the rest get fresh numbers and their jobs,
 * and the old jobs are cancelled. Resolves to the old number -> new number of every ladder.
 */
export async function adoptFollowups(home: Scope, from: Recipient, ladders: Followup[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  let added: Followup[] = [];
  await updateUserData<Followup[]>(home, LADDERS, (list = []) => {
    ids.clear();
    added = [];
    let next = Math.max(0, ...list.map((f) => f.id)) + 1;
    for (const ladder of ladders) {
      const same = list.find((f) => sameLadder(f, ladder.client, ladder.project) && f.delivered === ladder.delivered);
      const id = same ? same.id : next++;
      ids.set(ladder.id, id);
      if (!same) added.push({ ...ladder, id });
    }
    return [...list, ...added];
  });
  await home.store.schedule.add(added.flatMap((f) => jobsOf(home, f)));
  const oldIds = ladders.flatMap((f) => f.steps.map((_, step) => reminderId(from, f.id, step)));
  await home.store.schedule.cancel(from.platform, oldIds);
  return ids;
}
