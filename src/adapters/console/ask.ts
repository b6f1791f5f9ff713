// One-shot: `gigdesk ask "/jss 7 1 8"`. Exit 0 on an answer, 1 on a user error, 2 on a fault.
import { stopCharts } from '../../charts/draw.js';
import { commandsFor } from '../../commands/lazy.js';
import { loadConfig, loadDotEnv } from '../../config.js';
import type { Reply } from '../../core/runtime/reply.js';
import type { Outcome } from '../../core/runtime/run.js';
import { openStore } from '../../core/store/store.js';
import { respond } from '../respond.js';
import type { Surface } from '../surface.js';
import { consoleContext } from './context.js';
import { savedLines, writeAttachments } from './extras.js';
import { renderText } from './render.js';
import { saveChart } from './surface.js';

const EXIT = { ok: 0, user_error: 1, storage_unavailable: 2, internal_error: 2 } as const;

/** Answers one line (`--json` prints the reply object); resolves to the exit code. */
export async function ask(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const line = argv.filter((a) => a !== '--json').join(' ');
  loadDotEnv();
  const config = loadConfig();
  const store = openStore(config.store);
  let outcome: Outcome = 'internal_error';
  try {
    const ctx = consoleContext(store);
    // An answer goes to stdout, a mistake or a fault to stderr; the chart's path always to stdout.
    const stream = () => (outcome === 'ok' ? process.stdout : process.stderr);
    const surface: Surface = {
      platform: 'console',
      context: () => ctx,
      // Nothing can come back to a finished process: its buttons are listed, not saved, and nothing follows later.
      savesButtons: false,
      send: async (reply, said) => {
        outcome = said;
        if (!json) stream().write(`${renderText(reply, process.stdout.isTTY)}\n`);
        else
          stream().write(
            `${JSON.stringify(replyJson(reply, await writeAttachments(reply.attachments, config.outDir)), null, 2)}\n`,
          );
      },
      // The text is out first; the files' and the chart's paths follow (not with --json: one JSON object).
      ...(json
        ? {}
        : {
            sendFiles: async (files) =>
              void stream().write(`\n${savedLines(await writeAttachments(files, config.outDir))}\n`),
            sendChart: async (chart) =>
              void process.stdout.write(`\n${await saveChart(chart, ctx.now, config.outDir)}\n`),
          }),
    };
    await respond(surface, { line, commands: await commandsFor(line) });
    return EXIT[outcome];
  } finally {
    // A chart drawn in a worker thread must not keep the finished process alive.
    await stopCharts(0);
    await store.close();
  }
}

/** The Reply as JSON, with each file's bytes replaced by its size and where it was written. */
function replyJson(reply: Reply, paths: string[]) {
  const attachments = reply.attachments.map(({ data, ...file }, i) => ({
    ...file,
    bytes: data.length,
    path: paths[i],
  }));
  return { ...reply, attachments };
}
