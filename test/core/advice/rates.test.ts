import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { rateAdvice, suggestedRates } from '../../../src/core/advice/rates.js';
import { feeFor } from '../../../src/core/fees/fees.js';
import { FEE_RULES, requireFeeRule } from '../../../src/core/fees/rules.js';
import type { Reply } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';
import { replyText } from '../../support/replyText.js';

const ask = async (line: string) => (await runText(line, commands, testContext())).reply;
const rowsOf = (r: Reply) => [...r.blocks, ...r.details].flatMap((b) => (b.type === 'table' ? b.rows : []));
const dollars = (c: number) => `$${(c / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
/** "$1,260.00" -> 126000 */
const cents = (cell: string) => Math.round(Number(cell.replace(/[$,]/g, '')) * 100);

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

  it("take-home comes from the fee engine for the chosen era: each hour is its share of the week's fee", async () => {
    const r = await ask('/rate 25 fee:sliding feedbacks:20 hours:30 details:yes');
    const rule = requireFeeRule('sliding');
    const week = feeFor(rule, 2_500 * 30, { day: '2026-11-22' });
    const hourFee = Math.round(week.feeCents / 30);
    const row = rowsOf(r).find((cells) => cells[0] === '$25.00');
    expect(row).toEqual(['$25.00', dollars(hourFee), dollars(2_500 - hourFee), dollars(week.netCents)]);
    expect(replyText(r)).toContain('Upwork sliding fee 20/10/5 %');
  });

  it("Freelancer.com's $5 minimum is per project: the week is one project, not $5 an hour", async () => {
    const r = await ask('/rate 25 fee:freelancer-fixed details:yes feedbacks:2');
    // A $800 week: 10 % is $80, more than the $5 minimum, so $2.00 of each $20 hour.
    expect(rowsOf(r).find((cells) => cells[0] === '$20.00')).toEqual(['$20.00', '$2.00', '$18.00', '$720.00']);
    expect(replyText(r)).toMatch(/fee:freelancer-hourly/);
  });

  it('names the sliding tiers only under the sliding fee', async () => {
    expect(replyText(await ask('/rate 25 fee:sliding details:yes'))).toMatch(/sliding fee's tiers/);
    for (const id of ['flat', 'freelancer-fixed', 'fiverr']) {
      expect(replyText(await ask(`/rate 25 fee:${id} details:yes`)), id).not.toMatch(/tiers/);
    }
  });

  it.each(FEE_RULES.map((rule) => rule.id))(
    '%s: an hour kept times the hours is the week kept, to the rounding of each hour',
    async (id) => {
      for (const line of [`/rate 25 fee:${id} details:yes`, `/rate 3.33 hours:7 fee:${id} details:yes`]) {
        const hours = line.includes('hours:7') ? 7 : 40;
        for (const cells of rowsOf(await ask(line))) {
          const [rate = 0, fee = 0, kept = 0, week = 0] = cells.map(cents);
          expect(cells, line).toHaveLength(4);
          expect(fee + kept, line).toBe(rate);
          expect(Math.abs(kept * hours - week), line).toBeLessThanOrEqual(hours / 2);
        }
      }
    },
  );

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
