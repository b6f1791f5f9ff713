// Event-loop delay (perf_hooks.monitorEventLoopDelay) while ten charts are drawn beside a stream of
// text commands: charts drawn on the bot's own thread (as before the pool) against the worker pool.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { drawChart } from '../src/charts/draw.js';
import { commands } from '../src/commands/index.js';
import { feesChart } from '../src/core/fees/chart.js';
import type { ChartSpec } from '../src/core/runtime/chart.js';
import type { Context } from '../src/core/runtime/command.js';
import { runText } from '../src/core/runtime/run.js';
import { memoryStore } from '../src/core/store/store.js';
import type { BenchRow } from './lib.js';

const CHARTS = 10;
const TARGET_P99_MS = 20;
let round = 0;

/** Ten charts nobody drew before (a fresh amount each), so the cache cannot answer them. */
const freshSpecs = (): ChartSpec[] =>
  Array.from({ length: CHARTS }, (_, i) => feesChart(1_000_000 + (++round * CHARTS + i) * 100, { day: '2026-11-22' }));

interface Load {
  p99Ms: number;
  maxMs: number;
  commandsPerSecond: number;
  ms: number;
}

/** Text commands one after another, yielding to the loop between them, until the charts are drawn. */
async function underLoad(drawAll: () => Promise<unknown>, ctx: Context): Promise<Load> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let answered = 0;
  let drawing = true;
  const stream = (async () => {
    while (drawing) {
      await runText('/jss 7 1 8', commands, ctx);
      answered++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const start = performance.now();
  delay.enable();
  await drawAll();
  delay.disable();
  const ms = performance.now() - start;
  drawing = false;
  await stream;
  return {
    p99Ms: delay.percentile(99) / 1e6,
    maxMs: delay.max / 1e6,
    commandsPerSecond: (answered / ms) * 1000,
    ms,
  };
}

export async function loopDelay(): Promise<BenchRow[]> {
  const ctx: Context = {
    platform: 'console',
    workspaceId: 'bench',
    userId: 'bench',
    isAdmin: false,
    now: new Date('2026-11-22T12:00:00Z'),
    store: memoryStore(),
  };
  const { renderChartPng } = await import('../src/charts/render.js');
  // Both warmed: echarts and resvg loaded here and in the worker before the measured rounds.
  const [warm] = freshSpecs();
  if (warm) await Promise.all([renderChartPng(warm), drawChart(warm)]);
  const inThread = await underLoad(() => Promise.all(freshSpecs().map((s) => renderChartPng(s))), ctx);
  const pooled = await underLoad(() => Promise.all(freshSpecs().map((s) => drawChart(s))), ctx);
  const row = (what: string, load: Load, note?: string): BenchRow => ({
    what,
    value: `p99 ${load.p99Ms.toFixed(1)} ms, max ${load.maxMs.toFixed(1)} ms`,
    note: `${load.commandsPerSecond.toFixed(0)} text commands/s meanwhile; ten charts in ${load.ms.toFixed(0)} ms${note ? `; ${note}` : ''}`,
  });
  await ctx.store.close();
  return [
    row('event-loop delay, ten charts on the bot thread (before)', inThread),
    row('event-loop delay, ten charts in the worker pool', pooled, `target p99 <= ${TARGET_P99_MS} ms`),
  ];
}
