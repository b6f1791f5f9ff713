// Chart drawing off the event loop: worker threads (piscina), a bounded queue, and a cache of recent
// specs, so the same chart asked twice is drawn once. Piscina loads on the first chart only.
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import type { ChartSpec } from '../core/runtime/chart.js';

/** One core stays with the event loop; on a 2-core machine charts get one thread. */
const THREADS = Math.max(1, availableParallelism() - 1);
/** Charts waiting for a thread; past this a chart is skipped rather than piling up behind the others. */
export const CHART_QUEUE = 16;
/** Recent charts kept by spec (about 100-250 KB each). */
const CACHE_SIZE = 32;
const IDLE_MS = 5 * 60_000;

/** Thrown when the queue is full: the text answer stands alone. */
export class ChartsBusy extends Error {
  override name = 'ChartsBusy';
}

let pool: Promise<Piscina> | undefined;
let waiting = 0;
const cache = new Map<string, Promise<Uint8Array>>();

function workerFile() {
  // This module runs from src/charts/ (tests, through tsx), dist/charts/ or a bundle chunk in
  // dist/chunks/ (scripts/bundle.mjs): from each, the worker is ../charts/worker.*.
  const source = import.meta.url.endsWith('.ts');
  return {
    filename: new URL(source ? '../charts/worker.ts' : '../charts/worker.js', import.meta.url).href,
    execArgv: source ? ['--import', 'tsx'] : [],
  };
}

function startPool(): Promise<Piscina> {
  pool ??= import('piscina').then(
    ({ Piscina }) => new Piscina({ ...workerFile(), minThreads: 0, maxThreads: THREADS, idleTimeout: IDLE_MS }),
  );
  return pool;
}

/** PNG bytes of the chart, from the cache or a worker; rejects with ChartsBusy when the queue is full. */
export function drawPng(spec: ChartSpec, signal?: AbortSignal): Promise<Uint8Array> {
  const key = JSON.stringify(spec);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit;
  }
  if (waiting >= THREADS + CHART_QUEUE) return Promise.reject(new ChartsBusy('chart queue full'));
  waiting++;
  const drawn = startPool()
    .then((p) => p.run(spec, { signal }) as Promise<Uint8Array>)
    .finally(() => waiting--);
  cache.set(key, drawn);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  drawn.catch(() => cache.get(key) === drawn && cache.delete(key));
  return drawn;
}

/** Ends the worker threads (a chart still drawing is abandoned); the next chart starts a new pool. */
export async function closePool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  cache.clear();
  if (closing) await (await closing).destroy();
}
