// chartFor: the one call adapters make. It honours the workspace setting, draws in a worker thread with a
// bounded queue and a cache, and never throws.
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { feesChart } from '../../src/core/fees/chart.js';
import { logger } from '../../src/core/log.js';
import { reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { loadSettings } from '../../src/core/runtime/settings.js';
import { testContext } from '../support/context.js';
import { pngSize } from '../support/png.js';

logger.level = 'silent';
const withChart = reply({ lead: 'Fees', chart: feesChart(1_500_000, { day: '2026-11-22' }) });

afterEach(() => {
  vi.restoreAllMocks();
});

// Every chart is drawn for real in a worker thread: on a busy 2-core machine that takes seconds.
describe('chartFor', { timeout: 120_000 }, () => {
  it('draws the PNG with the alt text and a file name', async () => {
    const { chartFor } = await import('../../src/charts/draw.js');
    const chart = await chartFor(withChart, testContext());
    expect(chart?.name).toBe('fees.png');
    expect(chart?.contentType).toBe('image/png');
    expect(chart?.alt).toBe(withChart.chart?.alt);
    expect(pngSize(chart?.data ?? new Uint8Array()).width).toBeGreaterThanOrEqual(600);
    expect(await chartFor(reply({ lead: 'No chart' }), testContext())).toBeUndefined();
  });

  it('returns nothing and logs a reference when drawing fails', async () => {
    const { chartFor } = await import('../../src/charts/draw.js');
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    // A spec without series fails inside the worker thread, as a broken domain spec would.
    const broken = reply({
      lead: 'Fees',
      chart: { ...feesChart(1_600_000, { day: '2026-11-22' }), series: undefined as never },
    });
    expect(await chartFor(broken, testContext())).toBeUndefined();
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ ref: expect.stringMatching(/^[0-9a-f]{8}$/), chart: 'fees' }),
      'chart not drawn',
    );
  });

  it('draws the same spec once: the second answer gets the cached picture', async () => {
    const { chartFor } = await import('../../src/charts/draw.js');
    const [first, second] = await Promise.all([chartFor(withChart, testContext()), chartFor(withChart, testContext())]);
    const third = await chartFor(withChart, testContext());
    expect(first?.data).toBeInstanceOf(Uint8Array);
    expect(second?.data).toBe(first?.data);
    expect(third?.data).toBe(first?.data);
    const other = await chartFor(
      reply({ lead: 'Fees', chart: feesChart(1_700_000, { day: '2026-11-22' }) }),
      testContext(),
    );
    expect(other?.data).not.toBe(first?.data);
  });

  it('past the queue, skips the chart with "chart skipped: busy" instead of piling up', async () => {
    const { chartFor } = await import('../../src/charts/draw.js');
    const { CHART_QUEUE } = await import('../../src/charts/pool.js');
    const warned = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const many = Array.from({ length: availableParallelism() + CHART_QUEUE + 3 }, (_, i) =>
      reply({ lead: 'Fees', chart: feesChart(2_000_000 + i * 100, { day: '2026-11-22' }) }),
    );
    const charts = await Promise.all(many.map((r) => chartFor(r, testContext())));
    const skipped = charts.filter((c) => c === undefined).length;
    expect(skipped).toBeGreaterThanOrEqual(3);
    expect(charts.filter(Boolean).length).toBeGreaterThanOrEqual(CHART_QUEUE + 1);
    const busy = warned.mock.calls.filter(([, msg]) => msg === 'chart skipped: busy');
    expect(busy).toHaveLength(skipped);
  });

  it('draws nothing in a workspace whose admin turned charts off; other workspaces keep them', async () => {
    const { chartFor } = await import('../../src/charts/draw.js');
    const admin = testContext({ isAdmin: true });
    const member = { ...admin, isAdmin: false };
    const refused = await runText('settings charts:off', commands, member);
    expect(refused.outcome).toBe('user_error');
    expect((await loadSettings(admin)).charts).toBe(true);

    const turned = await runText('settings charts:off', commands, admin);
    expect(turned.reply.lead).toBe('Charts are now off in this workspace for /jss, /fees and /toprated.');
    expect((await loadSettings(admin)).charts).toBe(false);
    expect(await chartFor(withChart, admin)).toBeUndefined();
    expect(await chartFor(withChart, { ...admin, workspaceId: 'other' })).toBeDefined();

    const shown = await runText('settings', commands, admin);
    expect(shown.reply.lead).toBe('Charts are off in this workspace for /jss, /fees and /toprated.');
    await runText('settings charts:on', commands, admin);
    expect(await chartFor(withChart, admin)).toBeDefined();
  });
});
