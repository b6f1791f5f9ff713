// The real entry point (npm start: gigdesk start) in a child process: it answers, then stops cleanly on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBot } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const startMain = () => startBot({ GIGDESK_DB_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'info' });

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
