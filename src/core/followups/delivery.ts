// Runs one reminder job: finds its step, sends it through an adapter, records the outcome on the
// step. Delivery is at-least-once: a step is marked sent only after the platform took the message,
// so a crash in between sends it again (a rare duplicate), never loses it. The same worker sends
// the contract log's window alerts (jss/windowAlerts.ts) and the weekly desk digest (desk/digest.ts),
// jobs of their own kinds on the same queues.

import {
  type DigestJobData,
  digestHash,
  digestJob,
  digestReply,
  digestSetting,
  isCurrent,
  isDigestJob,
  nextSlot,
  recordDigest,
} from '../desk/digest.js';
import { isWindowAlertJob, type WindowAlertJobData, windowAlertReply } from '../jss/windowAlerts.js';
import { logger } from '../log.js';
import { countReminders } from '../metrics.js';
import type { Platform } from '../runtime/command.js';
import type { Reply } from '../runtime/reply.js';
import { type JobHandler, type JobRun, PermanentJobError, type WorkOptions } from '../store/jobs.js';
import { type Store, updateUserData } from '../store/store.js';
import { loadDesk } from './desk.js';
import type { Followup, StepStatus } from './ladders.js';
import { noticeRecorded, reminderReply } from './notices.js';
import { LADDERS, loadFollowups, NOTICES, type Notice, type Recipient, type ReminderJobData } from './reminders.js';

/**
 * The one capability an adapter adds for reminders: send a Reply privately to one user (a DM on
 * Discord and Slack, printed in the console). Resolves true when sent, false when the user cannot
 * be reached by DM (DMs closed: the core keeps the reminder and shows it at their next command).
 * Throws PermanentDeliveryError for any other refusal a retry cannot fix, and anything else for a
 * failure worth retrying (rate limit, platform error, timeout, network).
 */
export type Deliver = (to: Recipient, reply: Reply) => Promise<boolean>;

/** The platform refused for good (no such user, deactivated account...); `reason` is its own code. */
export class PermanentDeliveryError extends PermanentJobError {
  override name = 'PermanentDeliveryError';
  constructor(readonly reason: string) {
    super(`permanent delivery failure: ${reason}`);
  }
}

const HOUR = 3_600_000;

/** The step a job was scheduled for, if it still waits for its reminder. */
function pendingStep(list: Followup[], job: ReminderJobData) {
  const followup = list.find((f) => f.id === job.followupId);
  const step = followup?.steps[job.step];
  return followup && step?.status === 'pending' ? { followup, step } : undefined;
}

/** How a job's tries end up on its step; `error` says why a reminder did not arrive. */
async function record(store: Store, job: ReminderJobData, status: StepStatus, at: Date, error?: string) {
  const scope = { ...job.to, store };
  let changed = false;
  // An absent ladder (stopped, or the user's data deleted) stays absent.
  await updateUserData<Followup[]>(scope, LADDERS, (list) => {
    if (!list || !pendingStep(list, job)) return list;
    changed = true;
    return list.map((f) =>
      f.id !== job.followupId
        ? f
        : {
            ...f,
            steps: f.steps.map((s, i) =>
              i === job.step ? { ...s, status, at: at.toISOString(), ...(error ? { error } : {}) } : s,
            ),
          },
    );
  });
  if (changed && status === 'undelivered') {
    await updateUserData<Notice[]>(scope, NOTICES, (notices = []) => [
      ...notices,
      { followupId: job.followupId, step: job.step },
    ]);
    noticeRecorded(scope);
  }
}

/**
 * Sends one job's message. A transient failure throws, for the schedule to try again after a backoff;
 * a permanent one, or the last try, is handed to `failed` with its reason before throwing.
 */
