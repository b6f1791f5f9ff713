import type { Config } from '../config.js';
import type { Deliver } from '../core/followups/delivery.js';
import type { Command, Platform } from '../core/runtime/command.js';
import type { Store } from '../core/store/store.js';

/** What every adapter is started with besides the configuration. */
export interface AdapterDeps {
  store: Store;
  /** The commands it answers; every command by default (tests pass their own). */
  commands?: readonly Command[];
}

/** Every adapter starts the same way; main.ts starts the list of those whose configuration is present. */
export type StartAdapter = (config: Config, deps: AdapterDeps) => Promise<RunningAdapter>;

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
