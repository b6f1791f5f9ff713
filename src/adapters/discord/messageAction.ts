// "Check this wording": a message context-menu command that runs /check on the message's text, privately.
import {
  ApplicationCommandType,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { checkPosted } from '../posted.js';
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
  // Always private: share is never passed and the answer offers none (posted.ts), so it is for the asker alone.
  await checkPosted(surface, check, content, 'That message has no text to check (only pictures or embeds).');
}
