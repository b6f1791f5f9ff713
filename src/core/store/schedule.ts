// Delayed jobs (follow-up reminders) that fire at their due time, at least once. On Redis they are
// BullMQ jobs (scheduleRedis.ts, loaded only when REDIS_URL is set); without Redis they are rows of a
// table in the SQLite file (or an in-memory database), found through an index on due time.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'sqlite3';
import { logger } from '../log.js';
import { StorageUnavailableError } from './errors.js';
import {
  ATTEMPTS,
  backoffDelay,
  CANCEL_WAIT_MS,
  DEFAULT_BACKOFF_MS,
  DEFAULT_LEASE_MS,
  type EmbeddedSchedule,
  type JobHandler,
  PermanentJobError,
  type QueueSchedule,
  type Schedule,
  type WorkOptions,
} from './jobs.js';

const CLAIM_BATCH = 25;
/** Rows per INSERT: four parameters each, well under SQLite's limit of 32,766. */
const INSERT_CHUNK = 500;

/** Redis when a URL is given (BullMQ, imported only then), otherwise a table in the SQLite file. */
export function openSchedule(options: { sqlitePath: string; redisUrl?: string }): Schedule {
  if (options.redisUrl) return lazyQueueSchedule(options.redisUrl);
  return sqliteSchedule(options.sqlitePath);
}

/** Keeps BullMQ and ioredis unloaded until a reminder is scheduled or worked. */
function lazyQueueSchedule(url: string): QueueSchedule {
  let loaded: Promise<QueueSchedule> | undefined;
  const get = () => {
    loaded ??= import('./scheduleRedis.js').then((m) => m.bullmqSchedule(url));
    return loaded;
  };
  return {
    kind: 'bullmq',
    add: async (jobs) => (await get()).add(jobs),
    cancel: async (queue, ids) => (await get()).cancel(queue, ids),
    work: async (queue, handler, options) => (await get()).work(queue, handler, options),
    close: async () => {
      if (loaded) await (await loaded).close();
    },
  };
}

const TABLE = `CREATE TABLE IF NOT EXISTS reminder_jobs (
  id TEXT PRIMARY KEY, queue TEXT NOT NULL, due_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, lease TEXT, data TEXT NOT NULL)`;
// Due jobs of a queue are a range of this index: finding and claiming them is O(log N), not a scan.
const INDEX = 'CREATE INDEX IF NOT EXISTS reminder_jobs_due ON reminder_jobs (queue, due_at)';

/**
 * Jobs in a SQLite table. A claim is one UPDATE that moves the job's due time to the end of its
 * lease: a single statement is atomic across processes on the file, and a worker that dies leaves
 * the job due again when the lease ends (at-least-once).
 */
