// Small timing helpers for `npm run bench`; every comparison is measured in the same run.
import { performance } from 'node:perf_hooks';

export interface Timing {
  name: string;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
}

/** Runs fn `runs` times after a warm-up and reports median, 99th percentile and throughput. */
export async function measure(name: string, fn: () => unknown, runs = 1000): Promise<Timing> {
  for (let i = 0; i < Math.min(50, runs); i++) await fn();
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const total = performance.now() - start;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { name, runs, p50Ms: at(0.5), p99Ms: at(0.99), perSecond: (runs / total) * 1000 };
}

export interface BenchRow {
  what: string;
  value: string;
  note?: string;
}

export function timingRow(t: Timing, note?: string): BenchRow {
  return { what: t.name, value: `p50 ${t.p50Ms.toFixed(3)} ms, p99 ${t.p99Ms.toFixed(3)} ms`, note };
}
