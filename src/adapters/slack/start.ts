// Starts the Slack adapter: Socket Mode by default, HTTP when a signing secret and a port are set.

import type { RequestListener } from 'node:http';
import { format } from 'node:util';
import { App, HTTPModuleFunctions, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import { commands as allCommands } from '../../commands/index.js';
import type { Config } from '../../config.js';
import type { Deliver } from '../../core/followups/delivery.js';
import { logger } from '../../core/log.js';
import { type Backoff, connectInBackground } from '../retry.js';
import type { AdapterDeps, RunningAdapter } from '../running.js';
import { serveOn } from '../sharedPort.js';
import { slackDeliver } from './deliver.js';
import { register } from './handler.js';

export type SlackConfig = NonNullable<Config['slack']>;
export type SlackMode = 'socket' | 'http';

export interface SlackBot extends RunningAdapter {
  mode: SlackMode;
  /** Sends reminders as direct messages. */
  deliver: Deliver;
  /** The HTTP port listened on (HTTP and OAuth modes; in HTTP mode, known once connected). */
  port?: number;
}

/** HTTP needs a public URL, so it is chosen only when asked for with a signing secret and a port. */
export function slackMode(config: Omit<SlackConfig, 'oauth'>): SlackMode {
  return config.signingSecret && config.port ? 'http' : 'socket';
}

export interface SlackStartOptions {
  /** Web API client options (tests pass a fake fetch). */
  clientOptions?: webApi.WebClientOptions;
  /** HTTP mode's listen address (tests: 127.0.0.1). */
  host?: string;
  backoff?: Backoff;
}

/** auth.test answers that no retry fixes: the token itself is wrong. */
const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/**
 * Returns at once; Bolt is built and started in the background once auth.test answers (retried while
 * slack.com is unreachable), because Bolt would keep a failed auth.test and refuse every request.
 */
export async function startSlack(
  { slack: config, rateLimits }: Pick<Config, 'slack'> & Partial<Pick<Config, 'rateLimits'>>,
  deps: AdapterDeps & SlackStartOptions,
): Promise<SlackBot> {
  if (!config) throw new Error('Slack is not configured: set SLACK_BOT_TOKEN (see .env.example).');
  const { store, ...options } = deps;
  const mode = slackMode(config);
  const botToken = config.botToken ?? '';
  const clientOptions: webApi.WebClientOptions = {
    // The Web API client's default retries span half an hour; a chat answer or a DM cannot wait that long.
    retryConfig: { retries: 2 },
    timeout: 10_000,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...options.clientOptions,
  };
  const connect = async () => {
    // One attempt per call: the retries are connectWithRetry's, with their log line.
    const once = { ...clientOptions, retryConfig: { retries: 0 }, logger: boltLogger() };
    const auth = await new webApi.WebClient(botToken, once).auth.test();
    const common = {
      token: botToken,
      botId: auth.bot_id,
      botUserId: auth.user_id,
      tokenVerificationEnabled: false,
      logger: boltLogger(),
      // No listener reads context.conversation, so Bolt need not track conversations on every request.
      convoStore: false as const,
      clientOptions,
    };
    // The Socket Mode receiver is built here (not by App) so /healthz can see its connection.
    const socket =
      mode === 'socket'
        ? new SocketModeReceiver({ appToken: config.appToken ?? '', logger: common.logger })
        : undefined;
    const http = socket ? undefined : new HTTPReceiver({ signingSecret: config.signingSecret ?? '' });
    const app = new App({ ...common, receiver: socket ?? http });
    register(app, { commands: options.commands ?? allCommands, store, adminUserIds: config.adminUserIds, rateLimits });
    if (http) {
      // Served on a port Discord's interactions may share (DISCORD_HTTP_PORT equal to SLACK_PORT).
      const served = await serveOn(config.port ?? 3000, options.host, '', boltListener(http, common.logger));
      return { app, socket, port: served.port, stop: served.close };
    }
    try {
      await app.start();
      return { app, socket, port: undefined, stop: () => app.stop() };
    } catch (error) {
      await app.stop().catch(() => {});
      throw error;
    }
  };
  const connection = connectInBackground(connect, {
    platform: 'slack',
    fatal: refusedAtStart,
    backoff: options.backoff,
    close: async ({ stop }) => void (await stop()),
  });
  const bot: SlackBot = {
    platform: 'slack',
    mode,
    ready: connection.connected.then(({ port }) => {
      bot.port = port;
      logger.info({ mode, port: bot.port }, 'slack adapter started');
    }),
    ended: connection.failed,
    connected: () => {
      const made = connection.current();
      return made?.socket ? (made.socket.client.websocket?.isActive() ?? false) : made !== undefined;
    },
    deliver: async (to, reply) => {
      const app = connection.current()?.app;
      // Throwing (not false) tells the reminder worker that this is transient: it tries again later.
      if (!app) throw new Error('slack is not connected yet');
      return slackDeliver(app.client, store)(to, reply);
    },
    stop: connection.stop,
  };
  bot.ready?.catch(() => {}); // stopped while connecting, or a refused token: `ended` reports that
  return bot;
}

/** Bolt's HTTP handling on a server gigdesk owns: unknown paths get Bolt's own 404, a failure its 500. */
export function boltListener(receiver: HTTPReceiver, log: Logger): RequestListener {
  return (request, response) => {
    try {
      receiver.requestListener(request, response);
    } catch (error) {
      HTTPModuleFunctions.defaultDispatchErrorHandler({ error: error as Error, logger: log, request, response });
    }
  };
}

/** The message to stop with when Slack refused the token or the port cannot be listened on. */
function refusedAtStart(error: unknown): string | undefined {
  const { code, data } = error as { code?: string; data?: { error?: string } };
  if (code === webApi.ErrorCode.PlatformError && data?.error && REFUSED_TOKEN.has(data.error))
    return `SLACK_BOT_TOKEN was refused by Slack (${data.error}): copy the Bot User OAuth Token again from your app's Install App page.`;
  if (code === 'EADDRINUSE' || code === 'EACCES') return `SLACK_PORT cannot be listened on (${code}).`;
  return undefined;
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
