import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jss } from '../../../src/commands/jss.js';
import { jssLead, quickReply } from '../../../src/core/jss/quickReply.js';
import { JSS_RULES, jssRule } from '../../../src/core/jss/rules.js';
import {
  bandFor,
  type Counts,
  contractsToReach,
  jssPercent,
  neutralCount,
  revisedReviewWorth,
} from '../../../src/core/jss/score.js';
import { UserError } from '../../../src/core/runtime/errors.js';
import { runCommand } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';
import { replyText } from '../../support/replyText.js';

const ctx = () => testContext();

const all = replyText;

/** Exact: (s - x + k) / (n + k) >= t / 100, in integers. */
const reaches = (c: Counts, k: number, t: number) => 100 * (c.successful - c.negative + k) >= t * (c.total + k);

const countsArb = fc
  .record({ s: fc.nat(5000), x: fc.nat(5000), neutral: fc.nat(5000) })
  .filter(({ s, x, neutral }) => s + x + neutral > 0)
  .map(({ s, x, neutral }) => ({ successful: s, negative: x, total: s + x + neutral }));

describe('quick math (FACTS §3 worked figures)', () => {
  it('7 successful, 1 negative, 8 total is 75 % and needs 12 more successful contracts for 90 %', () => {
    const c = { successful: 7, negative: 1, total: 8 };
    expect(jssPercent(c)).toBe(75);
    expect(contractsToReach(c, 90)).toBe(12);
    expect(reaches(c, 12, 90)).toBe(true);
    expect(jssLead(c, 90)).toBe('Your JSS is 75 %. 12 more successful contracts take it to 90 %.');
    expect(replyText(quickReply(c, 90))).toContain('With 12 more successful contracts: (19 - 1) / 20 = 90 %');
  });

  it('rounds half up on exact integers and never shows below 0 %', () => {
    expect(jssPercent({ successful: 179, negative: 0, total: 200 })).toBe(90); // 89.5 %
    expect(jssPercent({ successful: 1789, negative: 0, total: 2000 })).toBe(89); // 89.45 %
    expect(jssPercent({ successful: 1, negative: 3, total: 4 })).toBe(0);
  });

  it('counts neutrals and names the band', () => {
    expect(neutralCount({ successful: 5, negative: 1, total: 9 })).toBe(3);
    expect(bandFor(90).range).toBe('90-100 %');
    expect(bandFor(89).range).toBe('80-89 %');
    expect(bandFor(75).range).toBe('75-79 %');
    expect(bandFor(74).range).toBe('below 75 %');
  });

  it('says 100 % is out of reach with a negative, and what one revised review is worth', () => {
    const c = { successful: 7, negative: 1, total: 8 };
    expect(contractsToReach(c, 100)).toBeUndefined();
    expect(jssLead(c, 100)).toBe(
      'Your JSS is 75 %. New work alone never makes it exactly 100 % while the negative counts.',
    );
    expect(replyText(quickReply(c, 100))).toMatch(/out of the window[\s\S]*24-month[\s\S]*revises a negative/);
    // One revision makes it 8/8, which no number of new contracts reaches while the negative counts.
    expect(revisedReviewWorth(c)).toEqual({ revisedPercent: 100, byNewWork: undefined });
    // 7 1 10 (two neutrals): revised 80 %; new work needs (80 * 10 - 100 * 6) / 20 = 10 contracts.
    expect(revisedReviewWorth({ successful: 7, negative: 1, total: 10 })).toEqual({
      revisedPercent: 80,
      byNewWork: 10,
    });
    expect(revisedReviewWorth({ successful: 8, negative: 0, total: 8 })).toBeUndefined();
  });

  it('rejects impossible counts with a specific sentence', () => {
    expect(() => jssPercent({ successful: 9, negative: 1, total: 8 })).toThrow(/cannot exceed total/);
    expect(() => jssPercent({ successful: 0, negative: 0, total: 0 })).toThrow(/at least one contract/);
    expect(() => jssPercent({ successful: -1, negative: 0, total: 3 })).toThrow(UserError);
    expect(() => jssPercent({ successful: 1.5, negative: 0, total: 3 })).toThrow(/whole number/);
    expect(() => jssPercent({ successful: 2e6, negative: 0, total: 3e6 })).toThrow(/not plausible/);
  });

  it('names the counts as typed when they are impossible, however few (/jss 2 2 3)', async () => {
    const impossible = fc
      .record({ s: fc.nat(60), x: fc.nat(60), n: fc.integer({ min: 1, max: 60 }) })
      .filter(({ s, x, n }) => s + x > n);
    await fc.assert(
      fc.asyncProperty(impossible, async ({ s, x, n }) => {
        const answer = await runCommand(jss, { successful: s, negative: x, total: n }, ctx());
        expect(answer.outcome).toBe('user_error');
        expect(answer.reply.lead).toContain(`successful (${s}) + negative (${x}) = ${s + x}`);
        expect(answer.reply.lead).toContain(`total (${n})`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('quick math properties', () => {
  it('the recovery count k is the smallest k that reaches the target', () => {
    fc.assert(
      fc.property(countsArb, fc.integer({ min: 1, max: 100 }), (c, t) => {
        const k = contractsToReach(c, t);
        if (k === undefined) {
          expect(t).toBe(100);
          expect(c.successful).toBeLessThan(c.total);
          expect(reaches(c, 1_000_000, t)).toBe(false);
          return;
        }
        expect(reaches(c, k, t)).toBe(true);
        if (k > 0) expect(reaches(c, k - 1, t)).toBe(false);
      }),
    );
  });

  it('adding a negative never raises the score', () => {
    fc.assert(
      fc.property(countsArb, (c) => {
        const worse = { ...c, negative: c.negative + 1, total: c.total + 1 };
        expect(jssPercent(worse)).toBeLessThanOrEqual(jssPercent(c));
      }),
    );
  });
});

describe('/jss command', () => {
  it('answers counts with the score and recovery first, the working in details, and the estimate footer', async () => {
    const answer = await runCommand(jss, { successful: 7, negative: 1, total: 8 }, ctx());
    expect(answer.outcome).toBe('ok');
    const out = all(answer.reply);
    expect(answer.reply.lead).toBe('Your JSS is 75 %. 12 more successful contracts take it to 90 %.');
    expect(out).toContain('Neutral 0');
    expect(out).toContain('(7 - 1) / 8 = 75 %');
    expect(out).toContain('75-79 %');
    expect(answer.reply.footer.join(' ')).toContain('does not publish its full algorithm');
    expect(answer.reply.footer.join(' ')).toMatch(/as of \d{4}-\d{2}-\d{2}.*[Ee]stimate/);
    expect(answer.reply.visibility).toBe('private');
  });

  it('uses the target option', async () => {
    const answer = await runCommand(jss, { successful: 7, negative: 1, total: 8, target: 80 }, ctx());
    // (6 + k) / (8 + k) >= 0.8 -> k >= 2
    expect(answer.reply.lead).toContain('2 more successful contracts take it to 80 %');
  });

  it('names exactly the counts that are missing', async () => {
    const answer = await runCommand(jss, { successful: 7 }, ctx());
    expect(answer.outcome).toBe('user_error');
    expect(all(answer.reply)).toContain('Missing "negative" and "total"');
  });

  it('rejects a target outside 1-100 and an empty log', async () => {
    const bad = await runCommand(jss, { successful: 7, negative: 1, total: 8, target: 101 }, ctx());
    expect(bad.outcome).toBe('user_error');
    expect(all(bad.reply)).toContain('"target" must be at most 100');
    const empty = await runCommand(jss, {}, ctx());
    expect(empty.outcome).toBe('user_error');
    expect(all(empty.reply)).toContain('contract log is empty');
  });
});

describe('JSS_RULES', () => {
  it('has unique ids, each with a source and when it is in force', () => {
    expect(new Set(JSS_RULES.map((r) => r.id)).size).toBe(JSS_RULES.length);
    for (const rule of JSS_RULES) {
      expect(rule.source.length).toBeGreaterThan(5);
      expect(rule.inForce.length).toBeGreaterThan(3);
    }
    expect(jssRule('jss-value-weights').note).toContain('up to 8');
    expect(() => jssRule('nope')).toThrow();
  });
});
