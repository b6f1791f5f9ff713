// /mydata delete against reminder delivery, on BullMQ (real redis-server) and on a real SQLite file:
// once the delete has answered, no reminder of that user is sent and none of their data comes back,
// even when the delete lands while one of their reminders is being sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import type { Deliver } from '../../../src/core/followups/delivery.js';
import { dayIn } from '../../../src/core/followups/ladders.js';
import { startReminderWorker } from '../../../src/core/followups/loop.js';
import { startFollowup } from '../../../src/core/followups/reminders.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { openStore, type Store, userDataNames } from '../../../src/core/store/store.js';
import { type RedisServer, startRedis } from '../../support/redisServer.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-race-'));
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

const as = (store: Store, userId: string): Context => ({
  platform: 'slack',
  workspaceId: 'T1',
  userId,
  isAdmin: false,
  now: new Date(),
  store,
});

/** A ladder delivered 8 days ago: its closing nudge is due now. */
async function dueReminder(store: Store, userId: string) {
  const now = new Date(Date.now() - 8 * 86_400_000);
  await startFollowup(
    { ...as(store, userId), now },
    { client: 'Acme', tone: 'brief', delivered: dayIn(now), tz: 'UTC' },
  );
}

const stores: [string, () => Store][] = [
  ['BullMQ on Redis', () => openStore({ sqlitePath: '', redisUrl: redis.url })],
  ['a SQLite file', () => openStore({ sqlitePath: join(dir, 'race.sqlite') })],
];

describe.each(stores)('/mydata delete racing reminders on %s', (_name, open) => {
  it('no reminder is sent and no data comes back once the delete has answered', async () => {
    const store = open();
    const events: string[] = [];
    let sending: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      sending = resolve;
    });
    // SLOW's send takes a while; the delete arrives in the middle of it.
    const deliver: Deliver = async (to) => {
      events.push(`start ${to.userId}`);
      if (to.userId === 'SLOW') {
        sending();
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      events.push(`sent ${to.userId}`);
      return true;
    };
    await dueReminder(store, 'GONE'); // deleted before any worker runs
    await dueReminder(store, 'SLOW');
    const gone = await runText('/mydata delete confirm:yes', commands, as(store, 'GONE'));
    expect(gone.outcome).toBe('ok');
    events.push('deleted GONE');

    const stop = await startReminderWorker(store, deliver, {
      platforms: ['slack'],
      backoffMs: 50,
      leaseMs: 1000,
      pollMs: 20,
    });
    await inFlight;
    const slow = await runText('/mydata delete confirm:yes', commands, as(store, 'SLOW'));
    expect(JSON.stringify(slow.reply)).toContain('follow-up ladders');
    events.push('deleted SLOW');

    // A reminder scheduled after the delete arrives: the worker kept running past it.
    await dueReminder(store, 'LATER');
    await vi.waitFor(() => expect(events).toContain('sent LATER'), { timeout: 20_000 });
    await stop();

    expect(events.filter((e) => e.endsWith('GONE'))).toEqual(['deleted GONE']);
    const afterDelete = events.slice(events.indexOf('deleted SLOW'));
    expect(afterDelete.filter((e) => e.endsWith('SLOW'))).toEqual(['deleted SLOW']);
    expect(events.indexOf('sent SLOW')).toBeLessThan(events.indexOf('deleted SLOW'));
    expect(await userDataNames(as(store, 'SLOW'))).toEqual([]);
    expect(await userDataNames(as(store, 'GONE'))).toEqual([]);
    await store.close();
  }, 60_000);
});
