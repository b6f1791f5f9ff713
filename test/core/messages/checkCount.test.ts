// /check's lead counts the problems it lists (one row per kind), not the quoted words under them; and
// moving the work to a payment app is flagged even without "pay" ("move this to PayPal").
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { checkMessage } from '../../../src/core/messages/feedbackCheck.js';
import type { Block } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

const WORDS = ['one', 'two', 'three', 'four', 'five'];
/** The number the lead states: "Change 2 things" or "Change one thing". */
const statedCount = (lead: string) => {
  const said = /^Change (\w+) things? /.exec(lead)?.[1] ?? '';
  return WORDS.includes(said) ? WORDS.indexOf(said) + 1 : Number(said);
};
const listed = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'fields' ? b.fields : [])).length;

describe('/check counts what it lists', () => {
  const ctx = testContext();
  it.each([
    "Let's move this to PayPal, email me at a@b.com",
    "Let's talk on WhatsApp, my number is +1 555 123 4567",
    'Email me at sam@samstudio.io',
    'Please leave me 5 stars, and pay me directly on PayPal. Call me at +1 415 555 0100',
    'You said "call me on 415-555-0100 or at sam@acme.io", and I will.',
  ])('%j: the number in the lead is the number of problems listed', async (message) => {
    const answer = await runText(`/check ${message}`, commands, ctx);
    expect(answer.outcome).toBe('ok');
    const count = statedCount(answer.reply.lead);
    expect(count).toBeGreaterThan(0);
    expect(count).toBe(listed(answer.reply.blocks));
  });

  it('flags moving the work to a payment app, and not withdrawing earnings to one', () => {
    expect(checkMessage("Let's move this to PayPal.").map((f) => [f.category, f.quote])).toEqual([
      ['off-platform', 'move this to PayPal'],
    ]);
    expect(checkMessage('Can we switch over to Venmo for the rest?').map((f) => f.category)).toEqual(['off-platform']);
    expect(checkMessage('I withdraw my Upwork earnings to PayPal every month.')).toEqual([]);
    expect(checkMessage('I moved to Berlin last year, and I use PayPal for my groceries.')).toEqual([]);
  });
});
