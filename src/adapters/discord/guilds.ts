// Removal from a server deletes what that server stored: its users' data there, templates and settings.
import { type Client, Events } from 'discord.js';
import { logger } from '../../core/log.js';
import { deleteWorkspaceData } from '../../core/privacy.js';
import type { Store } from '../../core/store/store.js';

/** discord.js emits guildDelete only when the bot left or was removed; an outage is guildUnavailable. */
export function forgetRemovedGuilds(client: Client, store: Store): void {
  client.on(Events.GuildDelete, (guild) => {
    deleteWorkspaceData({ platform: 'discord', workspaceId: guild.id, store }).then(
      (removed) =>
        logger.info({ platform: 'discord', workspace: guild.id, ...removed }, 'removed: server data deleted'),
      (error: unknown) => logger.error({ err: error, workspace: guild.id }, 'could not delete a removed server’s data'),
    );
  });
}
