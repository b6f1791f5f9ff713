// Scores from a contract log over time windows, on sorted prefix sums so any window is two binary searches.

import { addMonthsToDay, type Day } from '../dates.js';
import { type Contract, clientKey, endDay } from './contracts.js';
import { type Counts, percentOf } from './score.js';

export const WINDOW_MONTHS = [3, 6, 12, 24] as const;
export const BEST_OF_MONTHS = [6, 12, 24] as const;
/** Contracts closed without feedback stopped counting on this day (FACTS §3). */
export const NO_FEEDBACK_EXCLUDED_SINCE = '2020-11-08';
const FEEDBACK_DAYS = 14;
/** Room for a position below one day in a sort key (far more than MAX_CONTRACTS). */
const SORT_SLOTS = 1_048_576;

/** Whether a contract counts at all: it has feedback Upwork kept, and is not an unpaid successful one. */
export function isEligible(c: Contract): boolean {
  if (c.outcome === 'none' || c.clientRemoved) return false;
  return !(c.outcome === 'successful' && c.amountCents === 0);
}

/** Value weight in quarters (4 = weight 1): $1-250 -> 1, $251-1,000 -> 1.25, more -> 1.5; long-term +1; cap 8. */
export function weightQuarters(c: Contract): number {
  const base = c.amountCents > 100_000 ? 6 : c.amountCents > 25_000 ? 5 : 4;
  return Math.min(32, base + (c.longTerm ? 4 : 0));
}

/** A contract ending on `end` is inside the `months` window on `day` when it ended after day minus months. */
export function inWindow(end: Day, day: Day, months: number): boolean {
  return end > addMonthsToDay(day, -months) && end <= day;
}

/** First day on which a contract that ended on `end` is no longer inside the `months` window. */
export function leaveDay(end: Day, months: number): Day {
  let day = addMonthsToDay(end, months);
  // Month-end clamping can make the plain sum a day or two off; step to the exact boundary.
  while (addMonthsToDay(day - 1, -months) >= end) day--;
  while (addMonthsToDay(day, -months) < end) day++;
  return day;
}

export interface LogIndex {
  days: Int32Array;
  /** Prefix sums over contracts sorted by end day: entry i covers the first i contracts. */
  successful: Int32Array;
  negative: Int32Array;
  weightSuccessful: Int32Array;
  weightNegative: Int32Array;
  weightTotal: Int32Array;
  eligible: Contract[];
}

export function indexLog(contracts: readonly Contract[]): LogIndex {
  const kept = contracts.filter(isEligible);
  const n = kept.length;
  // Sort by day with the position packed into one number: a native typed-array sort, no comparator calls.
  const keys = new Float64Array(n);
  kept.forEach((c, i) => {
    keys[i] = endDay(c) * SORT_SLOTS + i;
  });
  keys.sort();
  const eligible = Array.from(keys, (key) => kept[key % SORT_SLOTS] as Contract);
  const index: LogIndex = {
    days: new Int32Array(n),
    successful: new Int32Array(n + 1),
    negative: new Int32Array(n + 1),
    weightSuccessful: new Int32Array(n + 1),
    weightNegative: new Int32Array(n + 1),
    weightTotal: new Int32Array(n + 1),
    eligible,
  };
  eligible.forEach((c, i) => {
    const w = weightQuarters(c);
    index.days[i] = Math.floor((keys[i] ?? 0) / SORT_SLOTS);
    index.successful[i + 1] = (index.successful[i] ?? 0) + (c.outcome === 'successful' ? 1 : 0);
    index.negative[i + 1] = (index.negative[i] ?? 0) + (c.outcome === 'negative' ? 1 : 0);
    index.weightSuccessful[i + 1] = (index.weightSuccessful[i] ?? 0) + (c.outcome === 'successful' ? w : 0);
    index.weightNegative[i + 1] = (index.weightNegative[i] ?? 0) + (c.outcome === 'negative' ? w : 0);
    index.weightTotal[i + 1] = (index.weightTotal[i] ?? 0) + w;
  });
  return index;
}

