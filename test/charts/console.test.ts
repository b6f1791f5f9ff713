// The console as a user runs it (real child processes): charts saved as PNG files whose path is printed,
// and the chart libraries loaded only when a chart is drawn.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI } from '../support/cli.js';
import { pngSize } from '../support/png.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gigdesk-charts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
assertBuilt();

let runs = 0;
/** Runs the compiled gigdesk command with every resolved module recorded; returns its output and the packages it loaded. */
async function node(script: string, args: string[]): Promise<{ stdout: string; loaded: string }> {
  const log = join(dir, `imports-${++runs}.log`);
  const env = {
    ...process.env,
    GIGDESK_DB_PATH: join(dir, 'db.sqlite'),
    GIGDESK_OUT_DIR: join(dir, 'out'),
    LOG_LEVEL: 'silent',
    IMPORT_LOG: log,
    DISCORD_TOKEN: '',
    SLACK_BOT_TOKEN: '',
  };
  const hooks = ['--import', './test/support/recordImports.mjs'];
  const running = run('node', [...hooks, script, ...args], { env });
  running.child.stdin?.end(); // the interactive console stops at the end of its input
  const { stdout } = await running;
  return { stdout, loaded: readFileSync(log, 'utf8') };
}
const ask = (line: string) => node(CLI, ['ask', line]);

// The libraries themselves load in the chart worker thread; its pool (piscina) loads in the main one.
const CHART_LIBRARIES = /node_modules\/(echarts|zrender|@resvg|piscina)\//;

function savedPng(stdout: string): { width: number; height: number } {
  const path = stdout.match(/^Chart: (.+\.png)$/m)?.[1];
  if (!path) throw new Error(`no chart path in:\n${stdout}`);
  expect(path.startsWith(join(dir, 'out'))).toBe(true);
  return pngSize(readFileSync(path));
}

// Child processes on a busy 2-core machine can take many seconds each.
describe('charts in the console', { timeout: 120_000 }, () => {
  it('/fees 15000 prints the answer, then the path of a real PNG of at least 600x300', async () => {
    const { stdout, loaded } = await ask('/fees 15000');
    expect(stdout.indexOf('Fees on $15,000.00')).toBeLessThan(stdout.indexOf('Chart: '));
    const size = savedPng(stdout);
    expect(size.width).toBeGreaterThanOrEqual(600);
    expect(size.height).toBeGreaterThanOrEqual(300);
    expect(loaded).toMatch(CHART_LIBRARIES); // the check below can see these packages when they load
  });

  it('/jss with a logged history prints the path of its score chart', async () => {
    await ask(
      '/contracts import "2025-03-02, negative, 300, a\n2025-06-10, successful, 800, b\n2026-02-10, successful, 900, c"',
    );
    const { stdout } = await ask('/jss');
    expect(stdout).toMatch(/^Chart: .*jss-path-.*\.png$/m);
    expect(savedPng(stdout).width).toBeGreaterThanOrEqual(600);
  });

  it('start-up and an answer without a chart load neither echarts nor resvg', async () => {
    const asked = await ask('/jss 7 1 8');
    expect(asked.stdout).toContain('75 %');
    expect(asked.stdout).not.toContain('Chart:');
    expect(asked.loaded).not.toMatch(CHART_LIBRARIES);
    const started = await node(CLI, ['start']); // the console adapter; stdin is empty, so it stops at once
    expect(started.stdout).toContain('gigdesk console');
    expect(started.loaded).toContain('/dist/adapters/console/console.js');
    expect(started.loaded).not.toMatch(CHART_LIBRARIES);
  });
});
