// The weekly desk digest on a real SQLite file (passes of the due-time table at chosen instants) and on
// a real redis-server (BullMQ's worker; "next week" is the delayed job promoted): sent once for its week,
// not sent when nothing changed since the last one, not sent after /desk digest off or /mydata delete.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import sqlite3 from 'sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { DIGEST_NAME, type DigestSetting, digestJobId, WEEKDAYS } from '../../../src/core/desk/digest.js';
import { type Deliver, deliverDue } from '../../../src/core/followups/delivery.js';
import { startReminderWorker } from '../../../src/core/followups/loop.js';
import { logger } from '../../../src/core/log.js';
import type { Reply } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { openStore, readUserData, type Store } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import { startRedis } from '../../support/redisServer.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-digest-'));
const stores: Store[] = [];
afterAll(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const to = { platform: 'console' as const, workspaceId: 'w1', userId: 'u1' };
const at = (iso: string) => new Date(iso);

async function ask(store: Store, line: string, now: Date) {
  const answer = await runText(line, commands, testContext({ store, now }));
  expect(answer.outcome, JSON.stringify(answer.reply)).toBe('ok');
  return answer.reply;
}

function recorder(failFirst = 0) {
  const sent: Reply[] = [];
  let failures = failFirst;
  const deliver: Deliver = async (_to, reply) => {
    if (failures-- > 0) throw new Error('platform hiccup');
    sent.push(reply);
    return true;
  };
  return { sent, deliver };
}

function jobIds(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (error) => {
      if (error) return reject(error);
      db.all('SELECT id FROM reminder_jobs ORDER BY due_at', (e, rows: { id: string }[]) => {
        db.close();
        if (e) return reject(e);
        resolve(rows.map((r) => r.id));
      });
    });
  });
}

/** Three successful contracts from June: every weekly check passes and nothing moves for months. */
async function steadyLog(store: Store, now: Date) {
  for (const line of [
    '2026-06-01 successful 500 Ana',
    '2026-06-15 successful 800 Bo',
    '2026-07-01 successful 300 Cy',
  ]) {
    await ask(store, `/contracts add ${line}`, now);
  }
}

let files = 0;
function fileStore() {
  const path = join(dir, `db${++files}.sqlite`);
  const store = openStore({ sqlitePath: path });
  stores.push(store);
  return { store, path };
}

const SUNDAY = at('2026-11-22T12:00:00Z');
const slotId = (slot: string) => digestJobId(to, slot);

describe('the weekly digest on a SQLite file', () => {
  it('is off by default', async () => {
    const { store, path } = fileStore();
    await steadyLog(store, SUNDAY);
    expect((await ask(store, '/desk digest', SUNDAY)).lead).toBe('Your weekly desk digest is off.');
    expect(await deliverDue(store, at('2027-01-31T00:00:00Z'), recorder().deliver)).toEqual({ ran: 0 });
    expect(await jobIds(path)).toEqual([]);
  });

  it('is sent once on its day and hour in the zone, skipped when nothing changed, and not after off', async () => {
    const { store, path } = fileStore();
    await steadyLog(store, SUNDAY);
    const on = await ask(store, '/desk digest on day:monday hour:9 tz:Europe/Berlin', SUNDAY);
    expect(on.lead).toBe(
      'Your weekly desk digest is on: Mondays at 09:00 Europe/Berlin, the next on 23 Nov 2026, 09:00.',
    );
    // 09:00 in Berlin is 08:00 UTC in November.
    expect(await jobIds(path)).toEqual([slotId('2026-11-23T08:00:00.000Z')]);

    const fake = recorder();
    expect(await deliverDue(store, at('2026-11-23T07:59:59Z'), fake.deliver)).toEqual({ ran: 0 });
    expect(await deliverDue(store, at('2026-11-23T08:00:00Z'), fake.deliver)).toEqual({ ran: 1 });
    expect(fake.sent).toHaveLength(1);
    const [digest] = fake.sent as [Reply];
    const desk = await ask(store, '/desk', at('2026-11-23T08:00:00Z'));
    expect(digest.lead).toBe(desk.lead);
    expect(digest.visibility).toBe('private');
    expect(JSON.stringify(digest.blocks)).toContain('Nothing changes this week');
    // Once: the same week has nothing more to send; next Monday is planned.
    expect(await deliverDue(store, at('2026-11-23T09:00:00Z'), fake.deliver)).toEqual({ ran: 0 });
    expect(await jobIds(path)).toEqual([slotId('2026-11-30T08:00:00.000Z')]);

    // A week later the desk says the same: the job runs, nothing is sent, the week after is planned.
    expect(await deliverDue(store, at('2026-11-30T08:00:00Z'), fake.deliver)).toEqual({ ran: 1 });
    expect(fake.sent).toHaveLength(1);
    expect(await jobIds(path)).toEqual([slotId('2026-12-07T08:00:00.000Z')]);

    // A new negative changes the desk: the next digest goes out.
    await ask(store, '/contracts add 2026-12-02 negative 100 Zed', at('2026-12-02T10:00:00Z'));
    expect(await deliverDue(store, at('2026-12-07T08:00:00Z'), fake.deliver)).toEqual({ ran: 1 });
    expect(fake.sent).toHaveLength(2);
    expect(fake.sent[1]?.lead).toMatch(/^Your JSS would be 50 % if it showed today/);

    const off = await ask(store, '/desk digest off', at('2026-12-08T10:00:00Z'));
    expect(off.lead).toBe('Your weekly desk digest is off: no more messages.');
    expect(await jobIds(path)).toEqual([]);
    expect(await deliverDue(store, at('2027-01-31T00:00:00Z'), fake.deliver)).toEqual({ ran: 0 });
    expect(fake.sent).toHaveLength(2);
  });

  it('a failed send is tried again and sent once; the next week is planned once', async () => {
    const { store, path } = fileStore();
    await steadyLog(store, SUNDAY);
    await ask(store, '/desk digest on friday 17', SUNDAY);
    const fake = recorder(1);
    vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    expect(await deliverDue(store, at('2026-11-27T17:00:00Z'), fake.deliver)).toEqual({ ran: 1 });
    expect(fake.sent).toHaveLength(0);
    // The retry waits for its backoff (30 s for the first).
    expect(await deliverDue(store, at('2026-11-27T17:01:00Z'), fake.deliver)).toEqual({ ran: 1 });
    vi.restoreAllMocks();
    expect(fake.sent).toHaveLength(1);
    expect(await jobIds(path)).toEqual([slotId('2026-12-04T17:00:00.000Z')]);
  });

  it('/mydata delete cancels the planned digest with the setting', async () => {
    const { store, path } = fileStore();
    await steadyLog(store, SUNDAY);
    await ask(store, '/desk digest on', SUNDAY);
    expect(await jobIds(path)).toHaveLength(1);
    await ask(store, '/mydata delete confirm:yes', SUNDAY);
    expect(await jobIds(path)).toEqual([]);
    expect(await readUserData({ ...to, store }, DIGEST_NAME)).toBeUndefined();
    const fake = recorder();
    expect(await deliverDue(store, at('2027-01-31T00:00:00Z'), fake.deliver)).toEqual({ ran: 0 });
  });
});

