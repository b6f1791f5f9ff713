// Per-user and per-workspace limits, counted in the store so they hold across bot processes.
import { StorageUnavailableError } from '../store/errors.js';
import { type UserScope, workspaceKey } from '../store/store.js';
import { UserError } from './errors.js';

export interface RateLimits {
  /** Commands one user may run per window. */
  perUser: number;
  /** Commands a whole workspace may run per window. */
  perWorkspace: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perUser: 20, perWorkspace: 300, windowMs: 60_000 };

/** Throws a UserError naming the wait when a limit is passed; with the store down, lets the command through. */
export async function enforceRateLimit(ctx: UserScope & { now: Date }, limits: RateLimits): Promise<void> {
  const windowStart = Math.floor(ctx.now.getTime() / limits.windowMs) * limits.windowMs;
  const waitSeconds = Math.max(1, Math.ceil((windowStart + limits.windowMs - ctx.now.getTime()) / 1000));
  const bucket = `${windowStart}`;
  const per = `${Math.round(limits.windowMs / 1000)} s`;
  try {
    const user = await ctx.store.increment(workspaceKey(ctx, `rate:user:${ctx.userId}:${bucket}`), limits.windowMs);
    if (user > limits.perUser) {
      throw new UserError(`That is more than ${limits.perUser} commands in ${per}. Try again in ${waitSeconds} s.`);
    }
    const all = await ctx.store.increment(workspaceKey(ctx, `rate:workspace:${bucket}`), limits.windowMs);
    if (all > limits.perWorkspace) {
      throw new UserError(`This workspace is very busy with gigdesk right now. Try again in ${waitSeconds} s.`);
    }
  } catch (error) {
    // Math must keep answering while storage is away; storage-backed commands report it themselves.
    if (!(error instanceof StorageUnavailableError)) throw error;
  }
}
