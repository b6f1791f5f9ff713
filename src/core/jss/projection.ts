// One projection of a log's future: the days its scores change as contracts end and leave the windows,
// with the scores from each of those days on. The text chart, the leave table, the picture, its alt text
// and the lead all read it, so they cannot disagree; other views (the desk page) import it from here.

import { type Day, isoOfDay } from '../dates.js';
import { type Contract, endDay } from './contracts.js';
import { BEST_OF_MONTHS, bestOfAt, indexLog, type LogIndex, leaveDay, percentAt } from './windows.js';

export interface Step {
  /** The scores hold from this day until the next step's day (best-of may switch windows at the same percent). */
  day: Day;
  twentyFour: number | undefined;
  bestOf: { percent: number; months: number } | undefined;
}

export interface Projection {
  today: Day;
  /** steps[0] is today; the last step is the day the last contract leaves (no score). */
  steps: Step[];
}

/** The scores a reader sees: which window gives the best-of score is not a change of its own. */
const sameScores = (a: Step, b: Step) => a.twentyFour === b.twentyFour && a.bestOf?.percent === b.bestOf?.percent;

/** The log's scores from today on, if no contracts other than those in it end. */
export function projectLog(
  contracts: readonly Contract[],
  today: Day,
  index: LogIndex = indexLog(contracts),
): Projection {
  const days = new Set<Day>();
  for (const contract of index.eligible) {
    const end = endDay(contract);
    if (end > today) days.add(end);
    for (const months of BEST_OF_MONTHS) {
      const day = leaveDay(end, months);
      if (day > today) days.add(day);
    }
  }
  const steps: Step[] = [];
  for (const day of [today, ...[...days].sort((a, b) => a - b)]) {
    const step = { day, twentyFour: percentAt(index, day, 24), bestOf: bestOfAt(index, day) };
    const last = steps.at(-1);
    if (!last || !sameScores(last, step)) steps.push(step);
  }
  return { today, steps };
}

/** The step in force on `day` (today's for any earlier day). */
export function stepOn(projection: Projection, day: Day): Step {
  const { steps } = projection;
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((steps[mid]?.day ?? 0) <= day) lo = mid;
    else hi = mid - 1;
  }
  return steps[lo] as Step;
}

export interface Crossing {
  day: Day;
  /** "up": reaches the target from below; "down": falls under it. */
  direction: 'up' | 'down';
}

/** The first change after today that takes the 24-month score across the target; no score is not a crossing. */
export function crossingOf(projection: Projection, target: number): Crossing | undefined {
  const now = (projection.steps[0]?.twentyFour ?? 0) >= target;
  const step = projection.steps.find((s) => s.twentyFour !== undefined && s.twentyFour >= target !== now);
  return step && { day: step.day, direction: now ? 'down' : 'up' };
}

/** The first day with no 24-month score left, after today. */
export function noScoreFrom(projection: Projection): Day | undefined {
  return projection.steps.find((s, i) => i > 0 && s.twentyFour === undefined)?.day;
}

const MAX_ROWS = 12;
const BAR_WIDTH = 20;

/** A bar per change, one block per 5 %: each row holds from its date until the next row's. */
export function chartText(projection: Projection): string {
  const shown = projection.steps.slice(0, MAX_ROWS);
  const lines = shown.map((p) => {
    const filled = p.twentyFour === undefined ? 0 : Math.round((p.twentyFour * BAR_WIDTH) / 100);
    const bar = '█'.repeat(filled) + '·'.repeat(BAR_WIDTH - filled);
    const score = p.twentyFour === undefined ? ' no score' : `${String(p.twentyFour).padStart(5)} %`;
    const best = p.bestOf === undefined ? '' : `  best-of ${p.bestOf.percent} %`;
    return `${isoOfDay(p.day)} ${bar}${score}${best}`;
  });
  const next = projection.steps[MAX_ROWS];
  const more = projection.steps.length - MAX_ROWS;
  if (next) lines.push(`…and ${more} later ${more === 1 ? 'change' : 'changes'}, the next from ${isoOfDay(next.day)}.`);
  return ['24-month score from each date on, no new work (█ = 5 %)', ...lines].join('\n');
}
