import { userInfo } from 'node:os';
import type { Context } from '../../core/runtime/command.js';
import type { Store } from '../../core/store/store.js';

/** The console is one person's own workspace, so they are its admin. */
export function consoleContext(store: Store, now = new Date()): Context {
  let user = 'local';
  try {
    user = userInfo().username || 'local';
  } catch {
    // Some containers have no passwd entry for the uid; "local" is fine there.
  }
  return { platform: 'console', workspaceId: 'local', userId: user, isAdmin: true, now, store };
}
