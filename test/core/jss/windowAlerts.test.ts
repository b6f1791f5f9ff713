// Window alerts end to end on a real SQLite file: /contracts alerts plans jobs in the schedule's
// table, the reminder worker's pass sends them, scored on the log as it is when they fire.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { type Deliver, deliverDue } from '../../../src/core/followups/delivery.js';
import { ALERTS_NAME, alertJobId } from '../../../src/core/jss/windowAlerts.js';
import type { Reply } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { openStore, readUserData, type Store } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-alerts-'));
const stores: Store[] = [];
afterAll(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
function fileStore() {
  const path = join(dir, `db${++files}.sqlite`);
  const store = openStore({ sqlitePath: path });
  stores.push(store);
  return { store, path };
}

const at = (iso: string) => new Date(iso);

async function ask(store: Store, line: string, now = at('2026-11-22T12:00:00Z')) {
  const answer = await runText(line, commands, testContext({ store, now }));
  expect(answer.outcome, JSON.stringify(answer.reply)).toBe('ok');
  return answer.reply;
}

/** The log: three negatives (#1-#3) among six successful contracts, scored on 2026-11-22. */
async function logWithNegatives(store: Store) {
  for (const line of [
    '2025-03-10 negative 500 Acme',
    '2026-02-20 negative 300 Beta',
    '2026-10-01 negative 200 Gamma',
    '2025-06-01 successful 800 Delta',
    '2025-09-01 successful 800 Echo',
    '2026-01-15 successful 800 Delta',
    '2026-05-01 successful 800 Foxtrot',
    '2026-08-01 successful 800 Echo',
    '2026-09-01 successful 800 Golf',
  ]) {
    await ask(store, `/contracts add ${line}`);
  }
}

/** The jobs as rows of the schedule's table in the file. */
function jobRows(path: string): Promise<{ id: string; due: string }[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (error) => {
      if (error) return reject(error);
      db.all(
        'SELECT id, due_at FROM reminder_jobs ORDER BY due_at, id',
        (e, rows: { id: string; due_at: number }[]) => {
          db.close();
          if (e) return reject(e);
          resolve(rows.map((r) => ({ id: r.id, due: new Date(r.due_at).toISOString() })));
        },
      );
    });
  });
}

function recorder() {
  const sent: { userId: string; reply: Reply }[] = [];
  const deliver: Deliver = async (to, reply) => {
    sent.push({ userId: to.userId, reply });
    return true;
  };
  return { sent, deliver };
}

const to = { platform: 'console' as const, workspaceId: 'w1', userId: 'u1' };
const EXPECTED = [
  { id: alertJobId(to, 2, 12, '2027-02-20'), due: '2027-02-20T09:00:00.000Z' },
  { id: alertJobId(to, 1, 24, '2027-03-10'), due: '2027-03-10T09:00:00.000Z' },
  { id: alertJobId(to, 3, 6, '2027-04-01'), due: '2027-04-01T09:00:00.000Z' },
  { id: alertJobId(to, 3, 12, '2027-10-01'), due: '2027-10-01T09:00:00.000Z' },
  { id: alertJobId(to, 2, 24, '2028-02-20'), due: '2028-02-20T09:00:00.000Z' },
  { id: alertJobId(to, 3, 24, '2028-10-01'), due: '2028-10-01T09:00:00.000Z' },
];

