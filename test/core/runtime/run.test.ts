import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { logger } from '../../../src/core/log.js';
import { defineCommand } from '../../../src/core/runtime/command.js';
import { UserError } from '../../../src/core/runtime/errors.js';
import { reply, text } from '../../../src/core/runtime/reply.js';
import { runCommand, runText } from '../../../src/core/runtime/run.js';
import { StorageUnavailableError } from '../../../src/core/store/errors.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';

const ctx = testContext;

const calls: unknown[] = [];
const sum = defineCommand({
  name: 'sum',
  description: 'adds',
  options: z.object({
    a: z.number().int().min(0).max(100).describe('first'),
    b: z.number().describe('second'),
    mode: z.enum(['fast', 'slow']).optional().describe('how'),
    label: z.string().min(1).max(5).optional().describe('a label'),
  }),
  run: (args) => {
    calls.push(args);
    return reply({ lead: `sum ${args.a + args.b}`, blocks: [text('done')], details: [text('a + b')] });
  },
});
const boom = defineCommand({
  name: 'boom',
  description: 'fails',
  options: z.object({}),
  run: () => {
    throw new Error('secret internals at /srv/app.ts:12');
  },
});
const offline = defineCommand({
  name: 'offline',
  description: 'storage down',
  options: z.object({}),
  run: () => {
    throw new StorageUnavailableError('redis refused');
  },
});
const adminOnly = defineCommand({
  name: 'settings',
  description: 'admin',
  adminOnly: true,
  options: z.object({}),
  run: () => reply({ lead: 'changed' }),
});
const registry = [sum, boom, offline, adminOnly];

describe('runText', () => {
  it('answers privately by default and publicly when shared', async () => {
    const priv = await runText('/sum 2 3', registry, ctx());
    expect(priv).toMatchObject({ outcome: 'ok', reply: { lead: 'sum 5', visibility: 'private' } });
    const pub = await runText('/sum 2 3 share:yes', registry, ctx());
    expect(pub.reply.visibility).toBe('public');
  });

  it('keeps details back unless asked for, then shows them after the short answer', async () => {
    const short = await runText('/sum 2 3', registry, ctx());
    expect(short.reply.blocks).toEqual([text('done')]);
    expect(short.reply.details).toEqual([text('a + b')]);
    const whole = await runText('/sum 2 3 details:yes', registry, ctx());
    expect(whole.reply.blocks).toEqual([text('done'), text('a + b')]);
    expect(whole.reply.details).toEqual([]);
    const bad = await runText('/sum 2 3 details:maybe', registry, ctx());
    expect(bad.reply.lead).toEqual('"details" must be yes or no (got "maybe").');
  });

  it.each([
    ['/sum 1.5 2', '"a" must be a whole number (got "1.5").'],
    ['/sum -1 2', '"a" must be at least 0 (got "-1").'],
    ['/sum 101 2', '"a" must be at most 100 (got "101").'],
    ['/sum x 2', '"a" must be a number (got "x").'],
    ['/sum 1', '"b" is missing: second.'],
    ['/sum 1 2 mode:warp', '"mode" must be one of: fast, slow (got "warp").'],
    ['/sum 1 2 label:toolong', '"label" must be at most 5 characters long.'],
    ['/sum 1 2 share:maybe', '"share" must be yes or no (got "maybe").'],
    // Refused while the line is read, before validation: the usage line still follows.
    ['/sum 1 2 mode:fast mode:slow', '"mode" is given twice.'],
    [
      '/sum 1 $15 000',
      '"$15 000" reads as one number with a space in it: write 15000, or label:000 if 000 is a separate value.',
    ],
  ])('%s -> one clear sentence with the usage line, and the command never runs', async (line, sentence) => {
    calls.length = 0;
    const answer = await runText(line, registry, ctx());
    expect(answer.outcome).toBe('user_error');
    // The problem itself is the lead, the answer's first line; nothing else is said.
    expect(answer.reply.lead).toBe(sentence);
    expect(answer.reply.blocks).toEqual([]);
    expect(answer.reply.footer).toEqual(['Usage: /sum <a> <b> [mode] [label]']);
    expect(answer.reply.visibility).toBe('private');
    expect(calls).toEqual([]);
  });

  it('names every problem at once', async () => {
    const answer = await runText('/sum x y', registry, ctx());
    expect(answer.code).toBe('invalid_option');
    expect(answer.reply.lead).toEqual('"a" must be a number (got "x"). "b" must be a number (got "y").');
  });

  it('answers an unknown command with a pointer to /help', async () => {
    const answer = await runText('/frobnicate', registry, ctx());
    expect(answer).toMatchObject({ outcome: 'user_error', code: 'unknown_command' });
    expect(JSON.stringify(answer.reply)).toContain('Type /help');
  });

  it('hides internal errors behind a reference id that is in the log', async () => {
    const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const answer = await runText('/boom', registry, ctx());
    expect(answer.outcome).toBe('internal_error');
    const shown = JSON.stringify(answer.reply);
    expect(shown).not.toContain('secret internals');
    expect(shown).not.toContain('.ts');
    const ref = /reference ([0-9a-f]{8})/.exec(shown)?.[1];
    expect(ref).toBeDefined();
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ ref, command: 'boom' }), 'command failed');
    error.mockRestore();
  });

  it('asks to try again when storage is unavailable', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const answer = await runText('/offline', registry, ctx());
    expect(answer.outcome).toBe('storage_unavailable');
    expect(JSON.stringify(answer.reply)).toContain('try again');
    warn.mockRestore();
  });
});

