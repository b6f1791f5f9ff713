// The real entry point (npm start: gigdesk start) in a child process: it answers, then stops cleanly on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../src/core/followups/ladders.js';
import { loadFollowups, startFollowup } from '../../src/core/followups/reminders.js';
import { openStore } from '../../src/core/store/store.js';
import { startBot } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const startMain = (db = join(dir, 'db.sqlite')) => startBot({ GIGDESK_DB_PATH: db, LOG_LEVEL: 'info' });

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

  it('stops in order, without a crash, when the reader of its output has gone (gigdesk start | head)', async () => {
    const main = startMain();
    main.child.stdout.destroy(); // the pipe's reading end closes: the console's next write fails
    main.child.stdin.write('/jss 7 1 8\n');
    expect(await main.exited).toBe(0);
    expect(main.logs()).not.toContain('EPIPE');
    expect(main.logs()).toContain('"msg":"stopped"');
  });

  it('kept what was written before the stop', async () => {
    const main = startMain();
    await main.waitFor('gigdesk>');
    main.child.stdin.end('/contracts list\n');
    await main.waitFor('Acme');
    expect(await main.exited).toBe(0);
  });

  it('a reminder due at shutdown is delivered before the exit or at the next start, never lost', async () => {
    const db = join(dir, 'reminders.sqlite');
    const clients = ['Ana', 'Ben', 'Cy', 'Dee', 'Eve'];
    const store = openStore({ sqlitePath: db });
    const now = new Date(Date.now() - 8 * 86_400_000); // delivered 8 days ago: the closing nudge is due
    const scope = (userId: string) => ({ platform: 'console' as const, workspaceId: 'local', userId, store });
    for (const client of clients) {
      await startFollowup(
        { ...scope(client), isAdmin: true, now },
        { client, tone: 'brief', delivered: dayIn(now), tz: 'UTC' },
      );
    }
    await store.close();

    // Stopped the moment it is up: the first reminder pass is under way.
    const first = startMain(db);
    await first.waitFor('gigdesk>');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = startMain(db);
    await second.waitFor('gigdesk>');
    const printed = () => first.output() + second.output();
    const missing = () => clients.filter((c) => !printed().includes(`Time to nudge ${c} to close the contract.`));
    for (let i = 0; i < 300 && missing().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(missing()).toEqual([]);
    second.child.stdin.end();
    expect(await second.exited).toBe(0);
    const reopened = openStore({ sqlitePath: db });
    for (const client of clients) {
      const ladders = await loadFollowups({ ...scope(client), store: reopened });
      expect(ladders[0]?.steps[1]?.status).toBe('sent');
    }
    await reopened.close();
  }, 120_000);
});