export function sqliteSchedule(path: string): EmbeddedSchedule {
  let opened: Promise<Database> | undefined;
  let closed = false;
  const db = () => {
    // As for the data: work still running after close must not bring the file back.
    if (closed) return Promise.reject(new StorageUnavailableError('the schedule is closed'));
    opened ??= openDatabase(path);
    return opened;
  };
  const run = async (sql: string, params: unknown[] = []) =>
    new Promise<number>((resolve, reject) =>
      db().then(
        (d) =>
          d.run(sql, params, function (this: { changes: number }, error: Error | null) {
            return error ? reject(error) : resolve(this.changes);
          }),
        reject,
      ),
    );
  const all = async <T>(sql: string, params: unknown[] = []) =>
    new Promise<T[]>((resolve, reject) =>
      db().then((d) => d.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))), reject),
    );
  const guard = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new StorageUnavailableError(`reminder schedule ${what} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };

  const runDue = async (queue: string, now: Date, handler: JobHandler, options: WorkOptions = {}) => {
    const { backoffMs = DEFAULT_BACKOFF_MS, leaseMs = DEFAULT_LEASE_MS } = options;
    let count = 0;
    for (;;) {
      const lease = `${process.pid}:${Math.random().toString(36).slice(2)}`;
      const taken = await all<{ id: string; data: string; attempts: number }>(
        `UPDATE reminder_jobs SET lease = ?, due_at = ?, attempts = attempts + 1 WHERE id IN
         (SELECT id FROM reminder_jobs WHERE queue = ? AND due_at <= ? ORDER BY due_at LIMIT ?)
         RETURNING id, data, attempts`,
        [lease, now.getTime() + leaseMs, queue, now.getTime(), CLAIM_BATCH],
      );
      for (const job of taken) {
        const lastAttempt = job.attempts >= ATTEMPTS;
        try {
          await handler({ id: job.id, data: JSON.parse(job.data), attempt: job.attempts, lastAttempt, now });
          await run('DELETE FROM reminder_jobs WHERE id = ? AND lease = ?', [job.id, lease]);
        } catch (error) {
          logger.warn({ err: error, queue, attempt: job.attempts }, 'reminder try failed');
          if (error instanceof PermanentJobError || lastAttempt) {
            await run('DELETE FROM reminder_jobs WHERE id = ? AND lease = ?', [job.id, lease]);
          } else {
            const retryAt = now.getTime() + backoffDelay(job.attempts, backoffMs);
            await run('UPDATE reminder_jobs SET lease = NULL, due_at = ? WHERE id = ? AND lease = ?', [
              retryAt,
              job.id,
              lease,
            ]);
          }
        }
        count++;
      }
      if (taken.length < CLAIM_BATCH) return count;
    }
  };

  return {
    kind: 'embedded',
    add: (jobs) =>
      guard('write', async () => {
        // One statement per chunk: atomic, and one commit instead of one per job.
        for (let i = 0; i < jobs.length; i += INSERT_CHUNK) {
          const chunk = jobs.slice(i, i + INSERT_CHUNK);
          await run(
            `INSERT INTO reminder_jobs (id, queue, due_at, data) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}
             ON CONFLICT(id) DO NOTHING`,
            chunk.flatMap((job) => [job.id, job.queue, job.dueAt, JSON.stringify(job.data)]),
          );
        }
      }),
    cancel: (queue, ids) =>
      guard('cancel', async () => {
        const deadline = Date.now() + CANCEL_WAIT_MS;
        let left = ids;
        while (left.length > 0) {
          for (const id of left) {
            // A job under a live lease is being run; it is removed once that run has ended.
            await run('DELETE FROM reminder_jobs WHERE id = ? AND queue = ? AND (lease IS NULL OR due_at <= ?)', [
              id,
              queue,
              Date.now(),
            ]);
          }
          const marks = left.map(() => '?').join(',');
          left = (await all<{ id: string }>(`SELECT id FROM reminder_jobs WHERE id IN (${marks})`, left)).map(
            (r) => r.id,
          );
          if (left.length > 0 && Date.now() > deadline) throw new Error('a reminder is being sent right now');
          if (left.length > 0) await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }),
    runDue: (queue, now, handler, options) => guard('read', () => runDue(queue, now, handler, options)),
    work: async (queue, handler, options = {}) => {
      const { pollMs = 5000, clock = () => new Date() } = options;
      let pass: Promise<void> | undefined;
      const tick = () => {
        pass ??= runDue(queue, clock(), handler, options)
          .then(
            () => undefined,
            // The file may be busy or away for a moment; the next pass tries again.
            (error: unknown) => logger.warn({ err: error, queue }, 'reminders: could not check'),
          )
          .finally(() => {
            pass = undefined;
          });
      };
      tick();
      const timer = setInterval(tick, pollMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await pass;
      };
    },
    close: async () => {
      closed = true;
      if (!opened) return;
      const d = await opened;
      opened = undefined;
      await new Promise<void>((resolve) => d.close(() => resolve()));
    },
  };
}

async function openDatabase(path: string): Promise<Database> {
  const { default: sqlite3 } = await import('sqlite3');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const d = await new Promise<Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(opened)));
  });
  // Another process may hold the file's write lock for a moment.
  d.configure('busyTimeout', 5000);
  for (const sql of [TABLE, INDEX]) {
    await new Promise<void>((resolve, reject) => d.run(sql, (error) => (error ? reject(error) : resolve())));
  }
  return d;
}
