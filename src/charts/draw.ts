// What adapters call: the chart of a reply as a PNG attachment, drawn only when wanted. The renderer
// (echarts, resvg) is imported here on first use, so nothing that never draws a chart loads it.

import { logger, referenceId } from '../core/log.js';
import type { ChartSpec } from '../core/runtime/chart.js';
import type { Context } from '../core/runtime/command.js';
import type { Attachment, Reply } from '../core/runtime/reply.js';
import { loadSettings } from '../core/runtime/settings.js';

export async function drawChart(spec: ChartSpec): Promise<Attachment> {
  const { renderChartPng } = await import('./render.js');
  return { name: `${spec.name}.png`, contentType: 'image/png', data: await renderChartPng(spec), alt: spec.alt };
}

type Where = Pick<Context, 'platform' | 'workspaceId' | 'store'>;

/**
 * The reply's chart as a PNG, or undefined when it has none, its workspace turned charts off, or drawing
 * failed. Never throws: the text answer has already gone out, so a failure is only logged, with a reference.
 */
export async function chartFor(reply: Reply, where: Where): Promise<Attachment | undefined> {
  if (!reply.chart) return undefined;
  try {
    if (!(await loadSettings(where)).charts) return undefined;
    return await drawChart(reply.chart);
  } catch (error) {
    const ref = referenceId();
    logger.error({ ref, err: error, chart: reply.chart.name, platform: where.platform }, 'chart not drawn');
    return undefined;
  }
}
