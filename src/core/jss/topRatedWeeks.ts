// Top Rated's weekly score checks (FACTS §4): a check passes when a score could show that day (the newer
// help's 2 contracts from 2 clients, FACTS §3) and is 90 % or more; how many pass, and when 13 of 16 can.

import type { Day } from '../dates.js';
import { contractsToReach } from './score.js';
import { NEWER_HELP_BAR } from './visibility.js';
import { BEST_OF_MONTHS, bestOfAt, clientsAt, countsAt, type LogIndex, percentAt } from './windows.js';

export type ScoreRule = '24-month' | 'best-of';

export const CHECKPOINTS = 16;
export const WEEKS_NEEDED = 13;
export const TOP_RATED_TARGET = 90;
/** How far ahead a check is looked for: past two years every contract in a log has left the windows. */
const WEEKS_AHEAD = 106;

export const RULE_WORDS: Record<ScoreRule, string> = {
  '24-month': 'newer 24-month rule',
  'best-of': 'older best-of-6/12/24-months rule',
};

/** New successful contracts that lift the score to the target under the rule: best-of takes its quickest window. */
export function contractsToTarget(index: LogIndex, today: Day, rule: ScoreRule, target = TOP_RATED_TARGET): number {
  const windows = rule === '24-month' ? [24] : BEST_OF_MONTHS;
  // An empty window counts too: one new successful contract gives it 100 %, as scoreOn would then read it.
  return Math.min(...windows.map((months) => contractsToReach(countsAt(index, today, months), target) ?? Infinity));
}

export function scoreOn(index: LogIndex, day: Day, rule: ScoreRule): number | undefined {
  return rule === '24-month' ? percentAt(index, day, 24) : bestOfAt(index, day)?.percent;
}

/** Whether a score could show on `day`: the newer help's 2 contracts from 2 clients in 24 months. */
export function shownOn(index: LogIndex, day: Day): boolean {
  const { contracts, clients } = NEWER_HELP_BAR;
  return countsAt(index, day, 24).total >= contracts && clientsAt(index, day, 24, clients) >= clients;
}

/** A weekly check on `day` passes: a score could show, and it is 90 % or more. */
export function passesOn(index: LogIndex, day: Day, rule: ScoreRule): boolean {
  return (scoreOn(index, day, rule) ?? 0) >= TOP_RATED_TARGET && shownOn(index, day);
}

/** passes[i]: the check i weeks before today passed. */
export function weeklyPasses(index: LogIndex, today: Day, rule: ScoreRule): boolean[] {
  return Array.from({ length: CHECKPOINTS }, (_, i) => passesOn(index, today - 7 * i, rule));
}

/** Further weeks below 90 % after which 13 of the last 16 checkpoints still pass; undefined when they do not now. */
export function weeksOfGrace(passes: readonly boolean[]): number | undefined {
  let grace: number | undefined;
  for (let w = 0; w <= CHECKPOINTS - WEEKS_NEEDED; w++) {
    if (passes.slice(0, CHECKPOINTS - w).filter(Boolean).length >= WEEKS_NEEDED) grace = w;
    else break;
  }
  return grace;
}

/**
 * Weeks from today until 13 of the last 16 checks pass, if every check from `from` weeks ahead on passes
 * and none before it (0: from today's, already in `passes`).
 */
export function weeksUntilQualified(passes: readonly boolean[], from = 0): number {
  const start = Math.max(from, 1);
  for (let w = from; w <= from + WEEKS_NEEDED; w++) {
    const kept = passes.slice(0, Math.max(0, CHECKPOINTS - w)).filter(Boolean).length;
    if (kept + Math.max(0, w - start + 1) >= WEEKS_NEEDED) return w;
  }
  return from + WEEKS_NEEDED;
}

/** With no new work, the first weekly check after today that passes, in weeks from today; undefined when none. */
export function firstPassingCheck(index: LogIndex, today: Day, rule: ScoreRule): number | undefined {
  for (let j = 1; j <= WEEKS_AHEAD; j++) if (passesOn(index, today + 7 * j, rule)) return j;
  return undefined;
}