/** Number of indexed contracts that ended on or before `day`. */
function countUpTo(days: Int32Array, day: Day): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] ?? 0) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function range(index: LogIndex, day: Day, months: number): [number, number] {
  return [countUpTo(index.days, addMonthsToDay(day, -months)), countUpTo(index.days, day)];
}

const diff = (sums: Int32Array, [from, to]: [number, number]) => (sums[to] ?? 0) - (sums[from] ?? 0);

export function countsAt(index: LogIndex, day: Day, months: number): Counts {
  const r = range(index, day, months);
  return { successful: diff(index.successful, r), negative: diff(index.negative, r), total: r[1] - r[0] };
}

/** Distinct clients among the contracts counting in a window, counted no further than `upTo`. */
export function clientsAt(index: LogIndex, day: Day, months: number, upTo = Infinity): number {
  const [from, to] = range(index, day, months);
  const seen = new Set<string>();
  for (let i = from; i < to && seen.size < upTo; i++) seen.add(clientKey(index.eligible[i] as Contract));
  return seen.size;
}

/** Whole percent of a window, or undefined when the window holds no contract that counts. */
export function percentAt(index: LogIndex, day: Day, months: number): number | undefined {
  const c = countsAt(index, day, months);
  return c.total === 0 ? undefined : percentOf(c.successful - c.negative, c.total);
}

export function weightedPercentAt(index: LogIndex, day: Day, months = 24): number | undefined {
  const r = range(index, day, months);
  const total = diff(index.weightTotal, r);
  return total === 0 ? undefined : percentOf(diff(index.weightSuccessful, r) - diff(index.weightNegative, r), total);
}

/** The older rule: the best of the 6-, 12- and 24-month scores. */
export function bestOfAt(index: LogIndex, day: Day): { percent: number; months: number } | undefined {
  let best: { percent: number; months: number } | undefined;
  for (const months of BEST_OF_MONTHS) {
    const percent = percentAt(index, day, months);
    if (percent !== undefined && (!best || percent > best.percent)) best = { percent, months };
  }
  return best;
}

/** The older "trending" score: the mean of the 6- and 3-month scores, each clamped at 0, then rounded. */
export function trendingAt(index: LogIndex, day: Day): number | undefined {
  const six = countsAt(index, day, 6);
  const three = countsAt(index, day, 3);
  if (six.total === 0 || three.total === 0) return undefined;
  const net = (c: Counts) => Math.max(0, c.successful - c.negative);
  return percentOf(net(six) * three.total + net(three) * six.total, 2 * six.total * three.total);
}

export interface Eligibility {
  contracts: number;
  clients: number;
  /** The newer help's bar: 2+ different clients and 2+ eligible contracts in the 24-month window. */
  shows: boolean;
  noFeedback: number;
  /** Closed without feedback within the last 14 days: feedback may still arrive. */
  awaitingFeedback: number;
  unpaidSuccessful: number;
  /** With feedback that Upwork removed (the client was flagged or left the platform). */
  feedbackRemoved: number;
}

export function eligibilityAt(contracts: readonly Contract[], day: Day): Eligibility {
  const from = addMonthsToDay(day, -24);
  const recent = contracts.filter((c) => endDay(c) > from && endDay(c) <= day);
  const counting = recent.filter(isEligible);
  const clients = new Set(counting.map(clientKey)).size;
  const noFeedback = recent.filter((c) => c.outcome === 'none');
  return {
    contracts: counting.length,
    clients,
    shows: clients >= 2 && counting.length >= 2,
    noFeedback: noFeedback.length,
    awaitingFeedback: noFeedback.filter((c) => day - endDay(c) < FEEDBACK_DAYS).length,
    unpaidSuccessful: recent.filter((c) => c.outcome === 'successful' && c.amountCents === 0 && !c.clientRemoved)
      .length,
    feedbackRemoved: recent.filter((c) => c.outcome !== 'none' && c.clientRemoved).length,
  };
}
