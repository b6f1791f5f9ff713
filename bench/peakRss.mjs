// Preload for bench/process.ts: at exit, writes this process's peak resident memory (KiB) and the CPU
// time it used (user + system, ms) to GIGDESK_PEAK_FILE as JSON.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * VmHWM is the peak of this process's own memory. getrusage's maxRSS is not: on Linux it keeps the
 * high-water mark of the image replaced by exec, i.e. the parent that spawned us (213 MiB under the bench).
 */
function peakKiB() {
  try {
    const found = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (found) return Number(found[1]);
  } catch {
    // No /proc (macOS): maxRSS is the best there is.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  writeFileSync(process.env.GIGDESK_PEAK_FILE ?? '', JSON.stringify({ maxRssKiB: peakKiB(), cpuMs }));
});
