// Two gigdesk processes on one real redis-server, and a process killed mid-write on SQLite.
// (Reminder workers across processes: test/core/followups/workers.test.ts.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store/store.js';
import { type RedisServer, startRedis } from '../../support/redisServer.js';
import { runWorker, startWorker } from '../../support/workers.js';

async function readLockLog(url: string): Promise<string[] | undefined> {
  const store = openStore({ sqlitePath: 'unused', redisUrl: url });
  const log = await store.get<string[]>('lock-log');
  await store.close();
  return log;
}

const USERS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];
const followups = USERS.map((u) => `${u}|/followup start Acme${u} 2026-11-21`);
const contractCount = (line: Record<string, unknown> | undefined) =>
  Number(/(\d+) contracts?/.exec(JSON.stringify(line?.reply))?.[1]);

/** Two processes add 60 contracts each to one user's log at the same time; returns how many said Added. */
async function addFromTwoProcesses(env: Record<string, string>): Promise<number> {
  const adds = (who: string) =>
    Array.from({ length: 60 }, (_, i) => `U9|/contracts add 2026-10-01 successful ${100 + i} ${who}${i}`);
  const results = await Promise.all([
    runWorker(env, ['write', ...adds('Left')]),
    runWorker(env, ['write', ...adds('Right')]),
  ]);
  return results.flat().filter((l) => l.outcome === 'ok' && JSON.stringify(l.reply).includes('Added')).length;
}

const delivered = (lines: Record<string, unknown>[]) =>
  lines.flatMap((l) => (typeof l.delivered === 'string' ? [l.delivered] : []));

// Child processes start slowly on a loaded two-core machine; these tests wait for them, not on them.
describe('two processes sharing Redis', { timeout: 90_000 }, () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('what one process writes the other reads', async () => {
    const env = { REDIS_URL: redis.url };
    const [written] = await runWorker(env, ['write', 'U1|/contracts add 2026-11-01 successful 1200 Acme']);
    expect(written?.outcome).toBe('ok');
    const [listed] = await runWorker(env, ['write', 'U1|/contracts list']);
    expect(JSON.stringify(listed?.reply)).toContain('Acme');
  });

  it('two processes adding 60 contracts each to one log lose none', async () => {
    const env = { REDIS_URL: redis.url };
    expect(await addFromTwoProcesses(env)).toBe(120);
    expect(contractCount((await runWorker(env, ['write', 'U9|/contracts list']))[0])).toBe(120);
  });

  it('a lock held longer than its expiry is renewed, so the work never runs twice at once', async () => {
    const env = { REDIS_URL: redis.url };
    await Promise.all([runWorker(env, ['lock', '6000']), runWorker(env, ['lock', '6000'])]);
    const log = await readLockLog(redis.url);
    const owners = (log ?? []).map((entry) => entry.split(':'));
    expect(owners.map(([, what]) => what)).toEqual(['start', 'end', 'start', 'end']);
    expect(owners[0]?.[0]).toBe(owners[1]?.[0]);
    expect(owners[2]?.[0]).toBe(owners[3]?.[0]);
  });
});

describe('two processes sharing one SQLite file', { timeout: 90_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-two-'));
  const env = { GIGDESK_DB_PATH: join(dir, 'db.sqlite') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adding 60 contracts each to one log at the same time loses none of those answered Added', async () => {
    const added = await addFromTwoProcesses(env);
    expect(added).toBe(120);
    expect(contractCount((await runWorker(env, ['write', 'U9|/contracts list']))[0])).toBe(added);
  });
});

describe('crash safety on SQLite', { timeout: 90_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-crash-'));
  const env = { GIGDESK_DB_PATH: join(dir, 'db.sqlite') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a process killed with SIGKILL mid-write leaves an intact store, and due reminders go out once', async () => {
    await runWorker(env, ['write', ...followups]);
    const hammer = startWorker(env, ['hammer']);
    while (hammer.lines.length < 25) await new Promise((r) => setTimeout(r, 20));
    hammer.child.kill('SIGKILL');
    await hammer.exited;
    const acknowledged = hammer.lines.length;

    const integrity = await new Promise<string>((resolve, reject) => {
      const db = new sqlite3.Database(env.GIGDESK_DB_PATH);
      db.get('PRAGMA integrity_check', (error: Error | null, row: Record<string, string>) => {
        db.close();
        return error ? reject(error) : resolve(Object.values(row)[0] ?? '');
      });
    });
    expect(integrity).toBe('ok');

    const [listed] = await runWorker(env, ['write', 'U1|/contracts list']);
    expect(listed?.outcome).toBe('ok');
    const count = contractCount(listed);
    expect(count).toBeGreaterThanOrEqual(acknowledged);

    const first = await runWorker(env, ['deliver', '2027-01-31T00:00:00Z']);
    expect(delivered(first)).toHaveLength(USERS.length * 3);
    const second = await runWorker(env, ['deliver', '2027-01-31T00:00:00Z']);
    expect(delivered(second)).toEqual([]);
  });
});
