// A workspace's own settings, changed by its admins with /settings and read where they apply.
import { LRUCache } from 'lru-cache';
import { type Store, type WorkspaceScope, workspaceKey } from '../store/store.js';

export interface WorkspaceSettings {
  /** Whether answers that have a chart send it as a picture (on unless an admin turned it off). */
  charts: boolean;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { charts: true };

type Workspace = WorkspaceScope & { store: Store };

/**
 * How long a process answers from the settings it last read (a store read saved on every answer with a
 * chart). A change made here applies at once; one made through another process within this time.
 */
export const SETTINGS_TTL_MS = 30_000;
const readByStore = new WeakMap<Store, LRUCache<string, WorkspaceSettings>>();

function recent(store: Store): LRUCache<string, WorkspaceSettings> {
  let cache = readByStore.get(store);
  if (!cache) {
    cache = new LRUCache<string, WorkspaceSettings>({ max: 10_000, ttl: SETTINGS_TTL_MS });
    readByStore.set(store, cache);
  }
  return cache;
}

/** The settings, as last read within SETTINGS_TTL_MS unless `fresh` (what /settings shows an admin). */
export async function loadSettings(ctx: Workspace, { fresh = false } = {}): Promise<WorkspaceSettings> {
  const key = workspaceKey(ctx, 'settings');
  const cache = recent(ctx.store);
  const known = fresh ? undefined : cache.get(key);
  if (known) return known;
  const settings = { ...DEFAULT_SETTINGS, ...(await ctx.store.get<Partial<WorkspaceSettings>>(key)) };
  cache.set(key, settings);
  return settings;
}

/** Changes some settings under the store's lock, so two admins saving at once lose nothing. */
export async function updateSettings(ctx: Workspace, change: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  const saved = await ctx.store.update<Partial<WorkspaceSettings>>(workspaceKey(ctx, 'settings'), (current) => ({
    ...current,
    ...change,
  }));
  const settings = { ...DEFAULT_SETTINGS, ...saved };
  recent(ctx.store).set(workspaceKey(ctx, 'settings'), settings);
  return settings;
}

/** The workspace's settings go with the workspace (uninstall, removal from a server). */
export async function forgetSettings(ctx: Workspace): Promise<void> {
  await ctx.store.delete(workspaceKey(ctx, 'settings'));
  recent(ctx.store).delete(workspaceKey(ctx, 'settings'));
}
