// The bad-date message suggests forms that work when typed as printed, multi-word dates without quotes,
// and a date in quotes is read too (a Discord date field passes the quotes on as part of the text).
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { parseDay } from '../../../src/core/dates.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { UserError } from '../../../src/core/runtime/errors.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

const run = (line: string, ctx: Context) => runText(line, commands, ctx);
/** A week after the example day, so a follow-up ladder from any example is still running. */
const NOW = new Date('2026-03-21T12:00:00Z');

/** The examples after "Use " in the bad_date message, as printed. */
function examples(): string[] {
  try {
    parseDay('2', NOW);
  } catch (error) {
    if (error instanceof UserError && error.code === 'bad_date') {
      return (error.message.split('Use ')[1] ?? '').replace(/\.$/, '').split(/, | or /);
    }
  }
  throw new Error('"2" was read as a date');
}

describe('the examples the date error gives work as printed', () => {
  it('lists several', () => expect(examples().length).toBeGreaterThan(3));

  it.each(examples())('/followup start Joy %s', async (example) => {
    const answer = await run(`/followup start Joy ${example}`, testContext({ now: NOW }));
    expect(answer.code).toBeUndefined();
    expect(answer.outcome).toBe('ok');
  });

  it.each(examples())('/contracts add %s successful 100 acme', async (example) => {
    const answer = await run(`/contracts add ${example} successful 100 acme`, testContext({ now: NOW }));
    expect(answer.code).toBeUndefined();
    expect(answer.outcome).toBe('ok');
  });

  it.each(examples())('%s typed into a date field, quotes and all', (example) => {
    expect(parseDay(`"${example}"`, NOW)).toBe(parseDay(example, NOW));
  });

  it('a quote that does not wrap the whole date is still refused', () => {
    expect(() => parseDay('"14 Mar 2026', NOW)).toThrow(expect.objectContaining({ code: 'bad_date' }));
  });
});
