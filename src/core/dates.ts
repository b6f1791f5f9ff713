// UTC calendar days as integers (days since 1970-01-01), parsed and shifted with date-fns.
// One file per function: the date-fns barrel loads some 300 modules at start-up.
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { sub } from 'date-fns/sub';
import { UserError } from './runtime/errors.js';
import { unquoted } from './runtime/textArgs.js';

/** Days since 1970-01-01 in UTC; integer arithmetic keeps windows and leave dates exact. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Upwork (as oDesk/Elance) is older, but nothing before this is plausible for a contract log. */
const EARLIEST = Date.UTC(2000, 0, 1) / MS_PER_DAY;

export function dayOf(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function isoOfDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayFromIso(iso: string): Day {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

// Integer calendar conversions (H. Hinnant's algorithms): the roadmap shifts days by months thousands
// of times, and Date objects made that the slowest step.
function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: Day): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Calendar months later (negative: earlier); the 31st clamps to the month's last day, as date-fns does. */
export function addMonthsToDay(day: Day, months: number): Day {
  const [year, month, date] = civilFromDays(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 31);
  return daysFromCivil(y, m, Math.min(date, last));
}

// date-fns works in local time: build a local date with the UTC calendar fields and read them back,
// so the machine's time zone never shifts a day.
function toLocal(day: Day): Date {
  const d = new Date(day * MS_PER_DAY);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function fromLocal(date: Date): Day {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY;
}

const FORMATS = [
  'yyyy-MM-dd',
  'd MMM yyyy',
  'd MMMM yyyy',
  'MMM d yyyy',
  'MMMM d yyyy',
  'd MMM, yyyy',
  'd MMMM, yyyy',
  'MMM d, yyyy',
  'MMMM d, yyyy',
];
const MAX_DATE_CHARS = 40;
const AGO = /^(\d{1,4})\s*(day|week|month|year)s?\s+ago$/;

/** The calendar day an instant falls on in an IANA time zone (UTC by default). */
export function todayIn(now: Date, tz = 'UTC'): Day {
  if (tz === 'UTC') return dayOf(now);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return daysFromCivil(part('year'), part('month'), part('day'));
}

export interface DayOptions {
  /** The zone whose calendar "today", "yesterday" and "2 weeks ago" follow (default UTC). */
  tz?: string;
  /** Whether a day after today is accepted (a planned delivery); a contract's end day never is. */
  future?: boolean;
}

/**
 * The one date parser every command uses: "2026-03-14", "14 Mar 2026", "today", "yesterday",
 * "tomorrow", "3 weeks ago" (hyphens may stand for spaces, so "3-weeks-ago" works without quotes).
 */
export function parseDay(input: string, now: Date, options: DayOptions = {}): Day {
  // A date typed as the messages print it, quotes and all ("14 Mar 2026" in a Discord date field).
  const raw = unquoted(input.trim()).trim();
  // The longest date written out ("14 September, 2026") is far shorter; a CSV cell can be a whole file.
  if (raw.length > MAX_DATE_CHARS)
    throw new UserError('date_too_long', `"${input.slice(0, 40)}…" is too long to be a date.`);
  const text = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : raw.toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
  const today = todayIn(now, options.tz);
  const day = readDay(text, today);
  if (day === undefined) {
    throw (
      almostDate(raw, text, today, options) ??
      new UserError(
        'bad_date',
        `"${input.slice(0, 40)}" is not a date I can read. Use 2026-03-14, 14 Mar 2026, today, yesterday or 2 weeks ago.`,
      )
    );
  }
  if (day > today && !options.future) {
    throw new UserError('date_in_future', `${isoOfDay(day)} is in the future; use the day the contract ended.`);
  }
  if (day < EARLIEST) throw new UserError('date_too_old', `${isoOfDay(day)} is too long ago.`);
  return day;
}

/** A date that misses only "ago" ("2 weeks") or its year ("14 Mar"): the error says what to add. */
function almostDate(raw: string, text: string, today: Day, options: DayOptions): UserError | undefined {
  if (readDay(`${text} ago`, today) !== undefined) {
    return new UserError(
      'date_without_ago',
      `"${raw}" needs "ago" to be a date: write ${raw} ago, or a day such as 2026-03-14.`,
    );
  }
  const [year] = civilFromDays(today);
  const thisYear = readDay(`${text} ${year}`, today);
  if (thisYear === undefined) return undefined;
  // The year that makes it a day the option accepts: last year's when this year's is still to come.
  const shown = thisYear > today && !options.future ? year - 1 : year;
  return new UserError('date_without_year', `"${raw}" needs a year: write ${raw} ${shown}.`);
}

function readDay(text: string, today: Day): Day | undefined {
  if (text === 'today') return today;
  if (text === 'yesterday') return today - 1;
  if (text === 'tomorrow') return today + 1;
  const ago = AGO.exec(text);
  if (ago) {
    const unit = `${ago[2]}s` as 'days' | 'weeks' | 'months' | 'years';
    return fromLocal(sub(toLocal(today), { [unit]: Number(ago[1]) }));
  }
  for (const format of FORMATS) {
    const parsed = parse(text, format, toLocal(today));
    // date-fns accepts "2026-02-30" as March 2nd in some formats; the year check rules out "14 Mar 26".
    if (isValid(parsed) && parsed.getFullYear() >= 1000) return fromLocal(parsed);
  }
  return undefined;
}

/**
 * Throws a clear sentence unless `tz` is an IANA time zone name such as Europe/Berlin; resolves to the
 * name as typed (in the runtime's letter case when it knows that very name), never to an older alias
 * the runtime prefers (Asia/Kolkata stays Asia/Kolkata, not Asia/Calcutta).
 */
export function checkTimeZone(tz: string): string {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === tz.toLowerCase() ? resolved : tz;
  } catch {
    throw new UserError(
      'unknown_time_zone',
      `"${tz.slice(0, 40)}" is not a time zone I know; use a name like Europe/Berlin or America/New_York.`,
    );
  }
}

/** Minutes a zone is ahead of UTC at an instant (negative west of Greenwich). */
function offsetMinutes(instant: Date, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant the wall clock in `tz` shows `hour`:00 on `day` (daylight-saving aware). */
export function zonedInstant(day: string, hour: number, tz: string): Date {
  const wall = dayFromIso(day) * MS_PER_DAY + hour * 3_600_000;
  const first = wall - offsetMinutes(new Date(wall), tz) * 60_000;
  // A second pass settles days when the offset changes between the guess and the answer.
  return new Date(wall - offsetMinutes(new Date(first), tz) * 60_000);
}
