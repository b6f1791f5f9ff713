// Reminders by direct message, a surface of their own. DMs closed resolves false (the core keeps the
// reminder for the user's next command); any other refusal Discord gives with a 4xx is permanent; rate
// limits, 5xx answers, timeouts and network errors are thrown as they are, to be tried again after a backoff.
import { type Client, DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { type Deliver, PermanentDeliveryError } from '../../core/followups/delivery.js';
import type { Recipient } from '../../core/followups/reminders.js';
import type { Store } from '../../core/store/store.js';
import { deliverThrough } from '../respond.js';
import { recipientContext, type Surface, UnreachableError } from '../surface.js';
import { COMPONENT_LIMITS } from './components.js';
import { renderDiscordMessages } from './render.js';

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

/** One user's DMs as a surface: files ride in the message, a chart is not drawn. */
export function directMessageSurface(client: Client, to: Recipient, store: Store): Surface {
  return {
    platform: 'discord',
    context: () => recipientContext(to, store),
    buttonIds: { room: COMPONENT_LIMITS.customId },
    send: async (reply, outcome) => {
      try {
        // A DM is seen by the recipient alone, and the ephemeral flag is only valid on interaction replies.
        for (const { flags: _private, ...message } of renderDiscordMessages(reply, outcome)) {
          await client.users.send(to.userId, message);
        }
      } catch (error) {
        if (error instanceof DiscordAPIError && DMS_CLOSED.has(error.code)) throw new UnreachableError('DMs closed');
        const permanent = permanentDiscordError(error);
        throw permanent ? new PermanentDeliveryError(permanent) : error;
      }
    },
  };
}

/** Sends a Reply as a DM, its buttons saved for the recipient. */
export function discordDeliver(client: Client, store: Store): Deliver {
  return deliverThrough('discord', (to) => directMessageSurface(client, to, store));
}
