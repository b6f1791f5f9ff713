// Reminder workers as real child processes, on a real redis-server (BullMQ) and on one real SQLite
// file: a worker SIGKILLed mid-send leaves the reminder to another (at-least-once), and two workers
// side by side deliver every due reminder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dayIn } from '../../../src/core/followups/ladders.js';
import { loadFollowups, startFollowup } from '../../../src/core/followups/reminders.js';
import { openStore } from '../../../src/core/store/store.js';
import { type RedisServer, startRedis } from '../../support/redisServer.js';
import { startWorker, type WorkerRun } from '../../support/workers.js';

// Child processes start slowly on a busy machine; no figure here is asserted, only awaited.
const WAIT_MS = 45_000;
const NUDGE = 'Time to nudge Acme to close the contract.';
const said = (run: WorkerRun, key: string) =>
  run.lines.flatMap((l) => (typeof l[key] === 'string' ? [l[key] as string] : []));

/** Starts a ladder for each user, delivered 8 days ago: its closing nudge is due now. */
async function startDue(env: Record<string, string>, users: string[]) {
  const store = openStore({ sqlitePath: env.GIGDESK_DB_PATH ?? '', redisUrl: env.REDIS_URL });
  const now = new Date(Date.now() - 8 * 86_400_000);
  for (const userId of users) {
    const ctx = { platform: 'slack' as const, workspaceId: 'T1', userId, isAdmin: false, now, store };
    await startFollowup(ctx, { client: 'Acme', tone: 'brief', delivered: dayIn(now), tz: 'UTC' });
  }
  return {
    statuses: async (userId: string) =>
      (await loadFollowups({ platform: 'slack', workspaceId: 'T1', userId, store }))[0]?.steps.map((s) => s.status),
    close: () => store.close(),
  };
}

/** Stops a worker gracefully, once it is up (a signal before that would kill it outright). */
async function stop(run: WorkerRun): Promise<void> {
  await vi.waitFor(() => expect(run.lines.some((l) => 'working' in l)).toBe(true), { timeout: WAIT_MS });
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
}

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-workers-'));
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => Record<string, string>][] = [
  ['BullMQ on Redis', () => ({ REDIS_URL: redis.url })],
  ['the SQLite file', () => ({ GIGDESK_DB_PATH: join(dir, `${Math.random().toString(36).slice(2)}.sqlite`) })],
];

describe.each(stores)('reminder workers on %s', (_name, storeEnv) => {
  it('a worker SIGKILLed mid-send leaves the reminder to be delivered by another process', async () => {
    const env = storeEnv();
    const ladders = await startDue(env, ['K1']);

    const dying = startWorker(env, ['work', 'hang']);
    await vi.waitFor(() => expect(said(dying, 'sending')).toEqual([`K1:${NUDGE}`]), { timeout: WAIT_MS });
    dying.child.kill('SIGKILL');
    await dying.exited;

    const other = startWorker(env, ['work', 'ok']);
    await vi.waitFor(() => expect(said(other, 'delivered')).toEqual([`K1:${NUDGE}`]), { timeout: WAIT_MS });
    await stop(other);
    expect(await ladders.statuses('K1')).toEqual(['shown', 'sent', 'pending', 'pending']);
    await ladders.close();
  }, 120_000);

  it('two workers side by side deliver every due reminder, each once', async () => {
    const env = storeEnv();
    const users = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'];
    const ladders = await startDue(env, users);
    const a = startWorker(env, ['work', 'ok']);
    const b = startWorker(env, ['work', 'ok']);
    const delivered = () => [...said(a, 'delivered'), ...said(b, 'delivered')];
    await vi.waitFor(() => expect(new Set(delivered()).size).toBe(users.length), { timeout: WAIT_MS });
    await Promise.all([stop(a), stop(b)]);
    expect(delivered().sort()).toEqual(users.map((u) => `${u}:${NUDGE}`));
    expect(await ladders.statuses('W1')).toContain('sent');
    await ladders.close();
  }, 120_000);
});
