// Where reminders arrive, said for the platform the answer goes to: never the console's words on a chat.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { Platform } from '../../src/core/runtime/command.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const started = async (platform: Platform) => {
  const answer = await runText('/followup start Dana today', commands, testContext({ platform }));
  expect(answer.outcome).toBe('ok');
  return JSON.stringify(answer.reply.blocks);
};

describe('/followup start says where reminders come', () => {
  it.each([
    ['discord', 'a direct message from gigdesk'],
    ['slack', 'a direct message from the gigdesk app'],
    ['console', 'printed here in the console'],
  ] as const)('on %s: %s', async (platform, where) => {
    const shown = await started(platform);
    expect(shown).toContain(`Reminders come only to you (${where})`);
    if (platform !== 'console') expect(shown).not.toMatch(/console|printed/);
  });
});
