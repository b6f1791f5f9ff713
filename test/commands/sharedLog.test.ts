// A shared answer from the contract log is read by the whole channel: it names contracts by number
// only, never the client (least of all over a negative). The private answer still names them, and the
// whole log (list, CSV export) is never posted.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { TEST_NOW, testContext } from '../support/context.js';

const everything = (r: Reply) => JSON.stringify([r.lead, r.blocks, r.details, r.footer]);
const shareButtons = (r: Reply) => r.actions.filter((a) => a.args.share === true);

async function logOf(lines: string[]) {
  const ctx = testContext({ platform: 'discord' });
  for (const line of lines) expect((await runText(`/contracts add ${line}`, commands, ctx)).outcome).toBe('ok');
  return (line: string) => runText(line, commands, ctx);
}

/** Three contracts: a negative from a named client, and a 3.5-star rating. */
const SHORT = [
  '2026-10-01 successful 1200 Acme',
  '2026-10-05 negative 300 "Bolt Industries"',
  '2026-11-05 3.5 90 Cora',
];

/** 40 contracts over the last two years from 13 clients, with negatives and sub-4-star ratings, a few large. */
function longLog(): string[] {
  const outcomes = ['successful', 'successful', 'successful', '4.5', 'negative', 'neutral', 'none', '3.5', '5'];
  return Array.from({ length: 40 }, (_, i) => {
    const day = new Date(TEST_NOW.getTime() - (40 - i) * 17 * 86_400_000).toISOString().slice(0, 10);
    const client = `"Client ${String.fromCharCode(65 + (i % 13))} Ltd"`;
    return `${day} ${outcomes[i % outcomes.length]} ${[150, 800, 2500, 12000][i % 4]} ${client}`;
  });
}

const NAMES = /Acme|Bolt|Cora|Client [A-M]/;

describe('a shared answer from the log names no client', () => {
  it('/jss on a 3-contract log: the private answer names the client, the shared one says #2', async () => {
    const run = await logOf(SHORT);
    const own = await run('/jss chart:off details:yes');
    expect(everything(own.reply)).toMatch(/Bolt/);
    const shared = await run('/jss chart:off details:yes share:yes');
    expect(shared.reply.visibility).toBe('public');
    expect(everything(shared.reply)).not.toMatch(NAMES);
    expect(everything(shared.reply)).toMatch(/#2\b/);
  });

  it('/jss details, /toprated and /advice on a 40-contract log: shared without client names', async () => {
    const run = await logOf(longLog());
    for (const line of ['/jss chart:off details:yes', '/toprated chart:off details:yes', '/advice revise']) {
      const own = await run(line);
      expect(everything(own.reply), line).toMatch(NAMES);
      const shared = await run(`${line} share:yes`);
      expect(shared.reply.visibility, line).toBe('public');
      expect(everything(shared.reply), line).not.toMatch(NAMES);
      expect(everything(shared.reply), line).toMatch(/#\d+/);
    }
  });

  it('/advice review-cost shared names the negative by number only', async () => {
    const run = await logOf(SHORT);
    expect(everything((await run('/advice review-cost')).reply)).toMatch(/Bolt/);
    const shared = await run('/advice review-cost share:yes');
    expect(shared.reply.visibility).toBe('public');
    expect(everything(shared.reply)).not.toMatch(NAMES);
  });

  it('/contracts export and /contracts list stay private with share:yes, and offer no Share', async () => {
    const run = await logOf(SHORT);
    for (const line of ['/contracts export', '/contracts list']) {
      const shared = await run(`${line} share:yes`);
      expect(shared.outcome, line).toBe('ok');
      expect(shared.reply.visibility, line).toBe('private');
      expect(everything(shared.reply), line).toMatch(/not posted in the channel/i);
      expect(shareButtons((await run(line)).reply), line).toEqual([]);
    }
  });
});