describe('runCommand', () => {
  it('refuses admin-only commands to non-admins and runs them for admins', async () => {
    const refused = await runCommand(adminOnly, {}, ctx());
    expect(refused).toMatchObject({ code: 'admin_only' });
    // The member hears what to do next, not only that the door is shut.
    expect(refused.reply.lead).toMatch(/^Only workspace admins can use \/\w+\. Ask one of them/);
    expect((await runCommand(adminOnly, {}, ctx({ isAdmin: true }))).reply.lead).toBe('changed');
  });

  it('validates typed options the same way as text', async () => {
    const answer = await runCommand(sum, { a: 1, b: 'two' }, ctx());
    expect(answer.reply.lead).toBe('"b" must be a number (got "two").');
  });

  it('shows user errors thrown inside run as they are', async () => {
    const picky = defineCommand({
      name: 'picky',
      description: 'x',
      options: z.object({}),
      run: () => {
        throw new UserError('counts_exceed_total', 'successful + negative cannot exceed total');
      },
    });
    const answer = await runCommand(picky, {}, ctx());
    expect(answer).toMatchObject({
      outcome: 'user_error',
      code: 'counts_exceed_total',
      reply: { lead: 'successful + negative cannot exceed total' },
    });
  });
});

describe('rate limits', () => {
  const limits = { perUser: 3, perWorkspace: 5, windowMs: 60_000 };

  it('refuses a user past the limit with the wait, and lets others in the workspace go on', async () => {
    const store = memoryStore();
    const at = (userId: string) => ctx({ store, userId, rateLimits: limits, now: new Date('2026-11-22T12:00:45Z') });
    for (let i = 0; i < 3; i++) expect((await runText('/sum 1 1', registry, at('u1'))).outcome).toBe('ok');
    const refused = await runText('/sum 1 1', registry, at('u1'));
    expect(refused).toMatchObject({ outcome: 'user_error', code: 'rate_limited_user' });
    expect(refused.reply.lead).toEqual('That is more than 3 commands in 60 s. Try again in 60 s.');
    expect((await runText('/sum 1 1', registry, at('u2'))).outcome).toBe('ok');
    expect((await runText('/sum 1 1', registry, at('u3'))).outcome).toBe('ok'); // 5th in the workspace
    const busy = await runText('/sum 1 1', registry, at('u3'));
    expect(busy.code).toBe('rate_limited_workspace');
    expect(busy.reply.lead).toBe('This workspace is very busy with gigdesk right now. Try again in 60 s.');
  });

  it('counts one person across workspaces: a fourth server does not give a fresh budget', async () => {
    const store = memoryStore();
    const inWorkspace = (workspaceId: string) => ctx({ store, workspaceId, rateLimits: limits });
    for (const id of ['w1', 'w2', 'w3'])
      expect((await runText('/sum 1 1', registry, inWorkspace(id))).outcome).toBe('ok');
    expect(await runText('/sum 1 1', registry, inWorkspace('w4'))).toMatchObject({ code: 'rate_limited_user' });
  });

  it('lets the user go on once the window has passed', async () => {
    const store = memoryStore();
    const at = () => ctx({ store, rateLimits: { ...limits, perUser: 1, windowMs: 1000 } });
    expect((await runText('/sum 1 1', registry, at())).outcome).toBe('ok');
    expect((await runText('/sum 1 1', registry, at())).outcome).toBe('user_error');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await runText('/sum 1 1', registry, at())).outcome).toBe('ok');
  });
});
