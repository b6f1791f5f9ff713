import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, formatCount } from '../../../src/core/runtime/format.js';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const plain = new Intl.NumberFormat('en-US');

describe('money and count formatting', () => {
  it('reads the same as Intl en-US for every whole number of cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => formatCents(cents) === usd.format(cents / 100)),
    );
    expect(formatCents(130_000)).toBe('$1,300.00');
    expect(formatCents(-5)).toBe('-$0.05');
  });

  it('counts read the same as Intl en-US, fractions included', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => formatCount(n) === plain.format(n)));
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 999 }), (n, m) => {
        const value = n + m / 1000;
        return formatCount(value) === plain.format(value);
      }),
    );
    expect(formatCount(1.25)).toBe('1.25');
  });
});
