// Reads the environment once, through one schema, and names exactly what is wrong.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { hideInLogs } from './core/log.js';
import type { RateLimits } from './core/runtime/rateLimit.js';

/** Unless RATE_LIMIT_* say otherwise. */
const DEFAULT_RATE_LIMITS: RateLimits = { perUser: 20, perWorkspace: 300, windowMs: 60_000 };

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const schema = z
  .object({
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.pipe(
      z
        .string()
        .regex(/^\d{15,21}$/, 'must be a Discord snowflake (digits)')
        .optional(),
    ),
    DISCORD_SHARDS: optionalText.pipe(z.union([z.literal('auto'), wholeNumber(1, 1000)]).optional()),
    DISCORD_PUBLIC_KEY: optionalText.pipe(
      z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, 'must be the application public key: 64 hex characters')
        .optional(),
    ),
    DISCORD_HTTP_PORT: optionalText.pipe(wholeNumber(0, 65535).optional()),
    DISCORD_API_URL: optionalText.pipe(
      z
        .string()
        .regex(/^https?:\/\/.+[^/]$/, 'must be a URL without a trailing /, like https://discord.com/api')
        .refine((v) => URL.canParse(v), 'is not a valid URL')
        .optional(),
    ),
    SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
    SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_PORT: optionalText.pipe(wholeNumber(1, 65535).optional()),
    SLACK_ADMIN_USER_IDS: optionalText,
    SLACK_CLIENT_ID: optionalText.pipe(
      z
        .string()
        .regex(/^\d+\.\d+$/, 'must look like 1234567890.1234567890 (Basic Information -> Client ID)')
        .optional(),
    ),
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    SLACK_PUBLIC_URL: optionalText.pipe(
      z
        .string()
        .regex(/^https?:\/\/[^/]+$/, 'must be the bare origin, like https://bot.example.com (no path)')
        .refine((v) => URL.canParse(v), 'is not a valid URL')
        .optional(),
    ),
    SLACK_API_URL: optionalText.pipe(
      z
        .string()
        .regex(/^https?:\/\/.+\/$/, 'must be a URL ending in /, like https://slack.com/api/')
        .refine((v) => URL.canParse(v), 'is not a valid URL')
        .optional(),
    ),
    GIGDESK_ENCRYPTION_KEY: optionalText.pipe(
      z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, 'must be 32 bytes written as 64 hex characters (openssl rand -hex 32)')
        .optional(),
    ),
    GIGDESK_BUTTON_SECRET: optionalText.pipe(
      z.string().min(32, 'must be at least 32 characters (openssl rand -hex 32)').optional(),
    ),
    // While rotating: the key values were sealed with before, used to read them (never to seal).
    GIGDESK_ENCRYPTION_KEY_PREVIOUS: optionalText.pipe(
      z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, 'must be 32 bytes written as 64 hex characters, like GIGDESK_ENCRYPTION_KEY')
        .optional(),
    ),
    REDIS_URL: optionalText.pipe(
      z
        .string()
        .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
        .refine((v) => URL.canParse(v), 'is not a valid URL')
        .optional(),
    ),
    GIGDESK_DB_PATH: optionalText.default('./data/gigdesk.sqlite'),
    GIGDESK_OUT_DIR: optionalText.default('./out'),
    RATE_LIMIT_PER_USER: optionalText.pipe(wholeNumber(1, 100_000).optional()),
    RATE_LIMIT_PER_WORKSPACE: optionalText.pipe(wholeNumber(1, 1_000_000).optional()),
    RATE_LIMIT_WINDOW_SECONDS: optionalText.pipe(wholeNumber(1, 86_400).optional()),
    METRICS_PORT: optionalText.pipe(wholeNumber(0, 65535).optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID)
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_APPLICATION_ID'],
        message: 'is required when DISCORD_TOKEN is set',
      });
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: 'is required when SLACK_BOT_TOKEN is set (or SLACK_SIGNING_SECRET with SLACK_PORT for HTTP mode)',
      });
    // Each shard is a process; without Redis they would all write one SQLite file and deliver every reminder.
    if (env.DISCORD_PUBLIC_KEY && env.DISCORD_HTTP_PORT === undefined)
      ctx.addIssue({ code: 'custom', path: ['DISCORD_HTTP_PORT'], message: 'is required for Discord HTTP mode' });
    if (env.DISCORD_API_URL && !env.DISCORD_PUBLIC_KEY)
      ctx.addIssue({ code: 'custom', path: ['DISCORD_API_URL'], message: 'is used only in Discord HTTP mode' });
    if (env.DISCORD_PUBLIC_KEY && env.DISCORD_SHARDS !== undefined)
      ctx.addIssue({ code: 'custom', path: ['DISCORD_SHARDS'], message: 'has no use in HTTP mode (no gateway)' });
    if (env.DISCORD_SHARDS !== undefined && env.DISCORD_SHARDS !== 1 && !env.REDIS_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'is required when DISCORD_SHARDS is more than 1 or auto (shards are separate processes)',
      });
    if (env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN && !env.SLACK_PORT)
      ctx.addIssue({ code: 'custom', path: ['SLACK_PORT'], message: 'is required for Slack HTTP mode' });
    if (env.GIGDESK_ENCRYPTION_KEY_PREVIOUS && !env.GIGDESK_ENCRYPTION_KEY)
      ctx.addIssue({
        code: 'custom',
        path: ['GIGDESK_ENCRYPTION_KEY_PREVIOUS'],
        message: 'needs GIGDESK_ENCRYPTION_KEY (the new key) beside it',
      });
    oauthIssues(env).forEach(([variable, message]) => {
      ctx.addIssue({ code: 'custom', path: [variable], message });
    });
  });

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** OAuth mode (one deployment, many workspaces) needs all three variables, HTTP mode and the encryption key. */
function oauthIssues(env: Partial<Record<string, unknown>>): [string, string][] {
  if (!OAUTH_VARIABLES.some((v) => env[v])) return [];
  const needs = 'is required for Slack OAuth mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)';
  const issues: [string, string][] = [...OAUTH_VARIABLES, 'SLACK_SIGNING_SECRET', 'SLACK_PORT']
    .filter((v) => !env[v])
    .map((v) => [v, needs]);
  if (!env.GIGDESK_ENCRYPTION_KEY)
    issues.push(['GIGDESK_ENCRYPTION_KEY', `${needs}: it encrypts the stored workspace tokens`]);
  if (env.SLACK_BOT_TOKEN)
    issues.push([
      'SLACK_BOT_TOKEN',
      "must be empty in Slack OAuth mode (each workspace's token comes from its install)",
    ]);
  return issues;
}

