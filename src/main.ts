// Starts every adapter whose credentials are configured (with none, the console), delivers reminders
// through each, and shuts down gracefully on SIGINT/SIGTERM or at the console's end of input.
import { startConsole } from './adapters/console/console.js';
import { startDiscord } from './adapters/discord/start.js';
import type { RunningAdapter } from './adapters/running.js';
import { startSlackOAuth } from './adapters/slack/oauth.js';
import { startSlack } from './adapters/slack/start.js';
import { loadConfig, loadDotEnv } from './config.js';
import { startReminderWorker } from './core/followups/loop.js';
import { logger, logUnhandledRejections } from './core/log.js';
import { drainCommands } from './core/runtime/lifecycle.js';
import { openStore } from './core/store/store.js';

/** How long commands in flight may take to finish after a stop signal. */
const DRAIN_MS = 10_000;

async function main(): Promise<void> {
  logUnhandledRejections();
  loadDotEnv();
  const config = loadConfig();
  logger.level = config.logLevel;
  const store = openStore(config.store);
  // Listened for from the start: a stop signal while starting up still ends in a graceful stop.
  const stopSignal = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });

  const adapters: RunningAdapter[] = [];
  if (config.discord) adapters.push(await startDiscord(config, store));
  if (config.slack?.oauth) adapters.push(await startSlackOAuth(config.slack, store, { rateLimits: config.rateLimits }));
  else if (config.slack) adapters.push(await startSlack(config.slack, store, config.rateLimits));
  if (adapters.length === 0) {
    // Info lines would interleave with the prompt; an explicit LOG_LEVEL still wins.
    if (!process.env.LOG_LEVEL) logger.level = 'warn';
    adapters.push(startConsole(store, process.stdin, process.stdout, config.outDir));
  }
  const stopReminders = await Promise.all(
    adapters.flatMap((a) => (a.deliver ? [startReminderWorker(store, a.deliver, { platforms: [a.platform] })] : [])),
  );

  const signal = await Promise.race([
    stopSignal,
    ...adapters.flatMap((a) => (a.ended ? [a.ended.then(() => 'end of input')] : [])),
  ]);
  logger.info({ reason: signal }, 'stopping');
  // New commands are refused from here; those in flight finish and their answers go out before disconnecting.
  const finished = await drainCommands(DRAIN_MS);
  if (!finished) logger.warn('stopped with commands still in flight');
  // Reminder sends under way finish while the adapters can still send them; jobs not yet taken stay for the next start.
  await Promise.all(stopReminders.map((stop) => stop()));
  await Promise.all(adapters.map((a) => a.stop()));
  await store.close();
  logger.info('stopped');
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: Error) => {
    process.stderr.write(
      `${error.name === 'ConfigError' ? error.message : `gigdesk failed to start: ${error.message}`}\n`,
    );
    process.exit(1);
  },
);
