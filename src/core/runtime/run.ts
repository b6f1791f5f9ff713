// The one entry point every adapter calls: find, validate, run, and map errors to replies.
import type { z } from 'zod';
import { logger, referenceId } from '../log.js';
import { countCommand } from '../metrics.js';
import { StorageUnavailableError } from '../store/errors.js';
import { cleanText } from './cleanText.js';
import type { Command, Context } from './command.js';
import { UserError } from './errors.js';
import { acceptingCommands, trackInFlight } from './lifecycle.js';
import { optionSpecs, usageLine } from './options.js';
import { enforceRateLimit } from './rateLimit.js';
import { type Action, type Reply, replayable, reply, text } from './reply.js';
import { parseLine } from './textArgs.js';

export type Outcome = 'ok' | 'user_error' | 'storage_unavailable' | 'internal_error';

export interface Answer {
  reply: Reply;
  outcome: Outcome;
  /** The command that answered, when one was found (adapters use it for follow-ups). */
  command?: Command;
  /** The UserError's code when the outcome is user_error (metrics count by it). */
  code?: string;
}

/** Runs a command from typed or text-coerced arguments (Discord options, parsed text). */
export function runCommand(command: Command, rawArgs: Record<string, unknown>, ctx: Context): Promise<Answer> {
  return trackInFlight(counted(ctx, () => answerCommand(command, rawArgs, ctx)));
}

/** Counts the answer for /metrics under the registered command's name, never the text typed. */
async function counted(ctx: Context, answer: () => Promise<Answer>): Promise<Answer> {
  const started = performance.now();
  const result = await answer();
  const seconds = (performance.now() - started) / 1000;
  countCommand(result.command?.name, ctx.platform, result.outcome, seconds, result.code);
  return result;
}

async function answerCommand(command: Command, rawArgs: Record<string, unknown>, ctx: Context): Promise<Answer> {
  return guarded(ctx, command, async () => {
    if (!acceptingCommands())
      throw new UserError('restarting', 'gigdesk is restarting. Please try again in a few seconds.');
    if (command.adminOnly && !ctx.isAdmin) {
      throw new UserError('admin_only', `Only workspace admins can use /${command.name}.`);
    }
    if (ctx.rateLimits) await enforceRateLimit(ctx, ctx.rateLimits);
    const { share, details, ...rest } = rawArgs;
    for (const [name, value] of Object.entries({ share, details })) {
      if (value !== undefined && typeof value !== 'boolean') {
        throw new UserError('bad_yes_no', `"${name}" must be yes or no (got "${String(value).slice(0, 40)}").`);
      }
    }
    // Every string a user gives is cleaned here, once, before any command can store it.
    const cleaned = Object.fromEntries(
      Object.entries(rest).map(([name, value]) => [name, typeof value === 'string' ? cleanText(value) : value]),
    );
    const parsed = command.options.safeParse(cleaned);
    if (!parsed.success) throw new UserError('invalid_option', describeIssues(command, parsed.error.issues, rest));
    const result = await command.run(parsed.data, ctx);
    const shown = details ? { ...result, blocks: [...result.blocks, ...result.details], details: [] } : result;
    const visibility = share && !command.alwaysPrivate ? 'public' : shown.visibility;
    return { ...shown, visibility, actions: withCommonActions(command, rest, { ...shown, visibility }, details) };
  });
}

/**
 * The buttons every answer may get, added here once: Details when some are held back, and Share on a
 * private answer (never for alwaysPrivate commands). A public answer keeps no personal buttons (Done,
 * Confirm), since anyone in the channel could press them.
 */
function withCommonActions(command: Command, args: Record<string, unknown>, shown: Reply, details: unknown): Action[] {
  const given = replayable(args);
  const common: Action[] = [];
  if (shown.details.length > 0)
    common.push({ label: 'Details', command: command.name, args: { ...given, details: true } });
  if (shown.visibility === 'private' && !command.alwaysPrivate) {
    const same = details ? { ...given, details: true } : given;
    common.push({ label: 'Share in channel', command: command.name, args: { ...same, share: true } });
  }
  return [...(shown.visibility === 'public' ? [] : shown.actions), ...common];
}

/** Runs a line as typed on a text platform: "/fees 15000 billed:8000". */
export async function runText(line: string, commands: readonly Command[], ctx: Context): Promise<Answer> {
  let parsed: ReturnType<typeof parseLine>;
  try {
    parsed = parseLine(line, commands);
  } catch (error) {
    return counted(ctx, () => guarded(ctx, undefined, () => Promise.reject(error)));
  }
  return runCommand(parsed.command, parsed.args, ctx);
}

async function guarded(ctx: Context, command: Command | undefined, work: () => Promise<Reply>): Promise<Answer> {
  try {
    return { reply: await work(), outcome: 'ok', command };
  } catch (error) {
    return failedAnswer(ctx, command, error);
  }
}

/** The answer to a thrown error: a UserError as it stands, anything else logged with a reference id. */
export function failedAnswer(ctx: Pick<Context, 'platform'>, command: Command | undefined, error: unknown): Answer {
  if (error instanceof UserError) return userErrorAnswer(command, error);
  const ref = referenceId();
  const where = { ref, command: command?.name, platform: ctx.platform };
  if (error instanceof StorageUnavailableError) {
    logger.warn({ ...where, err: error }, 'storage unavailable');
    const message = 'Storage is unavailable right now, so nothing was read or saved. Please try again in a minute.';
    return {
      reply: errorReply(message, [`Reference: ${ref}`]),
      outcome: 'storage_unavailable',
      command,
    };
  }
  logger.error({ ...where, err: error }, 'command failed');
  const message = `Something went wrong on our side. If it keeps happening, tell your admin reference ${ref}.`;
  return { reply: errorReply(message, []), outcome: 'internal_error', command };
}

/** The answer to a mistake the user can fix: the message privately, with the command's usage line. */
export function userErrorAnswer(command: Command | undefined, error: UserError): Answer {
  const usage = command ? [`Usage: ${usageLine(command)}`] : [];
  return { reply: errorReply(error.message, usage), outcome: 'user_error', command, code: error.code };
}

/** The problem itself is the lead, in plain words; a list after it (bad CSV lines) follows below. */
function errorReply(message: string, footer: string[]): Reply {
  const [lead = message, ...rest] = message.split('\n');
  return reply({ lead, blocks: rest.length > 0 ? [text(rest.join('\n'))] : [], footer, visibility: 'private' });
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
