import { addMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsToDay, dayFromIso, isoOfDay, parseDay } from '../../../src/core/dates.js';
import type { Contract, Outcome } from '../../../src/core/jss/contracts.js';
import { logReply } from '../../../src/core/jss/logReply.js';
import { chartText } from '../../../src/core/jss/projection.js';
import { roadmapFor } from '../../../src/core/jss/roadmap.js';
import { jssPercent } from '../../../src/core/jss/score.js';
import {
  bestOfAt,
  countsAt,
  eligibilityAt,
  indexLog,
  inWindow,
  isEligible,
  leaveDay,
  percentAt,
  trendingAt,
  weightedPercentAt,
  weightQuarters,
} from '../../../src/core/jss/windows.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const TODAY = dayFromIso('2026-11-22');

let nextId = 1;
const contract = (end: string, outcome: Outcome, dollars = 500, client = 'c', longTerm = false): Contract => ({
  id: nextId++,
  end,
  outcome,
  amountCents: dollars * 100,
  client,
  longTerm,
});

describe('dates', () => {
  it('reads ISO, day-month-year, today and "ago", relative to now in UTC', () => {
    expect(isoOfDay(parseDay('2026-03-14', NOW))).toBe('2026-03-14');
    expect(isoOfDay(parseDay('14 Mar 2026', NOW))).toBe('2026-03-14');
    expect(isoOfDay(parseDay('14 march 2026', NOW))).toBe('2026-03-14');
    expect(isoOfDay(parseDay('today', NOW))).toBe('2026-11-22');
    expect(isoOfDay(parseDay('3 weeks ago', NOW))).toBe('2026-11-01');
    expect(isoOfDay(parseDay('3-weeks-ago', NOW))).toBe('2026-11-01');
    expect(isoOfDay(parseDay('1 month ago', new Date('2026-03-31T23:59:00Z')))).toBe('2026-02-28');
  });

  it('rejects unreadable, impossible and future dates with a specific sentence', () => {
    expect(() => parseDay('soonish', NOW)).toThrow(/not a date I can read/);
    expect(() => parseDay('2026-02-30', NOW)).toThrow(/not a date/);
    expect(() => parseDay('2026-12-01', NOW)).toThrow(/in the future/);
    expect(() => parseDay('1999-01-01', NOW)).toThrow(/too long ago/);
  });

  it('adds months like date-fns, clamping to the end of the month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_950, max: 25_000 }), fc.integer({ min: -30, max: 30 }), (day, months) => {
        const d = new Date(day * 86_400_000);
        const local = addMonths(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), months);
        const expected = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / 86_400_000;
        expect(addMonthsToDay(day, months)).toBe(expected);
      }),
    );
  });
});

