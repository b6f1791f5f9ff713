// Button presses and form (modal) submissions: both name a saved action, run as the presser.
import { type ButtonInteraction, MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { respond } from '../respond.js';
import { type DiscordDeps, interactionSurface } from './surface.js';

const PRIVATE_PRESS = { early: true, privately: true };

/** The custom_id is the saved action's ref; the presser is the interaction's user, never the button's data. */
export async function onButton(i: ButtonInteraction, deps: DiscordDeps): Promise<void> {
  // Only the person an ephemeral message was shown to can press its buttons: their own private answer.
  const choice = { ...PRIVATE_PRESS, onOwnAnswer: i.message.flags.has(MessageFlags.Ephemeral) };
  await respond(interactionSurface(i, deps, choice), { press: i.customId, commands: deps.commands });
}

/** A submitted form: its text fields become the command's long-text option, line breaks kept. */
export async function onForm(i: ModalSubmitInteraction, deps: DiscordDeps): Promise<void> {
  const typed: Record<string, string> = {};
  for (const [name, field] of i.fields.fields) {
    if ('value' in field && typeof field.value === 'string') typed[name] = field.value;
  }
  await respond(interactionSurface(i, deps, PRIVATE_PRESS), { press: i.customId, commands: deps.commands, typed });
}
