// The embedded store: one SQLite file (or memory) that several processes may share without losing a
// write. Every read-modify-write is one BEGIN IMMEDIATE transaction, so SQLite itself orders writers
// across processes; within a process the one connection is taken in turns.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';
import type sqlite3 from 'sqlite3';
import { countStoreError } from '../metrics.js';
import { StorageUnavailableError } from './errors.js';
import type { DataStore } from './types.js';

/** How long a writer waits for another process's transaction before the store counts as unavailable. */
const BUSY_TIMEOUT_MS = 5000;
// The table, key prefix and value format keyv used, so files written by earlier versions stay readable.
const TABLE = 'keyv';
const PREFIX = 'gigdesk:';

interface Db {
  run(sql: string, ...params: unknown[]): Promise<number>;
  get(sql: string, ...params: unknown[]): Promise<{ value: string } | undefined>;
  all(sql: string, ...params: unknown[]): Promise<{ key: string }[]>;
  close(): Promise<void>;
}

const unavailable = (error: unknown) => {
  countStoreError('sqlite');
  return new StorageUnavailableError(`sqlite store failed: ${(error as Error).message}`, { cause: error });
};

function wrap(raw: sqlite3.Database): Db {
  return {
    run: (sql, ...params) =>
      new Promise((resolve, reject) =>
        raw.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
          return error ? reject(unavailable(error)) : resolve(this.changes);
        }),
      ),
    get: (sql, ...params) =>
      new Promise((resolve, reject) =>
        raw.get(sql, params, (error: Error | null, row: { value: string } | undefined) =>
          error ? reject(unavailable(error)) : resolve(row),
        ),
      ),
    all: (sql, ...params) =>
      new Promise((resolve, reject) =>
        raw.all(sql, params, (error: Error | null, rows: { key: string }[]) =>
          error ? reject(unavailable(error)) : resolve(rows),
        ),
      ),
    close: () => new Promise((resolve, reject) => raw.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function connect(path: string): Promise<Db> {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw unavailable(error);
  }
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    // Loaded on first use: a one-shot answer that needs no storage does not pay for the native module.
    const { Database } = createRequire(import.meta.url)('sqlite3') as typeof sqlite3;
    const db = new Database(path, (error) => (error ? reject(unavailable(error)) : resolve(db)));
  });
  raw.configure('busyTimeout', BUSY_TIMEOUT_MS);
  const db = wrap(raw);
  // WAL lets readers go on while another process writes; a file busy at this moment keeps its mode.
  if (path !== ':memory:') await db.get('PRAGMA journal_mode=WAL').catch(() => undefined);
  // Deleted rows are overwritten, not left readable in free pages of the file.
  await db.run('PRAGMA secure_delete = ON');
  await db.run(`CREATE TABLE IF NOT EXISTS ${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT)`);
  // Rows with a lifetime (buttons, install states) written here by earlier versions now live in keyv's table.
  await db.run(`DELETE FROM ${TABLE} WHERE json_extract(value, '$.expires') IS NOT NULL`);
  return db;
}

interface Row {
  value: unknown;
  expires?: number | null;
}

const decode = (row: { value: string } | undefined): unknown =>
  row ? defaultDeserialize<Row>(row.value).value : undefined;
const encode = (value: unknown) => defaultSerialize({ value, expires: null });

export function sqliteStore(path: string, kind: 'sqlite' | 'memory'): DataStore {
  let opened: Promise<Db> | undefined;
  let closed = false;
  const open = () => {
    // Work still running after close (a late event handler) must not bring the file back.
    if (closed) return Promise.reject(new StorageUnavailableError('the store is closed'));
    opened ??= connect(path).catch((error) => {
      opened = undefined;
      throw error;
    });
    return opened;
  };
  // Set while this async path holds the connection inside a transaction; its store calls run in it.
  const holder = new AsyncLocalStorage<{ savepoints: number }>();
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: (db: Db) => Promise<T>): Promise<T> => {
    if (holder.getStore()) return open().then(work);
    const next = tail.then(() => open().then(work));
    tail = next.catch(() => undefined);
    return next;
  };

  const transaction = <T>(work: () => Promise<T>): Promise<T> => {
    const held = holder.getStore();
    if (held) return savepoint(held, work);
    return inTurn((db) =>
      holder.run({ savepoints: 0 }, async () => {
        await db.run('BEGIN IMMEDIATE');
        try {
          const result = await work();
          await db.run('COMMIT');
          return result;
        } catch (error) {
          await db.run('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    );
  };
  // A nested lock or update undoes only its own writes when it fails.
  const savepoint = async <T>(held: { savepoints: number }, work: () => Promise<T>): Promise<T> => {
    const db = await open();
    const name = `s${++held.savepoints}`;
    await db.run(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await db.run(`RELEASE ${name}`);
      return result;
    } catch (error) {
      await db.run(`ROLLBACK TO ${name}`).catch(() => undefined);
      await db.run(`RELEASE ${name}`).catch(() => undefined);
      throw error;
    }
  };

  const get = <T>(key: string) =>
    inTurn(async (db) => decode(await db.get(`SELECT value FROM ${TABLE} WHERE key = ?`, PREFIX + key)) as T);
  const set = (key: string, value: unknown) =>
    inTurn(async (db) => {
      await db.run(
        `INSERT INTO ${TABLE}(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        PREFIX + key,
        encode(value),
      );
    });
  const remove = (key: string) =>
    inTurn(async (db) => {
      await db.run(`DELETE FROM ${TABLE} WHERE key = ?`, PREFIX + key);
    });

  return {
    kind,
    available: () => true,
    get,
    set,
    delete: remove,
    keysWithPrefix: (prefix) =>
      inTurn(async (db) => {
        const full = PREFIX + prefix;
        const rows = await db.all(`SELECT key FROM ${TABLE} WHERE substr(key, 1, ?) = ?`, full.length, full);
        return rows.map((row) => row.key.slice(PREFIX.length));
      }),
    withLock: (_name, work) => transaction(work),
    update: (key, change) =>
      transaction(async () => {
        const next = await change(await get(key));
        if (next === undefined) await remove(key);
        else await set(key, next);
        return next;
      }),
    close: async () => {
      closed = true;
      const db = opened;
      opened = undefined;
      if (db) await (await db.catch(() => undefined))?.close();
    },
  };
}
