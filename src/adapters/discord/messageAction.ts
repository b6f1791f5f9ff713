// "Check this wording": a message context-menu command that runs /check on the message's text, privately.
import {
  ApplicationCommandType,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { UserError } from '../../core/runtime/errors.js';
import { userErrorAnswer } from '../../core/runtime/run.js';
import { respond } from '../respond.js';
import { EVERYWHERE } from './commands.js';
import { type DiscordDeps, interactionSurface } from './surface.js';

export const CHECK_WORDING = 'Check this wording';
const CHECK_COMMAND = 'check';

/** The registration of the message command, deployed with the slash commands. */
export function messageCommandJson(): RESTPostAPIContextMenuApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.Message,
    name: CHECK_WORDING,
    default_member_permissions: null,
    ...EVERYWHERE,
  };
}

export async function onMessageAction(i: MessageContextMenuCommandInteraction, deps: DiscordDeps): Promise<void> {
  const check = deps.commands.find((c) => c.name === CHECK_COMMAND);
  const content = i.targetMessage.content;
  const surface = interactionSurface(i, deps, { early: false, privately: true });
  // Always private: share is never passed, so the answer goes to the person who used the action alone.
  if (!check || content.trim() === '') {
    const empty = userErrorAnswer(
      undefined,
      new UserError('nothing_to_check', 'That message has no text to check (only pictures or embeds).'),
    );
    await respond(surface, { answer: empty });
  } else {
    await respond(surface, { command: check, args: { text: content.slice(0, 4000) } });
  }
}
