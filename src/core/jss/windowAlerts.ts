// Opt-in private messages on the day a negative leaves a JSS window. The setting and the jobs it
// planned live in the user's data (so /mydata shows and deletes them); the jobs sit in the store's
// schedule beside the follow-up reminders, whose worker delivers them (followups/delivery.ts).
import { type Day, dayFromIso, dayOf, isoOfDay } from '../dates.js';
import { logger } from '../log.js';
import { countReminders } from '../metrics.js';
import type { Platform } from '../runtime/command.js';
import { type Reply, reply, text } from '../runtime/reply.js';
import type { ScheduledJob } from '../store/jobs.js';
import {
  deleteUserData,
  personalScope,
  readUserData,
  type Store,
  type UserScope,
  updateUserData,
} from '../store/store.js';
import { type Contract, type ContractLog, LOG_NAME } from './contracts.js';
import { roadmapFor } from './roadmap.js';
import { jssRule } from './rules.js';
import { bestOfAt, indexLog, isEligible, leaveDay, percentAt } from './windows.js';

export const ALERTS_NAME = 'jss-alerts';
export const WINDOW_ALERT_KIND = 'jss-window-alert';
/** Leaving these windows moves a score /jss leads with (24: the newer rule; 6 and 12: the best-of rule). */
const ALERT_WINDOWS = [6, 12, 24];
/** The nearest leave events scheduled; the rest are planned when the log next changes. */
export const MAX_ALERTS = 100;
/** Sent at 09:00 UTC on the leave day: the log has no time zone. */
const SEND_HOUR_MS = 9 * 3_600_000;
const MS_PER_DAY = 86_400_000;

export interface PlannedAlert {
  id: string;
  /** The leave day, "2026-03-14". */
  day: string;
  months: number;
  contractId: number;
}

/** Stored only while alerts are on: off is the absence of this record. */
export interface AlertSetting {
  on: true;
  jobs: PlannedAlert[];
}

export interface WindowAlertJobData {
  kind: typeof WINDOW_ALERT_KIND;
  to: { platform: Platform; workspaceId: string; userId: string };
  contractId: number;
  months: number;
  day: string;
}

type Scope = UserScope & { platform: Platform };

const recipientOf = (scope: Scope): WindowAlertJobData['to'] => {
  const home = personalScope(scope);
  return { platform: home.platform, workspaceId: home.workspaceId, userId: home.userId };
};

export const isWindowAlertJob = (data: unknown): data is WindowAlertJobData =>
  (data as { kind?: unknown } | undefined)?.kind === WINDOW_ALERT_KIND;

/** One id per user and event, every part encoded: planning the same event twice makes one job. */
export function alertJobId(to: WindowAlertJobData['to'], contractId: number, months: number, day: string): string {
  return ['jss-alert', to.platform, to.workspaceId, to.userId, contractId, months, day]
    .map((p) => encodeURIComponent(p))
    .join('|');
}

/** The upcoming leave events of the log that alerts cover, nearest first. */
export function planAlerts(scope: Scope, contracts: readonly Contract[], today: Day): PlannedAlert[] {
  const to = recipientOf(scope);
  return roadmapFor(contracts, today, 90)
    .events.filter((e) => ALERT_WINDOWS.includes(e.months))
    .slice(0, MAX_ALERTS)
    .map((e) => ({
      id: alertJobId(to, e.contract.id, e.months, isoOfDay(e.day)),
      day: isoOfDay(e.day),
      months: e.months,
      contractId: e.contract.id,
    }));
}

function jobOf(scope: Scope, { id, ...event }: PlannedAlert): ScheduledJob {
  const data: WindowAlertJobData = { kind: WINDOW_ALERT_KIND, to: recipientOf(scope), ...event };
  return { id, queue: scope.platform, dueAt: dayFromIso(event.day) * MS_PER_DAY + SEND_HOUR_MS, data };
}

/** Cancels the jobs planned before, then schedules the log's events; resolves to the new plan. */
async function replan(scope: Scope, old: readonly PlannedAlert[], contracts: readonly Contract[], now: Date) {
  const planned = planAlerts(scope, contracts, dayOf(now));
  await scope.store.schedule.cancel(
    scope.platform,
    old.map((a) => a.id),
  );
  await scope.store.schedule.add(planned.map((a) => jobOf(scope, a)));
  countReminders('scheduled', scope.platform, planned.length);
  return planned;
}

