// Interactive prompt: readline gives arrow-key history and line editing; Ctrl-D quits.
import { createInterface } from 'node:readline';
import { commands } from '../../commands/index.js';
import { pressAction, saveActions } from '../../core/runtime/actions.js';
import type { Action, Reply } from '../../core/runtime/reply.js';
import { type Answer, runText } from '../../core/runtime/run.js';
import type { Store } from '../../core/store/store.js';
import type { RunningAdapter } from '../running.js';
import { DEFAULT_OUT_DIR, saveChart } from './chart.js';
import { consoleContext } from './context.js';
import { savedLines, writeAttachments } from './extras.js';
import { renderText } from './render.js';

type Output = NodeJS.WritableStream & { isTTY?: boolean };

export function startConsole(
  store: Store,
  input: NodeJS.ReadableStream = process.stdin,
  output: Output = process.stdout,
  outDir = DEFAULT_OUT_DIR,
): RunningAdapter {
  const colour = Boolean(output.isTTY);
  const rl = createInterface({ input, output, prompt: 'gigdesk> ', historySize: 200 });
  output.write('gigdesk console. Try /jss 7 1 8 or /help. Ctrl-D quits.\n');
  rl.prompt();
  // Lines are answered one at a time, in order, even when pasted in a batch.
  let queue = Promise.resolve();
  // The buttons of the last answer (or reminder): typing a number presses one.
  let buttons: Action[] = [];
  const show = async (reply: Reply) => {
    const ctx = consoleContext(store);
    const sealed = await saveActions(reply, ctx, store, ctx.now);
    buttons = sealed.actions;
    const saved = savedLines(await writeAttachments(sealed.attachments, outDir));
    output.write(`${renderText(sealed, colour, true)}\n\n${saved ? `${saved}\n\n` : ''}`);
    // The text is out first; the chart's path follows.
    const chart = await saveChart(reply, ctx, outDir);
    if (chart) output.write(`${chart}\n\n`);
  };
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      if (line.trim()) await show((await answerLine(line.trim(), buttons, store)).reply);
      rl.prompt();
    });
  });
  const ended = new Promise<void>((resolve) => rl.on('close', () => queue.then(resolve)));
  return {
    platform: 'console',
    ended,
    deliver: async (_to, reply) => {
      output.write('\n[reminder]\n');
      await show(reply);
      return true;
    },
    stop: async () => {
      rl.close();
      await ended;
    },
  };
}

/** A typed number presses that button of the last answer; anything else is a command line. */
function answerLine(line: string, buttons: readonly Action[], store: Store): Promise<Answer> {
  const ctx = consoleContext(store);
  const pressed = /^\d{1,2}$/.test(line) ? buttons[Number(line) - 1] : undefined;
  if (pressed?.ref) return pressAction(pressed.ref, ctx, commands);
  return runText(line, commands, ctx);
}

/** How the console receives a reminder: printed above the prompt. */
export function deliverToConsole(reply: Reply, output: Output = process.stdout): void {
  output.write(`\n[reminder]\n${renderText(reply, Boolean(output.isTTY))}\n\n`);
}
