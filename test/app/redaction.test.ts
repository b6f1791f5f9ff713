// The Redis password never reaches a log line, in any form, from a real process writing real logs.
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
