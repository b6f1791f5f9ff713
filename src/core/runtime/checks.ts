// The checks before a command runs, in order. Each takes the call so far and returns it (cleaned,
// parsed) or throws a UserError that stops it there; adding a check (a cooldown) is adding an entry.
import type { z } from 'zod';
import { cleanText } from './cleanText.js';
import type { Command, Context } from './command.js';
import { type CommonValues, takeCommonOptions } from './common.js';
import { UserError } from './errors.js';
import { acceptingCommands } from './lifecycle.js';
import { optionSpecs } from './options.js';

export interface Call {
  command: Command;
  ctx: Context;
  /** The arguments as given, without the common options: what a Details or Share button replays. */
  given: Record<string, unknown>;
  /** The arguments on their way to the command: cleaned, then parsed by its schema. */
  args: Record<string, unknown>;
  /** share and details, taken out once for every command (common.ts). */
  common: CommonValues;
}

export type Check = (call: Call) => Call | Promise<Call>;

const notRestarting: Check = (call) => {
  if (!acceptingCommands()) {
    throw new UserError('restarting', 'gigdesk is restarting. Please try again in a few seconds.');
  }
  return call;
};

const adminsOnly: Check = (call) => {
  if (call.command.adminOnly && !call.ctx.isAdmin) {
    throw new UserError(
      'admin_only',
      `Only workspace admins can use /${call.command.name}. Ask one of them if something here should change.`,
    );
  }
  return call;
};

const counted = new WeakSet<Context>();
let enforce: typeof import('./rateLimit.js').enforceRateLimit | undefined;

/**
 * Counts one event against the rate limits, once per context: an adapter calls it before a parse, a
 * form or a download, and the run's own check then finds the event counted. Throws the refusal.
 */
export async function countOnce(ctx: Context): Promise<void> {
  if (!ctx.rateLimits || counted.has(ctx)) return;
  counted.add(ctx);
  // Loaded on the first limited event: rate-limiter-flexible takes about 27 ms to load, and a console or
  // one-shot question, which sets no limits, never needs it.
  enforce ??= (await import('./rateLimit.js')).enforceRateLimit;
  await enforce(ctx, ctx.rateLimits);
}

const withinRateLimits: Check = async (call) => {
  await countOnce(call.ctx);
  return call;
};

const commonOptions: Check = (call) => {
  const { common, rest } = takeCommonOptions(call.args);
  return { ...call, given: rest, args: rest, common };
};

/** Every string a user gives is cleaned here, once, before any command can store it. */
const cleanStrings: Check = (call) => ({
  ...call,
  args: Object.fromEntries(
    Object.entries(call.args).map(([name, value]) => [name, typeof value === 'string' ? cleanText(value) : value]),
  ),
});

const parseOptions: Check = (call) => {
  const parsed = call.command.options.safeParse(call.args);
  if (!parsed.success) {
    throw new UserError('invalid_option', describeIssues(call.command, parsed.error.issues, call.given));
  }
  return { ...call, args: parsed.data };
};

/** The cheap refusals first, the rate limit before any work, the command's own schema last. */
export const CHECKS: readonly Check[] = [
  notRestarting,
  adminsOnly,
  withinRateLimits,
  commonOptions,
  cleanStrings,
  parseOptions,
];

export async function runChecks(first: Call, checks: readonly Check[] = CHECKS): Promise<Call> {
  let call = first;
  for (const check of checks) call = await check(call);
  return call;
}

/** One clear sentence per problem, naming the option and quoting what was given. */
export function describeIssues(command: Command, issues: z.core.$ZodIssue[], given: Record<string, unknown>): string {
  const specs = optionSpecs(command);
  const sentences = issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    const spec = specs.find((s) => s.name === name);
    const value = given[name];
    const got = value === undefined ? '' : ` (got "${String(value).slice(0, 40)}")`;
    if (!spec) return issue.message;
    if (value === undefined && issue.code === 'invalid_type') return `"${name}" is missing: ${spec.description}.`;
    switch (issue.code) {
      case 'invalid_type':
        if (issue.expected === 'int') return `"${name}" must be a whole number${got}.`;
        if (spec.type === 'boolean') return `"${name}" must be yes or no${got}.`;
        return `"${name}" must be ${spec.type === 'string' ? 'text' : 'a number'}${got}.`;
      case 'too_small':
        if (issue.origin === 'string') return `"${name}" must not be empty.`;
        return `"${name}" must be at least ${issue.minimum}${got}.`;
      case 'too_big':
        if (issue.origin === 'string') return `"${name}" must be at most ${issue.maximum} characters long.`;
        return `"${name}" must be at most ${issue.maximum}${got}.`;
      case 'invalid_value':
        return `"${name}" must be one of: ${spec.choices?.join(', ')}${got}.`;
      default:
        return `"${name}": ${issue.message}${got}.`;
    }
  });
  return sentences.join(' ');
}
