// Every adapter starts the same way, (config, deps) => Promise<RunningAdapter>, so main.ts starts a list.
import { describe, expectTypeOf, it } from 'vitest';
import { startConsole } from '../../src/adapters/console/console.js';
import { startDiscord } from '../../src/adapters/discord/start.js';
import type { RunningAdapter, StartAdapter } from '../../src/adapters/running.js';
import { startSlackOAuth } from '../../src/adapters/slack/oauth.js';
import { startSlack } from '../../src/adapters/slack/start.js';

describe('one adapter shape', () => {
  it('console, Discord, Slack and Slack OAuth are each a StartAdapter', () => {
    expectTypeOf(startConsole).toExtend<StartAdapter>();
    expectTypeOf(startDiscord).toExtend<StartAdapter>();
    expectTypeOf(startSlack).toExtend<StartAdapter>();
    expectTypeOf(startSlackOAuth).toExtend<StartAdapter>();
    // The shape is strict: a start function that wants a bare store, as before, does not fit.
    const storeFirst = async (_store: { kind: string }): Promise<RunningAdapter> => ({
      platform: 'console',
      stop: async () => {},
    });
    // @ts-expect-error a start function must take (config, deps)
    expectTypeOf(storeFirst).toExtend<StartAdapter>();
  });
});
