// The one entry point every adapter calls: find, validate, run, and map errors to replies.
import { logger, referenceId } from '../log.js';
import { countCommand } from '../metrics.js';
import { StorageUnavailableError } from '../store/errors.js';
import { countOnce, runChecks } from './checks.js';
import type { Command, Context } from './command.js';
import { type PlatformLimits, withCommonOptions } from './common.js';
import { UserError } from './errors.js';
import { trackInFlight } from './lifecycle.js';
import { usageLine } from './options.js';
import { type Reply, reply, text } from './reply.js';
import { loadSettings } from './settings.js';
import { commandOf, type ParsedLine, parseLine } from './textArgs.js';

export type Outcome = 'ok' | 'user_error' | 'storage_unavailable' | 'internal_error';

export interface Answer {
  reply: Reply;
  outcome: Outcome;
  /** The command that answered, when one was found (adapters use it for follow-ups). */
  command?: Command;
  /** The UserError's code when the outcome is user_error (metrics count by it). */
  code?: string;
  /** A press's answer that may take the place of the private message pressed (see Action.inPlace). */
  inPlace?: true;
  /** Its chart already went to the person apart from the answer (chart.ts CHART_SENT): say so, send none. */
  chartSent?: true;
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

async function answerCommand(command: Command, given: Record<string, unknown>, ctx: Context): Promise<Answer> {
  return guarded(ctx, command, async () => {
    const call = await runChecks({ command, ctx, given, args: given, common: {} });
    // The whole channel reads a shared answer: the command builds it knowing so (it names no client).
    const shared = call.common.share && !command.alwaysPrivate && !ctx.privateOnly;
    const result = await command.run(call.args, shared ? { ...ctx, visibility: 'public' } : ctx);
    const { note, ...apart } = await chartApart(ctx, result, call.given, call.common.share);
    const shown = note ? { ...result, blocks: [...result.blocks, text(note)] } : result;
    return withCommonOptions(command, call.given, shown, call.common, { privateOnly: ctx.privateOnly, ...apart });
  });
}

/**
 * Where the platform sends a private answer's chart apart from it (ctx.chartOnPress), with charts on: the
 * Chart button's line for a chart not asked for by name, or chartSent when chart:on sends it now. With
 * charts turned off, a chart:on asked for by name gets a note saying why no picture comes.
 */
async function chartApart(
  ctx: Context,
  result: Reply,
  given: Record<string, unknown>,
  share?: boolean,
): Promise<Pick<PlatformLimits, 'chartOnPress' | 'chartSent'> & { note?: string }> {
  const asked = given.chart === 'on';
  const apart = !!ctx.chartOnPress && !share && given.chart !== 'off';
  if (!result.chart || !(asked || apart)) return {};
  if (!(await loadSettings(ctx)).charts) return asked ? { note: CHARTS_OFF } : {};
  if (!ctx.chartOnPress || !apart) return {};
  return given.chart === undefined ? { chartOnPress: ctx.chartOnPress } : { chartSent: true };
}

const CHARTS_OFF = 'Charts are off in this workspace (an admin can turn them on with /settings).';

/** Runs a line as typed on a text platform: "/fees 15000 billed:8000"; parsed only once the rate limit lets it in. */
export async function runText(line: string, commands: readonly Command[], ctx: Context): Promise<Answer> {
  return (await refusedByLimits(ctx)) ?? runParsed(parseText(line, commands), ctx);
}

/** A typed line parsed once: its command and arguments, or what is wrong with it (and the command it named). */
export type ParsedText = ParsedLine | { error: unknown; named?: Command };

export function parseText(line: string, commands: readonly Command[]): ParsedText {
  try {
    return parseLine(line, commands);
  } catch (error) {
    // The command the line named, so the refusal ends with its usage line.
    return { error, named: commandOf(line, commands)?.command };
  }
}

/** Runs a line parsed by parseText (an adapter that needed the parse before, for a form, passes it on). */
export function runParsed(parsed: ParsedText, ctx: Context): Promise<Answer> {
  if ('error' in parsed) return failedBefore(ctx, parsed.named, parsed.error);
  return runCommand(parsed.command, parsed.args, ctx);
}

/**
 * Counts the event against the rate limits before any work on it (a parse, a form, a download): the
 * refusal as an answer when over the limit, otherwise undefined (the run then does not count it again).
 */
export async function refusedByLimits(ctx: Context, command?: Command): Promise<Answer | undefined> {
  try {
    await countOnce(ctx);
    return undefined;
  } catch (error) {
    return failedBefore(ctx, command, error);
  }
}

/** An error before the command ran (a line that does not parse, the rate limit): answered and counted as one during it. */
function failedBefore(ctx: Context, command: Command | undefined, error: unknown): Promise<Answer> {
  return counted(ctx, () => guarded(ctx, command, () => Promise.reject(error)));
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
