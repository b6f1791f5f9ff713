// One projection of a log's future feeds every view: random logs, and the views never disagree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Day, dayFromIso } from '../../../src/core/dates.js';
import type { Contract, Outcome } from '../../../src/core/jss/contracts.js';
import { projectLog, stepOn } from '../../../src/core/jss/projection.js';
import { bestOfAt, indexLog, percentAt } from '../../../src/core/jss/windows.js';
import { disagreements } from '../../support/projectionViews.js';

const TODAY = dayFromIso('2026-11-22');
const OUTCOMES: Outcome[] = ['successful', 'successful', 'successful', 'negative', 'neutral', 'none'];

const logArb = fc
  .array(
    fc.record({
      daysAgo: fc.integer({ min: 0, max: 900 }),
      outcome: fc.constantFrom(...OUTCOMES),
      dollars: fc.integer({ min: 0, max: 12_000 }),
      client: fc.constantFrom('ana', 'ben', 'cal', 'dee', 'eve'),
      longTerm: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (r, i): Contract => ({
        id: i + 1,
        end: new Date((TODAY - r.daysAgo) * 86_400_000).toISOString().slice(0, 10),
        outcome: r.outcome,
        amountCents: r.dollars * 100,
        client: r.client,
        longTerm: r.longTerm,
      }),
    ),
  );

describe('the projection of a log with no new work', () => {
  it('holds the window math on every day up to its last change (checked day by day on a sample)', () => {
    fc.assert(
      fc.property(logArb, fc.integer({ min: 0, max: 800 }), (log, offset) => {
        const index = indexLog(log);
        const projection = projectLog(log, TODAY);
        const day: Day = TODAY + offset;
        const step = stepOn(projection, day);
        expect(step.twentyFour).toBe(percentAt(index, day, 24));
        expect(step.bestOf?.percent).toBe(bestOfAt(index, day)?.percent);
        expect(projection.steps.at(-1)?.twentyFour).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('text chart, leave table, picture, alt text and lead never disagree (dates, values, "no score")', () => {
    fc.assert(
      fc.property(logArb, fc.constantFrom(80, 90, 95, 100), (log, target) => {
        expect(disagreements(log, TODAY, target)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
