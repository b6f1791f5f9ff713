// The follow-up ladder from FACTS.md §5 as pure date code. A ladder date is a calendar day
// ("2026-03-01", no time zone); calendar arithmetic runs on date-fns over local-time dates built
// from the day's parts, so the process's own time zone can never shift a day. Only "today" and the
// hour a reminder is due depend on a zone: UTC unless the user gives tz:.
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { isoOfDay, parseDay as parseDate, todayIn, zonedInstant } from '../dates.js';
import type { Tone } from '../messages/templateText.js';
import { UserError } from '../runtime/errors.js';

export interface LadderStep {
  template: string;
  label: string;
  /** The step as a thing to do, {client} filled in: "nudge Acme to close the contract". */
  task: string;
  /** Days after delivery. */
  offset: number;
}

/** Five-star question at delivery, closing nudge a week later, ping two weeks after that, close a week later. */
export const LADDER: readonly LadderStep[] = [
  {
    template: 'five-star',
    label: 'Ask the five-star question',
    task: 'ask {client} the five-star question',
    offset: 0,
  },
  {
    template: 'closing-nudge',
    label: 'Closing nudge',
    task: 'nudge {client} to close the contract',
    offset: 7,
  },
  {
    template: 'silent-ping',
    label: 'Ping once more if silent',
    task: 'ping {client} once more if they are still silent',
    offset: 21,
  },
  {
    template: 'close-yourself',
    label: 'Close it yourself',
    task: 'close the contract with {client} yourself',
    offset: 28,
  },
];

/** The hour of the step's day, in the user's zone, when its reminder is due. */
export const REMINDER_HOUR = 9;
export const MAX_DAYS_AHEAD = 366;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toLocalDate(day: string): Date {
  const [, y, m, d] = DAY.exec(day) ?? [];
  return new Date(Number(y), Number(m) - 1, Number(d));
}

export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const date = toLocalDate(text);
  return isValid(date) && format(date, 'yyyy-MM-dd') === text;
}

export function addCalendarDays(day: string, days: number): string {
  return format(addDays(toLocalDate(day), days), 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(toLocalDate(to), toLocalDate(from));
}

/** The calendar day an instant falls on in a time zone. */
export function dayIn(instant: Date, tz = 'UTC'): string {
  return isoOfDay(todayIn(instant, tz));
}

/** A delivery day as typed, read by the one date parser every command shares; "today" is in `tz`. */
export function parseDay(raw: string, now: Date, tz = 'UTC'): string {
  return isoOfDay(parseDate(raw, now, { tz, future: true }));
}

export interface DatedStep extends LadderStep {
  day: string;
}

/** The ladder's calendar days for a delivery day. */
export function ladderDays(delivered: string): DatedStep[] {
  return LADDER.map((step) => ({ ...step, day: addCalendarDays(delivered, step.offset) }));
}

/** "today", "in 3 days", "2 days ago". */
export function relativeDay(day: string, today: string): string {
  const n = daysBetween(today, day);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

export type StepStatus = 'pending' | 'sent' | 'undelivered' | 'shown' | 'past' | 'stopped';

export interface FollowupStep {
  template: string;
  day: string;
  /** ISO instant the reminder is due. */
  dueAt: string;
  status: StepStatus;
  /** When the status last changed (ISO). */
  at?: string;
  /** Why an undelivered reminder did not arrive: DMs closed, the platform's code, or retries spent. */
  error?: string;
}

export interface NewFollowup {
  client: string;
  project?: string;
  you?: string;
  tone: Tone;
  delivered: string;
  tz: string;
}

export interface Followup extends NewFollowup {
  id: number;
  createdAt: string;
  steps: FollowupStep[];
}

/**
 * A new ladder: steps on future days wait for a reminder; the latest step due today or earlier is
 * shown in the reply right away ('shown', dated today), earlier ones are skipped ('past'). Starting
 * late moves the steps after the shown one by the delay, so the gaps of FACTS.md §5 hold.
 */
export function buildFollowup(id: number, input: NewFollowup, now: Date): Followup {
  const today = dayIn(now, input.tz);
  const days = ladderDays(input.delivered);
  const last = days.at(-1);
  if (last && daysBetween(today, last.day) < 0) {
    throw new UserError(
      'ladder_past',
      `Delivery on ${input.delivered} was ${daysBetween(input.delivered, today)} days ago, past the whole ladder (its last step is day ${last.offset}). Use /template close-yourself or /template ask-feedback instead.`,
    );
  }
  if (daysBetween(today, input.delivered) > MAX_DAYS_AHEAD) {
    throw new UserError(
      'delivery_too_far',
      `${input.delivered} is more than a year ahead; give the delivery date when it is nearer.`,
    );
  }
  const latestDue = days.filter((s) => daysBetween(today, s.day) <= 0).length - 1;
  const late = latestDue < 0 ? 0 : daysBetween(days[latestDue]?.day ?? today, today);
  const steps = days.map((s, i): FollowupStep => {
    const status: StepStatus = i > latestDue ? 'pending' : i === latestDue ? 'shown' : 'past';
    const day = status === 'past' ? s.day : addCalendarDays(s.day, late);
    return {
      template: s.template,
      day,
      dueAt: zonedInstant(day, REMINDER_HOUR, input.tz).toISOString(),
      status,
      ...(status === 'pending' ? {} : { at: now.toISOString() }),
    };
  });
  return { id, ...input, createdAt: now.toISOString(), steps };
}

/** Moves the next pending step and every later one by `days`, keeping the gaps between them. */
export function snoozeSteps(followup: Followup, days: number): Followup {
  const first = followup.steps.findIndex((s) => s.status === 'pending');
  if (first === -1)
    throw new UserError('nothing_to_snooze', `The ladder for ${followup.client} has no step left to snooze.`);
  const steps = followup.steps.map((s, i) => {
    if (i < first || s.status !== 'pending') return s;
    const day = addCalendarDays(s.day, days);
    return { ...s, day, dueAt: zonedInstant(day, REMINDER_HOUR, followup.tz).toISOString() };
  });
  return { ...followup, steps };
}

export function labelOf(template: string): string {
  return LADDER.find((s) => s.template === template)?.label ?? template;
}

/** "nudge Acme to close the contract". */
export function taskOf(template: string, client: string): string {
  const task = LADDER.find((s) => s.template === template)?.task ?? `send the ${template} message to {client}`;
  return task.replace('{client}', client);
}

/** The reminder's first line, a sentence a phone notification can show: "Time to nudge Acme to close the contract." */
export const dueSentence = (template: string, client: string) => `Time to ${taskOf(template, client)}.`;

/** The step a ladder waits on: the first still pending. None left: the ladder is finished. */
export const nextPending = (followup: Followup): FollowupStep | undefined =>
  followup.steps.find((s) => s.status === 'pending');

/** The ladder as table rows: date, how far from today, step, template; `mark` flags one template. */
export function ladderRows(delivered: string, today: string, mark?: string): string[][] {
  return ladderDays(delivered).map((s) => [
    s.day,
    relativeDay(s.day, today),
    s.label,
    `/template ${s.template}${s.template === mark ? '  <- this one' : ''}`,
  ]);
}
