// "Check this wording": a message context-menu command that runs /check on the message's text, privately.
import {
  ApplicationCommandType,
  InteractionContextType,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, Context } from '../../core/runtime/command.js';
import { UserError } from '../../core/runtime/errors.js';
import { runCommand, userErrorAnswer } from '../../core/runtime/run.js';
import { type PressOptions, sendAnswer } from './respond.js';

export const CHECK_WORDING = 'Check this wording';
const CHECK_COMMAND = 'check';

/** The registration of the message command, deployed with the slash commands. */
export function messageCommandJson(): RESTPostAPIContextMenuApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.Message,
    name: CHECK_WORDING,
    default_member_permissions: null,
    contexts: [InteractionContextType.Guild],
  };
}

export async function onMessageAction(
  i: MessageContextMenuCommandInteraction,
  ctx: Context,
  options: PressOptions,
): Promise<void> {
  const check = options.commands.find((c) => c.name === CHECK_COMMAND);
  await sendAnswer(i, ctx, answer(check, i.targetMessage.content, ctx), {
    mayDefer: false,
    deferPrivately: true,
  });
}

/** Always private: share is never passed, so the answer goes to the person who used the action alone. */
async function answer(check: Command | undefined, content: string, ctx: Context) {
  if (isEmpty(content) || !check) {
    return userErrorAnswer(
      undefined,
      new UserError('nothing_to_check', 'That message has no text to check (only pictures or embeds).'),
    );
  }
  return runCommand(check, { text: content.slice(0, 4000) }, ctx);
}

const isEmpty = (content: string) => content.trim() === '';
