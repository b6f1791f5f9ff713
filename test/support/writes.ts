// A real store (a SQLite file) that lists every write made through it: data set, update and delete, and
// data with a lifetime saved, taken or deleted. Reads pass through uncounted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/core/store/store.js';

export function countingStore(): { store: Store; writes: string[] } {
  const real = openStore({ sqlitePath: join(mkdtempSync(join(tmpdir(), 'gigdesk-writes-')), 'data.sqlite') });
  const writes: string[] = [];
  const store: Store = {
    ...real,
    set: (key, value) => {
      writes.push(`set ${key}`);
      return real.set(key, value);
    },
    update: (key, change) => {
      writes.push(`update ${key}`);
      return real.update(key, change);
    },
    delete: (key) => {
      writes.push(`delete ${key}`);
      return real.delete(key);
    },
    expiring: {
      ...real.expiring,
      save: (id, value, ttlMs) => {
        writes.push(`expiring save ${id}`);
        return real.expiring.save(id, value, ttlMs);
      },
      take: (id) => {
        writes.push(`expiring take ${id}`);
        return real.expiring.take(id);
      },
      delete: (id) => {
        writes.push(`expiring delete ${id}`);
        return real.expiring.delete(id);
      },
    },
  };
  return { store, writes };
}
