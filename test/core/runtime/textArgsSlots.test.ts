// Positional values stay in their own slot: a word that is no number is reported against the option
// it was typed for, never slid into a later one; "15 000" is refused rather than read as 15 and 0;
// a line too long for a command's text states the same limit as its option.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import type { Command } from '../../../src/core/runtime/command.js';
import { type OptionSpec, optionSpecs, shownOptions } from '../../../src/core/runtime/options.js';
import { runText } from '../../../src/core/runtime/run.js';
import { parseLine } from '../../../src/core/runtime/textArgs.js';
import { testContext } from '../../support/context.js';

const ctx = testContext();
const errorOf = (line: string) => {
  try {
    parseLine(line, commands);
  } catch (error) {
    return error as { code?: string; message: string };
  }
  return undefined;
};

/** A value that fits the option, for the slots typed before the one under test. */
const fitting = (spec: OptionSpec) =>
  spec.choices ? spec.choices[0] : spec.type === 'boolean' ? 'yes' : String(spec.min ?? 1);
/** Whether the command's last option takes the rest of the line (long text): slots before it are passed over on purpose. */
const endsInText = (command: Command) => {
  const last = optionSpecs(command).at(-1);
  return last?.type === 'string' && !last.choices;
};

describe('a value that is not a number stays in its slot', () => {
  it.each([
    ['/jss seven 1 8', 'successful', 'seven'],
    ['/jss 1e3 0 1e3', 'successful', '1e3'],
    ['/jss 7 1 1e1', 'total', '1e1'],
    ['/jss ７', 'successful', '７'],
    ['/fees 15000 abc', 'billed', 'abc'],
  ])('%s names "%s" as not a number', async (line, option, given) => {
    const answer = await runText(line, commands, ctx);
    expect(answer.outcome).toBe('user_error');
    expect(answer.code).toBe('invalid_option');
    expect(answer.reply.lead).toContain(`"${option}" must be a number (got "${given}")`);
  });

  // Every command: after fitting values in the slots before it, a non-number typed for a numeric
  // slot is given to that slot (validation then names it), unless long text ends the command.
  const cases = commands
    .filter((command) => !endsInText(command))
    .flatMap((command) => {
      const specs = shownOptions(command); // hidden options are never filled by position
      const out: [string, string][] = [];
      for (let i = 0; i < specs.length; i++) {
        const spec = specs[i] as OptionSpec;
        if (spec.type === 'integer' || spec.type === 'number') {
          out.push([`/${command.name} ${[...specs.slice(0, i).map(fitting), 'seven'].join(' ')}`, spec.name]);
        }
        if (spec.type === 'string' && !spec.choices) break;
      }
      return out;
    });
  it.each(cases)('%s gives "seven" to %s', (line, option) => {
    expect(parseLine(line, commands).args[option]).toBe('seven');
  });
});

describe('a number with a space before a group of three digits', () => {
  it.each([
    '/fees 15 000',
    '/fees $15 000',
    '/fees amount:15 000',
    '/fees 15000 8 000',
    '/quote 1 500',
    '/dispute 2 500',
    '/contracts add 2026-03-01 successful 1 200 Acme',
  ])('%s is refused with the number written without the space', (line) => {
    const error = errorOf(line);
    expect(error?.code).toBe('spaced_number');
    const [first = '', group = ''] = /(\d+) (\d{3})(?!.*\d \d{3})/.exec(line)?.slice(1) ?? [];
    expect(error?.message).toContain(`${first}${group}`);
  });

  it.each([
    ['/jss 7 1 8', { successful: 7, negative: 1, total: 8 }],
    ['/jss 90 5 100', { successful: 90, negative: 5, total: 100 }],
    ['/jss 150 10 200', { successful: 150, negative: 10, total: 200 }],
    ['/fees 15000 8000', { amount: 15000, billed: 8000 }],
    ['/fees 15000 billed:250', { amount: 15000, billed: 250 }],
    ['/fees 15,000 8,000', { amount: 15000, billed: 8000 }],
    ['/fees 1.5 250', { amount: 1.5, billed: 250 }],
    ['/client 90 500 Need a logo', { hire_rate: 90, spent: 500, post: 'Need a logo' }],
    ['/rate 50 40', { hourly: 50, hours: 40 }],
  ])('%s is read as separate values', (line, args) => {
    expect(parseLine(line, commands).args).toEqual(args);
  });
});

describe('one length limit for long text, stated the same way', () => {
  const check = commands.find((c) => c.name === 'check') as Command;
  const limit = optionSpecs(check).find((s) => s.name === 'text')?.maxLength ?? 0;

  it.each([limit + 10, 15_000, 50_000])('/check with %i characters states the option limit', async (length) => {
    const answer = await runText(`/check ${'a'.repeat(length)}`, commands, ctx);
    expect(answer.outcome).toBe('user_error');
    expect(answer.reply.lead).toContain(`"text" must be at most ${limit} characters long`);
  });
});

describe('a line too long for any command', () => {
  it.each(['/followup start Acme today', '/fees', '/contracts import'])(
    "%s says the line limit, not a short option's",
    (start) => {
      const error = errorOf(`${start} ${'a '.repeat(5000)}`);
      expect(error?.code).toBe('line_too_long');
      expect(error?.message).not.toMatch(/"(client|tz|date|csv)"/);
    },
  );
});
