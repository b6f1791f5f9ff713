// Preload for bench/process.ts: writes this process's peak resident memory (KiB) to GIGDESK_PEAK_FILE at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => writeFileSync(process.env.GIGDESK_PEAK_FILE ?? '', String(process.resourceUsage().maxRSS)));
