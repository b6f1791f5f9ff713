import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { ADVICE, type Category, checkMessage } from '../../../src/core/messages/feedbackCheck.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

// [message, [category, quoted words] for every finding, in order]
const flagged: [string, [Category, string][]][] = [
  ['Please leave me 5 stars!', [['rating', 'leave me 5 stars']]],
  ['Would you mind giving us a five star review?', [['rating', 'Would you mind giving us a five star review']]],
  ["I'd really appreciate a 5-star rating.", [['rating', "'d really appreciate a 5-star rating"]]],
  ['Could you rate me 10/10?', [['rating', 'rate me 10/10']]],
  ['Give me a 5 please', [['rating', 'Give me a 5']]],
  ["I hope you'll leave positive feedback.", [['rating', 'leave positive feedback']]],
  ['Kindly consider a five out of five when you close.', [['rating', 'consider a five out of five']]],
  [
    "I'll give you 20% off your next order if you leave a review.",
    [['incentive', "I'll give you 20% off your next order if you leave a review."]],
  ],
  [
    'Leave a 5-star review and get a free revision.',
    [
      ['rating', 'Leave a 5-star review'],
      ['incentive', 'Leave a 5-star review and get a free revision.'],
    ],
  ],
  ['Free revisions for a positive review!', [['incentive', 'Free revisions for a positive review!']]],
  [
    "I won't send the source files until you leave feedback.",
    [['incentive', "I won't send the source files until you leave feedback."]],
  ],
  ["I'll refund you once you change your review.", [['incentive', "I'll refund you once you change your review."]]],
  ["Please close the contract, it's urgent!", [['pressure', 'urgent']]],
  [
    "I'm begging you, my account depends on this.",
    [
      ['pressure', "I'm begging"],
      ['pressure', 'my account depends'],
    ],
  ],
  ['You must leave feedback now.', [['pressure', 'You must leave']]],
  ['If I get a bad review I will lose my Top Rated badge.', [['pressure', 'I will lose my Top Rated']]],
  ['Please leave feedback within 24 hours.', [['pressure', 'within 24 hours']]],
  [
    'Email me at sam@samstudio.io',
    [
      ['off-platform', 'Email me at'],
      ['off-platform', 'sam@samstudio.io'],
    ],
  ],
  [
    'Message me on WhatsApp or Telegram.',
    [
      ['off-platform', 'Message me on WhatsApp'],
      ['off-platform', 'Telegram'],
    ],
  ],
  [
    'Call me at +1 415 555 0100',
    [
      ['off-platform', 'Call me at'],
      ['off-platform', '+1 415 555 0100'],
    ],
  ],
  [
    'My number is 415-555-0100.',
    [
      ['off-platform', 'My number'],
      ['off-platform', '415-555-0100'],
    ],
  ],
  [
    'You can pay me directly via PayPal to avoid the fees.',
    [
      ['off-platform', 'pay me directly via PayPal'],
      ['off-platform', 'avoid the fees'],
    ],
  ],
  ["Let's continue outside Upwork.", [['off-platform', 'outside Upwork']]],
  [
    "Could you leave me 5 stars? I'll give you a 10% discount on the next project.",
    [
      ['rating', 'leave me 5 stars'],
      ['incentive', "I'll give you a 10% discount on the next project."],
    ],
  ],
  [
    'Please leave a review when you can. As a thank-you, a $20 gift card is on me.',
    [['incentive', 'As a thank-you, a $20 gift card is on me.']],
  ],
];

const clean = [
  'I provide five-star service to every client.',
  'My portfolio shows five-star service across 40 projects.',
  'Check out the 5-star reviews on my profile.',
  'Please see the 5-star reviews on my profile.',
  'My 5-star reviews speak for themselves.',
  'Thanks for the great feedback last time!',
  'Thanks for your feedback, here are the files.',
  'If you have a moment, I would value your honest feedback.',
  'Could you close the contract when you get a chance? It helps my profile.',
  "I'll send the final files once you confirm the colours, and I'd value honest feedback.",
  'We offer a 10% discount for returning clients.',
  "Feel free to leave feedback whenever you like. I'll send the final files today.",
  "I'll give you a 10% discount on the next project.",
  'The call is on 2026-03-01 at 10:00, in Upwork messages.',
  "Let's keep talking here on Upwork.",
  'That was a clear signal to refine the layout.',
  "I'll email you through Upwork when the draft is ready.",
  'Payment goes through the Upwork contract as usual.',
];

describe('checkMessage', () => {
  it.each(flagged)('flags %j', (message, expected) => {
    const findings = checkMessage(message);
    expect(findings.map((f) => [f.category, f.quote])).toEqual(expected);
    for (const f of findings) {
      expect(message).toContain(f.quote);
      expect(f.why.length).toBeGreaterThan(20);
      expect(f.better.length).toBeGreaterThan(20);
    }
  });

  it.each(clean)('does not flag %j', (message) => {
    expect(checkMessage(message)).toEqual([]);
  });

  it('reads findings in text order across sentences and lines', () => {
    const findings = checkMessage('Thanks so much!\nReach me on Skype.\nAnd please leave 5 stars.');
    expect(findings.map((f) => f.quote)).toEqual(['Reach me on Skype', 'leave 5 stars']);
    expect(findings[0]?.index).toBe('Thanks so much!\n'.length);
  });

  it('shortens a very long quoted sentence but keeps both ends', () => {
    const long = `I will send the final files ${'and more '.repeat(3)}if you leave a review${' really'.repeat(20)} soon.`;
    const [finding] = checkMessage(long);
    expect(finding?.quote).toMatch(/^I will send the final files .* … .* soon\.$/);
    expect(finding?.quote.length).toBeLessThan(140);
  });
});

describe('/check', () => {
  const ctx = testContext();

  it('says so when the text is clean', async () => {
    const answer = await runText('/check Thanks for the work! Honest feedback is welcome.', commands, ctx);
    expect(answer.reply.lead).toMatch(/^Good to send: no request for a rating/);
  });

  it('leads with what to change, then the quoted words and a better wording per kind; why in details', async () => {
    const answer = await runText('/check Please leave me 5 stars, and pay me directly on PayPal.', commands, ctx);
    expect(answer.reply.lead).toBe('Change 2 things before you send this: it asks for a rating and moves off Upwork.');
    expect(answer.reply.blocks).toEqual([
      {
        type: 'fields',
        fields: [
          {
            label: 'Asks for a rating',
            value: `"leave me 5 stars"\nInstead: ${ADVICE.rating.better}`,
          },
          {
            label: 'Moves off Upwork',
            value: `"pay me directly on PayPal"\nInstead: ${ADVICE['off-platform'].better}`,
          },
        ],
      },
    ]);
    expect(JSON.stringify(answer.reply.details)).toContain(ADVICE.rating.why);
  });

  it('reads apostrophes as text on text platforms', async () => {
    const answer = await runText(
      "/check I'll give you 10% off if you leave a review, it's the clients' call.",
      commands,
      ctx,
    );
    expect(answer.outcome).toBe('ok');
    expect(JSON.stringify(answer.reply.blocks)).toContain("I'll give you 10% off if you leave a review");
  });

  it('takes the rest of the line verbatim, quotes and colons included', async () => {
    const answer = await runText('/check Note: "email me at a@b.co" please', commands, ctx);
    expect(JSON.stringify(answer.reply.blocks)).toContain('a@b.co');
  });
});
