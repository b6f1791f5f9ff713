import { describe, expect, it } from 'vitest';
import { feeAcrossNewClients, feeFor, roundHalfUp, scheduleFor, splitEvenly } from '../../../src/core/fees/fees.js';
import {
  describeInForce,
  FEE_RULES,
  feeRuleIds,
  inForceOn,
  requireFeeRule,
  upworkEraOn,
} from '../../../src/core/fees/rules.js';

const rule = requireFeeRule;
const today = { day: '2026-11-22' };
const fee = (
  id: string,
  cents: number,
  options: { billedCents?: number; rateBasisPoints?: number; day?: string } = {},
) => feeFor(rule(id), cents, { ...today, ...options }).feeCents;

describe('worked figures (FACTS.md §1-2)', () => {
  it('$15,000 from one client under the sliding fee: $1,300 fee, $13,700 kept', () => {
    const result = feeFor(rule('sliding'), 1_500_000, today);
    expect(result.feeCents).toBe(130_000);
    expect(result.netCents).toBe(1_370_000);
    expect(result.parts).toEqual([
      { cents: 50_000, basisPoints: 2000 },
      { cents: 950_000, basisPoints: 1000 },
      { cents: 500_000, basisPoints: 500 },
    ]);
  });

  it('$15,000 as 30 jobs of $500 from 30 new clients costs $3,000 under sliding', () => {
    expect(feeAcrossNewClients(rule('sliding'), 1_500_000, 30, today)).toBe(300_000);
  });

  it('30 jobs of $500 from the same client cost the same $1,300 as one contract', () => {
    let billedCents = 0;
    let total = 0;
    for (let i = 0; i < 30; i++) {
      total += fee('sliding', 50_000, { billedCents });
      billedCents += 50_000;
    }
    expect(total).toBe(130_000);
  });

  it('the flat era charges $1,500 on $15,000', () => {
    expect(fee('flat', 1_500_000)).toBe(150_000);
  });

  it('$600 with a new client nets $490 under sliding', () => {
    expect(feeFor(rule('sliding'), 60_000, today).netCents).toBe(49_000);
  });

  it('continuing work for a client past $10,000 pays 5 %', () => {
    expect(fee('sliding', 100_000, { billedCents: 2_000_000 })).toBe(5_000);
  });

  it('peers: Fiverr 20 %, Freelancer.com fixed 10 % or $5, hourly 10 %', () => {
    expect(fee('fiverr', 10_000)).toBe(2_000);
    expect(fee('freelancer-fixed', 3_000)).toBe(500);
    expect(fee('freelancer-fixed', 5_000)).toBe(500);
    expect(fee('freelancer-fixed', 5_010)).toBe(501);
    expect(fee('freelancer-fixed', 20_000)).toBe(2_000);
    expect(fee('freelancer-hourly', 3_000)).toBe(300);
    expect(feeFor(rule('freelancer-fixed'), 3_000, today).minimumApplied).toBe(true);
  });

  it('Direct Contracts: 5 %, 0 % with Freelancer Plus', () => {
    expect(fee('direct', 100_000)).toBe(5_000);
    expect(fee('direct-plus', 100_000)).toBe(0);
  });

  it('variable era: 10 % by default, the agreed rate otherwise, refusing rates outside 0-15 %', () => {
    expect(fee('variable', 100_000)).toBe(10_000);
    expect(fee('variable', 100_000, { rateBasisPoints: 1500 })).toBe(15_000);
    expect(fee('variable', 100_000, { rateBasisPoints: 0 })).toBe(0);
    expect(() => fee('variable', 100_000, { rateBasisPoints: 1501 })).toThrow(/between 0 % and 15 %/);
  });
});

describe('sliding tier boundaries', () => {
  it.each([
    // amount, billed, fee
    [50_000, 0, 10_000],
    [50_001, 0, 10_000], // 0.1 cent on the one cent past $500 rounds away
    [1_000_000, 0, 105_000],
    [1_000_001, 0, 105_000],
    [50_010, 0, 10_001], // ten cents past $500 add one cent at 10 %
    [1_000_020, 0, 105_001], // twenty cents past $10,000 add one cent at 5 %
    [50_000, 50_000, 5_000], // a client already at $500: everything at 10 %
    [50_001, 50_000, 5_000],
    [50_001, 49_999, 5_000], // one cent at 20 % (0.2 cent) and the rest at 10 %
    [1_000_000, 1_000_000, 50_000], // past $10,000: all at 5 %
    [1_000_001, 0, 105_000],
    [1, 999_999, 0], // 0.1 cent rounds down
    [950_000, 50_000, 95_000], // exactly up to $10,000 at 10 %
    [950_001, 50_000, 95_000],
  ])('fee on %i cents with %i billed is %i cents', (amount, billedCents, expected) => {
    expect(fee('sliding', amount, { billedCents })).toBe(expected);
  });

  it('a client already past $500 starts at the 10 % tier', () => {
    expect(scheduleFor(rule('sliding'), { billedCents: 60_000, day: today.day }).steps.slice(0, 1)).toEqual([
      { cents: 940_000, basisPoints: 1000 },
    ]);
  });
});

