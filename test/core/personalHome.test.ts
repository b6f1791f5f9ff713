// A Discord user's data follows the person (one home for every server and DM), and the data earlier
// versions kept per server is merged into that home without losing anything, on SQLite and on Redis.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { digestJob, digestJobId, digestSetting, nextSlot } from '../../src/core/desk/digest.js';
import { buildFollowup, type Followup } from '../../src/core/followups/ladders.js';
import { loadFollowups, type Notice, reminderId } from '../../src/core/followups/reminders.js';
import type { Contract, ContractLog } from '../../src/core/jss/contracts.js';
import { loadLog } from '../../src/core/jss/contractsStore.js';
import { windowAlertSetting } from '../../src/core/jss/windowAlerts.js';
import { loadCommunity } from '../../src/core/messages/templates.js';
import { deleteWorkspaceData, mergeDiscordDataIntoHomes, mergeIntoHome } from '../../src/core/privacy.js';
import type { Context } from '../../src/core/runtime/command.js';
import { runText } from '../../src/core/runtime/run.js';
import {
  openStore,
  PERSONAL_HOME,
  readUserData,
  type Store,
  userItemKey,
  workspaceKey,
  workspaceUserIds,
} from '../../src/core/store/store.js';
import { type RedisServer, startRedis } from '../support/redisServer.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const USER = '200000000000000002';
const [G1, G2] = ['100000000000000001', '100000000000000009'];
const dm = `dm-${USER}`;

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-home-'));
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

const backends = [
  ['a SQLite file', (n: number) => openStore({ sqlitePath: join(dir, `home-${n}.sqlite`) })],
  ['Redis', (_n: number) => openStore({ sqlitePath: '', redisUrl: redis.url })],
] as const;

/** Both tests share one Redis: each starts from an empty one. */
async function fresh(n: number, open: (n: number) => Store): Promise<Store> {
  const store = open(n);
  await store.redis?.flushdb();
  return store;
}

const ctx = (store: Store, workspaceId: string, over: Partial<Context> = {}): Context => ({
  platform: 'discord',
  workspaceId,
  userId: USER,
  isAdmin: false,
  now: NOW,
  store,
  ...over,
});

const ask = async (line: string, c: Context) => {
  const answer = await runText(line, commands, c);
  expect(answer.outcome, JSON.stringify(answer.reply)).toBe('ok');
  return answer.reply;
};

/** What an earlier version left: the item under the server's key, named in the user's and server's indexes. */
async function legacy(store: Store, guild: string, items: Record<string, unknown>) {
  const where = { platform: 'discord', workspaceId: guild, userId: USER };
  for (const [name, value] of Object.entries(items)) await store.set(userItemKey(where, name), value);
  await store.set(userItemKey(where, 'index'), Object.keys(items));
  await store.set(workspaceKey(where, 'users'), [
    USER,
    ...((await store.get<string[]>(workspaceKey(where, 'users'))) ?? []),
  ]);
}

const contract = (id: number, client: string, end: string, outcome: Contract['outcome']): Contract => ({
  id,
  end,
  outcome,
  amountCents: 120_000,
  client,
  longTerm: false,
});

/** A ladder as an earlier version kept it, with its pending jobs scheduled under the server's recipient. */
async function legacyLadder(store: Store, guild: string, id: number, client: string): Promise<Followup> {
  const ladder = buildFollowup(id, { client, tone: 'warm', delivered: '2026-11-20', tz: 'UTC' }, NOW);
  const to = { platform: 'discord' as const, workspaceId: guild, userId: USER };
  await store.schedule.add(
    ladder.steps.flatMap((s, step) =>
      s.status === 'pending'
        ? [
            {
              id: reminderId(to, id, step),
              queue: 'discord',
              dueAt: Date.parse(s.dueAt),
              data: { to, followupId: id, step },
            },
          ]
        : [],
    ),
  );
  return ladder;
}

/** Ids of the reminder jobs still waiting: BullMQ's own queue on Redis, one run of the due table otherwise. */
async function waitingJobIds(store: Store, ids: string[]): Promise<string[]> {
  if (store.schedule.kind === 'bullmq') {
    const queue = new Queue('reminders-discord', {
      connection: { host: '127.0.0.1', port: redis.port },
      prefix: 'gigdesk',
    });
    const states = await Promise.all(ids.map(async (id) => [id, await (await queue.getJob(id))?.getState()]));
    await queue.close();
    return states.filter(([, state]) => state === 'delayed' || state === 'waiting').map(([id]) => String(id));
  }
  const ran: string[] = [];
  await store.schedule.runDue('discord', new Date('2030-01-01T00:00:00Z'), async (job) => {
    ran.push(job.id);
  });
  return ran.filter((id) => ids.includes(id));
}

