// Reaching a platform at start: retried with doubling waits until it answers, the error is one that
// retrying cannot fix, or the adapter is stopped. The other adapters do not wait for it.
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '../config.js';
import { logger } from '../core/log.js';
import type { Platform } from '../core/runtime/command.js';

export interface Backoff {
  firstMs: number;
  maxMs: number;
}

/** 1 s, 2 s, 4 s ... then once a minute for as long as the platform stays unreachable. */
export const START_BACKOFF: Backoff = { firstMs: 1000, maxMs: 60_000 };

/** The wait before attempt `failures + 1`. */
export function backoffDelay(failures: number, backoff: Backoff = START_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, failures - 1));
}

export interface RetryOptions {
  platform: Platform;
  /**
   * For an error no retry can fix (a token the platform refused), the message to stop with, naming the
   * variable to fix; undefined for an error worth retrying.
   */
  fatal: (error: unknown) => string | undefined;
  /** Aborted when the adapter is stopped while still connecting. */
  signal: AbortSignal;
  backoff?: Backoff;
}

export async function connectWithRetry<T>(connect: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await connect();
    } catch (error) {
      const fatal = options.fatal(error);
      if (fatal) throw new ConfigError(fatal);
      if (options.signal.aborted) throw error;
      const retryInMs = backoffDelay(failures, options.backoff);
      // The reason is the error's own text; the logger redacts any token that might sit in it.
      logger.warn(
        { platform: options.platform, failures, retryInMs, reason: reasonOf(error) },
        `${options.platform} unreachable at start; retrying`,
      );
      await sleep(retryInMs, undefined, { signal: options.signal });
    }
  }
}

/** The message and, where there is one, the code of an error (a network failure's cause included). */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? `: ${reasonOf(error.cause)}` : '';
  return `${typeof code === 'string' ? `${code} ` : ''}${error.message}${cause}`;
}

export interface BackgroundConnection<T> {
  /** Resolves with what `connect` returned, once it succeeded. */
  connected: Promise<T>;
  /** Never resolves; rejects with the fatal error, so main.ts stops with its message. */
  failed: Promise<never>;
  /** The connection once made, else undefined. */
  current: () => T | undefined;
  /** Stops retrying and closes the connection (now, or when an attempt in flight succeeds). */
  stop: () => Promise<void>;
}

/** Starts connecting without making the caller wait; the other adapters start meanwhile. */
export function connectInBackground<T>(
  connect: () => Promise<T>,
  options: Omit<RetryOptions, 'signal'> & { close: (connection: T) => Promise<void> },
): BackgroundConnection<T> {
  const controller = new AbortController();
  let current: T | undefined;
  const connected = connectWithRetry(connect, { ...options, signal: controller.signal }).then((made) => {
    current = made;
    return made;
  });
  const failed = new Promise<never>((_, reject) => {
    connected.catch((error) => {
      if (error instanceof ConfigError) reject(error);
    });
  });
  // Nobody may be waiting yet (main.ts listens once every adapter started): neither is an unhandled rejection.
  connected.catch(() => {});
  failed.catch(() => {});
  return {
    connected,
    failed,
    current: () => current,
    stop: async () => {
      controller.abort();
      if (current !== undefined) return options.close(current);
      // An attempt in flight may still succeed: close what it makes instead of waiting for it here.
      connected.then(options.close).catch(() => {});
    },
  };
}
