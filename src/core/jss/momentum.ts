// Review momentum: a client sees your ten newest reviews first, so a bad one stays in view for ten more jobs.

import { type Day, isoOfDay } from '../dates.js';
import { formatCount, plural } from '../runtime/format.js';
import { type Block, text, type Visibility } from '../runtime/reply.js';
import { type Contract, contractName, endDay, starsLabel } from './contracts.js';

/** How many reviews a client sees first on a profile (course material). */
export const REVIEWS_IN_VIEW = 10;
const PACE_MONTHS = 12;
const DAYS_PER_MONTH = 365.25 / 12;

/** A public review a client can read: feedback was left and Upwork has not removed it. */
export const isVisibleReview = (c: Contract): boolean => c.outcome !== 'none' && !c.clientRemoved;

export interface NegativeInView {
  contract: Contract;
  /** 1 = the newest review. */
  position: number;
  /** Reviewed jobs after which it leaves the ten. */
  jobsLeft: number;
  /** When that happens at the user's pace; undefined with no recent pace. */
  outOfView?: Day;
}

export interface Momentum {
  /** Newest first. */
  lastTen: Contract[];
  /** Reviewed contracts a month over the last twelve months; undefined when there were none. */
  perMonth?: number;
  negatives: NegativeInView[];
}

const newestFirst = (a: Contract, b: Contract) => (a.end === b.end ? b.id - a.id : a.end < b.end ? 1 : -1);

/** Reviewed contracts a month over the last twelve months, the user's usual pace. */
export function reviewPace(contracts: readonly Contract[], today: Day): number | undefined {
  const from = today - Math.round(PACE_MONTHS * DAYS_PER_MONTH);
  const recent = contracts.filter((c) => isVisibleReview(c) && endDay(c) > from && endDay(c) <= today).length;
  return recent === 0 ? undefined : recent / PACE_MONTHS;
}

/** The day `jobs` more reviewed contracts are done at `perMonth` a month. */
export const dayAfterJobs = (today: Day, jobs: number, perMonth: number): Day =>
  today + Math.ceil((jobs * DAYS_PER_MONTH) / perMonth);

export function momentumOf(contracts: readonly Contract[], today: Day): Momentum {
  const lastTen = contracts.filter(isVisibleReview).sort(newestFirst).slice(0, REVIEWS_IN_VIEW);
  const perMonth = reviewPace(contracts, today);
  const negatives = lastTen.flatMap((contract, i) => {
    if (contract.outcome !== 'negative') return [];
    const jobsLeft = REVIEWS_IN_VIEW - i;
    const outOfView = perMonth === undefined ? undefined : dayAfterJobs(today, jobsLeft, perMonth);
    return [{ contract, position: i + 1, jobsLeft, outOfView }];
  });
  return { lastTen, perMonth, negatives };
}

/** The lines /jss and /contracts list show in their details; `shownTo` 'public' names contracts by number only. */
export function momentumBlocks(contracts: readonly Contract[], today: Day, shownTo: Visibility): Block[] {
  const m = momentumOf(contracts, today);
  if (m.lastTen.length === 0) return [text('Review momentum: no review in your log yet.')];
  const count = (outcome: Contract['outcome']) => m.lastTen.filter((c) => c.outcome === outcome).length;
  const lines = [
    `Your last ${m.lastTen.length === REVIEWS_IN_VIEW ? 'ten reviews' : m.lastTen.length === 1 ? 'review' : `${formatCount(m.lastTen.length)} reviews`}, what a client reads first: ${formatCount(count('successful'))} successful, ${formatCount(count('neutral'))} neutral, ${formatCount(count('negative'))} negative.`,
  ];
  const pace =
    m.perMonth === undefined
      ? 'no reviewed contract in the last 12 months, so no date'
      : `at your pace of ${formatCount(Math.round(m.perMonth * 10) / 10)} reviewed contracts a month`;
  for (const n of m.negatives) {
    const when = n.outOfView === undefined ? '' : `, around ${isoOfDay(n.outOfView)}`;
    lines.push(
      `The negative from ${contractName(n.contract, shownTo)} (${n.contract.end}) is number ${n.position} of ${m.lastTen.length}: it drops out of view after ${plural(n.jobsLeft, 'more reviewed job')}${when} (${pace}).`,
    );
  }
  // Under 4 stars has no published outcome (FACTS §3): name it, so "no negative" never hides a 3.5.
  const underFour = m.lastTen.filter((c) => c.stars !== undefined && c.stars < 4);
  for (const c of underFour) {
    lines.push(
      `${contractName(c, shownTo)} gave ${starsLabel(c.stars ?? 0)}, counted ${c.outcome} by gigdesk's estimate (only 4 stars and up has a source); a client reads the stars.`,
    );
  }
  if (m.negatives.length === 0)
    lines.push(underFour.length > 0 ? 'None is marked negative.' : 'No negative among them.');
  return [text(lines.join('\n'))];
}
