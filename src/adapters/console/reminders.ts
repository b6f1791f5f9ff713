// Delivers due follow-up reminders in the console: once at start (catching up on any that fell due
// while the bot was down), then every minute. A tick never overlaps the one before it.
import type { Deliver } from '../../core/delivery.js';
import { logger } from '../../core/log.js';
import { deliverDue } from '../../core/reminders.js';
import type { Store } from '../../core/store.js';
import { deliverToConsole } from './console.js';

export interface ConsoleReminderOptions {
  intervalMs?: number;
  output?: typeof process.stdout;
  clock?: () => Date;
}

/** Starts the poller; the returned function stops it. */
export function startConsoleReminders(store: Store, options: ConsoleReminderOptions = {}): () => void {
  const { intervalMs = 60_000, output = process.stdout, clock = () => new Date() } = options;
  const deliver: Deliver = async (_to, reply) => {
    deliverToConsole(reply, output);
    return true;
  };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDue(store, clock(), deliver, { platforms: ['console'] });
    } catch (error) {
      // The store may be away for a while; the next tick tries again.
      logger.warn({ err: error }, 'console reminders: could not check');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
