// JSS engine speed: quick math per call, and the log answer (windows + roadmap) for a 10,000-contract log.

import { dayFromIso, isoOfDay } from '../src/core/dates.js';
import type { Contract, Outcome } from '../src/core/jss/contracts.js';
import { logReply } from '../src/core/jss/logReply.js';
import { quickReply } from '../src/core/jss/quickReply.js';
import { roadmapFor } from '../src/core/jss/roadmap.js';
import { contractsToReach, jssPercent, revisedReviewWorth } from '../src/core/jss/score.js';
import { type BenchRow, measure, timingRow } from './lib.js';

const TODAY = dayFromIso('2026-11-22');

/** A deterministic log spread over 30 months: mostly successful, 1 in 12 negative, 1 in 20 neutral. */
function syntheticLog(size: number): Contract[] {
  return Array.from({ length: size }, (_, i) => {
    const outcome: Outcome =
      i % 12 === 0 ? 'negative' : i % 20 === 0 ? 'neutral' : i % 50 === 0 ? 'none' : 'successful';
    return {
      id: i + 1,
      end: isoOfDay(TODAY - ((i * 7919) % 913)),
      outcome,
      amountCents: ((i * 104_729) % 300_000) + 100,
      client: `client-${i % 800}`,
      longTerm: i % 9 === 0,
    };
  });
}

export async function bench(): Promise<BenchRow[]> {
  const counts = { successful: 7, negative: 1, total: 8 };
  const math = await measure(
    'jss quick math (score, recovery, revised worth)',
    () => [jssPercent(counts), contractsToReach(counts, 90), revisedReviewWorth(counts)],
    20_000,
  );
  const reply = await measure('jss quick-math reply', () => quickReply(counts, 90), 5_000);
  const log = syntheticLog(10_000);
  const roadmap = await measure('jss roadmap, 10,000 contracts', () => roadmapFor(log, TODAY, 90), 50);
  const full = await measure('jss log reply (windows + roadmap), 10,000 contracts', () => logReply(log, TODAY, 90), 50);
  const budget = `median ${roadmap.p50Ms < 50 ? 'within' : 'OVER'} the 50 ms budget (p99 rises when the machine is busy)`;
  return [timingRow(math), timingRow(reply), timingRow(roadmap, budget), timingRow(full)];
}
