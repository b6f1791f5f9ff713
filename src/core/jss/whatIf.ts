// What-if: the score path if the next n contracts go well, from counts or laid out on the log at the user's pace.

import { type Day, dayFromIso, isoOfDay } from '../dates.js';
import { formatCount, plural } from '../runtime/format.js';
import { type Block, type Reply, table, text } from '../runtime/reply.js';
import type { Contract } from './contracts.js';
import { dayAfterJobs, reviewPace } from './momentum.js';
import { type Counts, jssPercent, percentOf } from './score.js';
import { bestOfAt, countsAt, indexLog, isEligible } from './windows.js';

export const MAX_PLANNED = 500;
const MAX_ROWS = 12;
/** Pace assumed when the log has no reviewed contract in the last twelve months. */
const DEFAULT_PER_MONTH = 1;

export interface PathPoint {
  /** Planned contracts done so far (1..n). */
  done: number;
  day?: Day;
  percent: number;
  bestOf?: number;
}

export interface WhatIf {
  start: number;
  path: PathPoint[];
  /** The first point whose unrounded score is at or above the target, if any. */
  reached?: PathPoint;
  /** The score is already at the target before any planned contract. */
  already: boolean;
  perMonth?: number;
  paceAssumed?: boolean;
}

/** The unrounded score is at least `target` percent (the same test as "contracts to reach"). */
const atLeast = (c: Counts, target: number) => c.total > 0 && (c.successful - c.negative) * 100 >= target * c.total;

export function whatIfCounts(c: Counts, planned: number, target: number): WhatIf {
  const path: PathPoint[] = [];
  let reached: PathPoint | undefined;
  for (let k = 1; k <= planned; k++) {
    const next = { ...c, successful: c.successful + k, total: c.total + k };
    const point = { done: k, percent: jssPercent(next) };
    path.push(point);
    if (!reached && atLeast(next, target)) reached = point;
  }
  return { start: jssPercent(c), path, reached, already: atLeast(c, target) };
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
  days.forEach((day, i) => {
    const c = countsAt(index, day, 24);
    const point = {
      done: i + 1,
      day,
      percent: percentOf(c.successful - c.negative, c.total),
      bestOf: bestOfAt(index, day)?.percent,
    };
    path.push(point);
    if (!reached && atLeast(c, target)) reached = point;
  });
  const now = countsAt(indexLog(contracts), today, 24);
  const start = now.total === 0 ? 0 : percentOf(now.successful - now.negative, now.total);
  return { start, path, reached, already: atLeast(now, target), perMonth, paceAssumed: measured === undefined };
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

/** The what-if answer: its own lead and path; the usual score answer moves behind details. */
export function withWhatIf(base: Reply, w: WhatIf, target: number): Reply {
  const last = w.path.at(-1);
  const n = w.path.length;
  const dated = last?.day !== undefined;
  const when = (p: PathPoint) =>
    p.day === undefined ? `after ${plural(p.done, 'contract')}` : `on ${isoOfDay(p.day)} (contract ${p.done})`;
  const reach = w.already
    ? `you are already at ${target} % or more`
    : w.reached
      ? `${target} % is first reached ${when(w.reached)}`
      : `${target} % is not reached within these ${formatCount(n)}`;
  const lead = `If your next ${plural(n, 'contract')} go${n === 1 ? 'es' : ''} well, your JSS goes from ${w.start} % to ${last?.percent ?? w.start} %; ${reach}.`;
  const rows = sample(w).map((p) =>
    dated
      ? [isoOfDay(p.day ?? 0), formatCount(p.done), `${p.percent} %`, p.bestOf === undefined ? '' : `${p.bestOf} %`]
      : [formatCount(p.done), `${p.percent} %`],
  );
  const blocks: Block[] = [table(dated ? ['Date', 'Contract', '24-month', 'Best-of'] : ['Contracts', 'Score'], rows)];
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
