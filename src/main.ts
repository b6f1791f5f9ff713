// Starts every adapter whose credentials are configured; with none, the console.
import { startConsole } from './adapters/console/console.js';
import { loadConfig, loadDotEnv } from './config.js';
import { logger } from './core/log.js';
import { openStore } from './core/store.js';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  logger.level = config.logLevel;
  const store = openStore(config.store);
  const started: Promise<void>[] = [];
  if (!config.discord && !config.slack) started.push(startConsole(store));
  await Promise.all(started);
  await store.close();
}

main().catch((error: Error) => {
  process.stderr.write(
    `${error.name === 'ConfigError' ? error.message : `gigdesk failed to start: ${error.message}`}\n`,
  );
  process.exitCode = 1;
});
