// Chart spec -> ECharts option -> SVG (server-side, no DOM) -> PNG with resvg and the shipped font.
// Loaded only through draw.ts's dynamic import, so start-up never pays for echarts or resvg.
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import type * as Echarts from 'echarts';
import type { ChartSeries, ChartSpec } from '../core/runtime/chart.js';
import { CHART_FONT_FAMILY, CHART_FONT_FILES } from './font.js';
import {
  BACKGROUND,
  CANVAS,
  FONT_SIZE,
  GRID,
  INK,
  MARKER_COLOUR,
  MUTED_INK,
  ROLE_STYLE,
  TARGET_COLOUR,
} from './style.js';

// ECharts' one-file CommonJS build: the first chart loads it in about a third of the time the ES module
// tree of hundreds of files takes (bench/charts.ts, first chart row).
const echarts: typeof Echarts = createRequire(import.meta.url)('echarts');

export interface RenderOptions {
  /** Off in production; tests turn it on to prove the shipped font is enough. */
  loadSystemFonts?: boolean;
  /** Draw no text at all (tests compare against this to see that text was drawn). */
  withoutText?: boolean;
  /** The shipped font unless a test says otherwise. */
  fontFiles?: string[];
}

const valueText = (spec: ChartSpec) => (value: number) =>
  spec.valueFormat === 'percent' ? `${value} %` : `$${value.toLocaleString('en-US')}`;

function axisStyle(name: string) {
  return {
    name,
    nameLocation: 'middle' as const,
    nameTextStyle: { fontSize: FONT_SIZE.axis, color: INK, fontWeight: 'bold' as const },
    axisLabel: { fontSize: FONT_SIZE.label, color: INK },
    axisLine: { lineStyle: { color: MUTED_INK } },
    splitLine: { lineStyle: { color: GRID } },
  };
}

/** The target line and the crossing marker, drawn on the first series (ECharts hangs mark lines on a series). */
function markLines(spec: ChartSpec) {
  const data: object[] = [];
  const horizontal = spec.kind === 'horizontal-bar';
  if (spec.target) {
    data.push({
      [horizontal ? 'xAxis' : 'yAxis']: spec.target.value,
      lineStyle: { color: TARGET_COLOUR, type: 'dashed', width: 2 },
      label: { formatter: spec.target.label, position: 'insideStartTop', color: INK, fontSize: FONT_SIZE.label },
    });
  }
  if (spec.marker) {
    data.push({
      xAxis: spec.marker.category,
      lineStyle: { color: MARKER_COLOUR, type: 'solid', width: 2 },
      label: {
        formatter: spec.marker.label,
        position: 'end',
        color: MARKER_COLOUR,
        fontSize: FONT_SIZE.label,
        fontWeight: 'bold',
      },
    });
  }
  return data.length === 0 ? undefined : { symbol: 'none', silent: true, animation: false, data };
}

function seriesOption(spec: ChartSpec, series: ChartSeries, first: boolean) {
  const style = ROLE_STYLE[series.role];
  const common = {
    name: series.name,
    data: series.values,
    itemStyle: { color: style.colour },
    markLine: first ? markLines(spec) : undefined,
  };
  if (spec.kind === 'line') {
    return {
      ...common,
      type: 'line' as const,
      connectNulls: false,
      showSymbol: series.values.filter((v) => v !== null).length <= 16,
      lineStyle: { color: style.colour, width: 3, type: style.dashed ? ('dashed' as const) : ('solid' as const) },
    };
  }
  return {
    ...common,
    type: 'bar' as const,
    stack: series.stack,
    barMaxWidth: 48,
    itemStyle: { color: style.colour, borderColor: BACKGROUND, borderWidth: 1 },
  };
}

export function chartOption(spec: ChartSpec, options: RenderOptions = {}): Echarts.EChartsCoreOption {
  const format = valueText(spec);
  const categoryAxis = { ...axisStyle(spec.categoryAxis), type: 'category' as const, data: spec.categories };
  const valueAxis = {
    ...axisStyle(spec.valueAxis),
    type: 'value' as const,
    min: spec.valueRange?.min,
    max: spec.valueRange?.max,
    axisLabel: { fontSize: FONT_SIZE.label, color: INK, formatter: format },
  };
  const horizontal = spec.kind === 'horizontal-bar';
  categoryAxis.axisLabel = { ...categoryAxis.axisLabel, ...(horizontal ? { width: 190, overflow: 'break' } : {}) };
  const hide = options.withoutText ? { show: false } : {};
  return {
    backgroundColor: BACKGROUND,
    animation: false,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: INK },
    title: {
      ...hide,
      text: spec.title,
      subtext: spec.subtitle,
      left: 20,
      top: 14,
      textStyle: { fontSize: FONT_SIZE.title, fontWeight: 'bold', color: INK },
      subtextStyle: { fontSize: FONT_SIZE.subtitle, color: MUTED_INK },
    },
    legend: { ...hide, bottom: 10, itemGap: 20, textStyle: { fontSize: FONT_SIZE.label, color: INK } },
    grid: { left: 28, right: 36, top: spec.subtitle ? 104 : 80, bottom: 64, containLabel: true },
    xAxis: horizontal ? { ...valueAxis, nameGap: 30 } : { ...categoryAxis, nameGap: 34 },
    yAxis: horizontal ? { ...categoryAxis, nameGap: 200, inverse: true } : { ...valueAxis, nameGap: 52 },
    series: spec.series.map((s, i) => seriesOption(spec, s, i === 0)),
    ...(options.withoutText ? { xAxis: { show: false }, yAxis: { show: false } } : {}),
  };
}

export function renderChartSvg(spec: ChartSpec, options: RenderOptions = {}): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CANVAS.width, height: CANVAS.height });
  try {
    chart.setOption(chartOption(spec, options));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Rasterizes on libuv's thread pool, so the event loop keeps answering other commands meanwhile. */
export function rasterize(svg: string, options: RenderOptions = {}) {
  return renderAsync(svg, {
    background: BACKGROUND,
    fitTo: { mode: 'zoom', value: CANVAS.scale },
    font: {
      fontFiles: options.fontFiles ?? CHART_FONT_FILES,
      loadSystemFonts: options.loadSystemFonts ?? false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  });
}

/** PNG bytes of the chart, at 1.5 times the layout size so it stays sharp on a phone. */
export async function renderChartPng(spec: ChartSpec, options: RenderOptions = {}): Promise<Uint8Array> {
  return (await rasterize(renderChartSvg(spec, options), options)).asPng();
}
