// The one-shot and console paths never load a platform library or an optional feature's package:
// the real compiled command runs in a child process with a preload that lists every file it loads.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, startBot } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PRELOAD = ['--import', './test/support/loadedPackages.mjs'];
/**
 * Loaded only when their adapter or feature is configured (BullMQ: REDIS_URL; ECharts: a chart asked for;
 * rate-limiter-flexible: a platform's rate limits, which the console and the one-shot do not set).
 */
const OPTIONAL = [
  'discord.js',
  '@discordjs/ws',
  '@slack/bolt',
  '@slack/web-api',
  'bullmq',
  'echarts',
  '@resvg/resvg-js',
  'prom-client',
  'rate-limiter-flexible',
];

let runs = 0;
function environment() {
  const log = join(dir, `loaded-${++runs}.txt`);
  return { log, env: { GIGDESK_DB_PATH: join(dir, 'db.sqlite'), GIGDESK_LOADED_LOG: log, LOG_LEVEL: 'silent' } };
}

/** npm package names among the loaded files (the last node_modules/ in each path). */
function packagesIn(log: string): Set<string> {
  const names = readFileSync(log, 'utf8')
    .split('\n')
    .map((path) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1])
    .filter((name): name is string => name !== undefined);
  return new Set(names);
}

describe('lazy imports', () => {
  it('gigdesk ask "/jss 7 1 8" answers without loading any platform or optional package, nor tsx', async () => {
    assertBuilt();
    const { log, env } = environment();
    const { stdout } = await promisify(execFile)('node', [...PRELOAD, CLI, 'ask', '/jss 7 1 8'], {
      env: { ...process.env, ...env },
    });
    expect(stdout).toContain('75 %');
    const files = readFileSync(log, 'utf8').split('\n');
    expect(files.some((f) => f.endsWith('/dist/cli.js'))).toBe(true); // the log sees what loads at all
    // The one-shot is the bundle (scripts/bundle.mjs): dist/cli.js and its chunks, not tsc's hundreds of files.
    const ours = files.filter((f) => f.includes('/dist/') && !f.includes('node_modules') && !f.endsWith('.map'));
    expect(ours.filter((f) => !/\/dist\/(cli\.js|chunks\/)/.test(f))).toEqual([]);
    const loaded = packagesIn(log);
    for (const name of [...OPTIONAL, 'tsx', 'ioredis', 'sqlite3']) expect(loaded).not.toContain(name);
  });

  it('gigdesk start (console) answers without them', async () => {
    const { log, env } = environment();
    const bot = startBot(env, PRELOAD);
    await bot.waitFor('gigdesk>');
    bot.child.stdin.end('/jss 7 1 8\n'); // an answer without a chart (/fees draws one, loading ECharts)
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('75 %');
    const loaded = packagesIn(log);
    expect(loaded).toContain('sqlite3');
    for (const name of [...OPTIONAL, 'tsx']) expect(loaded).not.toContain(name);
  });

  it('with METRICS_PORT the console loads prom-client, and still no platform library', async () => {
    const { log, env } = environment();
    const bot = startBot({ ...env, METRICS_PORT: '0' }, PRELOAD);
    await bot.waitFor('gigdesk>');
    bot.child.stdin.end('/jss 7 1 8\n');
    expect(await bot.exited).toBe(0);
    const loaded = packagesIn(log);
    expect(loaded).toContain('prom-client'); // a package imported on demand shows in the log
    for (const name of OPTIONAL.filter((n) => n !== 'prom-client')) expect(loaded).not.toContain(name);
  });
});