describe.each(backends)('a Discord user’s data on %s', (_name, open) => {
  it('is the same in every server and in DMs, while each server keeps its own templates', async () => {
    const store = await fresh(1, open);
    try {
      await ask('/contracts add 2026-10-01 successful 1200 Acme', ctx(store, G1));
      await ask('/contracts add 2026-10-05 negative 300 Bolt', ctx(store, G2));
      await ask('/templates add thanks Thanks {client|there}!', ctx(store, G1, { isAdmin: true }));
      for (const where of [G1, G2, dm]) {
        const log = await loadLog(ctx(store, where));
        expect(log.contracts.map((c) => c.client)).toEqual(['Acme', 'Bolt']);
      }
      expect((await loadCommunity(ctx(store, G1))).map((t) => t.name)).toEqual(['thanks']);
      expect(await loadCommunity(ctx(store, G2))).toEqual([]);
      expect(await loadCommunity(ctx(store, dm))).toEqual([]);
      // Removing the app from a server removes that server's templates, not the person's log.
      expect(await workspaceUserIds({ platform: 'discord', workspaceId: G1, store })).toEqual([]);
      await deleteWorkspaceData({ platform: 'discord', workspaceId: G1, store });
      expect(await loadCommunity(ctx(store, G1))).toEqual([]);
      expect((await loadLog(ctx(store, G2))).contracts).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('merges what was kept per server into the person’s home, losing nothing; a second run adds nothing', async () => {
    const store = await fresh(2, open);
    try {
      const shared = contract(1, 'Acme', '2026-10-01', 'successful');
      const logA: ContractLog = { nextId: 3, contracts: [shared, contract(2, 'Bolt', '2026-09-01', 'negative')] };
      // The same Acme contract was also logged in the second server, next to one of its own.
      const logB: ContractLog = {
        nextId: 3,
        contracts: [{ ...shared }, contract(2, 'Cedar', '2026-08-01', 'successful')],
      };
      const ladderA = await legacyLadder(store, G1, 1, 'Acme');
      const ladderB = await legacyLadder(store, G2, 1, 'Delta');
      const noticeB: Notice = { followupId: 1, step: 0 };
      await legacy(store, G1, { contracts: logA, followups: [ladderA], 'jss-alerts': { on: true, jobs: [] } });
      // A weekly digest set in the second server, its next job planned under that server.
      const digestTime = { day: 'monday' as const, hour: 9, tz: 'UTC' };
      const slot = nextSlot(NOW, digestTime).toISOString();
      const oldDigest = digestJob({ platform: 'discord', workspaceId: G2, userId: USER, store }, slot);
      const oldDigestId = digestJobId({ platform: 'discord', workspaceId: G2, userId: USER }, slot);
      await store.schedule.add([
        {
          ...oldDigest,
          id: oldDigestId,
          data: { kind: 'desk-digest', slot, to: { platform: 'discord', workspaceId: G2, userId: USER } },
        },
      ]);
      const digest = { on: true, ...digestTime, slot };
      await legacy(store, G2, {
        contracts: logB,
        followups: [ladderB],
        'reminder-notices': [noticeB],
        'desk-digest': digest,
      });
      await store.set(workspaceKey({ platform: 'discord', workspaceId: G1 }, 'templates'), [{ name: 'kept' }]);
      const oldIds = [ladderA, ladderB].flatMap((l, n) =>
        l.steps.map((_, step) => reminderId({ platform: 'discord', workspaceId: n ? G2 : G1, userId: USER }, 1, step)),
      );

      expect(await mergeDiscordDataIntoHomes(store, NOW)).toEqual({ users: 2, servers: 2 });

      const home = ctx(store, dm);
      const log = await loadLog(home);
      // Which server's log is taken in first is the store's order; the ids are new and unique either way.
      expect(log.contracts.map((c) => c.client).sort()).toEqual(['Acme', 'Bolt', 'Cedar']);
      expect(log.contracts.map((c) => c.id).sort()).toEqual([1, 2, 3]);
      const ladders = await loadFollowups(home);
      expect(ladders.map((l) => l.client).sort()).toEqual(['Acme', 'Delta']);
      expect(ladders.map((l) => l.id).sort()).toEqual([1, 2]);
      const delta = ladders.find((l) => l.client === 'Delta')?.id;
      // The notice named Delta's ladder by its old number in the second server; it still names Delta.
      expect(await readUserData<Notice[]>(home, 'reminder-notices')).toEqual([{ followupId: delta, step: 0 }]);
      expect((await windowAlertSetting(home))?.on).toBe(true);
      expect(await digestSetting(home)).toMatchObject({ on: true, ...digestTime, slot });
      const homeDigestId = digestJobId({ platform: 'discord', workspaceId: PERSONAL_HOME, userId: USER }, slot);
      // Old jobs are gone; every pending step waits under the person's home.
      const homeTo = { platform: 'discord' as const, workspaceId: PERSONAL_HOME, userId: USER };
      const newIds = ladders.flatMap((l) =>
        l.steps.flatMap((s, step) => (s.status === 'pending' ? [reminderId(homeTo, l.id, step)] : [])),
      );
      expect(newIds.length).toBeGreaterThan(2);
      const waiting = await waitingJobIds(store, [...oldIds, ...newIds, oldDigestId, homeDigestId]);
      expect(waiting.sort()).toEqual([...newIds, homeDigestId].sort());
      // Nothing left under the servers, whose own templates stay.
      for (const guild of [G1, G2]) {
        const where = { platform: 'discord', workspaceId: guild, userId: USER };
        expect(await store.get(userItemKey(where, 'contracts'))).toBeUndefined();
        expect(await workspaceUserIds({ platform: 'discord', workspaceId: guild, store })).toEqual([]);
      }
      expect(await store.get(workspaceKey({ platform: 'discord', workspaceId: G1 }, 'templates'))).toEqual([
        { name: 'kept' },
      ]);

      // A later start does not scan again.
      expect(await mergeDiscordDataIntoHomes(store, NOW)).toEqual({ users: 0, servers: 0 });
      // Cut short and run again (the old copy back, as if the delete had not happened): nothing doubles.
      await legacy(store, G1, { contracts: logA, followups: [ladderA] });
      await mergeIntoHome({ platform: 'discord', workspaceId: G1, userId: USER }, store, NOW);
      expect((await loadLog(home)).contracts).toHaveLength(3);
      expect(await loadFollowups(home)).toHaveLength(2);
      const shown = await ask('/contracts list', ctx(store, G2));
      expect(shown.lead).toMatch(/3 contracts/);
    } finally {
      await store.close();
    }
  });
});
