// What-if: the score path if the next n contracts go well, from counts or laid out on the log at the user's pace.

import { type Day, dayFromIso, isoOfDay } from '../dates.js';
import { formatCount, plural } from '../runtime/format.js';
import { type Block, type Reply, table, text } from '../runtime/reply.js';
import type { Contract } from './contracts.js';
import { dayAfterJobs, reviewPace } from './momentum.js';
import { whileBlocked } from './quickReply.js';
import { type Counts, contractsToReach, exactPercentOf, percentOf } from './score.js';
import { shownOn } from './topRatedWeeks.js';
import { BEST_OF_MONTHS, bestOfAt, countsAt, indexLog, isEligible, type LogIndex } from './windows.js';

export const MAX_PLANNED = 500;
const MAX_ROWS = 12;
/** Pace assumed when the log has no reviewed contract in the last twelve months. */
const DEFAULT_PER_MONTH = 1;

export interface PathPoint {
  /** Planned contracts done so far (1..n). */
  done: number;
  day?: Day;
  percent: number;
  /** The unrounded score, two decimals at most. */
  exact: number;
  bestOf?: number;
}

export interface WhatIf {
  start: number;
  startExact: number;
  path: PathPoint[];
  /** The first point whose unrounded score is at or above the target, on a day a score could show. */
  reached?: PathPoint;
  /** On a log: the first point at the target on which too few contracts count for a score to show. */
  unshown?: PathPoint;
  /** The score is already at the target before any planned contract. */
  already: boolean;
  /** From counts: the target is out of reach of new work alone, e.g. exactly 100 % (what keeps it out). */
  never?: string;
  /** On a log, the older best-of rule: at the target already, or the first point where it is. */
  bestOf?: { already: boolean; reached?: PathPoint };
  perMonth?: number;
  paceAssumed?: boolean;
}

/** The unrounded score is at least `target` percent (the same test as "contracts to reach"). */
const atLeast = (c: Counts, target: number) => c.total > 0 && (c.successful - c.negative) * 100 >= target * c.total;

/** The older rule at the target: any of its windows at or above it, unrounded. */
const bestAtLeast = (index: LogIndex, day: Day, target: number) =>
  BEST_OF_MONTHS.some((months) => atLeast(countsAt(index, day, months), target));

/** Planned counts pass no cap: they are derived from counts already checked as typed. */
const scoreOf = (c: Counts) => ({
  percent: percentOf(c.successful - c.negative, c.total),
  exact: exactPercentOf(c.successful - c.negative, c.total),
});

export function whatIfCounts(c: Counts, planned: number, target: number): WhatIf {
  const path: PathPoint[] = [];
  let reached: PathPoint | undefined;
  for (let k = 1; k <= planned; k++) {
    const next = { ...c, successful: c.successful + k, total: c.total + k };
    const point = { done: k, ...scoreOf(next) };
    path.push(point);
    if (!reached && atLeast(next, target)) reached = point;
  }
  const never = contractsToReach(c, target) === undefined ? whileBlocked(c) : undefined;
  const { percent, exact } = scoreOf(c);
  return { start: percent, startExact: exact, path, reached, already: atLeast(c, target), never };
}

/** Planned successful contracts ending one per pace interval, each worth the log's median amount, new clients. */
export function plannedContracts(contracts: readonly Contract[], today: Day, planned: number): Contract[] {
  const perMonth = reviewPace(contracts, today) ?? DEFAULT_PER_MONTH;
  const amounts = contracts
    .filter(isEligible)
    .map((c) => c.amountCents)
    .sort((a, b) => a - b);
  const median = amounts[Math.floor(amounts.length / 2)] ?? 0;
  return Array.from({ length: planned }, (_, i) => ({
    id: -(i + 1),
    end: isoOfDay(dayAfterJobs(today, i + 1, perMonth)),
    outcome: 'successful',
    amountCents: Math.max(median, 1),
    client: `planned ${i + 1}`,
    longTerm: false,
  }));
}

export function whatIfLog(contracts: readonly Contract[], today: Day, planned: number, target: number): WhatIf {
  const measured = reviewPace(contracts, today);
  const perMonth = measured ?? DEFAULT_PER_MONTH;
  const future = plannedContracts(contracts, today, planned);
  const days = future.map((c) => dayFromIso(c.end));
  const index = indexLog([...contracts, ...future]);
  const path: PathPoint[] = [];
  let reached: PathPoint | undefined;
  let bestReached: PathPoint | undefined;
  let unshown: PathPoint | undefined;
  days.forEach((day, i) => {
    const c = countsAt(index, day, 24);
    const point = { done: i + 1, day, ...scoreOf(c), bestOf: bestOfAt(index, day)?.percent };
    path.push(point);
    const shown = shownOn(index, day);
    if (!reached && !unshown && atLeast(c, target) && !shown) unshown = point;
    if (!reached && atLeast(c, target) && shown) reached = point;
    if (!bestReached && bestAtLeast(index, day, target) && shown) bestReached = point;
  });
  const logIndex = indexLog(contracts);
  const now = countsAt(logIndex, today, 24);
  const start = now.total === 0 ? { percent: 0, exact: 0 } : scoreOf(now);
  return {
    start: start.percent,
    startExact: start.exact,
    path,
    reached,
    unshown,
    already: atLeast(now, target),
    bestOf: { already: bestAtLeast(logIndex, today, target), reached: bestReached },
    perMonth,
    paceAssumed: measured === undefined,
  };
}

