// /check and who a quote belongs to: quoted words are the client's only when the message says so
// ("you asked", "the client wrote", `", you said"`); anything else in quote marks is the sender's own.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { checkMessage } from '../../../src/core/messages/feedbackCheck.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

const flags = (text: string) => checkMessage(text).map((f) => [f.category, f.quote]);
const kinds = (text: string) => checkMessage(text).map((f) => f.category);
const checked = (text: string) => runText(`/check ${text}`, commands, testContext());

describe("/check: the sender's own words in quotes", () => {
  it('a move off Upwork in quotes is still a move off Upwork, and the answer says so first', async () => {
    const text = 'feel free to "reach me on WhatsApp" anytime';
    expect(flags(text)).toEqual([['off-platform', 'reach me on WhatsApp']]);
    const answer = await checked(text);
    expect(answer.outcome).toBe('ok');
    expect(answer.reply.lead).toBe('Change one thing before you send this: it moves off Upwork.');
  });

  it('their own address in quotes moves off Upwork; it is not "the client\'s email address"', () => {
    expect(flags('Write to me "any time at bob@samstudio.io" if that is easier.')).toEqual([
      ['off-platform', 'bob@samstudio.io'],
    ]);
  });

  it.each([
    ['Please "leave 5 stars" if you can.', 'rating'],
    ['Quick favour: "a five-star review would mean a lot." Thanks!', 'rating'],
    ['"I will refund 20% if you update the review" is my offer.', 'incentive'],
    ['Honestly, "my JSS will drop" if you skip the feedback.', 'pressure'],
    ['Sorry to push, but "I am begging you" to close the contract.', 'pressure'],
  ])('%j is flagged as %s', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it('quoting themselves ("I said", "we wrote") is still the sender asking', () => {
    expect(kinds('As I said "leave me 5 stars" when you close, thanks!')).toContain('rating');
    expect(kinds('We wrote "message us on Telegram" in the brief.')).toContain('off-platform');
  });

  it("an attribution earlier in the sentence, not right before the quote, does not make it the client's", () => {
    const text = 'You said it was fine, so feel free to "reach me on WhatsApp" anytime.';
    expect(kinds(text)).toContain('off-platform');
  });
});

describe("/check: the client's words, attributed before or after the quote", () => {
  it.each([
    'Sam asked "can you email me at sam@acme.com?" - let us keep talking here on Upwork.',
    'The client said "email me at sam@acme.com" but I keep all talk here on Upwork.',
    'They asked me: "can you email me at sam@acme.com instead?" Upwork messages work best for me.',
    'Your message said "email me at sam@acme.com" - here on Upwork is best.',
    'You mentioned earlier "email me at sam@acme.com" and I would rather stay on Upwork.',
    '"Can you email me at sam@acme.com instead?" you asked. Let us keep talking here on Upwork.',
    '"Email me at sam@acme.com," the client wrote, but here on Upwork is best.',
  ])('%j: only the quoted address is flagged', (text) => {
    expect(flags(text)).toEqual([['quoted-contact', 'sam@acme.com']]);
  });

  it.each([
    'As you put it, "urgent, need the feedback today" - no rush on my side, thank you.',
    '"Leave me 5 stars and I will do the same," you wrote. I would rather we each leave honest feedback.',
    'You said: "will you give me 5 stars too?" I will leave honest feedback when we close.',
    'In your words, "leave me 5 stars and I will do the same" - I would rather we both stay honest.',
    'Thanks! "Leave me 5 stars and I will do the same" (your words) - honest feedback suits me better.',
  ])('%j is "Good to send"', async (text) => {
    expect(flags(text)).toEqual([]);
    expect((await checked(text)).reply.lead).toMatch(/^Good to send/);
  });

  it.each([
    'Please "leave 5 stars". You said you liked the logo.',
    'So, as I put it, "leave me 5 stars" when we close.',
  ])('an attribution that does not touch the quote does not count: %j', (text) => {
    expect(kinds(text)).toContain('rating');
  });

  it("the sender's own request after an attributed quote still counts", () => {
    expect(kinds('You asked "how do I reach you?" - message me on WhatsApp.')).toEqual(['off-platform']);
  });
});

describe('/check: a finding inside quote marks nobody is named for', () => {
  const HINT = /Quoting the client\? Say so/;
  it("says how to mark the words as the client's, once, when a finding sits inside unattributed quotes", async () => {
    const answer = await checked('Thanks! "Can we continue on WhatsApp?" Sure, but let us keep it here.');
    expect(answer.reply.lead).toBe('Change one thing before you send this: it moves off Upwork.');
    expect(answer.reply.footer.filter((line) => HINT.test(line))).toHaveLength(1);
  });

  it('gives no such hint when the quote is attributed, or when the finding is outside any quote', async () => {
    const attributed = await checked('Thanks! You asked "can we continue on WhatsApp?" Let us keep it here.');
    expect(attributed.reply.footer.some((line) => HINT.test(line))).toBe(false);
    const own = await checked('Thanks for "the kind words" and please reach me on WhatsApp.');
    expect(kinds('Thanks for "the kind words" and please reach me on WhatsApp.')).toContain('off-platform');
    expect(own.reply.footer.some((line) => HINT.test(line))).toBe(false);
  });
});
