import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeFor, type QuoteOptions, quoteFor } from '../../../src/core/fees/quote.js';
import { FEE_RULES, requireFeeRule } from '../../../src/core/fees/rules.js';

const rule = requireFeeRule;
const today = { day: '2026-11-22' };

const options = fc.record({
  billedCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 1e10 })),
  rateBasisPoints: fc.integer({ min: 0, max: 1500 }),
  vatBasisPoints: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })),
  costsCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
  day: fc.constantFrom('2023-06-01', '2026-11-22'),
});

describe('quote is the exact inverse of the fee', () => {
  it('leaves at least the net asked for, and one cent less would not (every rule, any options)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FEE_RULES),
        fc.integer({ min: 1, max: 10_000_000_000 }),
        options,
        (r, netCents, o: QuoteOptions) => {
          const q = quoteFor(r, netCents, o);
          expect(q.takeHomeCents).toBeGreaterThanOrEqual(netCents);
          expect(outcomeFor(r, q.fee.grossCents - 1, o).takeHomeCents).toBeLessThan(netCents);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is the smallest such amount (checked by counting up cent by cent on small amounts)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FEE_RULES),
        fc.integer({ min: 1, max: 150_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 3000 }),
        (r, netCents, billedCents, vatBasisPoints) => {
          const o = { ...today, billedCents, vatBasisPoints };
          let gross = netCents;
          while (outcomeFor(r, gross, o).takeHomeCents < netCents) gross++;
          expect(quoteFor(r, netCents, o).fee.grossCents).toBe(gross);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('worked quotes', () => {
  it('to keep $490 from a new client under sliding, charge $600', () => {
    expect(quoteFor(rule('sliding'), 49_000, today).fee.grossCents).toBe(60_000);
  });

  it('to keep $13,700 from one client under sliding, charge $15,000', () => {
    expect(quoteFor(rule('sliding'), 1_370_000, today).fee.grossCents).toBe(1_500_000);
  });

  it('to keep $900 under the 10 % variable default, charge $1,000', () => {
    expect(quoteFor(rule('variable'), 90_000, today).fee.grossCents).toBe(100_000);
  });

  it('the Freelancer.com $5 minimum: keep $10 -> charge $15; keep $90 -> charge $100', () => {
    expect(quoteFor(rule('freelancer-fixed'), 1_000, today).fee.grossCents).toBe(1_500);
    expect(quoteFor(rule('freelancer-fixed'), 9_000, today).fee.grossCents).toBe(10_000);
  });

  it('adds VAT on the fee and fixed costs', () => {
    // 10 % fee with 20 % VAT on it keeps 88 %; $880 + $50 wire -> $930 / 0.88 = $1,056.82
    const q = quoteFor(rule('flat'), 88_000, { day: '2024-01-01', vatBasisPoints: 2000, costsCents: 5_000 });
    expect(q.fee.grossCents).toBe(105_682);
    expect(q.takeHomeCents).toBeGreaterThanOrEqual(88_000);
  });

  it('a client already past $10,000 needs only the 5 % gross-up', () => {
    expect(quoteFor(rule('sliding'), 95_000, { ...today, billedCents: 1_000_000 }).fee.grossCents).toBe(100_000);
  });
});