/** At most MAX_ROWS points: evenly spread, always with the first, the last and the one that reaches the target. */
function sample(w: WhatIf): PathPoint[] {
  if (w.path.length <= MAX_ROWS) return w.path;
  const step = w.path.length / (MAX_ROWS - 1);
  const picks = new Set<number>([w.path.length - 1, ...(w.reached ? [w.reached.done - 1] : [])]);
  for (let i = 0; picks.size < MAX_ROWS && i < MAX_ROWS; i++)
    picks.add(Math.min(w.path.length - 1, Math.floor(i * step)));
  return [...picks].sort((a, b) => a - b).flatMap((i) => w.path[i] ?? []);
}

/** Rounding alone lifts the score onto the target or onto 100 %. */
const lifted = (percent: number, exact: number, target: number) =>
  (percent >= target && exact < target) || (percent === 100 && exact < 100);

/** "99.61 %, which shows as 100 %" where rounding alone lifts it; else as shown. */
function scoreText(percent: number, exact: number, target: number): string {
  return lifted(percent, exact, target) ? `${exact} %, which shows as ${percent} %` : `${percent} %`;
}

/** The what-if answer: its own lead and path; the usual score answer moves behind details. */
export function withWhatIf(base: Reply, w: WhatIf, target: number): Reply {
  const last = w.path.at(-1);
  const n = w.path.length;
  const dated = last?.day !== undefined;
  const when = (p: PathPoint) =>
    p.day === undefined ? `after ${plural(p.done, 'contract')}` : `on ${isoOfDay(p.day)} (contract ${p.done})`;
  const from = scoreText(w.start, w.startExact, target);
  const to = last ? scoreText(last.percent, last.exact, target) : from;
  const startLifted = lifted(w.start, w.startExact, target);
  const bothLifted =
    startLifted && last !== undefined && lifted(last.percent, last.exact, target) && w.start === last.percent;
  const path = bothLifted
    ? `${w.startExact} % to ${last.exact} %, both shown as ${last.percent} %`
    : `${from}${startLifted ? ',' : ''} to ${to}`;
  const short =
    (last?.percent ?? w.start) >= target ? `it stays under ${target} % unrounded` : `${target} % is not reached`;
  const atTarget = target === 100 ? '100 %' : `${target} % or more`;
  const bar = 'a score needs 2 contracts from 2 clients';
  const reach = w.already
    ? `you are already at ${atTarget}`
    : w.reached
      ? `${target} % is first reached ${when(w.reached)}${w.unshown ? `, as ${bar}` : ''}`
      : w.unshown
        ? `it is at ${atTarget} ${when(w.unshown)} only if it showed: ${bar}`
        : w.never
          ? `new work alone never makes it exactly ${target} % ${w.never}`
          : `${short} within these ${formatCount(n)}`;
  const rule = dated ? ' on the 24-month rule' : '';
  const lead = `If your next ${plural(n, 'contract')} go${n === 1 ? 'es' : ''} well, your JSS goes from ${path}${rule}; ${reach}.`;
  const rows = sample(w).map((p) =>
    dated
      ? [isoOfDay(p.day ?? 0), formatCount(p.done), `${p.percent} %`, p.bestOf === undefined ? '' : `${p.bestOf} %`]
      : [formatCount(p.done), `${p.percent} %`],
  );
  const blocks: Block[] = [table(dated ? ['Date', 'Contract', '24-month', 'Best-of'] : ['Contracts', 'Score'], rows)];
  const best = w.already ? undefined : w.bestOf;
  if (best?.already) blocks.push(text(`On the older best-of rule you are at ${atTarget} already.`));
  else if (best?.reached && best.reached.done < (w.reached?.done ?? Number.POSITIVE_INFINITY)) {
    blocks.push(text(`On the older best-of rule ${target} % is first reached ${when(best.reached)}.`));
  }
  if (dated) {
    const pace = `${formatCount(Math.round((w.perMonth ?? 0) * 10) / 10)} a month`;
    blocks.push(
      text(
        w.paceAssumed
          ? `No reviewed contract in the last 12 months, so one a month is assumed; each planned contract is successful, at your log's median amount, from a new client.`
          : `Spread at your pace of ${pace} (reviewed contracts over the last 12 months), each successful, at your log's median amount, from a new client; negatives leaving the windows count too.`,
      ),
    );
  }
  return { ...base, lead, blocks, details: [text(base.lead), ...base.blocks, ...base.details] };
}
