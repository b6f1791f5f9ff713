// Reminders as BullMQ jobs on a real redis-server, sent through a real discord.js client whose REST
// answers locally: a 500 is retried until the DM arrives, a permanent refusal is not retried and
// shows in /followup list, a reminder scheduled twice is one job, and a delete races a delivery.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { discordDeliver } from '../../../src/adapters/discord/deliver.js';
import { commands } from '../../../src/commands/index.js';
import { dayIn } from '../../../src/core/followups/ladders.js';
import { startReminderWorker } from '../../../src/core/followups/loop.js';
import { loadFollowups, reminderId, startFollowup } from '../../../src/core/followups/reminders.js';
import { logger } from '../../../src/core/log.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { openStore, personalScope, type Store } from '../../../src/core/store/store.js';
import { type Call, fakeDiscord, GUILD, json } from '../../adapters/discord/fake.js';
import { type RedisServer, startRedis } from '../../support/redisServer.js';

const DM = '910000000000000001';
/** Short backoff and lease, so retries and lapses take milliseconds here. */
const FAST = { backoffMs: 50, leaseMs: 1000 };
const WAIT = { timeout: 20_000 };

let redis: RedisServer;
let store: Store;
let jobs: Queue;
beforeAll(async () => {
  redis = await startRedis();
  store = openStore({ sqlitePath: '', redisUrl: redis.url });
  jobs = new Queue('reminders-discord', { connection: { host: '127.0.0.1', port: redis.port }, prefix: 'gigdesk' });
  vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
});
afterAll(async () => {
  await jobs.close();
  await store.close();
  await redis.stop();
  vi.restoreAllMocks();
});

/** A Discord user with a ladder delivered 8 days ago: its closing nudge is due now. */
async function userWithDueReminder(userId: string): Promise<Context> {
  const now = new Date(Date.now() - 8 * 86_400_000);
  const ctx: Context = { platform: 'discord', workspaceId: GUILD, userId, isAdmin: false, now, store };
  await startFollowup(ctx, { client: 'Acme', tone: 'brief', delivered: dayIn(now), tz: 'UTC' });
  return { ...ctx, now: new Date() };
}

/** Discord answers the DM send of each user with the next status in line (then 200). */
function discord(statuses: Record<string, number[]>) {
  const sends: string[] = [];
  const fake = fakeDiscord((call: Call) => {
    if (call.path === '/users/@me/channels') {
      const user = String(call.body.recipient_id);
      return json(200, { id: `${DM}${user.slice(-2)}`, type: 1, recipients: [{ id: user, username: 'u' }] });
    }
    const user = Object.keys(statuses).find((u) => call.path === `/channels/${DM}${u.slice(-2)}/messages`);
    if (!user) return undefined;
    sends.push(user);
    const status = statuses[user]?.shift() ?? 200;
    if (status === 200) return json(200, { id: '920000000000000001', channel_id: DM, type: 0, content: '' });
    return json(
      status,
      status === 500 ? { message: 'Internal Server Error' } : { message: 'Unknown User', code: 10013 },
    );
  });
  return { client: fake.client, sends };
}

const stepOf = async (ctx: Context) => (await loadFollowups(ctx))[0]?.steps[1];

describe('reminders on BullMQ', () => {
  it('retries a 500 from Discord with backoff until the reminder arrives', async () => {
    const ctx = await userWithDueReminder('200000000000000011');
    // discord.js retries a 5xx three times itself; four 500s make the queue's own retry needed.
    const platform = discord({ [ctx.userId]: [500, 500, 500, 500] });
    const stop = await startReminderWorker(store, discordDeliver(platform.client, store), {
      platforms: ['discord'],
      ...FAST,
    });
    await vi.waitFor(async () => expect((await stepOf(ctx))?.status).toBe('sent'), WAIT);
    await stop();
    expect(platform.sends).toHaveLength(5);
  });

  it('records a permanent refusal without retrying, and /followup list shows it', async () => {
    const ctx = await userWithDueReminder('200000000000000012');
    const platform = discord({ [ctx.userId]: [404] });
    const stop = await startReminderWorker(store, discordDeliver(platform.client, store), {
      platforms: ['discord'],
      ...FAST,
    });
    await vi.waitFor(async () => expect((await stepOf(ctx))?.status).toBe('undelivered'), WAIT);
    await stop();
    const job = await jobs.getJob(reminderId(personalScope(ctx), 1, 1));
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(1);
    expect(platform.sends).toHaveLength(1);
    const list = await runText('/followup list', commands, ctx);
    expect(JSON.stringify(list.reply)).toContain('reminder could not reach you (Discord error 10013: Unknown User)');
  });

  it('scheduling the same reminder twice makes one job', async () => {
    const ctx = await userWithDueReminder('200000000000000013');
    const id = reminderId(personalScope(ctx), 1, 2);
    const job = await jobs.getJob(id);
    expect(await job?.getState()).toBe('delayed');
    const before = await jobs.getDelayedCount();
    const again = { id, queue: 'discord', dueAt: Date.now() + 86_400_000, data: job?.data };
    await store.schedule.add([again]);
    await store.schedule.add([again]);
    expect(await jobs.getDelayedCount()).toBe(before);
    expect((await jobs.getJob(id))?.timestamp).toBe(job?.timestamp);
  });
});
