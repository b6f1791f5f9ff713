// The way to a target on the 24-month rule, from the roadmap: new successful contracts today, fewer once
// a negative leaves the window, none from the day waiting alone gets there. /jss, /desk and /toprated
// all say it with pathWords, so their figures cannot disagree.

import { type Day, isoOfDay } from '../dates.js';
import { formatCount, plural } from '../runtime/format.js';
import { type Projection, type Step, stepOn } from './projection.js';
import type { Roadmap } from './roadmap.js';
import { type ScoreRule, shownOn } from './topRatedWeeks.js';
import { countToTarget, whenItShows } from './visibility.js';
import type { LogIndex } from './windows.js';

export interface PathToTarget {
  /** New successful contracts ending today that reach the target; undefined when none can. */
  now: number | undefined;
  /** The first later day a negative leaves the window and fewer are enough (but some). */
  sooner: { day: Day; needed: number } | undefined;
  /** With no new work, the first day the score is at the target and could show. */
  reach: Day | undefined;
  /** Negatives leaving the rule's windows by the last of those days. */
  leaving: number;
  rule: ScoreRule;
  today: Day;
}

/**
 * With no work beyond the projection's, the first day after today the score is at the target and could show.
 * A contract's end day is looked at too: a score can start to show there without changing.
 */
export function reachDay(
  projection: Projection,
  index: LogIndex,
  target: number,
  rule: ScoreRule = '24-month',
): Day | undefined {
  const score = (s: Step) => (rule === '24-month' ? s.twentyFour : s.bestOf?.percent) ?? 0;
  const days = new Set([...projection.steps.map((s) => s.day), ...index.days]);
  return [...days]
    .filter((day) => day > projection.today)
    .sort((a, b) => a - b)
    .find((day) => score(stepOn(projection, day)) >= target && shownOn(index, day));
}

/** Waiting this long or less beats any count of new contracts: the count is left out. */
const SHORT_WAIT_DAYS = 30;

/**
 * The roadmap's counts on the 24-month rule; on the older best-of rule only the count today (its quickest
 * window, `bestOfNow`) and the day waiting gets there.
 */
export function pathToTarget(
  roadmap: Roadmap,
  index: LogIndex,
  target: number,
  rule: ScoreRule = '24-month',
  bestOfNow?: number,
): PathToTarget {
  const { projection, catchUp, events } = roadmap;
  const today = projection.today;
  const now = rule === '24-month' ? catchUp[0]?.needed : bestOfNow;
  const none = { now, sooner: undefined, reach: undefined, leaving: 0, rule, today };
  if (now === undefined || now === 0) return none;
  const reach = reachDay(projection, index, target, rule);
  // A day the window is empty is no head start: a first new contract would be the whole score.
  const found = catchUp.find(
    (c) =>
      c.day > today &&
      (reach === undefined || c.day < reach) &&
      (c.needed ?? now) < now &&
      c.needed !== 0 &&
      stepOn(projection, c.day).twentyFour !== undefined,
  );
  const sooner =
    rule !== '24-month' || found?.needed === undefined ? undefined : { day: found.day, needed: found.needed };
  const last = reach ?? sooner?.day;
  const counted = events.filter((e) => (rule === '24-month' ? e.months === 24 : e.months !== 3));
  const leaving = last === undefined ? 0 : counted.filter((e) => e.day <= last).length;
  return { now, sooner, reach, leaving, rule, today };
}

/**
 * "with no new work it reaches 90 % on 2028-04-27, as negatives leave the window; or 31 more successful
 * contracts take it there, 15 from 2027-02-02": waiting first, the count left out when the wait is short;
 * plain countToTarget when waiting changes nothing. `seen`, while the score may not show: its contracts
 * with feedback, to say when it should. `about`: the count is an estimate said in the sentence itself.
 */
export function pathWords(p: PathToTarget, target: number, seen?: number, about = ''): string {
  const now = p.now ?? 0;
  if (!p.sooner && p.reach === undefined) return `${about}${countToTarget(now, target, seen)}`;
  const shows = seen === undefined ? '' : whenItShows(seen, now);
  const to = p.reach === undefined ? `to ${target} %` : 'there';
  const count = `${about}${plural(now, 'more successful contract')} take${now === 1 ? 's' : ''} it ${to}${shows}`;
  const sooner = p.sooner ? `${shows ? ';' : ','} ${formatCount(p.sooner.needed)} from ${isoOfDay(p.sooner.day)}` : '';
  const window = p.rule === '24-month' ? 'the window' : 'their windows';
  const leave =
    p.leaving === 0
      ? `as older contracts leave ${window}`
      : p.leaving === 1
        ? `as a negative leaves ${p.rule === '24-month' ? 'the window' : 'its window'}`
        : `as negatives leave ${window}`;
  if (p.reach === undefined) return `${count}${sooner} ${leave}`;
  const waiting = `with no new work it reaches ${target} % on ${isoOfDay(p.reach)}, ${leave}`;
  return p.reach - p.today <= SHORT_WAIT_DAYS ? waiting : `${waiting}; or ${count}${sooner}`;
}
