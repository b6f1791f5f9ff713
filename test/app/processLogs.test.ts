// Real processes writing real logs: the Redis password never reaches a line, and an unhandled rejection is logged, not fatal.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const RAW = 'p@ss:w/rd!xyz';
const ENCODED = encodeURIComponent(RAW);
const URL_WITH_PASSWORD = `redis://default:${ENCODED}@127.0.0.1:6390`;

const script = `
import { loadConfig } from './src/config.ts';
import { logger } from './src/core/log.ts';
loadConfig({ REDIS_URL: ${JSON.stringify(URL_WITH_PASSWORD)} });
logger.warn({ url: ${JSON.stringify(URL_WITH_PASSWORD)} }, 'connecting to ' + ${JSON.stringify(URL_WITH_PASSWORD)});
logger.error({ err: new Error('auth failed for ' + ${JSON.stringify(RAW)}) }, 'raw ' + ${JSON.stringify(RAW)});
logger.error('encoded ' + ${JSON.stringify(ENCODED)});
`;

describe('log redaction', () => {
  it('hides the Redis password raw, URL-encoded and inside the URL', () => {
    const run = spawnSync('node', ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, LOG_LEVEL: 'info' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const form of [RAW, ENCODED, 'p@ss', 'w/rd']) expect(run.stderr).not.toContain(form);
    expect(run.stderr).toContain('[redacted]');
  });
});

describe('unhandled rejections', () => {
  it('are logged with a reference id and the process keeps running', () => {
    const code = `
import { logUnhandledRejections } from './src/core/log.ts';
logUnhandledRejections();
Promise.reject(new Error('slack.com unreachable'));
setTimeout(() => process.stdout.write('still running'), 50);
`;
    const run = spawnSync('node', ['--import', 'tsx', '--input-type=module', '-e', code], {
      env: { ...process.env, LOG_LEVEL: 'info' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('still running');
    expect(JSON.parse(run.stderr.trim())).toMatchObject({
      ref: expect.stringMatching(/^[0-9a-f]{8}$/),
      msg: expect.stringContaining('unhandled'),
    });
  });
});
