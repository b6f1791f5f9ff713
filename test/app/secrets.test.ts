// Tokens never reach a log line: the real logger in a child process, its stderr captured and searched.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SECRETS = {
  DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.discord-secret-token',
  SLACK_BOT_TOKEN: 'xoxb-111-222-slack-bot-secret',
  SLACK_APP_TOKEN: 'xapp-1-A111-slack-app-secret',
  SLACK_SIGNING_SECRET: 'signing-secret-abcdef',
  REDIS_URL: 'redis://:redis-password-123@127.0.0.1:1',
  GIGDESK_BUTTON_SECRET: 'button-secret-0123456789abcdef0123456789',
};

// Logs the config, an error whose message carries a token, and request headers, the ways a bug might.
const script = `
  const { loadConfig } = await import('./src/config.ts');
  const { logger } = await import('./src/core/log.ts');
  const config = loadConfig();
  logger.info({ config }, 'config loaded');
  logger.error({ err: new Error('auth failed for ' + config.slack.botToken) }, 'request failed');
  logger.warn({ headers: { authorization: 'Bearer ' + config.discord.token } }, 'http');
  logger.info('connecting with ' + config.slack.appToken + ' and ' + config.store.redisUrl);
  logger.debug({ signing: process.env.GIGDESK_BUTTON_SECRET }, 'buttons signed with ' + config.buttonSecret);
`;

describe('secrets in logs', () => {
  it('are redacted by field and by value', async () => {
    const { stderr } = await run('node', ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, ...SECRETS, DISCORD_APPLICATION_ID: '123456789012345678', LOG_LEVEL: 'debug' },
    });
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(stderr).toContain('[redacted]');
    expect(stderr).toContain('auth failed for');
    for (const [name, value] of Object.entries(SECRETS)) {
      const secret = name === 'REDIS_URL' ? 'redis-password-123' : value;
      expect(stderr, name).not.toContain(secret);
    }
  });

  it('are redacted when a secret holds a quote or a backslash (its JSON-escaped form in the line)', async () => {
    const secret = 'pa"ss\\word-123';
    const script = `
      const { hideInLogs, logger } = await import('./src/core/log.ts');
      hideInLogs([process.env.ODD_SECRET]);
      logger.info('connecting with ' + process.env.ODD_SECRET);
      logger.info({ note: 'key ' + process.env.ODD_SECRET + ' end' }, 'in a field');
    `;
    const { stderr } = await run('node', ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, ODD_SECRET: secret, LOG_LEVEL: 'info' },
    });
    expect(stderr.trim().split('\n')).toHaveLength(2);
    expect(stderr.match(/\[redacted\]/g)).toHaveLength(2);
    expect(stderr).not.toContain('word-123');
    expect(stderr).not.toContain(JSON.stringify(secret).slice(1, -1));
  });
});
