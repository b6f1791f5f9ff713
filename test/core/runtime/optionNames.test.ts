// Issue 25: option names are checked, known options never swallow the next one, and free text
// stops at a trailing name:value that names a real option.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { UserError } from '../../../src/core/runtime/errors.js';
import { runText } from '../../../src/core/runtime/run.js';
import { parseLine } from '../../../src/core/runtime/textArgs.js';
import { testContext } from '../../support/context.js';

function refusal(line: string): UserError {
  try {
    parseLine(line, commands);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`"${line}" was accepted`);
}

describe('unknown option names', () => {
  it('/fees 600 era:sliding names "era" and lists the options of /fees, not a date problem', () => {
    const error = refusal('/fees 600 era:sliding');
    expect(error.code).toBe('unknown_option');
    expect(error.values.option).toBe('era');
    expect(error.message).toContain('"era"');
    for (const name of ['amount', 'billed', 'jobs', 'rate', 'date', 'chart']) expect(error.message).toContain(name);
    expect(error.message).not.toContain('calendar day');
  });

  it('/quote 1000 chart:off names "chart" instead of calling it a fee rule set', () => {
    const error = refusal('/quote 1000 chart:off');
    expect(error.code).toBe('unknown_option');
    expect(error.message).toContain('"chart"');
    expect(error.message).not.toContain('fee rule set');
  });

  it('/jss 7 1 8 neutral:2 names "neutral" and lists the options of /jss', () => {
    const error = refusal('/jss 7 1 8 neutral:2');
    expect(error.message).toContain('"neutral"');
    expect(error.message).toContain('successful, negative, total');
    expect(error.message).not.toMatch(/"chart" must be/);
  });

  it('/jss 7 1 8 details asks for details:yes instead of reading it as a chart value', () => {
    const error = refusal('/jss 7 1 8 details');
    expect(error.code).toBe('option_without_value');
    expect(error.message).toContain('details:yes');
    expect(error.message).not.toMatch(/"chart" must be/);
  });

  it('the closest match follows the typing: /fees 600 bilied:50 suggests billed', () => {
    const error = refusal('/fees 600 bilied:50');
    expect(error.values.closest).toBe('billed');
    expect(error.message).toMatch(/closest[^.]*billed/i);
  });

  it('a quoted value with a colon is a value, not an option: client "Acme:EU"', () => {
    const { args } = parseLine('/contracts add 2026-03-01 successful 500 "Acme:EU"', commands);
    expect(args.client).toBe('Acme:EU');
  });

  it('the answer through the runner is a user error that names the option', async () => {
    const answer = await runText('/fees 600 era:sliding', commands, testContext());
    expect(answer.outcome).toBe('user_error');
    expect(answer.code).toBe('unknown_option');
    expect(answer.reply.lead).toContain('"era"');
  });
});

describe('known options never swallow the next one', () => {
  it('/profile <text> details:yes keeps details:yes out of the text', () => {
    const { args } = parseLine('/profile I build fast websites for dentists. details:yes', commands);
    expect(args.details).toBe(true);
    expect(String(Object.values(args).find((v) => typeof v === 'string'))).not.toContain('details');
  });

  it('a named title stops before a trailing long_term:yes on /contracts add', () => {
    const { args } = parseLine('/contracts add 2026-03-01 successful 500 acme title:Big build long_term:yes', commands);
    expect(args.title).toBe('Big build');
    expect(args.long_term).toBe(true);
  });

  it('text that merely contains a colon stays text: /check "Note: hi there"', () => {
    const { args } = parseLine('/check Note: thanks for the work', commands);
    expect(args.text).toBe('Note: thanks for the work');
  });
});

describe('/sources labels only options that exist', () => {
  it('the fee rule sets are labelled with the command whose era: option takes them', async () => {
    const answer = await runText('/sources fees details:yes', commands, testContext());
    const text = JSON.stringify(answer.reply);
    expect(text).not.toContain('(era:sliding)');
    expect(text).toContain('/quote era:sliding');
    expect(parseLine('/quote 1000 era:sliding', commands).args.era).toBe('sliding');
  });
});

describe('/settings chart:on', () => {
  it('is refused as an unknown option whose closest match is charts', async () => {
    const answer = await runText('/settings chart:on', commands, testContext({ isAdmin: true }));
    expect(answer.code).toBe('unknown_option');
    expect(answer.reply.lead).toContain('no option "chart"');
    expect(answer.reply.lead).toMatch(/closest[^.]*charts/);
  });
});
