// UTC calendar days as integers (days since 1970-01-01), parsed and shifted with date-fns.
import { isValid, parse, sub } from 'date-fns';
import { UserError } from './errors.js';

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
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
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

/** Calendar months later (negative: earlier); the 31st clamps to the month's last day, as date-fns does. */
export function addMonthsToDay(day: Day, months: number): Day {
  // Hand-rolled on Date.UTC because the roadmap calls it thousands of times; a test pins it to date-fns addMonths.
  const d = new Date(day * MS_PER_DAY);
  const monthIndex = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY;
}

const FORMATS = ['yyyy-MM-dd', 'd MMM yyyy', 'd MMMM yyyy', 'MMM d yyyy', 'MMMM d yyyy', 'd MMM, yyyy', 'MMM d, yyyy'];
const AGO = /^(\d{1,4})\s*(day|week|month|year)s?\s+ago$/;

/**
 * "2026-03-14", "14 Mar 2026", "today", "yesterday", "3 weeks ago" (hyphens may stand for spaces,
 * so "3-weeks-ago" works without quotes) -> a UTC day, relative to `now`.
 */
export function parseDay(input: string, now: Date): Day {
  const raw = input.trim();
  const text = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : raw.toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
  const today = dayOf(now);
  let day: Day | undefined;
  if (text === 'today') day = today;
  else if (text === 'yesterday') day = today - 1;
  else {
    const ago = AGO.exec(text);
    if (ago) {
      const unit = `${ago[2]}s` as 'days' | 'weeks' | 'months' | 'years';
      day = fromLocal(sub(toLocal(today), { [unit]: Number(ago[1]) }));
    } else {
      for (const format of FORMATS) {
        const parsed = parse(text, format, toLocal(today));
        // date-fns accepts "2026-02-30" as March 2nd in some formats; the year check rules out "14 Mar 26".
        if (isValid(parsed) && parsed.getFullYear() >= 1000) {
          day = fromLocal(parsed);
          break;
        }
      }
    }
  }
  if (day === undefined) {
    throw new UserError(
      `"${input.slice(0, 40)}" is not a date I can read. Use 2026-03-14, 14 Mar 2026, today or 3 weeks ago.`,
    );
  }
  if (day > today) throw new UserError(`${isoOfDay(day)} is in the future; use the day the contract ended.`);
  if (day < EARLIEST) throw new UserError(`${isoOfDay(day)} is too long ago for a contract log.`);
  return day;
}