describe('window alerts', () => {
  it('are off by default: a log with negatives plans no job', async () => {
    const { store, path } = fileStore();
    await logWithNegatives(store);
    expect(await deliverDue(store, at('2029-01-01T00:00:00Z'), recorder().deliver)).toEqual({ ran: 0 });
    expect(await jobRows(path)).toEqual([]);
    expect((await ask(store, '/contracts alerts')).lead).toBe(
      'Window alerts are off: you get no message when a negative leaves a window.',
    );
  });

  it('turned on, plan one job per future leave of the 6-, 12- and 24-month windows, on its day', async () => {
    const { store, path } = fileStore();
    await logWithNegatives(store);
    const answer = await ask(store, '/contracts alerts on');
    expect(answer.lead).toBe('Window alerts are on: 6 messages planned, the first on 2027-02-20.');
    // Past leaves (#1 from 12 months, #2 from 6) and the 3-month window of #3 (2027-01-01) are not planned.
    expect(await jobRows(path)).toEqual(EXPECTED);
    const setting = await readUserData<{ jobs: { day: string }[] }>({ ...to, store }, ALERTS_NAME);
    expect(setting?.jobs.map((j) => j.day)).toEqual(EXPECTED.map((e) => e.due.slice(0, 10)));
  });

  it('planning again, by command or by a log change, keeps one job per event', async () => {
    const { store, path } = fileStore();
    await logWithNegatives(store);
    await ask(store, '/contracts alerts on');
    await ask(store, '/contracts alerts on');
    await ask(store, '/contracts add 2026-11-20 successful 800 Hotel');
    expect(await jobRows(path)).toEqual(EXPECTED);
  });

  it('a due alert sends the sentence with the score of the log as it is then', async () => {
    const { store } = fileStore();
    await logWithNegatives(store);
    await ask(store, '/contracts alerts on');
    // Added after the alerts were planned: the score at firing counts it.
    await ask(store, '/contracts add 2026-11-20 successful 800 Hotel');
    const fake = recorder();
    expect(await deliverDue(store, at('2027-02-20T08:59:59Z'), fake.deliver)).toEqual({ ran: 0 });
    expect(await deliverDue(store, at('2027-02-20T09:00:00Z'), fake.deliver)).toEqual({ ran: 1 });
    expect(fake.sent).toHaveLength(1);
    const [{ userId, reply }] = fake.sent as [{ userId: string; reply: Reply }];
    expect(userId).toBe('u1');
    // 12 months to 2027-02-20: 4 successful, 1 negative (#3) of 5 = 60 %; 24 months: 7 - 3 of 10 = 40 %.
    expect(reply.lead).toBe(
      'Your February 2026 negative no longer counts in the 12-month window: your JSS estimate is now 60 %.',
    );
    expect(reply.visibility).toBe('private');
    expect(JSON.stringify(reply.blocks)).toContain('On the newer 24-month rule it is 40 %.');
    expect(reply.footer.join(' ')).toMatch(/^An estimate on the older best-of-windows rule .*as of 2027-02-20/);
    // Sent once: a later pass finds nothing more due that day.
    expect(await deliverDue(store, at('2027-02-20T10:00:00Z'), fake.deliver)).toEqual({ ran: 0 });
  });

  it('turned off, nothing is sent; an old job left behind finds the setting gone and sends nothing', async () => {
    const { store, path } = fileStore();
    await logWithNegatives(store);
    await ask(store, '/contracts alerts on');
    expect((await ask(store, '/contracts alerts off')).lead).toBe(
      'Window alerts are off: 6 planned messages cancelled.',
    );
    expect(await jobRows(path)).toEqual([]);
    const fake = recorder();
    expect(await deliverDue(store, at('2029-01-01T00:00:00Z'), fake.deliver)).toEqual({ ran: 0 });
    const data = { kind: 'jss-window-alert', to, contractId: 2, months: 12, day: '2027-02-20' };
    await store.schedule.add([
      { id: EXPECTED[0]?.id ?? '', queue: 'console', dueAt: Date.parse('2027-02-20T09:00Z'), data },
    ]);
    expect(await deliverDue(store, at('2027-02-21T00:00:00Z'), fake.deliver)).toEqual({ ran: 1 });
    expect(fake.sent).toEqual([]);
  });

  it('a removed contract loses its jobs; one still scheduled sends nothing', async () => {
    const { store, path } = fileStore();
    await logWithNegatives(store);
    await ask(store, '/contracts alerts on');
    await ask(store, '/contracts remove 2');
    expect(await jobRows(path)).toEqual(EXPECTED.filter((e) => !e.id.includes('|2|')));
    const data = { kind: 'jss-window-alert', to, contractId: 2, months: 12, day: '2027-02-20' };
    await store.schedule.add([
      { id: EXPECTED[0]?.id ?? '', queue: 'console', dueAt: Date.parse('2027-02-20T09:00Z'), data },
    ]);
    const fake = recorder();
    expect(await deliverDue(store, at('2027-02-20T09:00:00Z'), fake.deliver)).toEqual({ ran: 1 });
    expect(fake.sent).toEqual([]);
    // The others still fire: 24 months to 2027-03-10 hold 6 successful and #3 negative = 5/7.
    await deliverDue(store, at('2027-03-10T09:00:00Z'), fake.deliver);
    expect(fake.sent.map((s) => s.reply.lead)).toEqual([
      'Your March 2025 negative no longer counts in the 24-month window: your JSS estimate is now 71 %.',
    ]);
  });

  it('/mydata export shows the setting; /mydata delete cancels every alert', async () => {
    const { store, path } = fileStore();
    await logWithNegatives(store);
    await ask(store, '/contracts alerts on');
    const file = (await ask(store, '/mydata export')).attachments[0];
    const exported = JSON.parse(new TextDecoder().decode(file?.data));
    expect(exported.data[ALERTS_NAME].on).toBe(true);
    expect(exported.data[ALERTS_NAME].jobs).toHaveLength(6);
    await ask(store, '/mydata delete confirm:yes');
    expect(await jobRows(path)).toEqual([]);
    const fake = recorder();
    expect(await deliverDue(store, at('2029-01-01T00:00:00Z'), fake.deliver)).toEqual({ ran: 0 });
    expect(fake.sent).toEqual([]);
  });
});
