// One logger for the whole bot, on stderr so the console adapter's stdout stays the answer.
import { randomBytes } from 'node:crypto';
import pino from 'pino';

/** Field names whose values are never written to a log line. */
const SECRET_PATHS = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.authorization',
  'headers.authorization',
  'config.*Token',
  'config.signingSecret',
];

export const logger = pino(
  { level: process.env.LOG_LEVEL ?? 'info', redact: { paths: SECRET_PATHS, censor: '[redacted]' } },
  pino.destination({ dest: 2, sync: true }),
);

/** Short id a user can quote to an admin, which finds the matching log line. */
export function referenceId(): string {
  return randomBytes(4).toString('hex');
}
