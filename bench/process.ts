// Whole-process footprint of the compiled `gigdesk` command (dist/, built by `npm run bench`), each as a
// ratio to a bare `node -e 0` started in turn with it in the same run, plus peak resident memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './lib.js';

const RUNS = 7;
const dir = mkdtempSync(join(tmpdir(), 'gigdesk-bench-'));
const peakFile = join(dir, 'peak');
const env = {
  ...process.env,
  GIGDESK_DB_PATH: join(dir, 'db.sqlite'),
  GIGDESK_PEAK_FILE: peakFile,
  LOG_LEVEL: 'silent',
};

interface Sample {
  ms: number;
  /** User + system CPU of the whole run: unlike wall time, barely moved by other work on the machine. */
  cpuMs: number;
  peakMiB: number;
}

/** One run: milliseconds from spawn to exit (or to `until` on stdout, then stdin closes), and its peak RSS. */
function run(args: string[], extraEnv: Record<string, string> = {}, until?: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ms = 0;
    const child = spawn('node', ['--import', './bench/peakRss.mjs', ...args], { env: { ...env, ...extraEnv } });
    child.stdout.on('data', (chunk: Buffer) => {
      if (until && !ms && chunk.toString().includes(until)) {
        ms = performance.now() - started;
        child.stdin.end();
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited ${code}`));
      const { maxRssKiB, cpuMs } = JSON.parse(readFileSync(peakFile, 'utf8'));
      resolve({ ms: ms || performance.now() - started, cpuMs, peakMiB: maxRssKiB / 1024 });
    });
  });
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Runs the contender and a bare Node in turn (after one warm-up each); medians of the pairwise ratios. */
async function against(what: string, target: string, contender: () => Promise<Sample>): Promise<BenchRow> {
  const bare = () => run(['-e', '0']);
  await contender();
  await bare();
  const pairs: [Sample, Sample][] = [];
  for (let i = 0; i < RUNS; i++) pairs.push([await contender(), await bare()]);
  const wall = median(pairs.map(([a, b]) => a.ms / b.ms));
  const cpu = median(pairs.map(([a, b]) => a.cpuMs / b.cpuMs));
  const ms = median(pairs.map(([a]) => a.ms));
  const peak = median(pairs.map(([a]) => a.peakMiB));
  return {
    what,
    value: `wall ${wall.toFixed(1)}x, cpu ${cpu.toFixed(1)}x node -e 0; ${ms.toFixed(0)} ms; peak ${peak.toFixed(0)} MiB`,
    note: `median of ${RUNS} pairs; ${target}`,
  };
}

/** Both chat adapters built with fake tokens, offline: discord.js Client (no login), Bolt listening on loopback. */
const adaptersProbe = `
  const { Client, GatewayIntentBits } = await import('discord.js');
  const { createInteractionHandler } = await import('./dist/adapters/discord/handler.js');
  const { App, HTTPReceiver } = await import('@slack/bolt');
  const { register } = await import('./dist/adapters/slack/handler.js');
  const { memoryStore } = await import('./dist/core/store/store.js');
  const { commands } = await import('./dist/commands/index.js');
  const net = await import('node:net');
  const free = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => free.once('listening', resolve));
  const port = free.address().port;
  await new Promise((resolve) => free.close(resolve));
  const store = memoryStore();
  new Client({ intents: [GatewayIntentBits.Guilds] });
  createInteractionHandler({ commands, store });
  // Token verification off: with it, Bolt calls Slack's auth.test at start, which fails offline.
  const receiver = new HTTPReceiver({ signingSecret: 'bench' });
  const app = new App({ token: 'xoxb-bench', receiver, tokenVerificationEnabled: false });
  register(app, { commands, store, adminUserIds: [] });
  await app.start(port);
  await app.stop();`;

export async function bench(): Promise<BenchRow[]> {
  const bare = await run(['-e', '0']);
  return [
    await against('gigdesk ask "/jss 7 1 8", spawn to exit', 'target 3x and 70 MiB', () =>
      run(['dist/cli.js', 'ask', '/jss 7 1 8']),
    ),
    await against('gigdesk start (console), spawn to prompt', 'target 100 MiB', () =>
      run(['dist/cli.js', 'start'], {}, 'gigdesk>'),
    ),
    await against('Discord + Slack adapters built (fake tokens, offline)', 'no target', () =>
      run(['--input-type=module', '-e', adaptersProbe]),
    ),
    {
      what: 'bare node -e 0 (with the same preload)',
      value: `${bare.ms.toFixed(0)} ms, cpu ${bare.cpuMs.toFixed(0)} ms, peak ${bare.peakMiB.toFixed(0)} MiB`,
    },
  ];
}
