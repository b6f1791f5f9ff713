// Starts the Slack adapter: Socket Mode by default, HTTP when a signing secret and a port are set.
import { format } from 'node:util';
import { App, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { commands as allCommands } from '../../commands/index.js';
import type { Config } from '../../config.js';
import type { Deliver } from '../../core/followups/delivery.js';
import { logger } from '../../core/log.js';
import type { Command } from '../../core/runtime/command.js';
import type { RateLimits } from '../../core/runtime/rateLimit.js';
import type { Store } from '../../core/store/store.js';
import type { RunningAdapter } from '../running.js';
import { slackDeliver } from './deliver.js';
import { register } from './handler.js';

export type SlackConfig = NonNullable<Config['slack']>;
export type SlackMode = 'socket' | 'http';

export interface SlackBot extends RunningAdapter {
  mode: SlackMode;
  /** Sends reminders as direct messages. */
  deliver: Deliver;
  /** The HTTP port listened on (HTTP and OAuth modes). */
  port?: number;
}

/** HTTP needs a public URL, so it is chosen only when asked for with a signing secret and a port. */
export function slackMode(config: Omit<SlackConfig, 'oauth'>): SlackMode {
  return config.signingSecret && config.port ? 'http' : 'socket';
}

export async function startSlack(
  config: SlackConfig,
  store: Store,
  rateLimits?: RateLimits,
  commands: readonly Command[] = allCommands,
): Promise<SlackBot> {
  const mode = slackMode(config);
  const common = {
    token: config.botToken,
    logger: boltLogger(),
    // No listener reads context.conversation, so Bolt need not track conversations on every request.
    convoStore: false as const,
    // The Web API client's default retries span half an hour; a chat answer or a DM cannot wait that long.
    clientOptions: { retryConfig: { retries: 2 }, timeout: 10_000 },
  };
  // The Socket Mode receiver is built here (not by App) so /healthz can see its connection.
  const socket =
    mode === 'socket' ? new SocketModeReceiver({ appToken: config.appToken ?? '', logger: common.logger }) : undefined;
  const receiver = socket ?? new HTTPReceiver({ signingSecret: config.signingSecret ?? '' });
  const app = new App({ ...common, receiver });
  register(app, { commands, store, adminUserIds: config.adminUserIds, rateLimits });
  await (mode === 'http' ? app.start(config.port ?? 3000) : app.start());
  logger.info({ mode, port: mode === 'http' ? config.port : undefined }, 'slack adapter started');
  return {
    platform: 'slack',
    mode,
    deliver: slackDeliver(app.client),
    connected: () => (socket ? (socket.client.websocket?.isActive() ?? false) : true),
    stop: async () => void (await app.stop()),
  };
}

/** Bolt's log lines go through the bot's one logger (stderr, secrets redacted). */
export function boltLogger(): Logger {
  const log = logger.child({ adapter: 'slack' });
  const levels: string[] = Object.values(LogLevel);
  return {
    debug: (...msg: unknown[]) => log.debug(format(...msg)),
    info: (...msg: unknown[]) => log.info(format(...msg)),
    warn: (...msg: unknown[]) => log.warn(format(...msg)),
    error: (...msg: unknown[]) => log.error(format(...msg)),
    setLevel: (level: LogLevel) => {
      log.level = level;
    },
    getLevel: () => (levels.includes(log.level) ? (log.level as LogLevel) : LogLevel.INFO),
    setName: () => {},
  };
}
