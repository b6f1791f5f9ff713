// One person's desk as data: the score from the log and the one thing to do next, what changes in the
// coming week, follow-ups due within seven days, and the last 16 weekly Top Rated checks. Pure: the
// caller loads the log and the follow-ups; the renderers (deskReply.ts, the Slack Home tab) show it.
import { type Day, isoOfDay } from '../dates.js';
import type { Contract } from '../jss/contracts.js';
import { type Projection, stepOn } from '../jss/projection.js';
import { type Roadmap, roadmapFor } from '../jss/roadmap.js';
import type { Counts } from '../jss/score.js';
import { type Seen, scoreSeen } from '../jss/topRated.js';
import {
  CHECKPOINTS,
  scoreOn,
  TOP_RATED_TARGET,
  WEEKS_NEEDED,
  weeklyPasses,
  weeksUntilQualified,
} from '../jss/topRatedWeeks.js';
import { type PathToTarget, pathToTarget, pathWords } from '../jss/toTarget.js';
import { bestOfAt, countsAt, indexLog, percentAt } from '../jss/windows.js';
import { plural } from '../runtime/format.js';
import type { Action } from '../runtime/reply.js';

/** The next step of one follow-up ladder, as the followups domain hands it over. */
export interface DeskFollowup {
  id: number;
  client: string;
  /** "Closing nudge". */
  step: string;
  /** The step as a thing to do: "nudge Acme to close the contract". */
  task: string;
  /** The step's calendar day in the ladder's own zone, "2026-11-24". */
  day: string;
  /** Days from today (in the ladder's zone) to that day: 0 today, negative when overdue. */
  inDays: number;
  /** Done and Snooze. */
  actions: Action[];
}

export interface WeekChange {
  day: Day;
  kind: 'leave' | 'top-rated';
  text: string;
}

export interface WeeklyCheck {
  day: Day;
  score: number | undefined;
  passes: boolean;
}

export interface Desk {
  today: Day;
  /** No contract in the log: the desk is a start page. */
  empty: boolean;
  lead: string;
  /** The one thing to do next, as a phrase ("nudge Acme to close the contract today"). */
  next: string;
  changes: WeekChange[];
  followups: DeskFollowup[];
  /** The last 16 weekly checks on the 24-month rule, oldest first; today's is the last. */
  weeks: WeeklyCheck[];
  weeksAtTarget: number;
  counts: Counts;
  twentyFour: number | undefined;
  bestOf: { percent: number; months: number } | undefined;
  /** Whether Upwork shows the score yet; while it may not, weekly Top Rated checks are left out. */
  seen: Seen;
}

/** Days ahead that "this week" covers, and how far ahead a follow-up is listed. */
export const WEEK_DAYS = 7;
/** Windows whose change moves a score the desk shows (24: the newer rule; 6 and 12: the best-of rule). */
const SHOWN_WINDOWS = [6, 12, 24];

const show = (p: number | undefined) => (p === undefined ? 'no score' : `${p} %`);
const when = (inDays: number) => (inDays < 0 ? `(${plural(-inDays, 'day')} overdue)` : 'today');

/** Negatives leaving a window this week (which one, from the roadmap), scored by the log's one projection. */
function leaveChanges(roadmap: Roadmap, projection: Projection): WeekChange[] {
  const { today } = projection;
  return roadmap.events
    .filter((e) => e.day <= today + WEEK_DAYS && SHOWN_WINDOWS.includes(e.months))
    .map((e) => {
      const then = stepOn(projection, e.day);
      return {
        day: e.day,
        kind: 'leave' as const,
        text: `${isoOfDay(e.day)}: the negative with ${e.contract.client} (#${e.contract.id}) leaves the ${e.months}-month window; 24-month score then ${show(then.twentyFour)}, best-of ${show(then.bestOf?.percent)}.`,
      };
    });
}

