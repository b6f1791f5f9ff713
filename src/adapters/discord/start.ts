// Runs the Discord bot: one gateway client, or a ShardingManager spawning one process per shard group.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type APIApplicationCommand,
  Client,
  type ClientOptions,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  Routes,
  ShardingManager,
} from 'discord.js';
import { commands as allCommands } from '../../commands/index.js';
import type { Config } from '../../config.js';
import { logger } from '../../core/log.js';
import type { Command } from '../../core/runtime/command.js';
import type { RateLimits } from '../../core/runtime/rateLimit.js';
import type { Store } from '../../core/store/store.js';
import { type Backoff, connectInBackground } from '../retry.js';
import type { AdapterDeps, RunningAdapter } from '../running.js';
import { discordDeliver } from './deliver.js';
import { deployedCommands, diffCommandSets, hasChanges } from './deploy.js';
import { forgetRemovedGuilds } from './guilds.js';
import { createInteractionHandler } from './handler.js';

export interface ClientStartOptions {
  /** Extra client options (tests pass a fake REST `makeRequest`). */
  clientOptions?: Partial<ClientOptions>;
  backoff?: Backoff;
}

/** One gateway client, or (with DISCORD_SHARDS) a ShardingManager whose shard 0 delivers reminders. */
export async function startDiscord(
  config: Pick<Config, 'discord'> & Partial<Pick<Config, 'rateLimits'>>,
  deps: AdapterDeps & ClientStartOptions,
): Promise<RunningAdapter> {
  if (!config.discord) throw new Error('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID.');
  const { http, token, applicationId } = config.discord;
  if (http) {
    // Interactions POSTed to us, with no gateway at all.
    const { startDiscordHttp } = await import('./http.js');
    return startDiscordHttp({ token, applicationId, ...http, store: deps.store, rateLimits: config.rateLimits });
  }
  if (config.discord.shards !== undefined) return startShards(config.discord.token, config.discord.shards);
  return runClient(config.discord.token, deps.store, config.rateLimits, deps);
}

/**
 * One gateway connection; slash commands arrive as interactions, so the Guilds intent is all it needs.
 * Returns at once: the login is retried with backoff in the background while Discord is unreachable.
 */
export async function runClient(
  token: string,
  store: Store,
  rateLimits?: RateLimits,
  options: ClientStartOptions & { commands?: readonly Command[] } = {},
): Promise<RunningAdapter> {
  const commands = options.commands ?? allCommands;
  const local = deployedCommands(commands); // fails before connecting if a command cannot be registered
  const handle = createInteractionHandler({ commands, store, rateLimits });
  const connect = async () => {
    // A client whose login failed is destroyed for good, so each attempt gets a new one.
    const client = new Client({ intents: [GatewayIntentBits.Guilds], ...options.clientOptions });
    client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
    forgetRemovedGuilds(client, store);
    routeLogs(client);
    client.once(Events.ClientReady, (ready) => void compareRegistered(ready, local));
    await client.login(token);
    return client;
  };
  const connection = connectInBackground(connect, {
    platform: 'discord',
    fatal: (error) =>
      error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid
        ? 'DISCORD_TOKEN was refused by Discord (invalid token): reset it under Bot at https://discord.com/developers/applications.'
        : undefined,
    backoff: options.backoff,
    close: (client) => client.destroy(),
  });
  const ready = connection.connected.then(() => {});
  ready.catch(() => {}); // stopped while connecting, or a refused token: `ended` reports that
  return {
    platform: 'discord',
    ready,
    connected: () => connection.current()?.isReady() ?? false,
    ended: connection.failed,
    deliver: async (to, reply) => {
      const client = connection.current();
      // Throwing (not false) tells the reminder worker that this is transient: it tries again later.
      if (!client) throw new Error('discord is not connected yet');
      return discordDeliver(client, store)(to, reply);
    },
    stop: connection.stop,
  };
}

/** discord.js's own log lines go through the bot's one logger (it censors the token itself; pino redacts too). */
function routeLogs(client: Client): void {
  const log = logger.child({ adapter: 'discord' });
  client.on(Events.Debug, (message) => log.debug(message));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
}

async function compareRegistered(ready: Client<true>, local: ReturnType<typeof deployedCommands>): Promise<void> {
  logger.info({ user: ready.user.tag, shards: ready.ws.shards.size }, 'discord ready');
  try {
    const remote = await ready.rest.get(Routes.applicationCommands(ready.application.id));
    const diff = diffCommandSets(local, remote as APIApplicationCommand[]);
    if (hasChanges(diff))
      logger.warn({ ...diff }, 'registered slash commands differ from the code: run npm run discord:deploy');
  } catch (error) {
    logger.warn({ err: error }, 'could not compare the registered slash commands');
  }
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
  // Each shard retries its own login while Discord is unreachable, so the manager does not wait for ready.
  await manager.spawn({ timeout: -1 });
  return {
    platform: 'discord',
    connected: () => [...manager.shards.values()].every((shard) => shard.ready),
    stop: async () => {
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}
