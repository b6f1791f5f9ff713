// What happens to the score with no new work: negatives leaving windows (scored from the projection), catch-up counts.

import { type Day, dayFromIso } from '../dates.js';
import type { Contract } from './contracts.js';
import { type Projection, projectLog, stepOn } from './projection.js';
import { contractsToReach } from './score.js';
import { countsAt, indexLog, leaveDay, WINDOW_MONTHS } from './windows.js';

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

export interface Roadmap {
  events: LeaveEvent[];
  catchUp: CatchUp[];
  projection: Projection;
}

const MAX_CATCH_UP_DATES = 6;

/** Everything assumes no new contracts; `target` is the whole percent the catch-up counts aim for. */
export function roadmapFor(
  contracts: readonly Contract[],
  today: Day,
  target: number,
  index = indexLog(contracts),
): Roadmap {
  const projection = projectLog(contracts, today, index);
  const events: LeaveEvent[] = [];
  for (const contract of index.eligible) {
    if (contract.outcome !== 'negative') continue;
    const end = dayFromIso(contract.end);
    for (const months of WINDOW_MONTHS) {
      const day = leaveDay(end, months);
      const step = stepOn(projection, day);
      if (day > today)
        events.push({ day, months, contract, bestOf: step.bestOf?.percent, twentyFour: step.twentyFour });
    }
  }
  events.sort((a, b) => a.day - b.day || a.months - b.months);

  const leaving24 = [...new Set(events.filter((e) => e.months === 24).map((e) => e.day))];
  const catchUp = [today, ...leaving24]
    .slice(0, MAX_CATCH_UP_DATES)
    .map((day) => ({ day, needed: contractsToReach(countsAt(index, day, 24), target) }));

  return { events, catchUp, projection };
}
