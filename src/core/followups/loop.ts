// Delivers due follow-up reminders through one adapter: once at start (catching up on any that fell
// due while the bot was down), then every interval. A pass never overlaps the one before it.

import { logger } from '../log.js';
import type { Platform } from '../runtime/command.js';
import type { Store } from '../store/store.js';
import type { Deliver } from './delivery.js';
import { deliverDue } from './delivery.js';

export interface ReminderLoopOptions {
  /** The recipients this adapter can reach; other adapters' reminders are left alone. */
  platforms: Platform[];
  intervalMs?: number;
  clock?: () => Date;
}

/** Starts the loop; the returned function stops it and resolves once a pass under way has ended. */
export function startReminderLoop(store: Store, deliver: Deliver, options: ReminderLoopOptions): () => Promise<void> {
  const { platforms, intervalMs = 60_000, clock = () => new Date() } = options;
  let pass: Promise<void> | undefined;
  const tick = () => {
    pass ??= deliverDue(store, clock(), deliver, { platforms })
      .then(
        () => undefined,
        // The store may be away for a while; the next pass tries again.
        (error: unknown) => logger.warn({ err: error, platforms }, 'reminders: could not check'),
      )
      .finally(() => {
        pass = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await pass;
  };
}
