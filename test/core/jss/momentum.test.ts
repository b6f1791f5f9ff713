import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { dayFromIso, isoOfDay } from '../../../src/core/dates.js';
import type { Contract } from '../../../src/core/jss/contracts.js';
import { momentumOf, reviewPace } from '../../../src/core/jss/momentum.js';
import { whatIfCounts, whatIfLog } from '../../../src/core/jss/whatIf.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';
import { replyText } from '../../support/replyText.js';

const TODAY = dayFromIso('2026-11-22');

/** One contract every 31 days back from today (twelve in a year), newest first; `negativeAt` are 0-based places from the newest. */
function monthly(count: number, negativeAt: number[] = []): Contract[] {
  return Array.from({ length: count }, (_, i) => ({
    id: count - i,
    end: isoOfDay(TODAY - 31 * i - 1),
    outcome: negativeAt.includes(i) ? 'negative' : 'successful',
    amountCents: 50_000,
    client: `client ${i}`,
    longTerm: false,
  }));
}

describe('review momentum', () => {
  it('keeps the ten newest reviews, and a negative leaves them after 11 minus its place more jobs', () => {
    const m = momentumOf(monthly(14, [3]), TODAY);
    expect(m.lastTen.map((c) => c.id)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5]);
    expect(m.negatives).toHaveLength(1);
    expect(m.negatives[0]?.position).toBe(4);
    expect(m.negatives[0]?.jobsLeft).toBe(7);
  });

  it('dates the drop at the pace of the last twelve months', () => {
    const log = monthly(14, [3]);
    const pace = reviewPace(log, TODAY) ?? 0;
    expect(pace).toBeCloseTo(12 / 12, 5);
    // Seven more jobs at one a month: about seven months from today.
    const day = momentumOf(log, TODAY).negatives[0]?.outOfView ?? 0;
    expect(day - TODAY).toBeGreaterThanOrEqual(212);
    expect(day - TODAY).toBeLessThanOrEqual(214);
  });

  it('leaves out contracts without feedback and feedback Upwork removed, and gives no date without a recent pace', () => {
    const log = monthly(3, [0]).map((c, i) => (i === 1 ? { ...c, outcome: 'none' as const } : c));
    const removed = log.map((c) => (c.outcome === 'negative' ? { ...c, clientRemoved: true } : c));
    expect(momentumOf(log, TODAY).lastTen).toHaveLength(2);
    expect(momentumOf(removed, TODAY).negatives).toEqual([]);
    expect(momentumOf(log, TODAY + 800).negatives[0]?.outOfView).toBeUndefined();
  });
});

describe('what-if', () => {
  it('counts: 7 1 8 reaches 90 % at the 12th planned contract, as the facts file works it out', () => {
    const w = whatIfCounts({ successful: 7, negative: 1, total: 8 }, 15, 90);
    expect(w.start).toBe(75);
    expect(w.reached?.done).toBe(12);
    expect(w.path[11]?.percent).toBe(90);
    expect(whatIfCounts({ successful: 7, negative: 1, total: 8 }, 11, 90).reached).toBeUndefined();
  });

  it('log: planned contracts are spread at the pace and the first date at the target is named', () => {
    const w = whatIfLog(monthly(12, [0]), TODAY, 20, 95);
    expect(w.perMonth).toBeCloseTo(1, 5);
    expect(w.path.map((p) => p.done)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const days = w.path.map((p) => p.day ?? 0);
    expect(days.every((d, i) => i === 0 || d > (days[i - 1] ?? 0))).toBe(true);
    // (11 + k - 1) / (12 + k) >= 0.95 needs k >= 28; the negative stays in the window all 20 months.
    expect(w.reached).toBeUndefined();
    // (10 + k) / (12 + k) >= 0.85 first holds at k = 2 (12 / 14 = 85.7 %).
    const sooner = whatIfLog(monthly(12, [0]), TODAY, 20, 85);
    expect(sooner.reached?.done).toBe(2);
    expect(sooner.reached?.percent).toBe(86);
  });
});

describe('/jss planned and /contracts edit client_removed', () => {
  const LOG = [
    '/contracts add 2026-01-10 successful 1200 acme',
    '/contracts add 2026-04-02 negative 300 bolt',
    '/contracts add 2026-09-15 successful 800 crane',
  ];
  async function withLog() {
    const ctx = testContext();
    for (const line of LOG) expect((await runText(line, commands, ctx)).outcome).toBe('ok');
    return ctx;
  }

  it('/jss 7 1 8 planned:15 leads with the path answer and keeps the score behind details', async () => {
    const r = (await runText('/jss 7 1 8 planned:15', commands, testContext())).reply;
    expect(r.lead).toBe(
      'If your next 15 contracts go well, your JSS goes from 75 % to 91 %; 90 % is first reached after 12 contracts.',
    );
    expect(replyText(r)).toContain('Your JSS is 75 %. 12 more successful contracts take it to 90 %.');
  });

  it('/jss planned on the log names dates; details show the last ten reviews', async () => {
    const ctx = await withLog();
    const planned = (await runText('/jss planned:3', commands, ctx)).reply;
    expect(planned.lead).toMatch(/^If your next 3 contracts go well, your JSS goes from 33 % to \d+ %/);
    expect(replyText(planned)).toContain('Spread at your pace of 0.3 a month');
    const details = replyText((await runText('/jss', commands, ctx)).reply);
    expect(details).toContain('Your last 3 reviews, what a client reads first: 2 successful, 0 neutral, 1 negative.');
    expect(details).toContain(
      'The negative from bolt #2 (2026-04-02) is number 2 of 3: it drops out of view after 9 more reviewed jobs',
    );
  });

  it('marks a removed client feedback, shows the score before and after, and undoes it', async () => {
    const ctx = await withLog();
    const marked = await runText('/contracts edit 2 client_removed:yes', commands, ctx);
    expect(marked.reply.lead).toBe(
      'Contract #2 marked as feedback Upwork removed: your 24-month JSS estimate goes from 33 % to 100 %.',
    );
    expect((await runText('/jss', commands, ctx)).reply.lead).toMatch(/^Your JSS from your log is 100 %/);
    const undone = await runText('/contracts edit 2 client_removed:no', commands, ctx);
    expect(undone.reply.lead).toBe('Contract #2 counts again: your 24-month JSS estimate goes from 100 % to 33 %.');
  });

  it('refuses an unknown id and changes nothing', async () => {
    const ctx = await withLog();
    const bad = await runText('/contracts edit 9 client_removed:yes', commands, ctx);
    expect(bad.outcome).toBe('user_error');
    expect(replyText(bad.reply)).toContain('No contract #9 in your log; nothing was changed.');
    expect((await runText('/jss', commands, ctx)).reply.lead).toMatch(/^Your JSS from your log is 33 %/);
  });
});
