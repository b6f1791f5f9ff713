// Chart rendering: the first chart through the pool (starts the worker, which loads echarts and resvg),
// one chart's drawing cost p50/p99 (measured in step on this thread), where that time goes, a cached
// chart, and the event-loop delay while charts draw (chartLoad.ts).
import { performance } from 'node:perf_hooks';
import { drawChart, stopCharts } from '../src/charts/draw.js';
import { dayFromIso } from '../src/core/dates.js';
import { feesChart } from '../src/core/fees/chart.js';
import { jssChart, topRatedChart } from '../src/core/jss/chart.js';
import type { Contract } from '../src/core/jss/contracts.js';
import type { ChartSpec } from '../src/core/runtime/chart.js';
import { loopDelay } from './chartLoad.js';
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
  // Loaded on this thread too, after the first chart, for the in-step rows (other suites never load it).
  const { renderChartPng } = await import('../src/charts/render.js');
  const rows: BenchRow[] = [
    { what: 'first chart (starts the worker: loads echarts, resvg)', value: `${first.toFixed(1)} ms` },
  ];
  for (const [name, spec] of Object.entries(specs)) {
    // In step on this thread: the drawing cost itself, not the pool's queue or the cache.
    const timing = await measure(`chart ${name}, spec + PNG`, () => renderChartPng(spec()), RUNS);
    const verdict = timing.p50Ms < GOAL_MS ? 'meets' : 'misses';
    rows.push(timingRow(timing, `${verdict} the p50 goal of ${GOAL_MS} ms`));
  }
  rows.push(await stages(specs['jss path, 120 contracts']()));
  const again = specs['fees 15000']();
  rows.push(timingRow(await measure('the same fees 15000 chart again (cache)', () => drawChart(again), RUNS)));
  rows.push(...(await loopDelay()));
  await stopCharts(0);
  return rows;
}

/** p50 of each stage of one chart, run in step on this thread. */
async function stages(spec: ChartSpec): Promise<BenchRow> {
  const { Resvg } = await import('@resvg/resvg-js');
  const { renderChartSvg } = await import('../src/charts/render.js');
  const { CHART_FONT_FAMILY, CHART_FONT_FILES } = await import('../src/charts/font.js');
  const font = (files: string[]) => ({
    fontFiles: files,
    loadSystemFonts: false,
    defaultFontFamily: CHART_FONT_FAMILY,
  });
  const options = (files: string[]) => ({ fitTo: { mode: 'zoom' as const, value: 1.5 }, font: font(files) });
  const svg = renderChartSvg(spec);
  const bare = renderChartSvg(spec, { withoutText: true });
  const image = new Resvg(svg, options(CHART_FONT_FILES)).render();
  const p50 = async (fn: () => unknown) => (await measure('', fn, RUNS)).p50Ms.toFixed(1);
  const parts = {
    'echarts SVG': await p50(() => renderChartSvg(spec)),
    'font database': await p50(() => new Resvg(bare, options(CHART_FONT_FILES))),
    'SVG parse + text to paths': await p50(() => new Resvg(svg, options(CHART_FONT_FILES))),
    rasterise: await p50(() => new Resvg(svg, options(CHART_FONT_FILES)).render()),
    'PNG encode': await p50(() => image.asPng()),
  };
  const value = Object.entries(parts)
    .map(([stage, ms]) => `${stage} ${ms}`)
    .join(', ');
  return {
    what: 'jss path stages, p50 ms (each includes the ones before it in resvg)',
    value,
    note: `SVG ${svg.length} chars`,
  };
}
