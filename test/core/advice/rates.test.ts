import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { rateAdvice, suggestedRates } from '../../../src/core/advice/rates.js';
import { feeFor } from '../../../src/core/fees/fees.js';
import { requireFeeRule } from '../../../src/core/fees/rules.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';
import { replyText } from '../../support/replyText.js';

const ask = async (line: string) => (await runText(line, commands, testContext())).reply;

describe('rateAdvice', () => {
  it("the course's worked figure: a $25 wage costs the employer about $42 an hour, $84,000 a year", () => {
    const a = rateAdvice(2_500, 40);
    expect(a.employerHourCents).toBe(4_200);
    expect(a.employerYearCents).toBe(8_400_000);
  });

  it('scales the ratio to other wages and hours', () => {
    const a = rateAdvice(5_000, 20);
    expect(a.employerHourCents).toBe(8_400);
    expect(a.employerYearCents).toBe(8_400 * 20 * 50);
  });

  it('starts 10-20 % below with fewer than ten feedbacks, and not from ten on', () => {
    const fresh = rateAdvice(2_500, 40, 9);
    expect(fresh.newProfile).toBe(true);
    expect(fresh.startRange).toEqual({ lowCents: 2_000, highCents: 2_250 });
    expect(fresh.ladderCents).toEqual([2_250, 3_250, 4_250]);
    const seasoned = rateAdvice(2_500, 40, 10);
    expect(seasoned.newProfile).toBe(false);
    expect(seasoned.ladderCents).toEqual([2_500, 3_500, 4_500]);
    expect(suggestedRates(seasoned)).toEqual([2_500, 3_500]);
    expect(suggestedRates(fresh)).toEqual([2_000, 2_250, 2_500, 3_500]);
  });
});

describe('/rate', () => {
  it('$25 -> about $42, in the lead', async () => {
    const r = await ask('/rate 25');
    expect(r.lead).toBe(
      'A fair freelance rate is $25 an hour or more: an employee on $25 costs an employer about $42 an hour.',
    );
    expect(r.blocks.length).toBeLessThanOrEqual(6);
    expect(replyText(r)).toContain('$84,000 a year');
  });

  it("shows the starter range, the ladder and the JSS premium labelled as the course author's estimate", async () => {
    const all = replyText(await ask('/rate 25 feedbacks:3'));
    expect(all).toContain(
      'getting started (you have fewer than ten feedbacks): bid 10-20 % below the $25 you should earn, $20-$22.50',
    );
    expect(all).toContain('$32.50, then $42.50');
    expect(all).toMatch(/\$30 an hour more than 91 % \(the course author's estimate\)/);
    expect(all).toContain("The $30 JSS premium is the author's estimate");
  });

  it('take-home comes from the fee engine for the chosen era', async () => {
    const r = await ask('/rate 25 fee:sliding feedbacks:20 hours:30 details:yes');
    const rule = requireFeeRule('sliding');
    const week = feeFor(rule, 2_500 * 30, { day: '2026-11-22' });
    const row = [...r.blocks, ...r.details]
      .flatMap((b) => (b.type === 'table' ? b.rows : []))
      .find((cells) => cells[0] === '$25.00');
    expect(row).toEqual(['$25.00', '$5.00', '$20.00', `$${(week.netCents / 100).toFixed(2)}`]);
    expect(replyText(r)).toContain('Upwork sliding fee 20/10/5 %');
  });

  it('the raise ladder starts from where you bid now, the same for the same freelancer in every answer', async () => {
    const ladder = async (line: string) =>
      (await ask(line)).blocks.map((b) => (b.type === 'text' ? b.text : '')).find((t) => /plate is full/.test(t)) ?? '';
    // Fewer than ten feedbacks: start at $22.50 (10 % below $25), then about $10 more each time.
    const fresh = await ladder('/rate 25 feedbacks:9');
    expect(fresh).toMatch(/\$22\.50/);
    expect(fresh).toMatch(/\$32\.50, then \$42\.50/);
    expect(fresh).not.toMatch(/\$35/);
    const seasoned = await ladder('/rate 25 feedbacks:10');
    expect(seasoned).toMatch(/\$35, then \$45/);
    expect(seasoned).not.toMatch(/\$32\.50/);
    // Not told: both starting points, each named, so neither freelancer reads the other's ladder as theirs.
    const unknown = await ladder('/rate 25');
    expect(unknown).toMatch(/\$22\.50[^.]*\$32\.50, then \$42\.50/);
    expect(unknown).toMatch(/\$25[^.]*\$35, then \$45/);
  });

  it('refuses an unknown fee era and a zero wage, naming the problem', async () => {
    const bad = await runText('/rate 25 fee:cheap', commands, testContext());
    expect(bad.outcome).toBe('user_error');
    expect(bad.reply.lead + replyText(bad.reply)).toContain('There is no fee rule set "cheap"');
    expect((await runText('/rate 0', commands, testContext())).outcome).toBe('user_error');
  });
});
