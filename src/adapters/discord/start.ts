// Runs the Discord bot: one gateway client, or a ShardingManager spawning one process per shard group.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type APIApplicationCommand, Client, Events, GatewayIntentBits, Routes, ShardingManager } from 'discord.js';
import { commands } from '../../commands/index.js';
import type { Config } from '../../config.js';
import { logger } from '../../core/log.js';
import type { RateLimits } from '../../core/runtime/rateLimit.js';
import type { Store } from '../../core/store/store.js';
import type { RunningAdapter } from '../running.js';
import { discordDeliver } from './deliver.js';
import { deployedCommands, diffCommandSets, hasChanges } from './deploy.js';
import { createInteractionHandler } from './handler.js';

/** One gateway client, or (with DISCORD_SHARDS) a ShardingManager whose shard 0 delivers reminders. */
export async function startDiscord(config: Config, store: Store): Promise<RunningAdapter> {
  if (!config.discord) throw new Error('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID.');
  if (config.discord.shards !== undefined) return startShards(config.discord.token, config.discord.shards);
  return runClient(config.discord.token, store, config.rateLimits);
}

/** One gateway connection; slash commands arrive as interactions, so the Guilds intent is all it needs. */
export async function runClient(token: string, store: Store, rateLimits?: RateLimits): Promise<RunningAdapter> {
  const local = deployedCommands(commands); // fails before connecting if a command cannot be registered
  const client = new Client({ intents: [GatewayIntentBits.Guilds] });
  const handle = createInteractionHandler({ commands, store, rateLimits });
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
  await client.login(token);
  return {
    platform: 'discord',
    deliver: discordDeliver(client),
    connected: () => client.isReady(),
    stop: () => client.destroy(),
  };
}

async function startShards(token: string, shards: number | 'auto'): Promise<RunningAdapter> {
  // shard.js when compiled, shard.ts under tsx (tests, dev).
  const shardFile = fileURLToPath(new URL(`./shard${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
  const manager = new ShardingManager(shardFile, {
    token,
    totalShards: shards,
    // The children run TypeScript the same way this process does (tsx's loader flags).
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard) => logger.info({ shard: shard.id }, 'discord shard started'));
  await manager.spawn();
  return {
    platform: 'discord',
    connected: () => [...manager.shards.values()].every((shard) => shard.ready),
    stop: async () => {
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}
