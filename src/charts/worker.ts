// Runs in a chart worker thread (pool.ts): a spec in, PNG bytes out, moved to the caller rather than copied.
import { Piscina } from 'piscina';
import type { ChartSpec } from '../core/runtime/chart.js';
import { renderChartPng } from './render.js';

export default async function drawPng(spec: ChartSpec) {
  // A copy owns its whole buffer, so it can be moved; resvg's own buffer may not be detachable.
  return Piscina.move(new Uint8Array(await renderChartPng(spec)));
}
