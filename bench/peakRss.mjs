// Preload for bench/process.ts: at exit, writes this process's peak resident memory (KiB) and the CPU
// time it used (user + system, ms) to GIGDESK_PEAK_FILE as JSON.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  writeFileSync(process.env.GIGDESK_PEAK_FILE ?? '', JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMs }));
});
