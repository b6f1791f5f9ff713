// chartFor: the one call adapters make. It honours the workspace setting and never throws.
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
  vi.doUnmock('../../src/charts/render.js');
  vi.resetModules();
  vi.restoreAllMocks();
});

describe('chartFor', () => {
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
    vi.doMock('../../src/charts/render.js', () => ({
      renderChartPng: () => Promise.reject(new Error('resvg exploded')),
    }));
    const { chartFor } = await import('../../src/charts/draw.js');
    const { logger: freshLogger } = await import('../../src/core/log.js');
    const logged = vi.spyOn(freshLogger, 'error').mockImplementation(() => undefined);
    expect(await chartFor(withChart, testContext())).toBeUndefined();
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ ref: expect.stringMatching(/^[0-9a-f]{8}$/), chart: 'fees' }),
      'chart not drawn',
    );
  });

  it('draws nothing in a workspace whose admin turned charts off; other workspaces keep them', async () => {
    const { chartFor } = await import('../../src/charts/draw.js');
    const admin = testContext({ isAdmin: true });
    const member = { ...admin, isAdmin: false };
    const refused = await runText('settings charts:off', commands, member);
    expect(refused.outcome).toBe('user_error');
    expect((await loadSettings(admin)).charts).toBe(true);

    const turned = await runText('settings charts:off', commands, admin);
    expect(turned.reply.lead).toBe('Charts are now off in this workspace');
    expect((await loadSettings(admin)).charts).toBe(false);
    expect(await chartFor(withChart, admin)).toBeUndefined();
    expect(await chartFor(withChart, { ...admin, workspaceId: 'other' })).toBeDefined();

    const shown = await runText('settings', commands, admin);
    expect(shown.reply.blocks.map((b) => JSON.stringify(b)).join()).toContain('off (/jss, /fees and /toprated)');
    await runText('settings charts:on', commands, admin);
    expect(await chartFor(withChart, admin)).toBeDefined();
  });
});
