// The one answer path: slash commands, button presses, forms, message actions and reminders on every
// platform go through here. Run (within the platform's deadline), sign or save the buttons, send the text
// first, then files and the chart, then missed-reminder notices; a failure is logged once, with a reference id.
import { deliverChart } from '../charts/draw.js';
import { type Deliver, PermanentDeliveryError } from '../core/followups/delivery.js';
import { pendingNotice } from '../core/followups/notices.js';
import type { Recipient } from '../core/followups/reminders.js';
import { briefError, logger, referenceId } from '../core/log.js';
import { pressAction, saveActions } from '../core/runtime/actions.js';
import type { Command, Context, Platform } from '../core/runtime/command.js';
import { acceptingCommands, trackInFlight } from '../core/runtime/lifecycle.js';
import { reply } from '../core/runtime/reply.js';
import { type Answer, failedAnswer, type ParsedText, runCommand, runParsed, runText } from '../core/runtime/run.js';
import { type Surface, UnreachableError } from './surface.js';

type Args = Record<string, unknown>;

/** What arrived: a typed line, typed options, a pressed button (or a submitted form), or a ready answer. */
export type Request =
  | { line: string; commands: readonly Command[] }
  | { parsed: ParsedText }
  | { command: Command; args: Args | (() => Promise<Args>) }
  | { press: string; commands: readonly Command[]; typed?: Record<string, string> }
  | { answer: Answer };

/** Answers one event; never throws: a fault is logged with a reference id and told to the user. */
export async function respond(surface: Surface, request: Request): Promise<void> {
  try {
    // Counted until every part is out (text, files, chart, notices), so a stop waits for whole answers.
    await trackInFlight(answerThrough(surface, await surface.context(), request, true));
  } catch (error) {
    await reportFault(surface, error);
  }
}

/** Logs the fault once (with its reference id) and tells the user, as far as the platform still lets us. */
export async function reportFault(surface: Surface, error: unknown): Promise<void> {
  const failed = failedAnswer({ platform: surface.platform }, undefined, error);
  try {
    await surface.send(failed.reply, failed.outcome);
  } catch (sendError) {
    logger.warn({ err: sendError, platform: surface.platform }, 'could not report the failure to the user');
  }
}

/** Reminders for the reminder worker: sent like any answer; send errors reach the worker, which retries. */
export function deliverThrough(platform: Platform, surfaceFor: (to: Recipient) => Surface): Deliver {
  return async (to, reply) => {
    if (to.platform !== platform) throw new PermanentDeliveryError(`not a ${platform} user (${to.platform})`);
    const surface = surfaceFor(to);
    try {
      await answerThrough(surface, await surface.context(), { answer: { reply, outcome: 'ok' } }, false);
      return true;
    } catch (error) {
      if (error instanceof UnreachableError) return false;
      throw error;
    }
  };
}

async function answerThrough(surface: Surface, ctx: Context, request: Request, notices: boolean): Promise<void> {
  const answer = await beforeDeadline(surface, saved(surface, ctx, run(request, ctx)));
  const shown = answer.reply;
  await surface.send(shown, answer.outcome, answer.inPlace);
  const { sendFiles, sendChart, sendLater } = surface;
  if (sendFiles && shown.attachments.length > 0) {
    await attempt(surface, 'files not sent', () => sendFiles(shown.attachments, shown));
  }
  if (sendChart && shown.chart && !answer.chartSent) {
    await deliverChart(shown, ctx, (chart) => attempt(surface, 'chart not sent', () => sendChart(chart, shown)));
  }
  // Once stopping, the store may close under us: missed reminders stay saved for the next answer.
  if (sendLater && notices && acceptingCommands()) {
    const showNotice = async () => {
      const notice = await pendingNotice(ctx);
      if (notice) await sendLater({ ...notice, visibility: 'private' });
    };
    await attempt(surface, 'could not show missed reminders', showNotice, false);
  }
}

function run(request: Request, ctx: Context): Promise<Answer> {
  if ('line' in request) return runText(request.line, request.commands, ctx);
  if ('parsed' in request) return runParsed(request.parsed, ctx);
  if ('press' in request) return pressAction(request.press, ctx, request.commands, request.typed);
  if ('command' in request) return runWith(request.command, request.args, ctx);
  return Promise.resolve(request.answer);
}

/** Options the platform still has to read (a file to download) are read inside the deadline too. */
async function runWith(command: Command, args: Args | (() => Promise<Args>), ctx: Context): Promise<Answer> {
  try {
    return await runCommand(command, typeof args === 'function' ? await args() : args, ctx);
  } catch (error) {
    return failedAnswer(ctx, command, error);
  }
}

/** The buttons are signed or saved for the person the answer is for, before anything is sent. */
async function saved(surface: Surface, ctx: Context, pending: Promise<Answer>): Promise<Answer> {
  const answer = await pending;
  if (surface.savesButtons === false) return answer;
  return { ...answer, reply: await saveActions(answer.reply, ctx, ctx.store, ctx.now, surface.buttonIds) };
}

/** Defers when the answer is not ready within the platform's deadline; sends wait for the defer to finish. */
async function beforeDeadline(surface: Surface, pending: Promise<Answer>): Promise<Answer> {
  const defer = surface.defer;
  if (!defer) return pending;
  let deferring: Promise<void> | undefined;
  const timer = setTimeout(
    () => {
      deferring = defer.start().catch((error: unknown) => {
        logger.warn({ err: error, platform: surface.platform }, 'defer failed');
      });
    },
    Math.max(0, defer.at - performance.now()),
  );
  try {
    return await pending;
  } finally {
    clearTimeout(timer);
    await deferring;
  }
}

/** A part after the text failed: logged once with a reference id (told to the user when `tell`); the text stands. */
async function attempt(surface: Surface, what: string, work: () => Promise<void>, tell = true): Promise<void> {
  try {
    await work();
  } catch (error) {
    const ref = referenceId();
    // Brief: a platform client's error carries its request, a file's bytes and all.
    logger.error({ ref, err: briefError(error), platform: surface.platform }, what);
    if (!tell || !surface.sendLater) return;
    const note = reply({ lead: `Part of this answer could not be sent (reference ${ref}). The text above stands.` });
    await surface.sendLater(note).catch(() => undefined);
  }
}
