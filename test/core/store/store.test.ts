import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../../src/core/store/errors.js';
import {
  deleteUserData,
  openStore,
  readUserData,
  type Store,
  updateUserData,
  userDataNames,
  workspaceKey,
  writeUserData,
} from '../../../src/core/store/store.js';

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'gigdesk.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const scope = (store: Store, userId = 'u1') => ({ platform: 'discord' as const, workspaceId: 'g1', userId, store });

describe('SQLite store', () => {
  it('keeps what was written after the file is closed and reopened', async () => {
    const path = tempDb();
    const first = openStore({ sqlitePath: path });
    await writeUserData(scope(first), 'contracts', [{ id: 1, amount: 50_000 }]);
    await first.set(workspaceKey(scope(first), 'settings'), { tone: 'formal' });
    await first.close();

    const second = openStore({ sqlitePath: path });
    expect(await readUserData(scope(second), 'contracts')).toEqual([{ id: 1, amount: 50_000 }]);
    expect(await second.get(workspaceKey(scope(second), 'settings'))).toEqual({ tone: 'formal' });
    expect(await readUserData(scope(second, 'u2'), 'contracts')).toBeUndefined();
    await second.close();
  });

  it('once closed, refuses work instead of bringing the file back', async () => {
    const path = tempDb();
    const store = openStore({ sqlitePath: path });
    await store.set('k', 1);
    await store.close();
    rmSync(dirname(path), { recursive: true, force: true });
    await expect(store.get('k')).rejects.toBeInstanceOf(StorageUnavailableError);
    const job = { id: 'j1', queue: 'console', dueAt: 0, data: {} };
    await expect(store.schedule.add([job])).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('indexes each user’s data so all of it can be found and deleted', async () => {
    const store = openStore({ sqlitePath: tempDb() });
    await writeUserData(scope(store), 'contracts', []);
    await writeUserData(scope(store), 'followups', [1]);
    await writeUserData(scope(store), 'contracts', [2]);
    expect(await userDataNames(scope(store))).toEqual(['contracts', 'followups']);
    await deleteUserData(scope(store), 'contracts');
    expect(await userDataNames(scope(store))).toEqual(['followups']);
    expect(await readUserData(scope(store), 'contracts')).toBeUndefined();
    await store.close();
  });

  it('keeps platforms and workspaces apart, even with separators in ids', async () => {
    const store = openStore({ sqlitePath: tempDb() });
    await writeUserData({ platform: 'slack', workspaceId: 'T1:user', userId: 'x', store }, 'n', 'slack');
    await writeUserData({ platform: 'slack', workspaceId: 'T1', userId: 'user:x', store }, 'n', 'other');
    expect(await readUserData({ platform: 'slack', workspaceId: 'T1:user', userId: 'x', store }, 'n')).toBe('slack');
    await store.close();
  });

  // Not under /proc: Node 20's recursive mkdirSync spins forever there.
  it('reports a path that cannot be created as storage unavailable', async () => {
    const store = openStore({ sqlitePath: '/dev/null/gigdesk/cannot.sqlite' });
    await expect(store.get('k')).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

describe('atomic operations on SQLite', () => {
  it('gives a saved value with a lifetime to one caller, and to none once it expired', async () => {
    const store = openStore({ sqlitePath: tempDb() });
    await store.expiring.save('press:1', { n: 1 }, 60_000);
    const taken = await Promise.all(Array.from({ length: 10 }, () => store.expiring.take('press:1')));
    expect(taken.filter(Boolean)).toEqual([{ n: 1 }]);
    await store.expiring.save('press:2', { n: 2 }, 50);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.expiring.take('press:2')).toBeUndefined();
    expect(await store.expiring.get('press:2')).toBeUndefined();
    await store.close();
  });
});

describe('update on SQLite', () => {
  it('queues concurrent read-modify-writes so none is lost', async () => {
    const store = openStore({ sqlitePath: tempDb() });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        store.update<number[]>('list', async (list = []) => {
          await new Promise((r) => setTimeout(r, 1));
          return [...list, i];
        }),
      ),
    );
    expect(await store.get('list')).toEqual(Array.from({ length: 30 }, (_, i) => i));
    await store.close();
  });

  it('keeps every write when two connections to one file update the same key at once', async () => {
    const path = tempDb();
    const [a, b] = [openStore({ sqlitePath: path }), openStore({ sqlitePath: path })];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).update<number[]>('list', async (list = []) => {
          await new Promise((r) => setTimeout(r, 1)); // widen the read-modify-write window
          return [...list, i];
        }),
      ),
    );
    expect((await a.get<number[]>('list'))?.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    await Promise.all([a.close(), b.close()]);
  });

  it('undoes a lock’s writes when its work fails, and a nested update’s only when it fails inside', async () => {
    const store = openStore({ sqlitePath: tempDb() });
    await expect(
      store.withLock('outer', async () => {
        await store.set('a', 1);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store.get('a')).toBeUndefined();
    await store.withLock('outer', async () => {
      await store.set('a', 2);
      await store
        .update('b', () => {
          throw new Error('inner refused');
        })
        .catch(() => undefined);
    });
    expect(await store.get('a')).toBe(2);
    await store.close();
  });
});

describe('updateUserData', () => {
  it('keeps every concurrent change, indexes the item, and changes nothing when the change throws', async () => {
    const store = openStore({ sqlitePath: tempDb() });
    const me = scope(store);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => updateUserData<number[]>(me, 'log', (list = []) => [...list, i])),
    );
    expect((await readUserData<number[]>(me, 'log'))?.length).toBe(20);
    expect(await userDataNames(me)).toEqual(['log']);

    await expect(
      updateUserData<number[]>(me, 'log', () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await readUserData<number[]>(me, 'log'))?.length).toBe(20);

    expect(await updateUserData(me, 'log', () => undefined)).toMatchObject({ after: undefined });
    expect(await userDataNames(me)).toEqual([]);
    await store.close();
  });
});
