// Runs the Discord bot: one gateway client, or a ShardingManager spawning one process per shard group.
import { fileURLToPath } from 'node:url';
import { type APIApplicationCommand, Client, Events, GatewayIntentBits, Routes, ShardingManager } from 'discord.js';
import { commands } from '../../commands/index.js';
import type { Config } from '../../config.js';
import type { Deliver } from '../../core/delivery.js';
import { logger } from '../../core/log.js';
import type { Store } from '../../core/store.js';
import { buildCommandJson } from './commands.js';
import { discordDeliver } from './deliver.js';
import { diffCommandSets, hasChanges } from './deploy.js';
import { createInteractionHandler } from './handler.js';

export interface DiscordStartOptions {
  /** Receives the DM delivery once the client is logged in (for the reminder scheduler). */
  onDeliver?: (deliver: Deliver) => void;
}

/** Resolves when the bot has stopped (SIGINT/SIGTERM). */
export async function startDiscord(config: Config, store: Store, options: DiscordStartOptions = {}): Promise<void> {
  if (!config.discord) throw new Error('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID.');
  if (config.discord.shards !== undefined) return startShards(config.discord.token, config.discord.shards, config);
  return runClient(config.discord.token, store, options);
}

/** One gateway connection; slash commands arrive as interactions, so the Guilds intent is all it needs. */
export async function runClient(token: string, store: Store, options: DiscordStartOptions = {}): Promise<void> {
  const local = buildCommandJson(commands); // fails before connecting if a command cannot be registered
  const client = new Client({ intents: [GatewayIntentBits.Guilds] });
  const handle = createInteractionHandler({ commands, store });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error, platform: 'discord' }, 'discord client error'));
  client.once(Events.ClientReady, async (ready) => {
    logger.info({ user: ready.user.tag, shards: ready.ws.shards.size }, 'discord ready');
    try {
      const remote = await ready.rest.get(Routes.applicationCommands(ready.application.id));
      const diff = diffCommandSets(local, remote as APIApplicationCommand[]);
      if (hasChanges(diff))
        logger.warn({ ...diff }, 'registered slash commands differ from the code: run npm run discord:deploy');
    } catch (error) {
      logger.warn({ err: error }, 'could not compare the registered slash commands');
    }
  });
  const stopped = untilStopped();
  await client.login(token);
  options.onDeliver?.(discordDeliver(client));
  await stopped;
  await client.destroy();
}

async function startShards(token: string, shards: number | 'auto', config: Config): Promise<void> {
  if (!config.store.redisUrl) {
    logger.warn('DISCORD_SHARDS is set without REDIS_URL: shards will share state only through the SQLite file');
  }
  const manager = new ShardingManager(fileURLToPath(new URL('./shard.ts', import.meta.url)), {
    token,
    totalShards: shards,
    // The children run TypeScript the same way this process does (tsx's loader flags).
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard) => logger.info({ shard: shard.id }, 'discord shard started'));
  const stopped = untilStopped();
  await manager.spawn();
  await stopped;
  for (const shard of manager.shards.values()) shard.kill();
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
