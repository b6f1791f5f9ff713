// Anything typed at the bot gets an answer or a clear refusal: never a crash, never an internal error.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { type OptionSpec, optionSpecs } from '../../../src/core/runtime/options.js';
import { runCommand, runText } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';

const nasty = fc.constantFrom(
  '@everyone',
  '@here',
  '<!channel>',
  '<!here>',
  '<@U123ABC>',
  '<@&123456789012345678>',
  '<@!123456789012345678>',
  '-1',
  '0',
  '1e308',
  'NaN',
  'Infinity',
  '$-5k',
  '99999999999999999999',
  '2026-02-30',
  '"',
  "'",
  '“',
  'name:',
  ':',
  'share:maybe',
  '💼',
  'e\u0301',
  '\u202e',
  '\u0000',
  'x'.repeat(5000),
);
const token = fc.oneof(
  nasty,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer({ min: -1e6, max: 1e9 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc
    .tuple(fc.constantFrom('amount', 'client', 'date', 'tone', 'name', 'confirm', 'total', 'days'), fc.string())
    .map(([k, v]) => `${k}:${v}`),
);

/** Values that mostly fit the option, so the fuzzing reaches past validation into each command. */
function fitting(spec: OptionSpec): fc.Arbitrary<unknown> {
  if (spec.choices) return fc.constantFrom(...spec.choices);
  if (spec.type === 'boolean') return fc.boolean();
  if (spec.type === 'string')
    return fc.oneof(
      nasty,
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: spec.maxLength ?? 80 }),
      fc.constantFrom('today', '2026-03-14', '3 weeks ago', 'five-star', 'successful', '1', 'Acme'),
    );
  const min = spec.min ?? -1e6;
  const max = spec.max ?? 1e9;
  return spec.type === 'integer'
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true });
}

const context = (isAdmin: boolean): Context => ({
  platform: 'slack',
  workspaceId: 'T1',
  userId: 'U1',
  isAdmin,
  now: new Date('2026-11-22T12:00:00Z'),
  store: memoryStore(),
});

describe('fuzzing every command', () => {
  it('the text path always answers ok or with a user error', async () => {
    const error = vi.spyOn(logger, 'error');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commands.map((c) => c.name)),
        fc.array(token, { maxLength: 8 }),
        fc.boolean(),
        async (name, tokens, isAdmin) => {
          const answer = await runText(`/${name} ${tokens.join(' ')}`, commands, context(isAdmin));
          expect(['ok', 'user_error']).toContain(answer.outcome);
          expect(answer.reply.lead.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 600 },
    );
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('typed options that fit their declared types reach the command and still never fault', async () => {
    const error = vi.spyOn(logger, 'error');
    const store = memoryStore();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commands).chain((command) =>
          fc.tuple(
            fc.constant(command),
            fc.record(Object.fromEntries(optionSpecs(command).map((spec) => [spec.name, fitting(spec)])), {
              requiredKeys: optionSpecs(command)
                .filter((s) => s.required)
                .map((s) => s.name),
            }),
          ),
        ),
        async ([command, args]) => {
          const answer = await runCommand(command, args, { ...context(true), store });
          expect(['ok', 'user_error']).toContain(answer.outcome);
        },
      ),
      { numRuns: 1500 },
    );
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('typed options of the wrong kind or out of range get a user error, never a fault', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      nasty,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands), fc.array(value, { maxLength: 8 }), async (command, values) => {
        const args = Object.fromEntries(optionSpecs(command).map((spec, i) => [spec.name, values[i]]));
        const answer = await runCommand(command, args, context(true));
        expect(['ok', 'user_error']).toContain(answer.outcome);
      }),
      { numRuns: 600 },
    );
  });
});
