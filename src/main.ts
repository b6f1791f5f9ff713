// Starts every adapter whose credentials are configured (with none, the console), delivers reminders
// through each, and shuts down gracefully on SIGINT/SIGTERM or at the console's end of input.
// Platform libraries, prom-client and the HTTP server load only when configured (`await import`).
import { startConsole } from './adapters/console/console.js';
import type { RunningAdapter, StartAdapter } from './adapters/running.js';
import { stopCharts } from './charts/draw.js';
import { type Config, loadConfig, loadDotEnv } from './config.js';
import { startReminderWorker } from './core/followups/loop.js';
import { logger, logUnhandledRejections } from './core/log.js';
import { useButtonSecret } from './core/runtime/buttonTokens.js';
import { drainCommands } from './core/runtime/lifecycle.js';
import { openStore, type Store } from './core/store/store.js';

/** An adapter, started when its configuration is present; its code (and platform library) loads only then. */
interface AdapterEntry {
  wanted: (config: Config) => boolean;
  load: () => Promise<StartAdapter>;
}

const ADAPTERS: AdapterEntry[] = [
  {
    wanted: (c) => c.discord !== undefined,
    load: async () => (await import('./adapters/discord/start.js')).startDiscord,
  },
  {
    wanted: (c) => Boolean(c.slack?.oauth),
    load: async () => (await import('./adapters/slack/oauth.js')).startSlackOAuth,
  },
  {
    wanted: (c) => Boolean(c.slack && !c.slack.oauth),
    load: async () => (await import('./adapters/slack/start.js')).startSlack,
  },
];

/** With no platform configured, the console answers. */
const CONSOLE: AdapterEntry = {
  wanted: () => true,
  load: async () => (config, deps) => {
    // Info lines would interleave with the prompt; an explicit LOG_LEVEL still wins.
    if (!process.env.LOG_LEVEL) logger.level = 'warn';
    return startConsole(config, deps);
  },
};

/** How long commands in flight may take to finish after a stop signal. */
const DRAIN_MS = 10_000;

/** `gigdesk start`: runs until a stop signal (or the console's end of input); resolves to the exit code. */
export async function startBot(): Promise<number> {
  logUnhandledRejections();
  loadDotEnv();
  const config = loadConfig();
  logger.level = config.logLevel;
  useButtonSecret(config.buttonSecret);
  if ((config.discord || config.slack) && !config.buttonSecret) {
    logger.info('buttons are saved in the store: set GIGDESK_BUTTON_SECRET to sign them and write nothing');
  }
  const store = openStore(config.store);
  // Listened for from the start: a stop signal while starting up still ends in a graceful stop.
  const stopSignal = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });

  const adapters: RunningAdapter[] = [];
  // Started first, so /healthz says "starting" while the platforms log in.
  const monitor = config.metricsPort === undefined ? undefined : await startMonitoring(config, adapters, store);
  if (config.discord) await mergeDiscordData(store);
  const wanted = ADAPTERS.filter((adapter) => adapter.wanted(config));
  for (const adapter of wanted.length > 0 ? wanted : [CONSOLE]) {
    adapters.push(await (await adapter.load())(config, { store }));
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
  // Charts follow their answers: those under way are drawn and sent, or abandoned before any upload starts.
  if (!(await stopCharts(DRAIN_MS))) logger.info('stopped with charts not yet drawn; they were left out');
  // Reminder sends under way finish while the adapters can still send them; jobs not yet taken stay for the next start.
  await Promise.all(stopReminders.map((stop) => stop()));
  await Promise.all(adapters.map((a) => a.stop()));
  await monitor?.stop();
  await store.close();
  logger.info('stopped');
  return 0;
}

async function startMonitoring(config: Config, adapters: RunningAdapter[], store: Store) {
  const { expectedPlatforms, startMonitor } = await import('./monitor.js');
  return startMonitor(config.metricsPort ?? 0, { expected: expectedPlatforms(config), adapters, store });
}

/** Data earlier versions kept per Discord server moves to each person's home before any command runs. */
async function mergeDiscordData(store: Store): Promise<void> {
  try {
    const { mergeDiscordDataIntoHomes } = await import('./core/privacy.js');
    const moved = await mergeDiscordDataIntoHomes(store);
    if (moved.users > 0) logger.info(moved, 'discord: merged per-server data into personal homes');
  } catch (error) {
    // The store may be away at start: what is left is merged at the next start, and merging twice adds nothing.
    logger.warn({ err: error }, 'discord: could not merge per-server data yet');
  }
}
