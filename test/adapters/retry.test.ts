// The start-up retry policy: doubling waits with a ceiling, fatal errors not retried, a stop ends it.
import { describe, expect, it } from 'vitest';
import { backoffDelay, connectWithRetry, reasonOf } from '../../src/adapters/retry.js';
import { ConfigError } from '../../src/config.js';

describe('backoffDelay', () => {
  it('waits 1 s, doubling up to one minute, then once a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => backoffDelay(n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });
});

describe('connectWithRetry', () => {
  const fast = { firstMs: 1, maxMs: 2 };

  it('keeps trying until the connection is made', async () => {
    let attempts = 0;
    const made = await connectWithRetry(
      async () => {
        if (++attempts < 4) throw new TypeError('fetch failed');
        return 'connected';
      },
      { platform: 'slack', fatal: () => undefined, signal: new AbortController().signal, backoff: fast },
    );
    expect(made).toBe('connected');
    expect(attempts).toBe(4);
  });

  it('stops at once with the fatal message, without a retry', async () => {
    let attempts = 0;
    const failed = connectWithRetry(
      async () => {
        attempts++;
        throw new Error('401');
      },
      { platform: 'discord', fatal: () => 'DISCORD_TOKEN was refused', signal: new AbortController().signal },
    );
    await expect(failed).rejects.toThrow(new ConfigError('DISCORD_TOKEN was refused'));
    expect(attempts).toBe(1);
  });

  it('ends when stopped between attempts', async () => {
    const stop = new AbortController();
    let attempts = 0;
    const failed = connectWithRetry(
      async () => {
        if (++attempts === 2) stop.abort();
        throw new TypeError('fetch failed');
      },
      { platform: 'slack', fatal: () => undefined, signal: stop.signal, backoff: fast },
    );
    await expect(failed).rejects.toThrow();
    expect(attempts).toBe(2);
  });
});

describe('reasonOf', () => {
  it('names the code and the cause of a network failure', () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND slack.com'), { code: 'ENOTFOUND' });
    expect(reasonOf(new TypeError('fetch failed', { cause }))).toBe(
      'fetch failed: ENOTFOUND getaddrinfo ENOTFOUND slack.com',
    );
  });
});
