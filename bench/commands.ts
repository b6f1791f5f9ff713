// Core latency per command: the whole runner path (parse, validate, run, reply) on an in-memory store.
import { commands } from '../src/commands/index.js';
import type { Context } from '../src/core/runtime/command.js';
import { runText } from '../src/core/runtime/run.js';
import { memoryStore } from '../src/core/store/store.js';
import { type BenchRow, measure, timingRow } from './lib.js';

const LINES = [
  '/jss 7 1 8',
  '/fees 15000',
  '/quote 1000 era:sliding withdrawal:wire',
  '/dispute 800',
  '/template five-star client:Ana project:"the logo"',
  '/check Could you leave 5 stars? I can give you a discount.',
  '/contracts list',
  '/help',
];

export async function bench(): Promise<BenchRow[]> {
  const ctx: Context = {
    platform: 'console',
    workspaceId: 'bench',
    userId: 'bench',
    isAdmin: false,
    now: new Date('2026-11-22T12:00:00Z'),
    store: memoryStore(),
  };
  const rows: BenchRow[] = [];
  for (const line of LINES) {
    const answer = await runText(line, commands, ctx);
    if (answer.outcome !== 'ok') throw new Error(`bench line failed: ${line}: ${JSON.stringify(answer.reply)}`);
    rows.push(timingRow(await measure(`core ${line.slice(0, 32)}`, () => runText(line, commands, ctx), 2000)));
  }
  return rows;
}
