// Workspace settings on a real SQLite file, read by two processes' stores: a process answers from what
// it read within the last 30 s, a change it makes applies at once, and another process's change after that.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { forgetSettings, loadSettings, SETTINGS_TTL_MS, updateSettings } from '../../../src/core/runtime/settings.js';
import { openStore } from '../../../src/core/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-settings-'));
afterEach(() => {
  vi.restoreAllMocks();
});

it('reads a workspace’s settings once per 30 s, applies its own changes at once and others’ after that', async () => {
  const path = join(dir, 'gigdesk.sqlite');
  const here = openStore({ sqlitePath: path });
  const other = openStore({ sqlitePath: path }); // a second process on the same file
  const workspace = (store: typeof here) => ({ platform: 'slack', workspaceId: 'T1', store });
  const reads = vi.spyOn(here, 'get');

  expect((await loadSettings(workspace(here))).charts).toBe(true);
  expect((await loadSettings(workspace(here))).charts).toBe(true);
  expect(reads).toHaveBeenCalledTimes(1);

  await updateSettings(workspace(here), { charts: false });
  expect((await loadSettings(workspace(here))).charts).toBe(false);

  // Another process turns charts back on: this one sees it fresh at once, and everywhere after the TTL.
  await updateSettings(workspace(other), { charts: true });
  expect((await loadSettings(workspace(here))).charts).toBe(false);
  expect((await loadSettings(workspace(here), { fresh: true })).charts).toBe(true);
  await updateSettings(workspace(other), { charts: false });
  const later = performance.now() + SETTINGS_TTL_MS + 1;
  vi.spyOn(performance, 'now').mockReturnValue(later);
  await new Promise((resolve) => setTimeout(resolve, 5)); // past the cache's clock resolution
  expect((await loadSettings(workspace(here))).charts).toBe(false);

  await forgetSettings(workspace(here));
  expect((await loadSettings(workspace(here))).charts).toBe(true);
  await here.close();
  await other.close();
  rmSync(dir, { recursive: true, force: true });
});