describe('the weekly digest on BullMQ and a real redis-server', () => {
  it('is sent once, skipped when nothing changed, sent after a change, and gone after off', async () => {
    const redis = await startRedis();
    const store = openStore({ sqlitePath: '', redisUrl: redis.url });
    const queue = new Queue('reminders-console', {
      connection: { host: '127.0.0.1', port: redis.port },
      prefix: 'gigdesk',
    });
    const fake = recorder();
    let stop: (() => Promise<void>) | undefined;
    try {
      // The slot is the last whole hour: due already, so BullMQ's worker takes it at once.
      const slot = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
      const before = new Date(slot.getTime() - 60_000);
      for (const line of ['"7 months ago" successful 500 Ana', '"6 months ago" successful 800 Bo']) {
        await ask(store, `/contracts add ${line}`, before);
      }
      await ask(store, `/desk digest on ${WEEKDAYS[slot.getUTCDay()]} ${slot.getUTCHours()} UTC`, before);
      const setting = () => readUserData<DigestSetting>({ ...to, store }, DIGEST_NAME);
      const week = (n: number) => new Date(slot.getTime() + n * 7 * 86_400_000).toISOString();

      stop = await startReminderWorker(store, fake.deliver, { platforms: ['console'], backoffMs: 50, leaseMs: 1000 });
      await vi.waitFor(async () => expect((await setting())?.slot).toBe(week(1)), { timeout: 20_000 });
      expect(fake.sent).toHaveLength(1);
      expect(await (await queue.getJob(slotId(week(1))))?.getState()).toBe('delayed');

      // "Next week", with the desk unchanged: the job runs and sends nothing.
      await (await queue.getJob(slotId(week(1))))?.promote();
      await vi.waitFor(async () => expect((await setting())?.slot).toBe(week(2)), { timeout: 20_000 });
      expect(fake.sent).toHaveLength(1);

      await ask(store, '/contracts add today negative 100 Zed', new Date());
      await (await queue.getJob(slotId(week(2))))?.promote();
      await vi.waitFor(async () => expect((await setting())?.slot).toBe(week(3)), { timeout: 20_000 });
      expect(fake.sent).toHaveLength(2);

      await ask(store, '/desk digest off', new Date());
      expect(await queue.getJob(slotId(week(3)))).toBeUndefined();
      expect(await setting()).toBeUndefined();
    } finally {
      await stop?.();
      await queue.close();
      await store.close();
      await redis.stop();
    }
  }, 60_000);
});