/** Next week's check (no new work assumed): listed only when the count of passing weeks moves. */
function topRatedChange(projection: Projection, passes: boolean[]): WeekChange[] {
  const day = projection.today + WEEK_DAYS;
  const score = stepOn(projection, day).twentyFour;
  const passesThen = (score ?? 0) >= TOP_RATED_TARGET;
  const now = passes.filter(Boolean).length;
  const then = now - (passes[CHECKPOINTS - 1] ? 1 : 0) + (passesThen ? 1 : 0);
  if (then === now) return [];
  return [
    {
      day,
      kind: 'top-rated',
      text: `${isoOfDay(day)}: weekly Top Rated check at ${show(score)} ${passesThen ? 'passes' : 'misses'}; weeks at ${TOP_RATED_TARGET} %+ go from ${now} to ${then} of ${CHECKPOINTS}.`,
    },
  ];
}

function nextThing(desk: Omit<Desk, 'lead' | 'next'>, path: PathToTarget): string {
  const due = desk.followups.find((f) => f.inDays <= 0);
  if (due) return `${due.task} ${when(due.inDays)}`;
  if (desk.empty) return 'add your contracts with /contracts add or /contracts import';
  if (desk.twentyFour === undefined) return 'log contracts with feedback from the last 24 months';
  const hidden = desk.seen.visibility !== 'shown';
  if (desk.twentyFour < TOP_RATED_TARGET) {
    return path.now === undefined
      ? `a negative must leave the window before ${TOP_RATED_TARGET} % is in reach`
      : pathWords(path, TOP_RATED_TARGET, hidden ? desk.seen.contracts : undefined);
  }
  // Below the newer help's 2 contracts from 2 clients no weekly check counts (FACTS §3, §4).
  if (desk.seen.visibility === 'hidden')
    return `keep it at ${TOP_RATED_TARGET} %+; the weekly Top Rated checks count once it shows`;
  if (desk.weeksAtTarget < WEEKS_NEEDED) {
    const weeks = weeksUntilQualified(desk.weeks.map((w) => w.passes).reverse());
    return `keep it at ${TOP_RATED_TARGET} %+ for ${plural(weeks, 'more week')} to pass ${WEEKS_NEEDED} of ${CHECKPOINTS} Top Rated checks`;
  }
  return `keep it at ${TOP_RATED_TARGET} %+ (${desk.weeksAtTarget} of ${CHECKPOINTS} weekly Top Rated checks passed)`;
}

export interface DeskInput {
  contracts: readonly Contract[];
  followups: readonly DeskFollowup[];
  today: Day;
}

export function deskFor({ contracts, followups, today }: DeskInput): Desk {
  const index = indexLog(contracts);
  const roadmap = roadmapFor(contracts, today, TOP_RATED_TARGET, index);
  const { projection } = roadmap;
  const passes = weeklyPasses(index, today, '24-month');
  const weeks = passes
    .map((p, i) => ({
      day: today - WEEK_DAYS * i,
      score: scoreOn(index, today - WEEK_DAYS * i, '24-month'),
      passes: p,
    }))
    .reverse();
  const seen = scoreSeen(contracts, today);
  // A score that may not show yet has no weekly Top Rated checks to count on.
  const weekly = seen.visibility === 'shown' ? topRatedChange(projection, passes) : [];
  const base = {
    today,
    empty: contracts.length === 0,
    changes: [...leaveChanges(roadmap, projection), ...weekly].sort((a, b) => a.day - b.day),
    followups: followups.filter((f) => f.inDays <= WEEK_DAYS).sort((a, b) => a.inDays - b.inDays || a.id - b.id),
    weeks,
    weeksAtTarget: passes.filter(Boolean).length,
    counts: countsAt(index, today, 24),
    twentyFour: percentAt(index, today, 24),
    bestOf: bestOfAt(index, today),
    seen,
  };
  const next = nextThing(base, pathToTarget(roadmap, index, TOP_RATED_TARGET));
  const score = base.empty
    ? followups.length > 0
      ? 'No contracts in your log yet'
      : 'Your desk is empty'
    : base.twentyFour === undefined
      ? 'Your log gives no JSS today'
      : seen.visibility === 'shown'
        ? `Your JSS estimate is ${base.twentyFour} %`
        : `Your JSS would be ${base.twentyFour} % if it showed today, an estimate`;
  return { ...base, next, lead: `${score}; next: ${next}.` };
}
