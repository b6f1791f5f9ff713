// The chart series are pure data from the window math; these pin them to the numbers the text answers use.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { addMonthsToDay, dayFromIso, isoOfDay } from '../../../src/core/dates.js';
import { feesChart } from '../../../src/core/fees/chart.js';
import { feeFor } from '../../../src/core/fees/fees.js';
import { FEE_RULES } from '../../../src/core/fees/rules.js';
import { jssChart, jssPath, MONTHS_AHEAD, MONTHS_BACK, topRatedChart } from '../../../src/core/jss/chart.js';
import type { Contract } from '../../../src/core/jss/contracts.js';
import { crossingOf, projectLog } from '../../../src/core/jss/projection.js';
import { topRatedCheck } from '../../../src/core/jss/topRated.js';
import { indexLog, leaveDay, percentAt } from '../../../src/core/jss/windows.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

const TODAY = dayFromIso('2026-11-22');
let id = 1;
const c = (end: string, outcome: Contract['outcome'], dollars = 500): Contract => ({
  id: id++,
  end,
  outcome,
  amountCents: dollars * 100,
  client: `client ${id}`,
  longTerm: false,
});
const log = [c('2025-03-02', 'negative'), c('2025-06-10', 'successful'), c('2026-02-10', 'successful')];

describe('JSS path', () => {
  it('has a year back and two years ahead, the past and the projection meeting at today', () => {
    const path = jssPath(log, TODAY, 90);
    expect(path.categories).toHaveLength(MONTHS_BACK + MONTHS_AHEAD + 1);
    expect(path.categories[MONTHS_BACK]).toBe(TODAY);
    const index = indexLog(log);
    expect(path.past[MONTHS_BACK]).toBe(percentAt(index, TODAY, 24));
    expect(path.noNewWork[MONTHS_BACK]).toBe(path.past[MONTHS_BACK]);
    expect(path.past[0]).toBe(percentAt(index, addMonthsToDay(TODAY, -12), 24) ?? null);
    expect(path.past.slice(MONTHS_BACK + 1).every((v) => v === null)).toBe(true);
    expect(path.noNewWork.slice(0, MONTHS_BACK).every((v) => v === null)).toBe(true);
  });

  it('crosses 90 % on the day the negative leaves the 24-month window', () => {
    const crossing = crossingOf(projectLog(log, TODAY), 90);
    expect(crossing).toEqual({ day: leaveDay(dayFromIso('2025-03-02'), 24), direction: 'up' });
    const spec = jssChart(log, TODAY, 90);
    expect(spec.subtitle).toContain(`90 % or more from ${isoOfDay(crossing?.day ?? 0)}, then no score from`);
    expect(spec.target).toEqual({ value: 90, label: 'Target 90 %' });
    expect(spec.alt).toMatch(/^Line chart of your 24-month Job Success Score/);
  });

  it('reports the fall under the line when a score above it will drop, and no crossing for an emptying window', () => {
    const good = [
      c('2025-01-10', 'successful'),
      c('2026-10-01', 'negative'),
      ...Array(9)
        .fill(0)
        .map(() => c('2026-06-01', 'successful')),
    ];
    const crossing = crossingOf(projectLog(good, TODAY), 81); // 82 % now, 80 % once the oldest leaves
    expect(crossing?.direction).toBe('down');
    expect(crossing?.day).toBe(leaveDay(dayFromIso('2025-01-10'), 24));
    expect(crossingOf(projectLog([c('2026-01-01', 'successful')], TODAY), 90)).toBeUndefined();
  });

  it('draws the planned contracts as their own line, reaching the target sooner', () => {
    const planned = [c('2027-01-15', 'successful'), c('2027-02-15', 'successful'), c('2027-03-15', 'successful')];
    const path = jssPath(log, TODAY, 60, planned);
    const plain = jssPath(log, TODAY, 60);
    expect(path.crossing?.day).toBe(dayFromIso('2027-02-15')); // (2 + 2 - 1) / 5 = 60 %
    expect(path.withPlanned).toHaveLength(path.categories.length);
    expect(path.crossing?.day).toBeLessThan(plain.crossing?.day ?? 0);
    expect(jssChart(log, TODAY, 90, planned).series.map((s) => s.name)).toContain('With planned contracts');
  });
});

describe('Top Rated weeks and fees charts', () => {
  it('puts each of the 16 weeks in exactly one of above/below, as many above as the checklist counts', () => {
    const spec = topRatedChart(log, TODAY, '24-month');
    const [above, below] = spec.series;
    expect(spec.categories).toHaveLength(16);
    for (let i = 0; i < 16; i++) expect((above?.values[i] === null) !== (below?.values[i] === null)).toBe(true);
    const met = above?.values.filter((v) => v !== null).length;
    expect(met).toBe(
      topRatedCheck({ contracts: log, today: TODAY, rule: '24-month', agency: false, largeContractCents: 500_000 })
        .weeksAtTarget,
    );
    expect(spec.subtitle).toMatch(/13 needed/);
  });

  it('splits each payment into what you keep and the fee, per rule, in dollars', () => {
    const spec = feesChart(1_500_000, { day: '2026-11-22' });
    const [keep, fee] = spec.series;
    FEE_RULES.forEach((rule, i) => {
      const exact = feeFor(rule, 1_500_000, { day: '2026-11-22' });
      expect(keep?.values[i]).toBe(exact.netCents / 100);
      expect(fee?.values[i]).toBe(exact.feeCents / 100);
    });
    expect(spec.categories.join(' ')).not.toContain('†');
    expect(spec.subtitle).toContain('you keep $13,500.00');
  });

  it('attaches a chart to /jss from the log, /fees and /toprated, and none with chart:off', async () => {
    const ctx = testContext();
    const imported = await runText(
      'contracts import "2025-03-02, negative, 300, a\n2026-02-10, successful, 900, b"',
      commands,
      ctx,
    );
    expect(imported.outcome).toBe('ok');
    for (const line of ['jss', 'fees 15000', 'toprated']) {
      expect((await runText(line, commands, ctx)).reply.chart?.alt).toMatch(/chart/);
      expect((await runText(`${line} chart:off`, commands, ctx)).reply.chart).toBeUndefined();
    }
    expect((await runText('jss 7 1 8', commands, ctx)).reply.chart).toBeUndefined();
    const planned = await runText('jss planned:5', commands, ctx);
    expect(planned.reply.chart?.series.map((s) => s.name)).toContain('With planned contracts');
  });
});
