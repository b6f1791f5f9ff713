// Bounded waits: every place that gives a dependency a deadline uses this one race.

export const TIMED_OUT: unique symbol = Symbol('timed out');

/** The value of `work` if it settles within `ms`, else TIMED_OUT (the work carries on); a rejection passes through. */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, ms, TIMED_OUT);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** True when `work` settled (either way) within `ms`. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  const settled = work.then(
    () => true,
    () => true,
  );
  return (await within(settled, ms)) !== TIMED_OUT;
}

/** Keeps `work` in `set` until it settles, so a stop can wait for what is under way. */
export function trackIn<T>(set: Set<Promise<unknown>>, work: Promise<T>): Promise<T> {
  set.add(work);
  const forget = () => set.delete(work);
  work.then(forget, forget);
  return work;
}