async function sendOnce(
  run: JobRun,
  to: Recipient,
  deliver: Deliver,
  compose: () => Promise<Reply>,
  // Alerts and digests record nothing on failure: the log line is all.
  failed: (why: string) => Promise<void> = async () => undefined,
): Promise<void> {
  let reached: boolean;
  try {
    reached = await deliver(to, await compose());
  } catch (error) {
    const permanent = error instanceof PermanentDeliveryError;
    logger.warn({ err: error, platform: to.platform, attempt: run.attempt, permanent }, 'reminder not sent');
    if (!permanent && !run.lastAttempt) throw error; // tried again after a backoff
    await failed(permanent ? error.reason : `gave up after ${run.attempt} tries`);
    countReminders('failed', to.platform);
    throw error;
  }
  if (!reached) {
    await failed('DMs closed');
    countReminders('failed', to.platform);
    throw new PermanentDeliveryError('DMs closed');
  }
  countReminders('delivered', to.platform);
}

/** A window alert of the contract log: nothing is recorded for it, so a failure is only logged. */
async function sendWindowAlert(store: Store, deliver: Deliver, run: JobRun, job: WindowAlertJobData) {
  const message = await windowAlertReply(store, job, run.now);
  // Alerts turned off, the contract removed or changed: the job has nothing left to say.
  if (!message) return;
  await sendOnce(run, job.to, deliver, async () => message);
}

/**
 * The weekly digest: the next slot is planned first (one job per slot, so a retry plans nothing twice),
 * then the digest goes out unless it says what the last one said; a retry after the record finds the
 * setting moved on and sends nothing.
 */
async function sendDigest(store: Store, deliver: Deliver, run: JobRun, job: DigestJobData) {
  const scope = { ...job.to, store };
  const setting = await digestSetting(scope);
  // Turned off, moved to another day or hour, or this slot already done.
  if (!isCurrent(setting, job)) return;
  // After an outage the next slot is a future one: missed weeks are not sent in a burst.
  const next = nextSlot(new Date(Math.max(Date.parse(job.slot), run.now.getTime())), setting).toISOString();
  await store.schedule.add([digestJob(scope, next)]);
  const message = digestReply(await loadDesk(scope, run.now));
  const hash = digestHash(message);
  if (hash === setting.last) return recordDigest(scope, job, next);
  await sendOnce(run, job.to, deliver, async () => message);
  await recordDigest(scope, job, next, hash);
}

/** What a reminder job does when it fires, for the schedule of the store. */
export function reminderHandler(store: Store, deliver: Deliver): JobHandler {
  return async (run: JobRun) => {
    if (isWindowAlertJob(run.data)) return sendWindowAlert(store, deliver, run, run.data);
    if (isDigestJob(run.data)) return sendDigest(store, deliver, run, run.data);
    const job = run.data as ReminderJobData;
    const scope = { ...job.to, store };
    const found = pendingStep(await loadFollowups(scope), job);
    // Stopped, deleted or already handled; a snoozed step (a day or more later) waits for its own job.
    // The hour of slack keeps a worker whose clock runs a little behind from dropping a due step.
    if (!found || Date.parse(found.step.dueAt) > run.now.getTime() + HOUR) return;
    await sendOnce(
      run,
      job.to,
      deliver,
      // Its Done and Snooze buttons are saved for the recipient by the adapter's respond, as for any answer.
      () => reminderReply(scope, found.followup, found.step),
      (why) => record(store, job, 'undelivered', run.now, why),
    );
    await record(store, job, 'sent', run.now);
  };
}

export interface DeliveryReport {
  /** Jobs run, whatever their outcome. */
  ran: number;
}

/**
 * One pass over the reminders due at `now` on the embedded schedule (SQLite or memory), for each
 * platform given; the worker (loop.ts) runs passes like this one. Redis has no passes: BullMQ's
 * worker takes each job when it falls due.
 */
export async function deliverDue(
  store: Store,
  now: Date,
  deliver: Deliver,
  options: { platforms?: Platform[] } & WorkOptions = {},
): Promise<DeliveryReport> {
  const schedule = store.schedule;
  if (schedule.kind !== 'embedded') throw new Error('deliverDue runs the embedded schedule; Redis has workers');
  const { platforms = ['console', 'discord', 'slack'], ...work } = options;
  let ran = 0;
  for (const platform of platforms) ran += await schedule.runDue(platform, now, reminderHandler(store, deliver), work);
  return { ran };
}
