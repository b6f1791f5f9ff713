import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Deliver, deliverDue, findDue } from '../../../src/core/followups/delivery.js';
import type { Followup } from '../../../src/core/followups/ladders.js';
import { pendingNotice } from '../../../src/core/followups/notices.js';
import {
  forgetReminders,
  INDEX_KEY,
  loadFollowups,
  type Recipient,
  snoozeFollowup,
  startFollowup,
  stopFollowup,
} from '../../../src/core/followups/reminders.js';
import { logger } from '../../../src/core/log.js';
import type { Context, Platform } from '../../../src/core/runtime/command.js';
import type { Reply } from '../../../src/core/runtime/reply.js';
import { memoryStore, openStore, type Store, writeUserData } from '../../../src/core/store/store.js';

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

describe('findDue and deliverDue', () => {
  it('delivers each step on its day, to the freelancer only, with the ready message', async () => {
    const store = memoryStore();
    await start(ctx(store));
    const fake = recorder();
    expect(await findDue(store, at('2026-03-17T08:59:59Z'))).toEqual([]);
    expect(await deliverDue(store, at('2026-03-17T08:59:59Z'), fake.deliver)).toEqual({
      delivered: 0,
      undelivered: 0,
      dropped: 0,
    });

    const report = await deliverDue(store, at('2026-03-17T09:00:00Z'), fake.deliver);
    expect(report).toEqual({ delivered: 1, undelivered: 0, dropped: 0 });
    const [first] = fake.sent;
    expect(first?.to).toEqual({ platform: 'console', workspaceId: 'local', userId: 'sam' });
    expect(first?.reply.lead).toBe('Follow-up with Acme: closing nudge');
    expect(first?.reply.visibility).toBe('private');
    const message = first?.reply.blocks.find((b) => b.type === 'copy')?.text;
    expect(message).toMatch(/^Hi Acme,\n\nI'm glad everything with the logo worked out\./);

    await deliverDue(store, at('2026-03-17T10:00:00Z'), fake.deliver);
    await deliverDue(store, at('2026-04-30T00:00:00Z'), fake.deliver);
    expect(fake.steps()).toEqual([
      'sam:Follow-up with Acme: closing nudge',
      'sam:Follow-up with Acme: ping once more if silent',
      'sam:Follow-up with Acme: close it yourself',
    ]);
    expect((await loadFollowups(ctx(store)))[0]?.steps.map((s) => s.status)).toEqual(['shown', 'sent', 'sent', 'sent']);
    expect(await store.get(INDEX_KEY)).toEqual([]);
  });

  it('keeps a reminder that could not be delivered, and shows it once at the next command', async () => {
    const store = memoryStore();
    await start(ctx(store));
    const closed = recorder(() => false);
    expect(await deliverDue(store, at('2026-03-18T00:00:00Z'), closed.deliver)).toMatchObject({ undelivered: 1 });
    expect(await deliverDue(store, at('2026-03-19T00:00:00Z'), closed.deliver)).toMatchObject({ undelivered: 0 });
    expect(closed.sent).toHaveLength(1);
    expect((await loadFollowups(ctx(store)))[0]?.steps[1]?.status).toBe('undelivered');

    expect(await pendingNotice(ctx(store, 'someone-else'))).toBeUndefined();
    const notice = await pendingNotice(ctx(store));
    expect(notice?.lead).toBe('Missed follow-up reminders');
    expect(notice?.visibility).toBe('private');
    expect(JSON.stringify(notice?.blocks)).toContain('Acme: closing nudge, due 2026-03-17.');
    expect(notice?.blocks.some((b) => b.type === 'copy' && b.text.startsWith('Hi Acme,'))).toBe(true);
    expect(await pendingNotice(ctx(store))).toBeUndefined();
    expect((await loadFollowups(ctx(store)))[0]?.steps[1]?.status).toBe('shown');
  });

  it('treats a delivery that throws as undelivered, without crashing or retrying', async () => {
    const store = memoryStore();
    await start(ctx(store));
    const broken = recorder(() => {
      throw new Error('network down');
    });
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    expect(await deliverDue(store, at('2026-03-18T00:00:00Z'), broken.deliver)).toMatchObject({ undelivered: 1 });
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ platform: 'console' }), 'reminder delivery failed');
    warn.mockRestore();
    expect(await deliverDue(store, at('2026-03-18T00:01:00Z'), broken.deliver)).toMatchObject({ undelivered: 0 });
    expect(broken.sent).toHaveLength(1);
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
    expect(fake.steps()).toEqual(['sam:Follow-up with Beta: closing nudge']);
  });

  it('leaves other platforms’ reminders to their own adapters', async () => {
    const store = memoryStore();
    await start(ctx(store, 'sam', 'console'));
    await start(ctx(store, 'D123', 'discord'));
    const consoleOnly = recorder();
    await deliverDue(store, at('2026-03-18T00:00:00Z'), consoleOnly.deliver, { platforms: ['console'] });
    expect(consoleOnly.sent.map((s) => s.to.platform)).toEqual(['console']);
    const discord = recorder();
    await deliverDue(store, at('2026-03-18T00:00:00Z'), discord.deliver, { platforms: ['discord'] });
    expect(discord.sent.map((s) => s.to)).toEqual([{ platform: 'discord', workspaceId: 'g1', userId: 'D123' }]);
  });

  it('drops an index entry whose ladder was deleted (e.g. /mydata delete)', async () => {
    const store = memoryStore();
    await start(ctx(store));
    await writeUserData(ctx(store), 'followups', []);
    const fake = recorder();
    expect(await deliverDue(store, at('2026-03-18T00:00:00Z'), fake.deliver)).toMatchObject({ dropped: 1 });
    expect(fake.sent).toEqual([]);
  });

  it('forgets one user’s pending reminders and keeps everyone else’s', async () => {
    const store = memoryStore();
    await start(ctx(store, 'sam'));
    await start(ctx(store, 'kim'));
    await forgetReminders(ctx(store, 'sam'));
    const due = await findDue(store, at('2027-01-01T00:00:00Z'));
    expect(new Set(due.map((e) => e.to.userId))).toEqual(new Set(['kim']));
    expect(due).toHaveLength(3);
  });

  it('does not resend a step claimed just before a crash (marked, index not yet updated)', async () => {
    const store = memoryStore();
    await start(ctx(store));
    const list = await loadFollowups(ctx(store));
    const claimed: Followup[] = list.map((f) => ({
      ...f,
      steps: f.steps.map((s, i) => (i === 1 ? { ...s, status: 'sending' as const } : s)),
    }));
    await writeUserData(ctx(store), 'followups', claimed);
    const fake = recorder();
    expect(await deliverDue(store, at('2026-03-18T00:00:00Z'), fake.deliver)).toMatchObject({
      delivered: 0,
      dropped: 1,
    });
    expect(fake.sent).toEqual([]);
  });

  it('two pollers running at once deliver each reminder once', async () => {
    const store = memoryStore();
    for (const user of ['a', 'b', 'c']) await start(ctx(store, user));
    const fake = recorder();
    await Promise.all([
      deliverDue(store, at('2026-03-18T00:00:00Z'), fake.deliver),
      deliverDue(store, at('2026-03-18T00:00:00Z'), fake.deliver),
    ]);
    expect(fake.steps().sort()).toEqual([
      'a:Follow-up with Acme: closing nudge',
      'b:Follow-up with Acme: closing nudge',
      'c:Follow-up with Acme: closing nudge',
    ]);
  });
});

describe('restart on the real SQLite store', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDb = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigdesk-reminders-'));
    dirs.push(dir);
    return join(dir, 'gigdesk.sqlite');
  };

  it('delivers what fell due while down exactly once, and nothing twice across restarts', async () => {
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
      'kim:Follow-up with Beta: closing nudge',
      'kim:Follow-up with Beta: ping once more if silent',
      'sam:Follow-up with Acme: closing nudge',
      'sam:Follow-up with Acme: ping once more if silent',
    ]);
    await deliverDue(third, at('2026-04-08T00:00:00Z'), fake.deliver);
    expect(fake.sent).toHaveLength(6);
    expect(await findDue(third, at('2027-01-01T00:00:00Z'))).toEqual([]);
    await third.close();

    const fourth = openStore({ sqlitePath: path });
    expect(await deliverDue(fourth, at('2027-01-01T00:00:00Z'), fake.deliver)).toEqual({
      delivered: 0,
      undelivered: 0,
      dropped: 0,
    });
    expect(new Set(fake.steps()).size).toBe(6);
    await fourth.close();
  });
});
