// Chart rendering: the first chart (loads echarts and resvg, reads the font) and p50/p99 after it.
import { performance } from 'node:perf_hooks';
import { drawChart } from '../src/charts/draw.js';
import { dayFromIso } from '../src/core/dates.js';
import { feesChart } from '../src/core/fees/chart.js';
import { jssChart, topRatedChart } from '../src/core/jss/chart.js';
import type { Contract } from '../src/core/jss/contracts.js';
import { type BenchRow, measure, timingRow } from './lib.js';

const RUNS = 40;
const GOAL_MS = 100;

/** Two years of contracts, a negative every eighth, so the path has leave days to find. */
function sampleLog(today: number): Contract[] {
  return Array.from({ length: 120 }, (_, i) => ({
    id: i + 1,
    end: new Date((today - i * 6) * 86_400_000).toISOString().slice(0, 10),
    outcome: i % 8 === 3 ? 'negative' : 'successful',
    amountCents: 50_000 + i * 1000,
    client: `client ${i % 30}`,
    longTerm: i % 5 === 0,
  }));
}

export async function bench(): Promise<BenchRow[]> {
  const today = dayFromIso('2026-11-22');
  const log = sampleLog(today);
  const specs = {
    'fees 15000': () => feesChart(1_500_000, { day: '2026-11-22' }),
    'jss path, 120 contracts': () => jssChart(log, today, 90),
    'top rated weeks, 120 contracts': () => topRatedChart(log, today, '24-month'),
  };
  const start = performance.now();
  await drawChart(specs['fees 15000']());
  const first = performance.now() - start;
  const rows: BenchRow[] = [{ what: 'first chart (loads echarts, resvg)', value: `${first.toFixed(1)} ms` }];
  for (const [name, spec] of Object.entries(specs)) {
    const timing = await measure(`chart ${name}, spec + PNG`, () => drawChart(spec()), RUNS);
    const verdict = timing.p50Ms < GOAL_MS ? 'meets' : 'misses';
    rows.push(timingRow(timing, `${verdict} the p50 goal of ${GOAL_MS} ms`));
  }
  return rows;
}
