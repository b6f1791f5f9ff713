// The real entry point (npm start) in a child process: it answers, then stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startMain() {
  const child = spawn('node', ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, GIGDESK_DB_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'info' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string) => {
    for (let i = 0; i < 300 && !stdout.includes(text); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stdout).toContain(text);
  };
  return { child, exited, waitFor, logs: () => stderr };
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'answers on the console and exits 0 on %s after closing the store',
    async (signal) => {
      const main = startMain();
      await main.waitFor('gigdesk>');
      main.child.stdin.write('/contracts add today successful 500 Acme\n');
      await main.waitFor('Acme');
      main.child.kill(signal);
      expect(await main.exited).toBe(0);
      expect(main.logs()).toContain(`"reason":"${signal}"`);
      expect(main.logs()).toContain('"msg":"stopped"');
    },
  );

  it('kept what was written before the stop', async () => {
    const main = startMain();
    await main.waitFor('gigdesk>');
    main.child.stdin.end('/contracts list\n');
    await main.waitFor('Acme');
    expect(await main.exited).toBe(0);
  });
});