export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses variables into the config; the error message names each bad variable but never its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`);
    throw new ConfigError(`Configuration problem:\n  ${lines.join('\n  ')}\nSee .env.example.`);
  }
  const config = toConfig(parsed.data);
  hideInLogs([config.discord?.token, config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret]);
  const oauth = config.slack?.oauth;
  hideInLogs([oauth?.clientSecret, oauth?.stateSecret, oauth?.encryptionKey, oauth?.previousEncryptionKey]);
  hideInLogs(redisSecrets(config.store.redisUrl));
  hideInLogs([config.buttonSecret]);
  return config;
}

/** The Redis password as written in the URL (percent-encoded), decoded, and the whole URL. */
function redisSecrets(url: string | undefined): string[] {
  const password = url ? new URL(url).password : '';
  if (!password) return [];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {} // a malformed escape: the encoded form is what appears
  return [url ?? '', password, decoded];
}

function toConfig(env: z.output<typeof schema>) {
  return {
    discord: env.DISCORD_TOKEN
      ? {
          token: env.DISCORD_TOKEN,
          applicationId: env.DISCORD_APPLICATION_ID ?? '',
          shards: env.DISCORD_SHARDS,
          // Interactions POSTed to our HTTP endpoint instead of a gateway connection.
          http:
            env.DISCORD_PUBLIC_KEY && env.DISCORD_HTTP_PORT !== undefined
              ? {
                  publicKey: env.DISCORD_PUBLIC_KEY,
                  port: env.DISCORD_HTTP_PORT,
                  // Optional: a proxy (or a test's fake Discord) for the REST calls after the first answer.
                  ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
                }
              : undefined,
        }
      : undefined,
    slack:
      env.SLACK_BOT_TOKEN || env.SLACK_CLIENT_ID
        ? {
            botToken: env.SLACK_BOT_TOKEN,
            oauth: oauthConfig(env),
            appToken: env.SLACK_APP_TOKEN,
            signingSecret: env.SLACK_SIGNING_SECRET,
            port: env.SLACK_PORT,
            // Optional: tests and proxies point the Web API elsewhere; unset means https://slack.com/api/.
            ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
            adminUserIds: (env.SLACK_ADMIN_USER_IDS ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          }
        : undefined,
    store: { sqlitePath: env.GIGDESK_DB_PATH, redisUrl: env.REDIS_URL },
    /** Signs buttons that carry their action (see actions.ts); unset: every button is saved in the store. */
    buttonSecret: env.GIGDESK_BUTTON_SECRET ?? env.GIGDESK_ENCRYPTION_KEY,
    rateLimits: {
      perUser: env.RATE_LIMIT_PER_USER ?? DEFAULT_RATE_LIMITS.perUser,
      perWorkspace: env.RATE_LIMIT_PER_WORKSPACE ?? DEFAULT_RATE_LIMITS.perWorkspace,
      windowMs: (env.RATE_LIMIT_WINDOW_SECONDS ?? DEFAULT_RATE_LIMITS.windowMs / 1000) * 1000,
    },
    logLevel: env.LOG_LEVEL,
    /** Where the console writes files that come with answers (exports, charts). */
    outDir: env.GIGDESK_OUT_DIR,
    /** Serves /healthz and /metrics when set (0 picks a free port). */
    metricsPort: env.METRICS_PORT,
  };
}

/** Present in OAuth mode; the schema has checked that every part is set. */
function oauthConfig(env: z.output<typeof schema>) {
  if (!env.SLACK_CLIENT_ID) return undefined;
  return {
    clientId: env.SLACK_CLIENT_ID,
    clientSecret: env.SLACK_CLIENT_SECRET ?? '',
    stateSecret: env.SLACK_STATE_SECRET ?? '',
    encryptionKey: env.GIGDESK_ENCRYPTION_KEY ?? '',
    ...(env.GIGDESK_ENCRYPTION_KEY_PREVIOUS ? { previousEncryptionKey: env.GIGDESK_ENCRYPTION_KEY_PREVIOUS } : {}),
    publicUrl: env.SLACK_PUBLIC_URL,
    apiUrl: env.SLACK_API_URL,
  };
}

/** Loads ./.env into process.env when present (variables already set win). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
