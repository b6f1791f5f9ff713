// What adapters call: the chart of a reply as a PNG attachment, drawn only when wanted, in a worker
// thread (pool.ts; the worker imports echarts and resvg through render.ts, so the bot's own thread never does).
import { logger, referenceId } from '../core/log.js';
import type { ChartSpec } from '../core/runtime/chart.js';
import type { Context } from '../core/runtime/command.js';
import type { Attachment, Reply } from '../core/runtime/reply.js';
import { loadSettings } from '../core/runtime/settings.js';
import { settlesWithin, trackIn } from '../core/waits.js';
import { ChartsBusy, closePool, drawPng } from './pool.js';

/** After a stop's wait, how long an upload already under way may take to finish. */
const SEND_GRACE_MS = 5000;

let stopping = false;
const abandon = new AbortController();
const deliveries = new Set<Promise<void>>();

export async function drawChart(spec: ChartSpec, signal?: AbortSignal): Promise<Attachment> {
  return { name: `${spec.name}.png`, contentType: 'image/png', data: await drawPng(spec, signal), alt: spec.alt };
}

type Where = Pick<Context, 'platform' | 'workspaceId' | 'store'>;

/**
 * The reply's chart as a PNG, or undefined when it has none, its workspace turned charts off, the queue
 * is full, the bot is stopping, or drawing failed. Never throws: the text answer has already gone out.
 */
export async function chartFor(reply: Reply, where: Where): Promise<Attachment | undefined> {
  if (!reply.chart || stopping) return undefined;
  const about = { chart: reply.chart.name, platform: where.platform };
  try {
    if (!(await loadSettings(where)).charts) return undefined;
    return await drawChart(reply.chart, abandon.signal);
  } catch (error) {
    if (error instanceof ChartsBusy) logger.warn(about, 'chart skipped: busy');
    else if (stopping) logger.debug(about, 'chart abandoned: stopping');
    else logger.error({ ref: referenceId(), err: error, ...about }, 'chart not drawn');
    return undefined;
  }
}

/**
 * Draws the reply's chart and hands it to `send` (which logs its own failures). Counted until sent, so
 * a stop waits for it; a chart drawn after the stop gave up waiting is never sent, so no upload is left half-done.
 */
export function deliverChart(reply: Reply, where: Where, send: (chart: Attachment) => Promise<unknown>): Promise<void> {
  if (!reply.chart || stopping) return Promise.resolve();
  const work = chartFor(reply, where).then(async (chart) => {
    if (chart && !abandon.signal.aborted) await send(chart);
  });
  return trackIn(deliveries, work);
}

/**
 * A stop: no new charts; those under way get `timeoutMs` to be drawn and sent, then the rest are
 * abandoned and the worker threads end. False when some were abandoned.
 */
export async function stopCharts(timeoutMs: number): Promise<boolean> {
  stopping = true;
  const finished = await settlesWithin(Promise.allSettled([...deliveries]), timeoutMs);
  abandon.abort();
  await settlesWithin(Promise.allSettled([...deliveries]), SEND_GRACE_MS);
  await closePool();
  return finished;
}
