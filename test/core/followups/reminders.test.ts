// Reminder jobs on the embedded schedule (memory and a real SQLite file), run pass by pass with a
// clock the test moves: due times, retries, permanent failures, stop, snooze, delete and restarts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { type Deliver, deliverDue, PermanentDeliveryError } from '../../../src/core/followups/delivery.js';
import { NONE_FOUND_TTL_MS, pendingNotice } from '../../../src/core/followups/notices.js';
import {
  adoptLegacyIndex,
  forgetReminders,
  loadFollowups,
  type Recipient,
  remindersOf,
  snoozeFollowup,
  startFollowup,
  stopFollowup,
} from '../../../src/core/followups/reminders.js';
import { logger } from '../../../src/core/log.js';
import type { Context, Platform } from '../../../src/core/runtime/command.js';
import type { Reply } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { ATTEMPTS } from '../../../src/core/store/jobs.js';
import { memoryStore, openStore, PERSONAL_HOME, type Store, writeUserData } from '../../../src/core/store/store.js';

const DELIVERED = new Date('2026-03-10T12:00:00Z');
const at = (iso: string) => new Date(iso);

const ctx = (store: Store, userId = 'sam', platform: Platform = 'console'): Context => ({
  platform,
  workspaceId: platform === 'console' ? 'local' : 'g1',
  userId,
  isAdmin: false,
  now: DELIVERED,
  store,
});

/** A fake adapter: records every reminder, answers as told (true = reached the user). */
function recorder(answer: (to: Recipient) => boolean | Promise<boolean> = () => true) {
  const sent: { to: Recipient; reply: Reply }[] = [];
  const deliver: Deliver = async (to, reply) => {
    sent.push({ to, reply });
    return answer(to);
  };
  return { sent, deliver, steps: () => sent.map((s) => `${s.to.userId}:${s.reply.lead}`) };
}

const start = (c: Context, client = 'Acme') =>
  startFollowup(c, { client, project: 'the logo', you: 'Sam', tone: 'warm', delivered: '2026-03-10', tz: 'UTC' });
const statuses = async (c: Context) => (await loadFollowups(c))[0]?.steps.map((s) => s.status);

