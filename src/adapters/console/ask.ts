// One-shot: `gigdesk ask "/jss 7 1 8"`. Exit 0 on an answer, 1 on a user error, 2 on a fault.
import { commands } from '../../commands/index.js';
import { loadConfig, loadDotEnv } from '../../config.js';
import type { Reply } from '../../core/runtime/reply.js';
import { runText } from '../../core/runtime/run.js';
import { openStore } from '../../core/store/store.js';
import { saveChart } from './chart.js';
import { consoleContext } from './context.js';
import { savedLines, writeAttachments } from './extras.js';
import { renderText } from './render.js';

const EXIT = { ok: 0, user_error: 1, storage_unavailable: 2, internal_error: 2 } as const;

/** Answers one line (`--json` prints the reply object); resolves to the exit code. */
export async function ask(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const line = argv.filter((a) => a !== '--json').join(' ');
  loadDotEnv();
  const config = loadConfig();
  const store = openStore(config.store);
  try {
    const ctx = consoleContext(store);
    const answer = await runText(line, commands, ctx);
    const paths = await writeAttachments(answer.reply.attachments, config.outDir);
    const out = json
      ? JSON.stringify(replyJson(answer.reply, paths), null, 2)
      : [renderText(answer.reply, process.stdout.isTTY), savedLines(paths)].filter(Boolean).join('\n\n');
    if (answer.outcome === 'ok') process.stdout.write(`${out}\n`);
    else process.stderr.write(`${out}\n`);
    // The text is out first; the chart's path follows (not with --json, whose output is one JSON object).
    const saved = json ? undefined : await saveChart(answer.reply, ctx, config.outDir);
    if (saved) process.stdout.write(`\n${saved}\n`);
    return EXIT[answer.outcome];
  } finally {
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
