import type { Deliver } from '../core/followups/delivery.js';
import type { Platform } from '../core/runtime/command.js';

/** What main.ts holds for each started adapter. */
export interface RunningAdapter {
  platform: Platform;
  /** Sends reminders privately; absent where this process does not deliver them (a shard manager). */
  deliver?: Deliver;
  /**
   * Resolves if the adapter ends by itself (the console at end of input); rejects if it cannot go on
   * (the platform refused its token), which stops the process with that message.
   */
  ended?: Promise<void>;
  /** False while the platform connection is down (for /healthz); absent when there is no connection. */
  connected?: () => boolean;
  /** Resolves once the platform answered; until then the adapter keeps retrying in the background. */
  ready?: Promise<void>;
  /** Stops taking input and closes connections. */
  stop(): Promise<void>;
}
