// The weekly desk digest, opt-in: a setting in the user's data (so /mydata shows and deletes it) and one
// job at a time in the reminder schedule, for the next slot (a weekday and an hour in the person's zone).
// The reminder worker (followups/delivery.ts) runs the job: it plans the next slot first, so the chain
// never breaks, then sends the digest unless it says what the last one said.
import { createHash } from 'node:crypto';

import { isoOfDay, todayIn, zonedInstant } from '../dates.js';
import type { Platform } from '../runtime/command.js';
import { type Reply, reply, text } from '../runtime/reply.js';
import type { ScheduledJob } from '../store/jobs.js';
import { personalScope, readUserData, type UserScope, updateUserData } from '../store/store.js';
import type { Desk } from './desk.js';
import { changeLines } from './deskReply.js';

export const DIGEST_NAME = 'desk-digest';
export const DIGEST_KIND = 'desk-digest';
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DigestTime {
  day: Weekday;
  /** 0-23, on the wall clock of `tz`. */
  hour: number;
  tz: string;
}

/** Stored only while the digest is on: off is the absence of this record. */
export interface DigestSetting extends DigestTime {
  on: true;
  /** The instant of the next digest planned (ISO). */
  slot: string;
  /** A hash of the last digest sent, to skip one that would say the same. */
  last?: string;
}

export interface DigestJobData {
  kind: typeof DIGEST_KIND;
  to: { platform: Platform; workspaceId: string; userId: string };
  slot: string;
}

type Scope = UserScope & { platform: Platform };

export const isDigestJob = (data: unknown): data is DigestJobData =>
  (data as { kind?: unknown } | undefined)?.kind === DIGEST_KIND;

/** 1970-01-01 was a Thursday. */
const weekdayOf = (day: number): Weekday => WEEKDAYS[(((day + 4) % 7) + 7) % 7] as Weekday;

/** The first instant after `after` when the wall clock in the zone shows the weekday at the hour. */
export function nextSlot(after: Date, time: DigestTime): Date {
  const today = todayIn(after, time.tz);
  for (let i = 0; i <= 8; i++) {
    if (weekdayOf(today + i) !== time.day) continue;
    const at = zonedInstant(isoOfDay(today + i), time.hour, time.tz);
    if (at > after) return at;
  }
  throw new Error('no digest slot within eight days');
}

// The person's data home, so the job id is the same whichever server the digest was set from.
const recipientOf = (scope: Scope): DigestJobData['to'] => {
  const home = personalScope(scope);
  return { platform: home.platform, workspaceId: home.workspaceId, userId: home.userId };
};

/** One id per user and slot, every part encoded: planning the same slot twice makes one job. */
export function digestJobId(to: DigestJobData['to'], slot: string): string {
  return ['desk-digest', to.platform, to.workspaceId, to.userId, slot].map((p) => encodeURIComponent(p)).join('|');
}

export function digestJob(scope: Scope, slot: string): ScheduledJob {
  const to = recipientOf(scope);
  const data: DigestJobData = { kind: DIGEST_KIND, to, slot };
  return { id: digestJobId(to, slot), queue: scope.platform, dueAt: Date.parse(slot), data };
}

export const digestSetting = (scope: UserScope) => readUserData<DigestSetting>(scope, DIGEST_NAME);

/** The jobs a setting may have planned: its slot, and the one after, which a running digest plans first. */
function plannedIds(to: DigestJobData['to'], setting: DigestSetting): string[] {
  const after = nextSlot(new Date(setting.slot), setting).toISOString();
  return [setting.slot, after].map((slot) => digestJobId(to, slot));
}

/** Turns the digest on (or moves it); resolves to the setting with its first slot. */
export async function turnOnDigest(scope: Scope, time: DigestTime, now: Date): Promise<DigestSetting> {
  const slot = nextSlot(now, time).toISOString();
  const { before, after } = await updateUserData<DigestSetting>(scope, DIGEST_NAME, (current) => ({
    on: true,
    ...time,
    slot,
    ...(current?.last ? { last: current.last } : {}),
  }));
  await scope.store.schedule.add([digestJob(scope, slot)]);
  if (before && before.slot !== slot)
    await scope.store.schedule.cancel(scope.platform, plannedIds(recipientOf(scope), before));
  return after as DigestSetting;
}

/** Cancels the planned jobs (waiting for one being sent) and leaves the setting to the caller. */
export async function forgetDigest(scope: Scope, setting?: DigestSetting): Promise<void> {
  const current = setting ?? (await digestSetting(scope));
  if (current) await scope.store.schedule.cancel(scope.platform, plannedIds(recipientOf(scope), current));
}

/**
 * Takes in a digest set in another workspace (the person's data now has one home): its jobs there are
 * cancelled, and the home gets the same weekly time unless it already has a digest of its own.
 */
export async function adoptDigest(home: Scope, from: DigestJobData['to'], setting: DigestSetting, now: Date) {
  await home.store.schedule.cancel(from.platform, plannedIds(from, setting));
  if (await digestSetting(home)) return;
  await turnOnDigest(home, { day: setting.day, hour: setting.hour, tz: setting.tz }, now);
}

/** Turns the digest off: the setting goes first, so a job running now plans no next one. */
export async function turnOffDigest(scope: Scope): Promise<boolean> {
  const { before } = await updateUserData<DigestSetting>(scope, DIGEST_NAME, () => undefined);
  if (before) await forgetDigest(scope, before);
  return before !== undefined;
}

/** Whether a job is the digest its setting plans now (or the next one, planned ahead). */
export function isCurrent(setting: DigestSetting | undefined, job: DigestJobData): setting is DigestSetting {
  if (!setting || job.slot < setting.slot) return false;
  return nextSlot(new Date(Date.parse(job.slot) - 1), setting).toISOString() === job.slot;
}

/** After a digest ran: the next slot and, when one was sent, its hash; a setting turned off stays off. */
export async function recordDigest(scope: UserScope, job: DigestJobData, next: string, sent?: string): Promise<void> {
  await updateUserData<DigestSetting>(scope, DIGEST_NAME, (current) =>
    current && current.slot <= job.slot ? { ...current, slot: next, ...(sent ? { last: sent } : {}) } : current,
  );
}

/** The digest: the desk's lead and what changes this week. */
export function digestReply(desk: Desk): Reply {
  return reply({
    lead: desk.lead,
    blocks: [
      text(changeLines(desk).join('\n')),
      text('Your whole desk: /desk. Stop these messages: /desk digest off.'),
    ],
    footer: [`Estimates from your contract log as of ${isoOfDay(desk.today)}: Upwork does not publish its algorithm.`],
    visibility: 'private',
  });
}

/** What a digest says, as a hash: equal hashes mean nothing changed since the last one. */
export function digestHash(message: Reply): string {
  const said = [message.lead, ...message.blocks.map((b) => ('text' in b ? b.text : ''))].join('\n');
  return createHash('sha256').update(said).digest('base64url');
}
