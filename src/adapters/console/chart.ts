// The console's way of showing a chart: a PNG file under GIGDESK_OUT_DIR, its path printed with the answer.
import { chartFor } from '../../charts/draw.js';
import { logger, referenceId } from '../../core/log.js';
import type { Context } from '../../core/runtime/command.js';
import type { Reply } from '../../core/runtime/reply.js';
import { writeAttachments } from './extras.js';
import { CONSOLE_WIDTH } from './render.js';
import { wrapText } from './wrap.js';

export const DEFAULT_OUT_DIR = './out';

/** Saves the reply's chart and returns the line to print, or undefined when there is no chart to show. */
export async function saveChart(reply: Reply, ctx: Context, outDir = DEFAULT_OUT_DIR): Promise<string | undefined> {
  const chart = await chartFor(reply, ctx);
  if (!chart) return undefined;
  // A timestamp in the name keeps earlier charts, so two questions never overwrite each other's picture.
  const stamp = ctx.now.toISOString().replace(/[:.]/g, '-');
  const name = `${chart.name.replace(/\.png$/, '')}-${stamp}.png`;
  let path: string | undefined;
  try {
    [path] = await writeAttachments([{ ...chart, name }], outDir);
  } catch (error) {
    const ref = referenceId();
    logger.error({ ref, err: error, platform: 'console' }, 'chart not saved');
    return `The chart could not be saved in ${outDir} (reference ${ref}).`;
  }
  return `Chart: ${path}\n${wrapText(chart.alt, CONSOLE_WIDTH)}`;
}
