// /check and email addresses: the rule is about a freelancer's own contact details offered to move the
// talk off Upwork before a contract (FACTS.md §5), so Upwork's own addresses and the reserved example
// domains (RFC 2606) are not contact details; any other address still is.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { checkMessage } from '../../../src/core/messages/feedbackCheck.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

const offPlatform = (text: string) => checkMessage(text).filter((f) => f.category === 'off-platform');

describe("/check: addresses that are nobody's contact details", () => {
  it.each([
    'If the payment is stuck, write to support@upwork.com and they will look into it.',
    'Upwork replied from noreply@mail.upwork.com, so the dispute is open.',
    'In the form, the email field shows name@example.com as a placeholder.',
    'Use an address like you@example.org or team@example.net in the test data.',
    'The staging login is qa@shop.example and the fake inbox is bot@demo.test.',
  ])('is not flagged: %s', (text) => {
    expect(offPlatform(text)).toEqual([]);
  });

  it('answers "Good to send" for an Upwork support address', async () => {
    const answer = await runText(
      '/check Upwork support (support@upwork.com) can check the stuck payment for you.',
      commands,
      testContext(),
    );
    expect(answer.reply.lead).toMatch(/^Good to send/);
  });
});

describe("/check: a freelancer's own address is still flagged", () => {
  it.each([
    ['Here is my address: sam.k@gmail.com', 'sam.k@gmail.com'],
    ['Write to sam@samstudio.io before you hire me.', 'sam@samstudio.io'],
    ['Contact sam@upwork.com.mydomain.io for the files.', 'sam@upwork.com.mydomain.io'],
    ['Reach the team at hello@notupwork.com today.', 'hello@notupwork.com'],
    ['Questions? dev@example.com.au', 'dev@example.com.au'],
  ])('%s', (text, address) => {
    expect(offPlatform(text).map((f) => f.quote)).toContain(address);
  });

  it('an offer of contact stays flagged even with a placeholder address', () => {
    expect(offPlatform('Email me at sam@example.com').map((f) => f.quote)).toEqual(['Email me at']);
  });
});
