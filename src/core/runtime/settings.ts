// A workspace's own settings, changed by its admins with /settings and read where they apply.
import { type Store, type WorkspaceScope, workspaceKey } from '../store/store.js';

export interface WorkspaceSettings {
  /** Whether answers that have a chart send it as a picture (on unless an admin turned it off). */
  charts: boolean;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { charts: true };

type Workspace = WorkspaceScope & { store: Store };

export async function loadSettings(ctx: Workspace): Promise<WorkspaceSettings> {
  const stored = await ctx.store.get<Partial<WorkspaceSettings>>(workspaceKey(ctx, 'settings'));
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** Changes some settings under the store's lock, so two admins saving at once lose nothing. */
export async function updateSettings(ctx: Workspace, change: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  const saved = await ctx.store.update<Partial<WorkspaceSettings>>(workspaceKey(ctx, 'settings'), (current) => ({
    ...current,
    ...change,
  }));
  return { ...DEFAULT_SETTINGS, ...saved };
}

/** The workspace's settings go with the workspace (uninstall, removal from a server). */
export async function forgetSettings(ctx: Workspace): Promise<void> {
  await ctx.store.delete(workspaceKey(ctx, 'settings'));
}
