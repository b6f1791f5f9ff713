// Runs reminder jobs for the platforms this process can reach, as they fall due: a BullMQ worker
// per platform on Redis, a poll of the due-time index otherwise. Jobs that fell due while the bot
// was down run as soon as it starts.
import { logger } from '../log.js';
import type { Platform } from '../runtime/command.js';
import type { StopWork, WorkOptions } from '../store/jobs.js';
import type { Store } from '../store/store.js';
import { type Deliver, reminderHandler } from './delivery.js';
import { adoptLegacyIndex } from './reminders.js';

export interface ReminderWorkerOptions extends WorkOptions {
  /** The recipients this adapter can reach; other platforms' reminders are left to their own workers. */
  platforms: Platform[];
}

/** Starts working; the returned function stops taking jobs and resolves once sends under way have ended. */
export async function startReminderWorker(
  store: Store,
  deliver: Deliver,
  options: ReminderWorkerOptions,
): Promise<StopWork> {
  const { platforms, ...work } = options;
  try {
    const moved = await adoptLegacyIndex(store);
    if (moved > 0) logger.info({ reminders: moved }, 'reminders: moved the old index into the schedule');
  } catch (error) {
    // The store may be away at start; the index stays and the next start moves it.
    logger.warn({ err: error }, 'reminders: could not read the old index');
  }
  const handler = reminderHandler(store, deliver);
  const stops = await Promise.all(platforms.map((platform) => store.schedule.work(platform, handler, work)));
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
