// The renderer: real PNGs of at least 600x300, and text drawn with the shipped font alone.
import { describe, expect, it } from 'vitest';
import { rasterize, renderChartPng, renderChartSvg } from '../../src/charts/render.js';
import { dayFromIso } from '../../src/core/dates.js';
import { feesChart } from '../../src/core/fees/chart.js';
import { jssChart, topRatedChart } from '../../src/core/jss/chart.js';
import type { Contract } from '../../src/core/jss/contracts.js';
import { pngSize } from '../support/png.js';

const TODAY = dayFromIso('2026-11-22');
const log: Contract[] = [
  { id: 1, end: '2025-03-02', outcome: 'negative', amountCents: 30_000, client: 'a', longTerm: false },
  { id: 2, end: '2025-06-10', outcome: 'successful', amountCents: 80_000, client: 'b', longTerm: false },
  { id: 3, end: '2026-02-10', outcome: 'successful', amountCents: 250_000, client: 'c', longTerm: true },
  { id: 4, end: '2026-09-15', outcome: 'successful', amountCents: 70_000, client: 'd', longTerm: false },
];
const specs = {
  jss: jssChart(log, TODAY, 90),
  toprated: topRatedChart(log, TODAY, '24-month'),
  fees: feesChart(1_500_000, { day: '2026-11-22' }),
};

/** Dark pixels (text is near-black on the white card) in the band where the title is drawn. */
async function darkPixelsInTitle(svg: string, fontFiles?: string[]): Promise<number> {
  const image = await rasterize(svg, { loadSystemFonts: false, fontFiles });
  const { pixels, width } = image;
  let dark = 0;
  for (let y = 20; y < 80; y++) {
    for (let x = 20; x < width / 2; x++) {
      const at = (y * width + x) * 4;
      if ((pixels[at] ?? 255) < 100 && (pixels[at + 1] ?? 255) < 100 && (pixels[at + 2] ?? 255) < 100) dark++;
    }
  }
  return dark;
}

describe('chart rendering', () => {
  it.each(Object.entries(specs))('%s renders a PNG of at least 600x300', async (_, spec) => {
    const size = pngSize(await renderChartPng(spec));
    expect(size.width).toBeGreaterThanOrEqual(600);
    expect(size.height).toBeGreaterThanOrEqual(300);
    expect(size.width / size.height).toBeCloseTo(16 / 9, 1);
  });

  it('draws the title with the shipped font while system fonts are off, and nothing without a font', async () => {
    const svg = renderChartSvg(specs.jss);
    const withText = await darkPixelsInTitle(svg);
    const textRemoved = await darkPixelsInTitle(renderChartSvg(specs.jss, { withoutText: true }));
    const noFontAtAll = await darkPixelsInTitle(svg, []);
    expect(textRemoved).toBe(0);
    expect(noFontAtAll).toBe(0); // so the first count can only come from the shipped font
    expect(withText).toBeGreaterThan(1000);
  });

  it('names the title, the axes, the target line and the crossing date in the drawing', () => {
    const svg = renderChartSvg(specs.jss);
    expect(svg).toContain('Job Success Score, month by month');
    expect(svg).toContain('Month (dashed: projection)');
    expect(svg).toContain('Target 90 %');
    expect(specs.jss.marker?.label).toMatch(/^90 % crossed \d{4}-\d{2}-\d{2}$/);
    expect(svg).toContain(specs.jss.marker?.label);
    expect(svg).toContain('font-family');
  });
});
