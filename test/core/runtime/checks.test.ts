// The checks before a command runs are a list: each one small, in order, and a new one is an entry.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Call, CHECKS, type Check, runChecks } from '../../../src/core/runtime/checks.js';
import { defineCommand } from '../../../src/core/runtime/command.js';
import { UserError } from '../../../src/core/runtime/errors.js';
import { reply } from '../../../src/core/runtime/reply.js';
import { testContext } from '../../support/context.js';

const note = defineCommand({
  name: 'note',
  description: 'keeps a note',
  adminOnly: true,
  options: z.object({
    text: z.string().min(1).describe('the note'),
    times: z.number().int().min(1).describe('how often'),
  }),
  run: () => reply({ lead: 'noted' }),
});

const call = (args: Record<string, unknown>, isAdmin = true): Call => ({
  command: note,
  ctx: testContext({ isAdmin }),
  given: args,
  args,
  common: {},
});

const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => 'passed',
    (error: unknown) => (error instanceof UserError ? error.code : String(error)),
  );

describe('checks before a command runs', () => {
  it('takes out share and details, cleans the text and parses the options, keeping what was given', async () => {
    const done = await runChecks(call({ text: 'Ac\u202Eme', times: 2, share: true, details: false }));
    expect(done.common).toEqual({ share: true, details: false });
    expect(done.args).toEqual({ text: 'Acme', times: 2 });
    // Buttons replay what was given, before cleaning, without the common options.
    expect(done.given).toEqual({ text: 'Ac\u202Eme', times: 2 });
  });

  it('runs in order: an admin refusal comes before a bad yes/no, which comes before a bad option', async () => {
    expect(await codeOf(runChecks(call({ text: '', share: 'maybe' }, false)))).toBe('admin_only');
    expect(await codeOf(runChecks(call({ text: '', share: 'maybe' })))).toBe('bad_yes_no');
    expect(await codeOf(runChecks(call({ text: '', times: 1 })))).toBe('invalid_option');
  });

  it('a new check is one entry in the list: a cooldown stops the command with its own code', async () => {
    const seen = new Set<string>();
    const cooldown: Check = (c) => {
      if (seen.has(c.ctx.userId)) throw new UserError('cooldown', 'Wait a moment before the next note.');
      seen.add(c.ctx.userId);
      return c;
    };
    const checks = [...CHECKS, cooldown];
    expect(await codeOf(runChecks(call({ text: 'a', times: 1 }), checks))).toBe('passed');
    expect(await codeOf(runChecks(call({ text: 'b', times: 1 }), checks))).toBe('cooldown');
    expect(await codeOf(runChecks(call({ text: 'b', times: 1 }), CHECKS))).toBe('passed');
  });
});
