// The interactive console as a surface (../surface.ts): the answer printed with numbered buttons, files
// written under GIGDESK_OUT_DIR with their paths printed after it, the chart as a PNG beside them.
import { basename } from 'node:path';
import type { Context } from '../../core/runtime/command.js';
import type { Action, Attachment } from '../../core/runtime/reply.js';
import type { Surface } from '../surface.js';
import { savedLines, writeAttachments } from './extras.js';
import { CONSOLE_WIDTH, renderText } from './render.js';
import { wrapText } from './wrap.js';

export interface Prompt {
  write: (text: string) => void;
  colour: boolean;
  outDir: string;
  /** Remembers the buttons of the answer just shown: typing a number presses one. */
  shown: (actions: Action[]) => void;
}

/** Each part is followed by a blank line, so the prompt stands apart. */
export function promptSurface(ctx: Context, prompt: Prompt): Surface {
  const part = (text: string) => prompt.write(`${text}\n\n`);
  return {
    platform: 'console',
    context: () => ctx,
    send: async (reply) => {
      prompt.shown(reply.actions);
      part(renderText(reply, prompt.colour, true));
    },
    sendFiles: async (files) => part(savedLines(await writeAttachments(files, prompt.outDir))),
    sendChart: async (chart) => part(await saveChart(chart, ctx.now, prompt.outDir)),
    sendLater: async (reply) => part(renderText(reply, prompt.colour)),
  };
}

/** Writes the chart's PNG and returns the lines to print: where it is and what it shows. */
export async function saveChart(chart: Attachment, now: Date, outDir: string): Promise<string> {
  // A timestamp in the name keeps earlier charts, so two questions never overwrite each other's picture.
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const name = `${basename(chart.name, '.png')}-${stamp}.png`;
  const [path] = await writeAttachments([{ ...chart, name }], outDir);
  return `Chart: ${path}\n${wrapText(chart.alt, CONSOLE_WIDTH)}`;
}
