// Reminders by direct message; a user who cannot be reached gets `false`, so the core keeps the reminder.
import { type Client, DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import type { Deliver } from '../../core/followups/delivery.js';
import { renderDiscord } from './render.js';

const UNREACHABLE = new Set<number | string>([
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds,
  RESTJSONErrorCodes.UnknownUser,
]);

/** Sends a Reply as a DM; other failures (network, rate limits) throw so the caller retries later. */
export function discordDeliver(client: Client): Deliver {
  return async (to, reply) => {
    if (to.platform !== 'discord') throw new Error(`discord delivery was given a ${to.platform} recipient`);
    // A DM is seen by the recipient alone, and the ephemeral flag is only valid on interaction replies.
    const { flags: _private, ...message } = renderDiscord(reply);
    try {
      await client.users.send(to.userId, message);
      return true;
    } catch (error) {
      if (error instanceof DiscordAPIError && UNREACHABLE.has(error.code)) return false;
      throw error;
    }
  };
}
