// Per-person (across every workspace) and per-workspace limits through rate-limiter-flexible: counted
// in Redis when the store is Redis (so they hold across processes), in memory otherwise. Each process
// also counts in its own memory all along; while Redis is down or slow that count decides, at half the
// budget, so math keeps answering and someone who just hit the limit does not start again from zero.
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
} from 'rate-limiter-flexible';
import { logger } from '../log.js';
import { type Store, type UserScope, workspaceKey } from '../store/store.js';
import { UserError } from './errors.js';

export interface RateLimits {
  /** Commands one user may run per window. */
  perUser: number;
  /** Commands a whole workspace may run per window. */
  perWorkspace: number;
  windowMs: number;
}

/** A rate limit must not hold up an answer: past this, the in-memory count decides. */
const REDIS_LIMIT_TIMEOUT_MS = 1000;

interface Limiter {
  name: string;
  points: number;
  shared?: RateLimiterAbstract;
  /** Counts every command of this process, even while Redis decides, so a fallback starts from there. */
  local: RateLimiterMemory;
}

function limiter(store: Store, name: string, points: number, windowMs: number): Limiter {
  const duration = Math.max(1, Math.round(windowMs / 1000));
  const local = new RateLimiterMemory({ keyPrefix: name, points, duration });
  if (!store.redis) return { name, points, local };
  const redis = new RateLimiterRedis({
    storeClient: store.redis,
    keyPrefix: `gigdesk:rate:${name}`,
    points,
    duration,
  });
  return { name, points, local, shared: new RLWrapperTimeouts({ limiter: redis, timeoutMs: REDIS_LIMIT_TIMEOUT_MS }) };
}

const built = new WeakMap<Store, Map<string, { person: Limiter; workspace: Limiter }>>();

function limitersFor(store: Store, limits: RateLimits) {
  const byLimits = built.get(store) ?? new Map();
  built.set(store, byLimits);
  const id = `${limits.perUser}/${limits.perWorkspace}/${limits.windowMs}`;
  let pair = byLimits.get(id);
  if (!pair) {
    pair = {
      person: limiter(store, 'person', limits.perUser, limits.windowMs),
      workspace: limiter(store, 'workspace', limits.perWorkspace, limits.windowMs),
    };
    byLimits.set(id, pair);
  }
  return pair;
}

const waitOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
let fallingBack = false;

/** Resolves when under the limit; the wait in seconds when past it. */
async function consume(store: Store, limiter: Limiter, key: string): Promise<number | undefined> {
  const local: RateLimiterRes = await limiter.local.consume(key).catch((res: unknown) => {
    if (res instanceof RateLimiterRes) return res;
    throw res;
  });
  if (limiter.shared && store.available()) {
    try {
      await limiter.shared.consume(key);
      fallingBack = false;
      return undefined;
    } catch (error) {
      if (error instanceof RateLimiterRes) return waitOf(error);
    }
  }
  if (!limiter.shared) return local.consumedPoints > limiter.points ? waitOf(local) : undefined;
  // Redis is away: this process's own count decides, at half the budget, since others count apart.
  if (!fallingBack) logger.warn('rate limits counted in each process at half the budget while Redis is away');
  fallingBack = true;
  return local.consumedPoints > Math.max(1, Math.floor(limiter.points / 2)) ? waitOf(local) : undefined;
}

/** Throws a UserError naming the wait when a limit is passed. */
export async function enforceRateLimit(ctx: UserScope, limits: RateLimits): Promise<void> {
  const { person, workspace } = limitersFor(ctx.store, limits);
  const per = `${Math.round(limits.windowMs / 1000)} s`;
  // One person, whichever server or workspace they type in (ids are unique on each platform).
  const userWait = await consume(ctx.store, person, `${ctx.platform}:${encodeURIComponent(ctx.userId)}`);
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
