// Reminders as BullMQ delayed jobs on Redis: one job per reminder (its id is the job id, so adding
// it twice makes one job), retries with exponential backoff, and stalled-job recovery: a job whose
// worker died goes back to the queue for any other worker once its lock lapses. Loaded on demand.
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { logger } from '../log.js';
import { settlesWithin, TIMED_OUT, within } from '../waits.js';
import { StorageUnavailableError } from './errors.js';
import {
  ATTEMPTS,
  backoffDelay,
  CANCEL_WAIT_MS,
  DEFAULT_BACKOFF_MS,
  DEFAULT_LEASE_MS,
  type JobHandler,
  PermanentJobError,
  type QueueSchedule,
  type WorkOptions,
} from './jobs.js';

/** A command must answer in seconds; Redis that does not take a job by then counts as down. */
const COMMAND_TIMEOUT_MS = 4000;
/** How long a stop waits for sends under way (and for Redis) before letting go. */
const CLOSE_TIMEOUT_MS = 5000;
const PREFIX = 'gigdesk';
/** Failed jobs (a permanent error, or every retry spent) stay for a week for an operator to inspect. */
const KEEP_FAILED_S = 7 * 24 * 3600;

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE']);

/** Redis being away repeats on every reconnect; the store already warns once that it is not answering. */
function logQueueError(error: Error, msg: string, queue?: string): void {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && CONNECTION_CODES.has(code)) logger.debug({ err: error, queue }, msg);
  else logger.warn({ err: error, queue }, msg);
}

async function bounded<T>(what: string, work: Promise<T>): Promise<T> {
  let result: T | typeof TIMED_OUT;
  try {
    result = await within(work, COMMAND_TIMEOUT_MS);
  } catch (error) {
    throw new StorageUnavailableError(`reminder queue ${what} failed: ${(error as Error).message}`, { cause: error });
  }
  if (result === TIMED_OUT) {
    throw new StorageUnavailableError(`reminder queue ${what} failed: no answer within ${COMMAND_TIMEOUT_MS} ms`);
  }
  return result;
}

export function bullmqSchedule(url: string): QueueSchedule {
  // One connection for every queue (adding and removing jobs); each worker opens its own blocking one.
  const connection = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
  connection.on('error', (error) => logQueueError(error, 'reminder queue connection error'));
  const queues = new Map<string, Queue>();
  const queueOf = (name: string) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(`reminders-${name}`, { connection, prefix: PREFIX });
      queue.on('error', (error) => logger.warn({ err: error, queue: name }, 'reminder queue error'));
      queues.set(name, queue);
    }
    return queue;
  };
  const workers = new Set<() => Promise<void>>();

  return {
    kind: 'bullmq',
    add: (jobs) =>
      bounded(
        'add',
        Promise.all(
          jobs.map((job) =>
            queueOf(job.queue).add('reminder', job.data, {
              jobId: job.id,
              delay: Math.max(0, job.dueAt - Date.now()),
              attempts: ATTEMPTS,
              backoff: { type: 'reminder' },
              removeOnComplete: true,
              removeOnFail: { age: KEEP_FAILED_S },
            }),
          ),
        ).then(() => undefined),
      ),
    cancel: async (queue, ids) => {
      const deadline = Date.now() + CANCEL_WAIT_MS;
      for (const id of ids) {
        // 0 means a worker holds the job's lock: it is being sent; wait for that try to end.
        while ((await bounded('cancel', queueOf(queue).remove(id))) === 0) {
          if (Date.now() > deadline) throw new StorageUnavailableError('a reminder is being sent right now');
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
    },
    work: async (queue, handler, options = {}) => {
      const stop = startWorker(url, queue, handler, options);
      workers.add(stop);
      return async () => {
        workers.delete(stop);
        await stop();
      };
    },
    close: async () => {
      await Promise.all([...workers].map((stop) => stop()));
      await settlesWithin(Promise.all([...queues.values()].map((q) => q.close())), CLOSE_TIMEOUT_MS);
      connection.disconnect();
    },
  };
}

/** Starts a worker; the returned function resolves once its jobs in progress have ended. */
function startWorker(url: string, queue: string, handler: JobHandler, options: WorkOptions) {
  const { backoffMs = DEFAULT_BACKOFF_MS, leaseMs = DEFAULT_LEASE_MS } = options;
  const process = async (job: Job) => {
    const attempt = job.attemptsMade + 1;
    try {
      await handler({
        id: job.id ?? '',
        data: job.data,
        attempt,
        lastAttempt: attempt >= (job.opts.attempts ?? 1),
        now: new Date(),
      });
    } catch (error) {
      // BullMQ's own signal for "do not retry": the job goes straight to the failed set.
      if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
  // The blocking connection must wait as long as it takes, as BullMQ requires.
  const blocking = new Redis(url, { maxRetriesPerRequest: null });
  const worker = new Worker(`reminders-${queue}`, process, {
    connection: blocking,
    prefix: PREFIX,
    concurrency: 5,
    lockDuration: leaseMs,
    // A stalled job (its worker died mid-send) is retried, not failed, for a few lapses.
    maxStalledCount: 3,
    stalledInterval: Math.max(100, Math.floor(leaseMs / 2)),
    settings: { backoffStrategy: (attemptsMade: number) => backoffDelay(attemptsMade, backoffMs) },
  });
  worker.on('error', (error) => logQueueError(error, 'reminder worker error', queue));
  worker.on('failed', (job, error) =>
    logger.warn({ err: error, queue, attempts: job?.attemptsMade }, 'reminder try failed'),
  );
  return async () => {
    // With Redis away a close would wait for it forever: sends under way get a bounded time to finish.
    if (!(await settlesWithin(worker.close(), CLOSE_TIMEOUT_MS)))
      logger.warn({ queue }, 'reminder worker closed unclean');
    blocking.disconnect();
  };
}
