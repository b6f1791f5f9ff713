// Reminders reach a Slack user as a direct message from the bot. Slack's refusals that no retry can
// fix (no such user, a deactivated account, a bot) are permanent; rate limits, Slack's own errors,
// timeouts and the network are worth another try, so they are thrown as they are.
import type { webApi } from '@slack/bolt';
import { type Deliver, PermanentDeliveryError } from '../../core/followups/delivery.js';
import type { Recipient } from '../../core/followups/reminders.js';
import type { Store } from '../../core/store/store.js';
import { deliverThrough } from '../respond.js';
import { recipientContext, type Surface } from '../surface.js';
import { ACTION_LIMITS } from './actions.js';
import { renderSlack } from './render.js';

/** Platform errors that say "not now" rather than "never". */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** The Slack error code of a refusal no retry can fix, or undefined when trying again may work. */
export function permanentSlackError(error: unknown): string | undefined {
  const { code, data } = error as { code?: string; data?: { error?: string } };
  if (code !== 'slack_webapi_platform_error') return undefined;
  const reason = data?.error ?? 'unknown_error';
  return TRANSIENT.has(reason) ? undefined : reason;
}

/** The client carrying a workspace's own token (OAuth mode); undefined when the app is not installed there. */
export type ClientFor = (workspaceId: string) => Promise<webApi.WebClient | undefined>;

/** One user's DM with the bot as a surface: opened (or reused) at the first send; no chart is drawn. */
function directMessageSurface(clients: webApi.WebClient | ClientFor, to: Recipient, store: Store): Surface {
  return {
    platform: 'slack',
    context: () => recipientContext(to, store),
    buttonIds: { room: ACTION_LIMITS.value },
    send: async (reply) => {
      try {
        const client = typeof clients === 'function' ? await clients(to.workspaceId) : clients;
        if (!client) throw new PermanentDeliveryError('gigdesk is not installed in this Slack workspace');
        const opened = await client.conversations.open({ users: to.userId });
        const channel = opened.channel?.id;
        if (!channel) throw new PermanentDeliveryError('Slack opened no DM channel');
        for (const message of renderSlack(reply)) {
          await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
        }
      } catch (error) {
        const permanent = permanentSlackError(error);
        throw permanent ? new PermanentDeliveryError(`Slack: ${permanent}`) : error;
      }
    },
  };
}

/** Sends a reminder as a DM from the bot, its buttons saved for the recipient. */
export function slackDeliver(clients: webApi.WebClient | ClientFor, store: Store): Deliver {
  return deliverThrough('slack', (to) => directMessageSurface(clients, to, store));
}
