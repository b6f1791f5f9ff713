import { describe, expect, it } from 'vitest';
import { dispute } from '../../src/commands/dispute.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const ask = (line: string, now = '2026-11-22T12:00:00Z') =>
  runText(line, [dispute], testContext({ now: new Date(now) }));

function rows(reply: Reply): Record<string, string>[] {
  const t = reply.details.find((b) => b.type === 'table');
  if (t?.type !== 'table') throw new Error('no table');
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? ''])));
}

describe('/dispute', () => {
  it('shows every reported arbitration fee with its date, and the one without a source', async () => {
    const { reply, outcome } = await ask('/dispute 800');
    expect(outcome).toBe('ok');
    expect(rows(reply).map((r) => [r.Fee, r.Reported])).toEqual([
      ['$291.00', '2016-2020'],
      ['$297.00', 'no source'],
      ['$337.50', 'April 2025'],
    ]);
  });

  it('works out what is left and the break-even under the era in force (10 % today)', async () => {
    const [first] = rows((await ask('/dispute 800')).reply);
    // $800 - $80 service fee - $291 = $429; $291 / 0.9 = $323.33 leaves exactly $291 after the 10 % fee.
    expect(first?.['Left if won']).toBe('$429.00');
    expect(first?.['Break-even']).toBe('$323.33');
    // $323.33 / $800 = 40.42 %: the true share, not rounded to a whole percent.
    expect(first?.Recover).toBe('40.4 %');
  });

  it('uses the sliding fee for a dispute in 2022', async () => {
    const { reply } = await ask('/dispute 800', '2022-06-01T12:00:00Z');
    // Under 20 % on the first $500, keeping $291 takes $363.75.
    expect(rows(reply)[0]?.['Break-even']).toBe('$363.75');
    expect(reply.footer.join('\n')).toContain('Upwork sliding fee 20/10/5 %, 2016-06-21 to 2023-05-02');
  });

  it('says when the fee is more than the whole amount is worth', async () => {
    const [first] = rows((await ask('/dispute 100')).reply);
    expect(first?.['Left if won']).toBe('-$201.00');
    expect(first?.Recover).toBe('over 100 %');
  });

  it('is phrased as information, not advice, and names its sources', async () => {
    const { reply } = await ask('/dispute 5000');
    expect(JSON.stringify(reply.blocks)).toContain('This is arithmetic, not advice');
    expect(reply.footer.join('\n')).toContain('$297.00 repeated online without any source');
    expect(reply.footer.join('\n')).toContain('stated only by third parties');
  });

  it('leads with the verdict: a small dispute loses money even when won', async () => {
    expect((await ask('/dispute 300')).reply.lead).toBe(
      'A dispute over $300 loses you money even if you win it all: the $291-$337.50 arbitration fee is more than the $270 you would keep.',
    );
    expect((await ask('/dispute 800')).reply.lead).toBe(
      "If you win all $800 in dispute, you keep $382.50-$429 after Upwork's estimated 10 % fee and the $291-$337.50 arbitration fee.",
    );
  });

  it('shows the true share to win on a large amount, never rounded up to 1 %', async () => {
    // $323.33 / $50,000 = 0.647 % and $375 / $50,000 = 0.75 % (the $291 and $337.50 fees after 10 %).
    const mid = (await ask('/dispute 50000')).reply;
    const midText = JSON.stringify(mid.blocks);
    expect(midText).toContain('0.65-0.75 %');
    expect(midText).not.toMatch(/least 1 %/);
    expect(rows(mid)[0]?.Recover).toBe('0.65 %');
    // $323.33 / $100,000,000 = 0.0003 %.
    const huge = (await ask('/dispute 100000000')).reply;
    expect(JSON.stringify(huge.blocks)).toContain('less than 0.01 %');
    expect(rows(huge)[0]?.Recover).toBe('under 0.01 %');
  });

  it('a dispute that pays only at the lower fee says the true share at that fee', async () => {
    // $323.33 / $340 = 95.1 %.
    const { reply } = await ask('/dispute 340');
    expect(JSON.stringify(reply.blocks)).toContain('win 95.1 % of it');
  });

  it.each([
    ['/dispute 0', /"amount" must be at least 0.01/],
    ['/dispute -1', /"amount" must be at least 0.01/],
    ['/dispute x', /"amount" must be a number/],
    ['/dispute 100000001', /"amount" must be at most 100000000/],
  ])('%s is refused', async (line, message) => {
    const { reply, outcome } = await ask(line);
    expect(outcome).toBe('user_error');
    expect(reply.lead).toMatch(message);
  });
});
