import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('needs nothing: no tokens means the console, SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config.discord).toBeUndefined();
    expect(config.slack).toBeUndefined();
    expect(config.store).toEqual({ sqlitePath: './data/gigdesk.sqlite', redisUrl: undefined });
  });

  it('treats empty values (as copied from .env.example) as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', REDIS_URL: ' ' }).discord).toBeUndefined();
  });

  it('reads Slack HTTP mode and admin ids', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_PORT: '3000',
      SLACK_ADMIN_USER_IDS: 'U1, U2',
    });
    expect(config.slack).toMatchObject({ port: 3000, adminUserIds: ['U1', 'U2'] });
  });

  it('signs buttons with GIGDESK_BUTTON_SECRET, else GIGDESK_ENCRYPTION_KEY, else not at all', () => {
    const key = 'ab'.repeat(32);
    const secret = 'x'.repeat(32);
    expect(loadConfig({}).buttonSecret).toBeUndefined();
    expect(loadConfig({ GIGDESK_ENCRYPTION_KEY: key }).buttonSecret).toBe(key);
    expect(loadConfig({ GIGDESK_ENCRYPTION_KEY: key, GIGDESK_BUTTON_SECRET: secret }).buttonSecret).toBe(secret);
    expect(() => loadConfig({ GIGDESK_BUTTON_SECRET: 'short' })).toThrow('GIGDESK_BUTTON_SECRET must be at least 32');
  });

  it.each([
    [{ DISCORD_TOKEN: 'abc' }, 'DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set'],
    [{ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN must start with xoxb-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN is required'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }, 'SLACK_PORT is required for Slack HTTP mode'],
    [{ SLACK_PORT: '99999' }, 'SLACK_PORT must be at most 65535'],
    [{ SLACK_PORT: 'eighty' }, 'SLACK_PORT must be a whole number'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must start with redis://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ REDIS_URL: 'redis://[::1' }, 'REDIS_URL is not a valid URL'],
    [{ DISCORD_SHARDS: '0' }, 'DISCORD_SHARDS must be at least 1'],
    [{ DISCORD_SHARDS: '2' }, 'REDIS_URL is required when DISCORD_SHARDS is more than 1 or auto'],
    [{ DISCORD_SHARDS: 'auto' }, 'REDIS_URL is required when DISCORD_SHARDS is more than 1 or auto'],
    [{ DISCORD_API_URL: 'http://127.0.0.1:9/api' }, 'DISCORD_API_URL is used only in Discord HTTP mode'],
    [{ DISCORD_API_URL: 'https://discord.com/api/' }, 'DISCORD_API_URL must be a URL without a trailing /'],
  ])('%j fails naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  const oauth = {
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'client-secret-value-123',
    SLACK_STATE_SECRET: 'state-secret-value-1234567',
    SLACK_SIGNING_SECRET: 's',
    SLACK_PORT: '3000',
    GIGDESK_ENCRYPTION_KEY: 'ab'.repeat(32),
  };

  it('reads Slack OAuth mode without a bot token', () => {
    const config = loadConfig({ ...oauth, SLACK_PUBLIC_URL: 'https://bot.example.com' });
    expect(config.slack?.botToken).toBeUndefined();
    expect(config.slack?.oauth).toMatchObject({ clientId: '1111.2222', publicUrl: 'https://bot.example.com' });
  });

  it.each([
    [{ ...oauth, GIGDESK_ENCRYPTION_KEY: '' }, 'GIGDESK_ENCRYPTION_KEY is required for Slack OAuth mode'],
    [
      { ...oauth, GIGDESK_ENCRYPTION_KEY: 'ab'.repeat(31) },
      'GIGDESK_ENCRYPTION_KEY must be 32 bytes written as 64 hex',
    ],
    [{ ...oauth, SLACK_STATE_SECRET: '' }, 'SLACK_STATE_SECRET is required for Slack OAuth mode'],
    [{ ...oauth, SLACK_PORT: '' }, 'SLACK_PORT is required for Slack OAuth mode'],
    [{ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_BOT_TOKEN must be empty in Slack OAuth mode'],
    [{ ...oauth, SLACK_PUBLIC_URL: 'https://bot.example.com/slack' }, 'SLACK_PUBLIC_URL must be the bare origin'],
  ])('OAuth mode %#: fails naming the variable, never its value', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    expect(() => loadConfig(env)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('client-secret-value-123') }),
    );
  });

  it('runs shards with Redis, and one shard without it', () => {
    expect(loadConfig({ DISCORD_SHARDS: 'auto', REDIS_URL: 'redis://h:6379' }).store.redisUrl).toBe('redis://h:6379');
    expect(loadConfig({ DISCORD_SHARDS: '1' }).store.redisUrl).toBeUndefined();
  });

  it('never echoes a secret value in its message', () => {
    const secret = 'xoxp-very-secret-token-value';
    expect(() => loadConfig({ SLACK_BOT_TOKEN: secret, SLACK_APP_TOKEN: 'xapp-1' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) }),
    );
  });
});
