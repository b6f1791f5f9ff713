// Entry point of one shard process spawned by the ShardingManager (discord.js passes the shard ids by env).
import { loadConfig, loadDotEnv } from '../../config.js';
import { logger } from '../../core/log.js';
import { openStore } from '../../core/store.js';
import { runClient } from './start.js';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  logger.level = config.logLevel;
  if (!config.discord) throw new Error('DISCORD_TOKEN is not set for the shard process');
  const store = openStore(config.store);
  try {
    await runClient(config.discord.token, store);
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => {
  logger.error({ err: error }, 'discord shard failed');
  process.exitCode = 1;
});
