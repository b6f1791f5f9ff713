// Reminders by direct message. DMs closed resolves false (the core keeps the reminder for the user's
// next command); any other refusal Discord gives with a 4xx is permanent; rate limits, 5xx answers,
// timeouts and network errors are thrown as they are, to be tried again after a backoff.
import { type Client, DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { type Deliver, PermanentDeliveryError } from '../../core/followups/delivery.js';
import { renderDiscord } from './render.js';

const DMS_CLOSED = new Set<number | string>([
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds,
]);

/** Discord's refusal as a short reason when no retry can fix it; undefined when one may. */
export function permanentDiscordError(error: unknown): string | undefined {
  if (!(error instanceof DiscordAPIError)) return undefined; // HTTP 5xx, rate limit, timeout, network
  if (error.status === 408 || error.status === 429 || error.status >= 500) return undefined;
  return `Discord error ${error.code}: ${error.message.split('\n')[0]}`.slice(0, 100);
}

/** Sends a Reply as a DM. */
export function discordDeliver(client: Client): Deliver {
  return async (to, reply) => {
    if (to.platform !== 'discord') throw new PermanentDeliveryError(`not a Discord user (${to.platform})`);
    // A DM is seen by the recipient alone, and the ephemeral flag is only valid on interaction replies.
    const { flags: _private, ...message } = renderDiscord(reply);
    try {
      await client.users.send(to.userId, message);
      return true;
    } catch (error) {
      if (error instanceof DiscordAPIError && DMS_CLOSED.has(error.code)) return false;
      const permanent = permanentDiscordError(error);
      throw permanent ? new PermanentDeliveryError(permanent) : error;
    }
  };
}
