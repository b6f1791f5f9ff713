// Graceful shutdown: stop taking commands, let the ones in flight finish, then the store can close.
import { settlesWithin, trackIn } from '../waits.js';

let accepting = true;
const inFlight = new Set<Promise<unknown>>();

export function acceptingCommands(): boolean {
  return accepting;
}

/** Counts a command as in flight until it settles. */
export function trackInFlight<T>(work: Promise<T>): Promise<T> {
  return trackIn(inFlight, work);
}

/** Refuses new commands from now on and waits for those in flight; false when timeoutMs ran out first. */
export async function drainCommands(timeoutMs: number): Promise<boolean> {
  accepting = false;
  return settlesWithin(Promise.allSettled([...inFlight]), timeoutMs);
}
