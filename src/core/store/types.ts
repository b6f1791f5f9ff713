// What every data store offers, whatever holds the data (store.ts adds the reminder schedule to make a Store).
import type { Redis } from 'ioredis';

export interface DataStore {
  readonly kind: 'sqlite' | 'redis' | 'memory';
  /** The Redis connection, for what needs Redis itself (rate limits, queues); absent without Redis. */
  readonly redis?: Redis;
  /** False while Redis does not answer (probed once a second); always true for SQLite and memory. */
  available(): boolean;
  get<T>(key: string): Promise<T | undefined>;
  /** Data without a lifetime; what expires goes to the store's `expiring` (keyv). */
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every stored key that starts with `prefix` (for one-off migrations; slow on a large store). */
  keysWithPrefix(prefix: string): Promise<string[]>;
  /**
   * Runs work while holding the lock `name`, across every process. On SQLite this is one write
   * transaction on the whole file, so work must be store calls only (no network). Work may take other
   * locks, never the one it holds.
   */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  /**
   * Atomic read-modify-write of one key across every process; `change` returns the new value, or
   * undefined to delete. On Redis `change` may run again if another process wrote first: keep it pure.
   */
  update<T>(
    key: string,
    change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  ): Promise<T | undefined>;
  close(): Promise<void>;
}