describe('windows', () => {
  const log = [
    contract('2026-10-01', 'successful'), // in 3, 6, 12, 24
    contract('2026-07-01', 'negative'), // in 6, 12, 24
    contract('2026-01-10', 'successful', 2000, 'd', true), // in 12, 24
    contract('2025-06-01', 'neutral', 100, 'e'), // in 24 only
    contract('2024-11-22', 'negative'), // exactly 24 months before: already out
    contract('2026-11-01', 'none'), // no feedback: never counts
    contract('2026-09-01', 'successful', 0), // unpaid successful: left out
  ];
  const index = indexLog(log);

  it('puts each contract in the windows it belongs to', () => {
    expect(countsAt(index, TODAY, 3)).toEqual({ successful: 1, negative: 0, total: 1 });
    expect(countsAt(index, TODAY, 6)).toEqual({ successful: 1, negative: 1, total: 2 });
    expect(countsAt(index, TODAY, 12)).toEqual({ successful: 2, negative: 1, total: 3 });
    expect(countsAt(index, TODAY, 24)).toEqual({ successful: 2, negative: 1, total: 4 });
  });

  it('computes best-of, trending and the value-weighted estimate', () => {
    expect(percentAt(index, TODAY, 6)).toBe(0);
    expect(percentAt(index, TODAY, 12)).toBe(33);
    expect(bestOfAt(index, TODAY)).toEqual({ percent: 33, months: 12 });
    expect(trendingAt(index, TODAY)).toBe(50); // (0 % + 100 %) / 2
    // weights: 500 -> 1.25, 2000 long-term -> 1.5 + 1, 500 negative -> 1.25, 100 neutral -> 1 (in quarters: 5, 10, 5, 4)
    expect(weightQuarters(log[2] as Contract)).toBe(10);
    expect(weightedPercentAt(index, TODAY)).toBe(Math.round(((5 + 10 - 5) / 24) * 100));
  });

  it('caps the weight at 8 and leaves out no-feedback and unpaid successful contracts', () => {
    expect(weightQuarters(contract('2026-01-01', 'successful', 5000, 'x', true))).toBe(10);
    expect(isEligible(contract('2026-01-01', 'none'))).toBe(false);
    expect(isEligible(contract('2026-01-01', 'negative', 0))).toBe(true);
    const e = eligibilityAt(log, TODAY);
    expect(e).toMatchObject({
      contracts: 4,
      clients: 3,
      shows: true,
      noFeedback: 1,
      awaitingFeedback: 0,
      unpaidSuccessful: 1,
    });
    expect(eligibilityAt([contract('2026-10-01', 'successful', 500, 'a')], TODAY).shows).toBe(false);
  });

  it('never counts a contract outside its window (property)', () => {
    const outcomes: Outcome[] = ['successful', 'neutral', 'negative', 'none'];
    const arb = fc.array(
      fc.record({ offset: fc.integer({ min: 0, max: 1200 }), outcome: fc.constantFrom(...outcomes) }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 800 }), fc.constantFrom(3, 6, 12, 24), (rows, ahead, months) => {
        const contracts = rows.map((r) => contract(isoOfDay(TODAY - r.offset), r.outcome));
        const day = TODAY + ahead;
        const inside = contracts.filter((c) => isEligible(c) && inWindow(dayFromIso(c.end), day, months));
        expect(countsAt(indexLog(contracts), day, months)).toEqual({
          successful: inside.filter((c) => c.outcome === 'successful').length,
          negative: inside.filter((c) => c.outcome === 'negative').length,
          total: inside.length,
        });
      }),
    );
  });

  it('a contract leaves a window on exactly its leave day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 15_000, max: 22_000 }), fc.constantFrom(3, 6, 12, 24), (end, months) => {
        const leave = leaveDay(end, months);
        expect(inWindow(end, leave - 1, months)).toBe(true);
        expect(inWindow(end, leave, months)).toBe(false);
      }),
    );
    expect(isoOfDay(leaveDay(dayFromIso('2025-08-31'), 6))).toBe('2026-03-01');
  });

  it('adding a negative never raises any window score (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 700 }),
        (offsets, negOffset) => {
          const base = offsets.map((o) => contract(isoOfDay(TODAY - o), 'successful'));
          const withNegative = [...base, contract(isoOfDay(TODAY - negOffset), 'negative')];
          for (const months of [3, 6, 12, 24]) {
            const before = percentAt(indexLog(base), TODAY, months);
            const after = percentAt(indexLog(withNegative), TODAY, months);
            if (before !== undefined) expect(after ?? 0).toBeLessThanOrEqual(before);
          }
        },
      ),
    );
  });
});

describe('roadmap', () => {
  const log = [
    ...Array.from({ length: 9 }, (_, i) => contract(isoOfDay(TODAY - 30 - i * 20), 'successful', 500, `s${i}`)),
    contract('2025-03-14', 'negative', 300, 'beta'),
  ];

  it('lists when the negative leaves the 24-month window and the score on that day', () => {
    const roadmap = roadmapFor(log, TODAY, 90);
    expect(roadmap.events.map((e) => [isoOfDay(e.day), e.months])).toEqual([['2027-03-14', 24]]);
    // 9 successful remain, all still inside the 24-month window on 2027-03-14
    expect(roadmap.events[0]?.twentyFour).toBe(100);
  });

  it('counts the successful contracts needed by today and by each leave date', () => {
    const roadmap = roadmapFor(log, TODAY, 90);
    const now = countsAt(indexLog(log), TODAY, 24);
    expect(jssPercent(now)).toBe(80); // (9 - 1) / 10
    // (8 + k) / (10 + k) >= 0.9 -> k >= 10
    expect(roadmap.catchUp).toEqual([
      { day: TODAY, needed: 10 },
      { day: dayFromIso('2027-03-14'), needed: 0 },
    ]);
  });

  it('projects every change ahead and draws it as text, a row per change', () => {
    const roadmap = roadmapFor(log, TODAY, 90);
    expect(roadmap.projection.steps[0]).toMatchObject({ day: TODAY, twentyFour: 80 });
    const chart = chartText(roadmap.projection);
    expect(chart).toContain('2026-11-22 ████████████████····   80 %  best-of 100 %');
    // The negative leaves the 24-month window on 2027-03-14: 9 of 9 from then.
    expect(chart).toContain('2027-03-14 ████████████████████  100 %');
    expect(chart.split('\n').at(-1)).toContain('no score');
  });

  it('the log reply leads with the 24-month score, names both rules, and keeps windows and chart in details', () => {
    const reply = logReply(log, TODAY, 90);
    const table = reply.details.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r[0])).toEqual([
      '3 months',
      '6 months',
      '12 months',
      '24 months',
    ]);
    const labels = reply.details.flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => f.label) : []));
    expect(labels.join('; ')).toMatch(/Best of 6, 12, 24 months.*Trending.*weighted/);
    expect(reply.lead).toMatch(/^Your JSS from your log is 80 %/);
    expect(reply.footer.join(' ')).toMatch(/estimate/i);
    expect(reply.details.some((b) => b.type === 'pre')).toBe(true);
    expect(reply.blocks.some((b) => b.type === 'pre' || b.type === 'table')).toBe(false);
  });
});