beforeEach(() => {
  vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('reminder jobs on the embedded schedule', () => {
  it('delivers each step on its day, to the freelancer only, with the ready message', async () => {
    const store = memoryStore();
    await start(ctx(store));
    const fake = recorder();
    expect(await deliverDue(store, at('2026-03-17T08:59:59Z'), fake.deliver)).toEqual({ ran: 0 });

    expect(await deliverDue(store, at('2026-03-17T09:00:00Z'), fake.deliver)).toEqual({ ran: 1 });
    const [first] = fake.sent;
    expect(first?.to).toEqual({ platform: 'console', workspaceId: 'local', userId: 'sam' });
    expect(first?.reply.lead).toBe('Time to nudge Acme to close the contract.');
    expect(first?.reply.visibility).toBe('private');
    const message = first?.reply.blocks.find((b) => b.type === 'copy')?.text;
    expect(message).toMatch(/^Hi Acme,\n\nI'm glad everything with the logo worked out\./);

    await deliverDue(store, at('2026-03-17T10:00:00Z'), fake.deliver);
    await deliverDue(store, at('2026-04-30T00:00:00Z'), fake.deliver);
    expect(fake.steps()).toEqual([
      'sam:Time to nudge Acme to close the contract.',
      'sam:Time to ping Acme once more if they are still silent.',
      'sam:Time to close the contract with Acme yourself.',
    ]);
    expect(await statuses(ctx(store))).toEqual(['shown', 'sent', 'sent', 'sent']);
    expect(await deliverDue(store, at('2027-01-01T00:00:00Z'), fake.deliver)).toEqual({ ran: 0 });
  });

  it('scheduling the same reminder twice makes one job', async () => {
    const store = memoryStore();
    await start(ctx(store));
    const [job] = await remindersOf(ctx(store));
    const id = 'console|local|sam|1|1';
    const data = { to: job?.to, followupId: 1, step: 1 };
    await store.schedule.add([{ id, queue: 'console', dueAt: job?.dueAt ?? 0, data }]);
    await store.schedule.add([{ id, queue: 'console', dueAt: job?.dueAt ?? 0, data }]);
    const fake = recorder();
    expect(await deliverDue(store, at('2026-03-17T09:00:00Z'), fake.deliver)).toEqual({ ran: 1 });
    expect(fake.sent).toHaveLength(1);
  });

  it('keeps a reminder for a user with DMs closed, not retried, shown once at the next command', async () => {
    const store = memoryStore();
    await start(ctx(store));
    const closed = recorder(() => false);
    await deliverDue(store, at('2026-03-18T00:00:00Z'), closed.deliver);
    await deliverDue(store, at('2026-03-19T00:00:00Z'), closed.deliver);
    expect(closed.sent).toHaveLength(1);
    expect((await loadFollowups(ctx(store)))[0]?.steps[1]).toMatchObject({
      status: 'undelivered',
      error: 'DMs closed',
    });

    expect(await pendingNotice(ctx(store, 'someone-else'))).toBeUndefined();
    const notice = await pendingNotice(ctx(store));
    expect(notice?.lead).toBe(
      'This follow-up reminder could not reach you as a direct message (are your DMs closed?).',
    );
    expect(notice?.visibility).toBe('private');
    expect(JSON.stringify(notice?.blocks)).toContain('Acme: closing nudge, due 2026-03-17.');
    expect(notice?.blocks.some((b) => b.type === 'copy' && b.text.startsWith('Hi Acme,'))).toBe(true);
    expect(await pendingNotice(ctx(store))).toBeUndefined();
    expect((await loadFollowups(ctx(store)))[0]?.steps[1]?.status).toBe('shown');
  });

  it('retries a transient failure after a backoff, and the reminder arrives', async () => {
    const store = memoryStore();
    await start(ctx(store));
    let calls = 0;
    const flaky = recorder(() => {
      calls++;
      if (calls < 3) throw new Error('HTTP 500 from the platform');
      return true;
    });
    const options = { backoffMs: 1000 };
    await deliverDue(store, at('2026-03-18T00:00:00.000Z'), flaky.deliver, options);
    await deliverDue(store, at('2026-03-18T00:00:00.500Z'), flaky.deliver, options); // backoff not over
    expect(calls).toBe(1);
    await deliverDue(store, at('2026-03-18T00:00:01.000Z'), flaky.deliver, options);
    await deliverDue(store, at('2026-03-18T00:00:03.000Z'), flaky.deliver, options); // second backoff doubles
    expect(calls).toBe(3);
    expect((await loadFollowups(ctx(store)))[0]?.steps[1]?.status).toBe('sent');
  });

  it('records a permanent refusal without retrying, and /followup list shows it', async () => {
    const store = memoryStore();
    await start(ctx(store, 'sam', 'slack'));
    const refused = recorder(() => {
      throw new PermanentDeliveryError('Slack: account_inactive');
    });
    await deliverDue(store, at('2026-03-18T00:00:00Z'), refused.deliver);
    await deliverDue(store, at('2026-03-20T00:00:00Z'), refused.deliver);
    expect(refused.sent).toHaveLength(1);
    const list = await runText('/followup list', commands, { ...ctx(store, 'sam', 'slack'), now: at('2026-03-20') });
    expect(JSON.stringify(list.reply)).toContain(
      '#1 Acme, closing nudge (2026-03-17): reminder could not reach you (Slack: account_inactive).',
    );
  });

  it(`gives up after ${ATTEMPTS} transient failures and says so on the step`, async () => {
    const store = memoryStore();
    await start(ctx(store));
    const down = recorder(() => {
      throw new Error('ETIMEDOUT');
    });
    for (let minute = 0; minute < 60; minute++) {
      await deliverDue(store, new Date(Date.parse('2026-03-18T00:00:00Z') + minute * 60_000), down.deliver, {
        backoffMs: 1000,
      });
    }
    expect(down.sent).toHaveLength(ATTEMPTS);
    expect((await loadFollowups(ctx(store)))[0]?.steps[1]).toMatchObject({
      status: 'undelivered',
      error: `gave up after ${ATTEMPTS} tries`,
    });
  });

  it('sends nothing for a stopped ladder, and follows a snooze', async () => {
    const store = memoryStore();
    await start(ctx(store), 'Acme');
    await start(ctx(store), 'Beta');
    await stopFollowup(ctx(store), 'Acme');
    await snoozeFollowup(ctx(store), 'Beta', 5);
    const fake = recorder();
    await deliverDue(store, at('2026-03-21T00:00:00Z'), fake.deliver);
    expect(fake.sent).toEqual([]);
    await deliverDue(store, at('2026-03-22T09:00:00Z'), fake.deliver);
    expect(fake.steps()).toEqual(['sam:Time to nudge Beta to close the contract.']);
  });

  it('leaves other platforms’ reminders to their own workers', async () => {
    const store = memoryStore();
    await start(ctx(store, 'sam', 'console'));
    await start(ctx(store, 'D123', 'discord'));
    const consoleOnly = recorder();
    await deliverDue(store, at('2026-03-18T00:00:00Z'), consoleOnly.deliver, { platforms: ['console'] });
    expect(consoleOnly.sent.map((s) => s.to.platform)).toEqual(['console']);
    const discord = recorder();
    await deliverDue(store, at('2026-03-18T00:00:00Z'), discord.deliver, { platforms: ['discord'] });
    // A Discord user's reminders belong to the person, not the server the ladder was started in.
    expect(discord.sent.map((s) => s.to)).toEqual([
      { platform: 'discord', workspaceId: PERSONAL_HOME, userId: 'D123' },
    ]);
  });

  it('sends nothing for a job whose ladder is gone, and does not write it back', async () => {
    const store = memoryStore();
    await start(ctx(store));
    await writeUserData(ctx(store), 'followups', []);
    const fake = recorder();
    expect(await deliverDue(store, at('2026-03-18T00:00:00Z'), fake.deliver)).toEqual({ ran: 1 });
    expect(fake.sent).toEqual([]);
    expect(await loadFollowups(ctx(store))).toEqual([]);
  });

  it('forgets one user’s reminder jobs and keeps everyone else’s', async () => {
    const store = memoryStore();
    await start(ctx(store, 'sam'));
    await start(ctx(store, 'kim'));
    expect(await forgetReminders(ctx(store, 'sam'))).toBe(3);
    await writeUserData(ctx(store, 'sam'), 'followups', []);
    const fake = recorder();
    await deliverDue(store, at('2027-01-01T00:00:00Z'), fake.deliver);
    expect(new Set(fake.sent.map((s) => s.to.userId))).toEqual(new Set(['kim']));
    expect(fake.sent).toHaveLength(3);
  });

  it('two workers running at once deliver each reminder once', async () => {
    const store = memoryStore();
    for (const user of ['a', 'b', 'c']) await start(ctx(store, user));
    const fake = recorder();
    await Promise.all([
      deliverDue(store, at('2026-03-18T00:00:00Z'), fake.deliver),
      deliverDue(store, at('2026-03-18T00:00:00Z'), fake.deliver),
    ]);
    expect(fake.steps().sort()).toEqual([
      'a:Time to nudge Acme to close the contract.',
      'b:Time to nudge Acme to close the contract.',
      'c:Time to nudge Acme to close the contract.',
    ]);
  });
});

describe('restarts on a real SQLite file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDb = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigdesk-reminders-'));
    dirs.push(dir);
    return join(dir, 'gigdesk.sqlite');
  };

  it('delivers what fell due while down, and nothing twice across restarts', async () => {
    const path = tempDb();
    const fake = recorder();

    const first = openStore({ sqlitePath: path });
    await start(ctx(first, 'sam'));
    await start(ctx(first, 'kim'), 'Beta');
    await deliverDue(first, at('2026-03-17T09:00:00Z'), fake.deliver);
    expect(fake.sent).toHaveLength(2);
    await first.close();

    // Down for two weeks: the ping (day 21) fell due meanwhile.
    const second = openStore({ sqlitePath: path });
    await deliverDue(second, at('2026-03-31T10:00:00Z'), fake.deliver);
    await deliverDue(second, at('2026-03-31T10:01:00Z'), fake.deliver);
    await second.close();

    const third = openStore({ sqlitePath: path });
    await deliverDue(third, at('2026-03-31T10:02:00Z'), fake.deliver);
    expect(fake.steps().sort()).toEqual([
      'kim:Time to nudge Beta to close the contract.',
      'kim:Time to ping Beta once more if they are still silent.',
      'sam:Time to nudge Acme to close the contract.',
      'sam:Time to ping Acme once more if they are still silent.',
    ]);
    await deliverDue(third, at('2026-04-08T00:00:00Z'), fake.deliver);
    expect(fake.sent).toHaveLength(6);
    await third.close();

    const fourth = openStore({ sqlitePath: path });
    expect(await deliverDue(fourth, at('2027-01-01T00:00:00Z'), fake.deliver)).toEqual({ ran: 0 });
    expect(new Set(fake.steps()).size).toBe(6);
    await fourth.close();
  });

  it('looks for missed reminders once a minute for someone with none, and never loses one', async () => {
    const path = tempDb();
    const here = openStore({ sqlitePath: path });
    const other = openStore({ sqlitePath: path }); // a second process on the same file
    await start(ctx(here));
    const reads = vi.spyOn(here, 'get');
    expect(await pendingNotice(ctx(here))).toBeUndefined();
    const looked = reads.mock.calls.length;
    expect(looked).toBeGreaterThan(0);
    expect(await pendingNotice(ctx(here))).toBeUndefined();
    expect(reads.mock.calls.length).toBe(looked);

    // The other process finds the DMs closed: the notice waits in the store until this one looks again.
    await deliverDue(other, at('2026-03-18T00:00:00Z'), recorder(() => false).deliver);
    expect(await pendingNotice(ctx(here))).toBeUndefined();
    const later = performance.now() + NONE_FOUND_TTL_MS + 1;
    const clock = vi.spyOn(performance, 'now').mockReturnValue(later);
    await new Promise((resolve) => setTimeout(resolve, 5)); // past the cache's clock resolution
    expect(JSON.stringify(await pendingNotice(ctx(here)))).toContain('Acme: closing nudge, due 2026-03-17.');
    clock.mockRestore();

    // Recorded by this process: the very next command shows it.
    expect(await pendingNotice(ctx(here))).toBeUndefined();
    await deliverDue(here, at('2026-03-31T10:00:00Z'), recorder(() => false).deliver);
    expect(JSON.stringify(await pendingNotice(ctx(here)))).toContain('Acme: ping once more if silent, due 2026-03-31.');
    await here.close();
    await other.close();
  });

  it('a job taken by a worker that died is run again once its lease ends (at-least-once)', async () => {
    const path = tempDb();
    const store = openStore({ sqlitePath: path });
    await start(ctx(store));
    const fake = recorder();
    // A worker takes the job and dies mid-send: the handler never returns.
    const dying = store.schedule;
    if (dying.kind !== 'embedded') throw new Error('expected the embedded schedule');
    void dying.runDue('console', at('2026-03-18T00:00:00Z'), () => new Promise(() => {}), { leaseMs: 60_000 });
    await vi.waitFor(async () => {
      expect(await deliverDue(store, at('2026-03-18T00:00:30Z'), fake.deliver)).toEqual({ ran: 0 });
    });
    await deliverDue(store, at('2026-03-18T00:01:00Z'), fake.deliver);
    expect(fake.steps()).toEqual(['sam:Time to nudge Acme to close the contract.']);
    await store.close();
  });
});

describe('upgrading from the single JSON index', () => {
  it('moves the pending reminders of the old index into the schedule once, and they fire', async () => {
    const store = memoryStore();
    await start(ctx(store));
    const pending = await remindersOf(ctx(store));
    // As an earlier version left it: ladders stored, reminders only in the one JSON value.
    await store.schedule.cancel('console', ['console|local|sam|1|1', 'console|local|sam|1|2', 'console|local|sam|1|3']);
    await store.set('reminders:pending', pending);
    expect(await adoptLegacyIndex(store)).toBe(3);
    expect(await adoptLegacyIndex(store)).toBe(0);
    expect(await store.get('reminders:pending')).toBeUndefined();
    const fake = recorder();
    await deliverDue(store, at('2026-04-30T00:00:00Z'), fake.deliver);
    expect(fake.sent).toHaveLength(3);
  });
});
