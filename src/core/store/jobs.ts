// What a schedule of delayed jobs offers, shared by the SQLite table (schedule.ts) and BullMQ
// (scheduleRedis.ts): jobs, handlers, options, and how long retries and cancels wait.

export interface ScheduledJob {
  /** Scheduling a job whose id is already waiting changes nothing. */
  id: string;
  /** Jobs are worked per queue (one per platform), so a process only takes what it can deliver. */
  queue: string;
  /** Epoch milliseconds. */
  dueAt: number;
  data: unknown;
}

export interface JobRun {
  id: string;
  data: unknown;
  /** 1 for the first try. */
  attempt: number;
  /** A transient failure on this try is final: record it instead of waiting for a retry. */
  lastAttempt: boolean;
  now: Date;
}

/** Thrown by a handler for a failure no retry can fix (the job is not tried again). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** Resolves once the job is done; throws to be tried again later (with backoff), up to ATTEMPTS tries. */
export type JobHandler = (job: JobRun) => Promise<void>;

export interface WorkOptions {
  /** First retry delay; each later one doubles it. */
  backoffMs?: number;
  /** How long a taken job belongs to its worker; past that (the worker died) another takes it. */
  leaseMs?: number;
  /** Embedded: how often to look for due jobs. BullMQ is told by Redis. */
  pollMs?: number;
  /** Embedded: the clock deciding what is due (tests move it). */
  clock?: () => Date;
}

/** Stops taking jobs; resolves when the ones in progress have finished. */
export type StopWork = () => Promise<void>;

interface ScheduleBase {
  add(jobs: ScheduledJob[]): Promise<void>;
  /**
   * Removes jobs so they never fire; waits while one of them is being run (by any process), so a
   * job cancelled here cannot fire after this resolves.
   */
  cancel(queue: string, ids: string[]): Promise<void>;
  work(queue: string, handler: JobHandler, options?: WorkOptions): Promise<StopWork>;
  close(): Promise<void>;
}

export interface EmbeddedSchedule extends ScheduleBase {
  readonly kind: 'embedded';
  /** One pass: runs every job of the queue due at `now`; resolves to how many were run. */
  runDue(queue: string, now: Date, handler: JobHandler, options?: WorkOptions): Promise<number>;
}

export interface QueueSchedule extends ScheduleBase {
  readonly kind: 'bullmq';
}

export type Schedule = EmbeddedSchedule | QueueSchedule;

/** Tries per job: a transient platform error is retried with backoff up to this many times in all. */
export const ATTEMPTS = 6;
export const DEFAULT_BACKOFF_MS = 30_000;
export const DEFAULT_LEASE_MS = 60_000;
/** Longest a cancel waits for a job being sent right now (a send is bounded by the platform client). */
export const CANCEL_WAIT_MS = 20_000;

export const backoffDelay = (attemptsMade: number, baseMs: number) => baseMs * 2 ** Math.max(0, attemptsMade - 1);
