// A chart as pure data: domains describe what to draw, src/charts/ turns it into a PNG for the adapters.
import { z } from 'zod';

/** The per-call switch on every command that answers with a chart: chart:off sends the text alone. */
export const chartOption = () =>
  z.enum(['on', 'off']).default('on').describe('off: answer without the chart picture (default on)');

/**
 * A button's chart value, never typed: the same answer as chart:on, whose picture already went to the
 * person apart from the answer (a Slack DM), so pressing it does not send the picture again (actions.ts).
 */
export const CHART_SENT = 'sent';

/** How a series is drawn and coloured; colours are chosen by the renderer from a colour-blind-safe set. */
export type SeriesRole = 'past' | 'projection' | 'planned' | 'good' | 'bad' | 'keep' | 'fee';

export interface ChartSeries {
  name: string;
  role: SeriesRole;
  /** One value per category; null leaves a gap (a line starts later, a bar is absent). */
  values: (number | null)[];
  /** Bars with the same stack name sit on top of one another. */
  stack?: string;
}

export interface ChartSpec {
  /** Lines over time, or bars (horizontal when category labels are long). */
  kind: 'line' | 'bar' | 'horizontal-bar';
  /** File name without extension, e.g. "jss-path". */
  name: string;
  title: string;
  /** One short line under the title: the takeaway in words. */
  subtitle?: string;
  categories: string[];
  categoryAxis: string;
  valueAxis: string;
  /** Appended to values on the axis and labels: " %" or a currency prefix. */
  valueFormat: 'percent' | 'dollars';
  valueRange?: { min?: number; max?: number };
  series: ChartSeries[];
  /** A horizontal line worth reading against, such as the 90 % Top Rated line. */
  target?: { value: number; label: string };
  /** A vertical marker at one category, such as the day the target is crossed. */
  marker?: { category: string; label: string };
  /** One sentence saying what the chart shows, for screen readers and notifications. */
  alt: string;
}
