// How long the fee engine takes: one fee, one exact quote, and whole replies as typed in chat.
import { dispute } from '../src/commands/dispute.js';
import { fees } from '../src/commands/fees.js';
import { quote } from '../src/commands/quote.js';
import { sources } from '../src/commands/sources.js';
import { feeFor } from '../src/core/fees/fees.js';
import { quoteFor } from '../src/core/fees/quote.js';
import { FEE_RULES, feeRule } from '../src/core/fees/rules.js';
import type { Context } from '../src/core/runtime/command.js';
import { runText } from '../src/core/runtime/run.js';
import { memoryStore } from '../src/core/store/store.js';
import { type BenchRow, measure, timingRow } from './lib.js';

export async function bench(): Promise<BenchRow[]> {
  const sliding = feeRule('sliding');
  if (!sliding) throw new Error('no sliding rule');
  const day = '2026-11-22';
  const ctx: Context = {
    platform: 'console',
    workspaceId: 'bench',
    userId: 'bench',
    isAdmin: false,
    now: new Date(`${day}T12:00:00Z`),
    store: memoryStore(),
  };
  const list = [fees, quote, dispute, sources];
  const line = async (text: string) => {
    const answer = await runText(text, list, ctx);
    if (answer.outcome !== 'ok') throw new Error(`${text} answered ${answer.outcome}`);
  };
  let amount = 0;
  const rows = [
    timingRow(
      await measure(
        'feeFor sliding, varying amounts',
        () => feeFor(sliding, 50_000 + (amount++ % 2_000_000), { day }),
        20_000,
      ),
    ),
    timingRow(
      await measure(
        'quoteFor sliding with VAT and costs, varying nets',
        () => quoteFor(sliding, 40_000 + (amount++ % 2_000_000), { day, vatBasisPoints: 2000, costsCents: 5_000 }),
        20_000,
      ),
      'analytic inverse, then settled to the cent',
    ),
    timingRow(
      await measure('quoteFor every rule set at $100,000,000', () => {
        for (const r of FEE_RULES) quoteFor(r, 10_000_000_000, { day });
      }),
    ),
  ];
  for (const text of [
    '/fees 15000',
    '/fees 100000000 jobs:10000',
    '/quote 1000 withdrawal:wire vat:20',
    '/dispute 800',
    '/sources',
  ]) {
    rows.push(timingRow(await measure(`${text} (parse, run, reply)`, () => line(text), 500)));
  }
  return rows;
}
