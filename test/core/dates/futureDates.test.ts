// Issue 25: a future date is refused where only past ones make sense, and accepted (and said so)
// where it means something.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

// TEST_NOW is 2026-11-22.
const ask = (line: string, ctx = testContext()) => runText(line, commands, ctx);
const everything = (r: { lead: string; blocks: unknown[]; footer: string[] }) =>
  JSON.stringify([r.lead, r.blocks, r.footer]);

describe('/fees date: in the future', () => {
  it('answers with the rule in force today and says the future rule is unknown', async () => {
    const future = await ask('/fees 15000 date:2030-01-01');
    const today = await ask('/fees 15000');
    expect(future.outcome).toBe('ok');
    expect(future.reply.lead).not.toMatch(/On 2030-01-01 you kept/);
    expect(future.reply.lead).toContain("today's");
    expect(future.reply.lead).toContain('$13,500');
    expect(everything(future.reply)).toMatch(/2030-01-01[^"]*not known/);
    // The figures are today's, not a rule guessed for 2030.
    expect(future.reply.details).toEqual(today.reply.details);
  });

  it('a past date still answers with the rule of that day', async () => {
    const past = await ask('/fees 15000 date:2020-01-01');
    expect(past.reply.lead).toMatch(/^On 2020-01-01 you kept \$13,700 of \$15,000 under the sliding/);
  });
});

describe('dates that can only be past', () => {
  it('/contracts add with a future end day is refused, saying why, and nothing is stored', async () => {
    const ctx = testContext();
    const answer = await ask('/contracts add 2027-01-05 successful 500 acme', ctx);
    expect(answer.code).toBe('date_in_future');
    expect(answer.reply.lead).toMatch(/2027-01-05 is in the future/);
    expect((await ask('/contracts list', ctx)).reply.lead).toBe('Your contract log is empty.');
  });
});

describe('/followup start with a future delivery day', () => {
  it('is accepted and the answer says the ladder begins on that future day', async () => {
    const answer = await ask('/followup start Carol 2027-03-01');
    expect(answer.outcome).toBe('ok');
    expect(answer.reply.lead).toContain('2027-03-01');
    expect(answer.reply.lead).toMatch(/in 99 days/);
    expect(answer.reply.lead).not.toMatch(/nothing to send yet; next reminder/);
  });
});
