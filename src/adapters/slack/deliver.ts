// Reminders reach a Slack user as a direct message from the bot.
import type { webApi } from '@slack/bolt';
import type { Deliver } from '../../core/followups/delivery.js';
import { logger } from '../../core/log.js';
import { renderSlack } from './render.js';

/** The client carrying a workspace's own token (OAuth mode); undefined when the app is not installed there. */
export type ClientFor = (workspaceId: string) => Promise<webApi.WebClient | undefined>;

/** Opens (or reuses) the DM with the user and posts the reply there; false when Slack refuses. */
export function slackDeliver(clients: webApi.WebClient | ClientFor): Deliver {
  return async (to, reply) => {
    if (to.platform !== 'slack') return false;
    try {
      const client = typeof clients === 'function' ? await clients(to.workspaceId) : clients;
      if (!client) return false;
      const opened = await client.conversations.open({ users: to.userId });
      const channel = opened.channel?.id;
      if (!channel) return false;
      for (const message of renderSlack(reply)) {
        await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
      }
      return true;
    } catch (error) {
      logger.warn({ err: error, platform: 'slack', workspace: to.workspaceId }, 'direct message failed');
      return false;
    }
  };
}
