// Whole-process figures: cold start to the console prompt, and memory with both adapters loaded.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './lib.js';

const env = { ...process.env, GIGDESK_DB_PATH: join(mkdtempSync(join(tmpdir(), 'gigdesk-bench-')), 'db.sqlite') };

/** Milliseconds from spawning `npm start`'s command until the prompt appears. */
function coldStart(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('node', ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('gigdesk>')) {
        resolve(performance.now() - started);
        child.stdin.end();
      }
    });
    child.on('error', reject);
  });
}

/** Resident memory of a process that has loaded and built both chat adapters (no network). */
function rssWithAdapters(): Promise<number> {
  const script = `
    const { Client } = await import('discord.js');
    const { App } = await import('@slack/bolt');
    await import('./src/adapters/discord/handler.ts');
    await import('./src/adapters/slack/handler.ts');
    new Client({ intents: [] });
    new App({ token: 'xoxb-bench', signingSecret: 'bench', tokenVerificationEnabled: false });
    process.stdout.write(String(process.memoryUsage().rss));`;
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', '--input-type=module', '-e', script], { env });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('close', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`rss probe exited ${code}`))));
  });
}

export async function bench(): Promise<BenchRow[]> {
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) starts.push(await coldStart());
  starts.sort((a, b) => a - b);
  const rss = await rssWithAdapters();
  return [
    { what: 'cold start to console prompt', value: `${starts[1]?.toFixed(0)} ms`, note: 'median of 3, includes tsx' },
    { what: 'RSS with both adapters loaded', value: `${(rss / 1024 / 1024).toFixed(1)} MiB` },
  ];
}
