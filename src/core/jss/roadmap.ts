// What happens to the score with no new work: negatives leaving windows, a 24-month projection, catch-up counts.

import { addMonthsToDay, type Day, dayFromIso } from '../dates.js';
import type { Contract } from './contracts.js';
import { contractsToReach } from './score.js';
import { bestOfAt, countsAt, indexLog, type LogIndex, leaveDay, percentAt, WINDOW_MONTHS } from './windows.js';

export interface LeaveEvent {
  day: Day;
  months: number;
  contract: Contract;
  /** Scores on the first day without that negative (other contracts may leave too). */
  bestOf: number | undefined;
  twentyFour: number | undefined;
}

export interface CatchUp {
  day: Day;
  /** New successful contracts, ending between today and `day`, for the 24-month score to reach the target. */
  needed: number | undefined;
}

export interface ProjectionPoint {
  day: Day;
  twentyFour: number | undefined;
  bestOf: number | undefined;
}

export interface Roadmap {
  events: LeaveEvent[];
  catchUp: CatchUp[];
  projection: ProjectionPoint[];
}

const MAX_CATCH_UP_DATES = 6;

/** Everything assumes no new contracts; `target` is the whole percent the catch-up counts aim for. */
export function roadmapFor(
  contracts: readonly Contract[],
  today: Day,
  target: number,
  index = indexLog(contracts),
): Roadmap {
  const events: LeaveEvent[] = [];
  // Many negatives share a leave day in a long log; score each day once.
  const scored = new Map<Day, Pick<LeaveEvent, 'bestOf' | 'twentyFour'>>();
  const scoresOn = (day: Day) => {
    let scores = scored.get(day);
    if (!scores) {
      scores = { bestOf: bestOfAt(index, day)?.percent, twentyFour: percentAt(index, day, 24) };
      scored.set(day, scores);
    }
    return scores;
  };
  for (const contract of index.eligible) {
    if (contract.outcome !== 'negative') continue;
    const end = dayFromIso(contract.end);
    for (const months of WINDOW_MONTHS) {
      const day = leaveDay(end, months);
      if (day > today) events.push({ day, months, contract, ...scoresOn(day) });
    }
  }
  events.sort((a, b) => a.day - b.day || a.months - b.months);

  const leaving24 = [...new Set(events.filter((e) => e.months === 24).map((e) => e.day))];
  const catchUp = [today, ...leaving24]
    .slice(0, MAX_CATCH_UP_DATES)
    .map((day) => ({ day, needed: contractsToReach(countsAt(index, day, 24), target) }));

  return { events, catchUp, projection: projection(index, today, 24, 2) };
}

export function projection(index: LogIndex, today: Day, months: number, stepMonths: number): ProjectionPoint[] {
  const points: ProjectionPoint[] = [];
  for (let m = 0; m <= months; m += stepMonths) {
    const day = addMonthsToDay(today, m);
    points.push({ day, twentyFour: percentAt(index, day, 24), bestOf: bestOfAt(index, day)?.percent });
  }
  return points;
}

const BAR_WIDTH = 20;

/** A bar per point, one block per 5 %, so it reads the same in every chat's monospace block. */
export function chartText(points: readonly ProjectionPoint[], isoDay: (d: Day) => string): string {
  const lines = points.map((p) => {
    const filled = p.twentyFour === undefined ? 0 : Math.round((p.twentyFour * BAR_WIDTH) / 100);
    const bar = '█'.repeat(filled) + '·'.repeat(BAR_WIDTH - filled);
    const score = p.twentyFour === undefined ? ' no score' : `${String(p.twentyFour).padStart(5)} %`;
    const best = p.bestOf === undefined ? '' : `  best-of ${p.bestOf} %`;
    return `${isoDay(p.day)} ${bar}${score}${best}`;
  });
  return ['24-month score if no new contracts (█ = 5 %)', ...lines].join('\n');
}
