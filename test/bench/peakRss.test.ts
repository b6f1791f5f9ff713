// The process bench's preload, run in a real child process: the peak it reports is the child's own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MiB = 1024 * 1024;

describe('bench/peakRss.mjs', () => {
  it("reports a bare node's own peak, not the larger parent that spawned it", () => {
    // The parent holds 300 MiB of touched memory when it spawns; a bare node needs well under 100.
    const ballast = Buffer.alloc(300 * MiB, 1);
    const file = join(mkdtempSync(join(tmpdir(), 'gigdesk-peak-')), 'peak');
    const run = spawnSync('node', ['--import', './bench/peakRss.mjs', '-e', '0'], {
      env: { ...process.env, GIGDESK_PEAK_FILE: file },
    });
    expect(ballast.at(-1)).toBe(1);
    expect(run.status).toBe(0);
    const { maxRssKiB, cpuMs } = JSON.parse(readFileSync(file, 'utf8'));
    expect(maxRssKiB / 1024).toBeGreaterThan(20);
    expect(maxRssKiB / 1024).toBeLessThan(100);
    expect(cpuMs).toBeGreaterThan(0);
  });
});
