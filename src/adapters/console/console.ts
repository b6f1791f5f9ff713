// Interactive prompt: readline gives arrow-key history and line editing; Ctrl-D quits.
import { createInterface } from 'node:readline';
import { commands as allCommands } from '../../commands/index.js';
import type { Config } from '../../config.js';
import { logger } from '../../core/log.js';
import type { Command } from '../../core/runtime/command.js';
import type { Action } from '../../core/runtime/reply.js';
import { deliverThrough, type Request, respond } from '../respond.js';
import type { AdapterDeps, RunningAdapter } from '../running.js';
import { recipientContext } from '../surface.js';
import { consoleContext } from './context.js';
import { promptSurface } from './surface.js';

type Output = NodeJS.WritableStream & { isTTY?: boolean };

export interface ConsoleDeps extends AdapterDeps {
  input?: NodeJS.ReadableStream;
  output?: Output;
}

export async function startConsole(config: Pick<Config, 'outDir'>, deps: ConsoleDeps): Promise<RunningAdapter> {
  const { store, input = process.stdin, output = process.stdout } = deps;
  const outDir = config.outDir;
  const commands = deps.commands ?? allCommands;
  const rl = createInterface({ input, output, prompt: 'gigdesk> ', historySize: 200 });
  // Whoever read the output has gone (gigdesk start | head): the console ends as at the end of input.
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') logger.warn({ err: error }, 'console output failed; the console stops');
    rl.close();
  });
  output.write('gigdesk console. Try /jss 7 1 8 or /help. Ctrl-D quits.\n');
  rl.prompt();
  // Lines are answered one at a time, in order, even when pasted in a batch.
  let queue = Promise.resolve();
  // The buttons of the last answer (or reminder): typing a number presses one.
  let buttons: Action[] = [];
  const surface = (ctx = consoleContext(store)) =>
    promptSurface(ctx, {
      write: (text) => output.write(text),
      colour: Boolean(output.isTTY),
      outDir,
      shown: (actions) => {
        buttons = actions;
      },
    });
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      if (line.trim()) await respond(surface(), requestFor(line.trim(), buttons, commands));
      rl.prompt();
    });
  });
  const ended = new Promise<void>((resolve) => rl.on('close', () => queue.then(resolve)));
  return {
    platform: 'console',
    ended,
    deliver: deliverThrough('console', (to) => {
      output.write('\n[reminder]\n');
      return surface(recipientContext(to, store));
    }),
    stop: async () => {
      rl.close();
      await ended;
    },
  };
}

/** A typed number presses that button of the last answer; anything else is a command line. */
function requestFor(line: string, buttons: readonly Action[], commands: readonly Command[]): Request {
  const pressed = /^\d{1,2}$/.test(line) ? buttons[Number(line) - 1] : undefined;
  if (pressed?.ref) return { press: pressed.ref, commands };
  return { line, commands };
}