export async function turnOnWindowAlerts(scope: Scope, contracts: readonly Contract[], now: Date) {
  const old = (await readUserData<AlertSetting>(scope, ALERTS_NAME))?.jobs ?? [];
  const jobs = await replan(scope, old, contracts, now);
  await updateUserData<AlertSetting>(scope, ALERTS_NAME, () => ({ on: true, jobs }));
  return jobs;
}

/**
 * Cancels the planned jobs, waiting for one being sent, and leaves the setting for /mydata delete
 * to remove; resolves to how many were planned.
 */
export async function forgetWindowAlerts(scope: Scope): Promise<number> {
  const jobs = (await readUserData<AlertSetting>(scope, ALERTS_NAME))?.jobs ?? [];
  await scope.store.schedule.cancel(
    scope.platform,
    jobs.map((a) => a.id),
  );
  return jobs.length;
}

/** Turns alerts off: the planned jobs are cancelled and the setting removed; resolves to how many were planned. */
export async function turnOffWindowAlerts(scope: Scope): Promise<number> {
  const cancelled = await forgetWindowAlerts(scope);
  await deleteUserData(scope, ALERTS_NAME);
  return cancelled;
}

export async function windowAlertSetting(scope: Scope): Promise<AlertSetting | undefined> {
  return readUserData<AlertSetting>(scope, ALERTS_NAME);
}

/**
 * Plans the alerts again after the log changed, when they are on. A failure is logged, not thrown:
 * the log change stands, and each job checks the log again when it fires.
 */
export async function replanWindowAlerts(scope: Scope, contracts: readonly Contract[], now: Date): Promise<void> {
  try {
    const setting = await readUserData<AlertSetting>(scope, ALERTS_NAME);
    if (!setting) return;
    const jobs = await replan(scope, setting.jobs, contracts, now);
    await updateUserData<AlertSetting>(scope, ALERTS_NAME, (current) => (current ? { on: true, jobs } : current));
  } catch (error) {
    logger.warn({ err: error, platform: scope.platform }, 'window alerts: could not plan them again');
  }
}

const monthOf = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const show = (p: number | undefined) => (p === undefined ? 'no score' : `${p} %`);

/**
 * The message of an alert, scored on the log as it is at `now`; undefined when there is nothing to
 * send: alerts turned off, the contract removed or no longer a counting negative, or its leave day moved.
 */
export async function windowAlertReply(store: Store, job: WindowAlertJobData, now: Date): Promise<Reply | undefined> {
  const scope = { ...job.to, store };
  if (!(await readUserData<AlertSetting>(scope, ALERTS_NAME))) return undefined;
  const contracts = (await readUserData<ContractLog>(scope, LOG_NAME))?.contracts ?? [];
  const contract = contracts.find((c) => c.id === job.contractId);
  if (contract?.outcome !== 'negative' || !isEligible(contract)) return undefined;
  if (isoOfDay(leaveDay(dayFromIso(contract.end), job.months)) !== job.day) return undefined;
  const today = dayOf(now);
  const index = indexLog(contracts);
  const twentyFour = percentAt(index, today, 24);
  const bestOf = bestOfAt(index, today)?.percent;
  const newer = job.months === 24;
  const score = newer ? twentyFour : bestOf;
  const rule = jssRule(newer ? 'jss-24-month-daily' : 'jss-windows-best-of');
  const what = `Your ${monthOf(contract.end)} negative no longer counts in the ${job.months}-month window`;
  return reply({
    lead:
      score === undefined
        ? `${what}: your log gives no JSS estimate now.`
        : `${what}: your JSS estimate is now ${score} %.`,
    blocks: [
      text(
        newer
          ? `On the older best-of rule (6, 12 or 24 months) it is ${show(bestOf)}.`
          : `On the newer 24-month rule it is ${show(twentyFour)}.`,
      ),
      text(`The negative was #${contract.id} with ${contract.client}, ended ${contract.end}.`),
      text('See every window with /jss; stop these messages with /contracts alerts off.'),
    ],
    footer: [
      `An estimate on the ${newer ? 'newer 24-month rule' : 'older best-of-windows rule'} (${rule.source}), from your contract log as of ${isoOfDay(today)}: Upwork does not publish its algorithm.`,
    ],
    visibility: 'private',
  });
}
