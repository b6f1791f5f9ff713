// One logger for the whole bot, on stderr so the console adapter's stdout stays the answer.
import { randomBytes } from 'node:crypto';
import pino from 'pino';

/** Field names whose values are never written, wherever they sit one or two levels deep. */
const SECRET_FIELDS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'password',
  'clientSecret',
  'stateSecret',
  'encryptionKey',
  'buttonSecret',
  'previousEncryptionKey',
  'refreshToken',
  'client_secret',
  'access_token',
  'refresh_token',
];
const SECRET_PATHS = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

/** Exact secret values (tokens from config); any log line containing one has it replaced. */
const secretValues = new Set<string>();

export function hideInLogs(values: (string | undefined)[]): void {
  for (const value of values) {
    if (!value || value.length < 6) continue;
    secretValues.add(value);
    // A log line is JSON: a secret holding " or \ appears there escaped.
    secretValues.add(JSON.stringify(value).slice(1, -1));
  }
}

/** Slack tokens issued at run time (per-workspace bot tokens, rotating and refresh tokens) by their shape. */
const SLACK_TOKEN = /\bxox(?:e\.xox)?[a-z]-[A-Za-z0-9-]+/g;

function scrub(line: string): string {
  let out = line.replace(SLACK_TOKEN, '[redacted]');
  for (const secret of secretValues) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    // Field redaction misses a token inside a message or error text; this catches it on the way out.
    hooks: { streamWrite: scrub },
  },
  pino.destination({ dest: 2, sync: true }),
);

/** Short id a user can quote to an admin, which finds the matching log line. */
export function referenceId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * An error as one short log field: its name, code, status and the start of its message. For errors from
 * a platform client, whose full form can carry the request (a file's bytes, an upload form).
 */
export function briefError(error: unknown): Record<string, string | number> {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 200) };
  const { code, status } = error as { code?: unknown; status?: unknown };
  return {
    type: error.name,
    message: error.message.slice(0, 200),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof status === 'number' ? { status } : {}),
  };
}

/** A promise nobody awaited must not end the bot: log it with a reference id and keep running. */
export function logUnhandledRejections(): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason, ref: referenceId() }, 'unhandled rejection (kept running)');
  });
}
