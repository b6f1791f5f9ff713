// Graceful shutdown: stop taking commands, let the ones in flight finish, then the store can close.

let accepting = true;
const inFlight = new Set<Promise<unknown>>();

export function acceptingCommands(): boolean {
  return accepting;
}

/** Counts a command as in flight until it settles. */
export function trackInFlight<T>(work: Promise<T>): Promise<T> {
  inFlight.add(work);
  const forget = () => inFlight.delete(work);
  work.then(forget, forget);
  return work;
}

/** Refuses new commands from now on and waits for those in flight; false when timeoutMs ran out first. */
export async function drainCommands(timeoutMs: number): Promise<boolean> {
  accepting = false;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const settled = Promise.allSettled([...inFlight]).then(() => true as const);
  const result = await Promise.race([settled, timedOut]);
  clearTimeout(timer);
  return result;
}
