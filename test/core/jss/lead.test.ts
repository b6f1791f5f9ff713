// The /jss lead for any counts and target: never met-and-short at once, a count only when reachable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jssLead } from '../../../src/core/jss/quickReply.js';
import { contractsToReach } from '../../../src/core/jss/score.js';

const MET = /\b(?:meets|met|reached|at or above|shows as)\b/i;
const SHORT = /\b(?:needs?|more)\b/i;

const countsArb = fc
  .record({ s: fc.nat(3000), x: fc.nat(3000), neutral: fc.nat(3000) })
  .filter(({ s, x, neutral }) => s + x + neutral > 0)
  .map(({ s, x, neutral }) => ({ successful: s, negative: x, total: s + x + neutral }));

describe('jssLead for any counts and target', () => {
  it('never says both that the target is met and that more is needed', () => {
    fc.assert(
      fc.property(countsArb, fc.integer({ min: 1, max: 100 }), (c, target) => {
        const lead = jssLead(c, target);
        expect(MET.test(lead) && SHORT.test(lead), lead).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives a contract count only when new contracts reach the target, and then the exact count', () => {
    fc.assert(
      fc.property(countsArb, fc.integer({ min: 1, max: 100 }), (c, target) => {
        const lead = jssLead(c, target);
        const count = /(\d[\d,]*) more successful contracts?/.exec(lead);
        const k = contractsToReach(c, target);
        if (k === undefined) expect(count, lead).toBeNull();
        if (count) expect(Number(count[1]?.replace(/,/g, ''))).toBe(k);
      }),
      { numRuns: 3000 },
    );
  });

  it('covers the edges the property must hold on: rounding up to the target and an unreachable 100 %', () => {
    expect(jssLead({ successful: 179, negative: 0, total: 200 }, 90)).toBe('Your JSS is 89.5 %, which shows as 90 %.');
    expect(jssLead({ successful: 9, negative: 1, total: 10 }, 100)).toMatch(/never makes it exactly 100 %/);
  });
});
