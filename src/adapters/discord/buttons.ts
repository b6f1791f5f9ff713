// Button presses and form (modal) submissions: both name a saved action, run as the presser.
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import { pressAction } from '../../core/runtime/actions.js';
import type { Context } from '../../core/runtime/command.js';
import { type PressOptions, sendAnswer } from './respond.js';

/** The custom_id is the saved action's ref; the presser is the interaction's user, never the button's data. */
export async function onButton(i: ButtonInteraction, ctx: Context, options: PressOptions): Promise<void> {
  await sendAnswer(i, ctx, pressAction(i.customId, ctx, options.commands), {
    deferAfterMs: options.deferAfterMs,
    mayDefer: true,
    deferPrivately: true,
  });
}

/** A submitted form: its text fields become the command's long-text option, line breaks kept. */
export async function onForm(i: ModalSubmitInteraction, ctx: Context, options: PressOptions): Promise<void> {
  const typed: Record<string, string> = {};
  for (const [name, field] of i.fields.fields) {
    if ('value' in field && typeof field.value === 'string') typed[name] = field.value;
  }
  await sendAnswer(i, ctx, pressAction(i.customId, ctx, options.commands, typed), {
    deferAfterMs: options.deferAfterMs,
    mayDefer: true,
    deferPrivately: true,
  });
}
