// Interactive prompt: readline gives arrow-key history and line editing; Ctrl-D quits.
import { createInterface } from 'node:readline';
import { commands } from '../../commands/index.js';
import type { Reply } from '../../core/runtime/reply.js';
import { runText } from '../../core/runtime/run.js';
import type { Store } from '../../core/store/store.js';
import type { RunningAdapter } from '../running.js';
import { saveChart } from './chart.js';
import { consoleContext } from './context.js';
import { renderText } from './render.js';

type Output = NodeJS.WritableStream & { isTTY?: boolean };

export function startConsole(
  store: Store,
  input: NodeJS.ReadableStream = process.stdin,
  output: Output = process.stdout,
  outDir?: string,
): RunningAdapter {
  const colour = Boolean(output.isTTY);
  const rl = createInterface({ input, output, prompt: 'gigdesk> ', historySize: 200 });
  output.write('gigdesk console. Try /jss 7 1 8 or /help. Ctrl-D quits.\n');
  rl.prompt();
  // Lines are answered one at a time, in order, even when pasted in a batch.
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      if (line.trim()) {
        const ctx = consoleContext(store);
        const answer = await runText(line, commands, ctx);
        output.write(`${renderText(answer.reply, colour)}\n\n`);
        const saved = await saveChart(answer.reply, ctx, outDir);
        if (saved) output.write(`${saved}\n\n`);
      }
      rl.prompt();
    });
  });
  const ended = new Promise<void>((resolve) => rl.on('close', () => queue.then(resolve)));
  return {
    platform: 'console',
    ended,
    deliver: async (_to, reply) => {
      deliverToConsole(reply, output);
      return true;
    },
    stop: async () => {
      rl.close();
      await ended;
    },
  };
}

/** How the console receives a reminder: printed above the prompt. */
export function deliverToConsole(reply: Reply, output: Output = process.stdout): void {
  output.write(`\n[reminder]\n${renderText(reply, Boolean(output.isTTY))}\n\n`);
}
