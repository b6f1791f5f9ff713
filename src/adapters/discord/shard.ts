// Entry point of one shard process spawned by the ShardingManager (discord.js passes the shard ids by env).
import { loadConfig, loadDotEnv } from '../../config.js';
import { startReminderWorker } from '../../core/followups/loop.js';
import { logger, logUnhandledRejections } from '../../core/log.js';
import { useButtonSecret } from '../../core/runtime/buttonTokens.js';
import { openStore } from '../../core/store/store.js';
import { runClient } from './start.js';

async function main(): Promise<void> {
  logUnhandledRejections();
  loadDotEnv();
  const config = loadConfig();
  logger.level = config.logLevel;
  useButtonSecret(config.buttonSecret);
  if (!config.discord) throw new Error('DISCORD_TOKEN is not set for the shard process');
  const store = openStore(config.store);
  const bot = await runClient(config.discord.token, store, config.rateLimits);
  // Any shard can DM any user: on Redis every shard works the reminder queue (a job goes to one
  // worker, and a shard that dies leaves its jobs to the others); on one SQLite file only shard 0.
  const isFirstShard = (process.env.SHARDS ?? '0').split(',')[0] === '0';
  const stopReminders =
    (isFirstShard || store.schedule.kind === 'bullmq') && bot.deliver
      ? await startReminderWorker(store, bot.deliver, { platforms: ['discord'] })
      : async () => {};
  await Promise.race([
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }),
    bot.ended, // rejects when Discord refuses the token
  ]);
  await stopReminders();
  await bot.stop();
  await store.close();
}

main().catch((error: Error) => {
  logger.error({ err: error }, 'discord shard failed');
  process.exitCode = 1;
});
