// Sends an answer to any repliable interaction (slash command, button, form, message action): defers
// when storage is slow, keeps a private answer private, attaches buttons and files.
import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { pendingNotice } from '../../core/followups/notices.js';
import { logger } from '../../core/log.js';
import { saveActions } from '../../core/runtime/actions.js';
import type { Command, Context } from '../../core/runtime/command.js';
import { reply } from '../../core/runtime/reply.js';
import type { Answer } from '../../core/runtime/run.js';
import { sendChart } from './chart.js';
import { type DiscordPayload, renderDiscord } from './render.js';

/** What the handlers of presses, forms and message actions need from the handler's options. */
export interface PressOptions {
  commands: readonly Command[];
  deferAfterMs?: number;
}

export interface SendOptions {
  /** Defer when the answer is not ready within this many ms (Discord allows 3 s for the first reply). */
  deferAfterMs?: number;
  /** Whether the work may be slow (storage), so deferring can be needed at all. */
  mayDefer: boolean;
  /** The visibility to defer with, before the answer says which it is. */
  deferPrivately: boolean;
}

/** Waits for the answer, saves its buttons, and replies (or edits the deferred reply). */
export async function sendAnswer(
  i: RepliableInteraction,
  ctx: Context,
  pending: Promise<Answer>,
  options: SendOptions,
): Promise<void> {
  const sealed = pending.then(async (a) => ({ ...a, reply: await saveActions(a.reply, ctx, ctx.store, ctx.now) }));
  let deferring: Promise<boolean> | undefined;
  const timer = options.mayDefer
    ? setTimeout(() => {
        deferring = defer(i, options.deferPrivately);
      }, options.deferAfterMs ?? 1500)
    : undefined;
  const result = await sealed.finally(async () => {
    clearTimeout(timer);
    await deferring; // a failure report after a started defer must know it was deferred
  });
  const payload = renderDiscord(result.reply, result.outcome);
  let message = '@original';
  if (deferring && (await deferring)) message = await sendAfterDefer(i, payload);
  else await i.reply(payload);
  await sendChart(i, result.reply, payload, ctx, message);
  await sendPendingNotice(i, ctx);
}

function defer(i: RepliableInteraction, ephemeral: boolean): Promise<boolean> {
  return i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}).then(
    () => true,
    (error: unknown) => {
      logger.warn({ err: error, platform: 'discord' }, 'defer failed');
      return false;
    },
  );
}

/**
 * A deferred reply keeps the visibility chosen when deferring, so the answer moves when that differs.
 * Returns which message holds the answer: "@original", or the id of the follow-up.
 */
async function sendAfterDefer(i: RepliableInteraction, payload: DiscordPayload): Promise<string> {
  const { flags, ...edit } = payload;
  if (Boolean(flags) !== Boolean(i.ephemeral)) {
    await i.deleteReply();
    return (await i.followUp(payload)).id;
  }
  await i.editReply(edit);
  return '@original';
}

/** Reminders whose DM failed (DMs closed) are shown once, privately, after the user's next answer. */
async function sendPendingNotice(i: RepliableInteraction, ctx: Context): Promise<void> {
  try {
    const notice = await pendingNotice(ctx);
    if (notice) await i.followUp(renderDiscord({ ...notice, visibility: 'private' }));
  } catch (error) {
    logger.warn({ err: error, platform: 'discord' }, 'could not show missed reminders');
  }
}

export async function answerFault(i: RepliableInteraction, ref: string): Promise<void> {
  const message = `Something went wrong on our side. If it keeps happening, tell your admin reference ${ref}.`;
  const payload = renderDiscord(reply({ lead: message }), 'internal_error');
  try {
    if (i.deferred && !i.replied)
      await i.editReply({ content: payload.content, embeds: payload.embeds, allowedMentions: payload.allowedMentions });
    else if (i.replied) await i.followUp(payload);
    else await i.reply(payload);
  } catch (error) {
    logger.warn({ ref, err: error, platform: 'discord' }, 'could not report the failure to the user');
  }
}
