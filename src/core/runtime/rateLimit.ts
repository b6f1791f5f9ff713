// Per-user and per-workspace limits through rate-limiter-flexible: counted in Redis when the store is
// Redis (so they hold across processes), in memory otherwise. While Redis is down or slow, each process
// counts in its own memory instead, so math keeps answering under a limit that still holds per process.
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
} from 'rate-limiter-flexible';
import { type Store, type UserScope, workspaceKey } from '../store/store.js';
import { UserError } from './errors.js';

export interface RateLimits {
  /** Commands one user may run per window. */
  perUser: number;
  /** Commands a whole workspace may run per window. */
  perWorkspace: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perUser: 20, perWorkspace: 300, windowMs: 60_000 };

/** A rate limit must not hold up an answer: past this, the in-memory count decides. */
const REDIS_LIMIT_TIMEOUT_MS = 1000;

interface Limiter {
  shared?: RateLimiterAbstract;
  local: RateLimiterMemory;
}

function limiter(store: Store, name: string, points: number, windowMs: number): Limiter {
  const duration = Math.max(1, Math.round(windowMs / 1000));
  const local = new RateLimiterMemory({ keyPrefix: name, points, duration });
  if (!store.redis) return { local };
  const redis = new RateLimiterRedis({
    storeClient: store.redis,
    keyPrefix: `gigdesk:rate:${name}`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: local,
  });
  return {
    local,
    shared: new RLWrapperTimeouts({ limiter: redis, timeoutMs: REDIS_LIMIT_TIMEOUT_MS, insuranceLimiter: local }),
  };
}

const built = new WeakMap<Store, Map<string, { user: Limiter; workspace: Limiter }>>();

function limitersFor(store: Store, limits: RateLimits) {
  const byLimits = built.get(store) ?? new Map();
  built.set(store, byLimits);
  const id = `${limits.perUser}/${limits.perWorkspace}/${limits.windowMs}`;
  let pair = byLimits.get(id);
  if (!pair) {
    pair = {
      user: limiter(store, 'user', limits.perUser, limits.windowMs),
      workspace: limiter(store, 'workspace', limits.perWorkspace, limits.windowMs),
    };
    byLimits.set(id, pair);
  }
  return pair;
}

/** Resolves when under the limit; the wait in seconds when past it. */
async function consume(store: Store, limiter: Limiter, key: string): Promise<number | undefined> {
  const use = limiter.shared && store.available() ? limiter.shared : limiter.local;
  try {
    await use.consume(key);
    return undefined;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

/** Throws a UserError naming the wait when a limit is passed. */
export async function enforceRateLimit(ctx: UserScope, limits: RateLimits): Promise<void> {
  const { user, workspace } = limitersFor(ctx.store, limits);
  const per = `${Math.round(limits.windowMs / 1000)} s`;
  const userWait = await consume(ctx.store, user, workspaceKey(ctx, ctx.userId));
  if (userWait !== undefined)
    throw new UserError(
      'rate_limited_user',
      `That is more than ${limits.perUser} commands in ${per}. Try again in ${userWait} s.`,
    );
  const allWait = await consume(ctx.store, workspace, workspaceKey(ctx, 'all'));
  if (allWait !== undefined)
    throw new UserError(
      'rate_limited_workspace',
      `This workspace is very busy with gigdesk right now. Try again in ${allWait} s.`,
    );
}