describe('flat era grandfathering', () => {
  it('keeps 5 % for a client past $10,000 until the end of 2023, then charges 10 %', () => {
    expect(fee('flat', 100_000, { billedCents: 1_000_000, day: '2023-12-31' })).toBe(5_000);
    expect(feeFor(rule('flat'), 100_000, { billedCents: 1_000_000, day: '2023-12-31' }).grandfathered).toBe(true);
    expect(fee('flat', 100_000, { billedCents: 1_000_000, day: '2024-01-01' })).toBe(10_000);
    expect(fee('flat', 100_000, { billedCents: 999_999, day: '2023-06-01' })).toBe(10_000);
  });
});

describe('rounding', () => {
  it('rounds half a cent up and less down', () => {
    expect(roundHalfUp(5_000, 10_000)).toBe(1);
    expect(roundHalfUp(4_999, 10_000)).toBe(0);
    expect(fee('sliding', 1_002_510, { billedCents: 1_000_000 })).toBe(50_126); // 50,125.5 -> 50,126
  });
});

describe('eras by date', () => {
  it.each([
    ['2016-06-20', undefined],
    ['2016-06-21', 'sliding'],
    ['2022-06-01', 'sliding'],
    ['2023-05-02', 'sliding'],
    ['2023-05-03', 'flat'],
    ['2025-04-30', 'flat'],
    ['2025-05-01', 'variable'],
    ['2026-11-22', 'variable'],
  ])('on %s the Upwork era is %s', (day, id) => {
    expect(upworkEraOn(day)?.id).toBe(id);
  });

  it('Direct Contracts at 5 % hold from 2024-04-22', () => {
    expect(inForceOn(rule('direct'), '2024-04-21')).toBe(false);
    expect(inForceOn(rule('direct'), '2024-04-22')).toBe(true);
  });
});

describe('rule data', () => {
  it('every rule has a unique id, a name, a source, and dates that read well', () => {
    const ids = FEE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of FEE_RULES) {
      expect(r.name.length).toBeGreaterThan(0);
      expect(r.sources.length).toBeGreaterThan(0);
      expect(describeInForce(r)).not.toBe('');
    }
  });

  it('the Upwork marketplace eras follow one another without gap or overlap', () => {
    const eras = FEE_RULES.filter((r) => r.group === 'upwork-marketplace');
    for (const [i, era] of eras.entries()) {
      const next = eras[i + 1];
      if (!next?.inForce.from || !era.inForce.to) continue;
      const dayAfter = new Date(`${era.inForce.to}T00:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      expect(next.inForce.from).toBe(dayAfter.toISOString().slice(0, 10));
    }
  });

  it('only the variable era is labelled third-party', () => {
    expect(FEE_RULES.filter((r) => r.thirdParty).map((r) => r.id)).toEqual(['variable']);
  });

  it('feeRuleIds lists every id and filters by what was typed', () => {
    expect(feeRuleIds()).toEqual(FEE_RULES.map((r) => r.id));
    expect(feeRuleIds('FREE')).toEqual(['freelancer-fixed', 'freelancer-hourly']);
    expect(feeRuleIds('nothing-like-this')).toEqual([]);
  });
});

describe('splitting a total into jobs', () => {
  it('spreads the odd cents over the first jobs and keeps the total', () => {
    expect(splitEvenly(1_000, 3)).toEqual([
      { jobs: 1, cents: 334 },
      { jobs: 2, cents: 333 },
    ]);
    expect(splitEvenly(1_500_000, 30)).toEqual([{ jobs: 30, cents: 50_000 }]);
  });

  it('the Freelancer.com minimum applies to each small job', () => {
    expect(feeAcrossNewClients(rule('freelancer-fixed'), 10_000, 10, today)).toBe(5_000);
  });
});

describe('requireFeeRule', () => {
  it('throws on an id that is not in the data', () => {
    expect(() => requireFeeRule('slidin')).toThrow(/unknown fee rule id "slidin"/);
  });
});
