// `npm run bench`: one table of every benchmark. Not part of `npm test`; timings vary by machine.
import { bench as charts } from './charts.js';
import { bench as commands } from './commands.js';
import { bench as discord } from './discord.js';
import { bench as discordHttp } from './discordHttp.js';
import { bench as fees } from './fees.js';
import { bench as jss } from './jss.js';
import type { BenchRow } from './lib.js';
import { bench as process } from './process.js';
import { bench as reminders } from './reminders.js';
import { bench as slack } from './slack.js';

const suites: [string, () => Promise<BenchRow[]>][] = [
  ['commands', commands],
  ['jss', jss],
  ['fees', fees],
  ['charts', charts],
  ['reminders', reminders],
  ['discord', discord],
  ['discord-http', discordHttp],
  ['slack', slack],
  ['process', process],
];

const only = globalThis.process.argv.slice(2);
const rows: (BenchRow & { suite: string })[] = [];
for (const [suite, run] of suites) {
  if (only.length > 0 && !only.includes(suite)) continue;
  for (const row of await run()) rows.push({ suite, ...row });
}
const columns = ['suite', 'what', 'value', 'note'] as const;
const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
const line = (cells: string[]) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
console.log(line([...columns]));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(columns.map((c) => row[c] ?? '')));
