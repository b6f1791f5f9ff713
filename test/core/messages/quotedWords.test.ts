// /check and quoted words: what the client wrote, quoted back in a reply, is not the sender asking for
// anything; a contact detail inside the quote is still in the message, so it is flagged as quoted.
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/commands/check.js';
import { commands } from '../../../src/commands/index.js';
import { checkMessage } from '../../../src/core/messages/feedbackCheck.js';
import { handOut } from '../../../src/core/messages/rules.js';
import { runCommand, runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

const EMAIL_REPLY =
  'Thanks Sam. You asked "can you email me at sam@acme.com instead?" but let us keep talking here on Upwork, per the rules.';
const PHONE_REPLY = 'You said "my number is 555-123-4567, call me" - I would rather keep our messages on Upwork.';

const flags = (text: string) => checkMessage(text).map((f) => [f.category, f.quote]);
const checked = (text: string) => runText(`/check ${text}`, commands, testContext());

describe('/check: a polite refusal that quotes the client', () => {
  it('the quoted "email me at" is not the sender moving off Upwork; the address is flagged as quoted', async () => {
    expect(flags(EMAIL_REPLY)).toEqual([['quoted-contact', 'sam@acme.com']]);
    const answer = await checked(EMAIL_REPLY);
    expect(answer.outcome).toBe('ok');
    expect(answer.reply.lead).toBe("Change one thing before you send this: it quotes the client's email address.");
    const shown = JSON.stringify(answer.reply.blocks);
    expect(shown).toContain('Leave the address out');
    expect(shown).not.toContain('Moves off Upwork');
    // Nothing here is about asking for feedback, so no pointer to the feedback template.
    expect(answer.reply.footer.join(' ')).not.toContain('/template ask-feedback');
  });

  it('the quoted "my number" and "call me" are not the sender; the number is flagged as quoted', async () => {
    expect(flags(PHONE_REPLY)).toEqual([['quoted-contact', '555-123-4567']]);
    const answer = await checked(PHONE_REPLY);
    expect(answer.reply.lead).toBe("Change one thing before you send this: it quotes the client's phone number.");
    expect(JSON.stringify(answer.reply.blocks)).toContain('Leave the number out');
  });

  it('reads curly quotes the same way', () => {
    expect(flags('You wrote \u201cemail me at sam@acme.com\u201d, but I keep all talk here on Upwork.')).toEqual([
      ['quoted-contact', 'sam@acme.com'],
    ]);
  });

  it('a quoted chat link is flagged as quoted; unquoted, it moves off Upwork', () => {
    expect(flags('You sent "add me at wa.me/14155550100 please" - let us stay on Upwork.')).toEqual([
      ['quoted-contact', 'wa.me/14155550100'],
    ]);
    expect(flags('Message me here: wa.me/14155550100')).toEqual([['off-platform', 'wa.me/14155550100']]);
    expect(flags('Join my group t.me/samdesigns for updates.')).toEqual([['off-platform', 't.me/samdesigns']]);
  });

  it('a quoted placeholder address is nobody\'s contact detail: "Good to send"', async () => {
    const answer = await checked('You asked "can I write to name@example.com?" - Upwork messages work best.');
    expect(answer.reply.lead).toMatch(/^Good to send/);
  });

  it('several kinds of quoted details read as contact details, once', async () => {
    const answer = await checked('You wrote "sam@acme.com or 555-123-4567, either works" - here is fine for me.');
    expect(answer.reply.lead).toBe("Change one thing before you send this: it quotes the client's contact details.");
  });

  it("the sender's own move off Upwork beside a quote is still flagged, and named first in the lead", async () => {
    const text = 'Sure, message me on WhatsApp. You asked "can you email me at sam@acme.com instead?"';
    expect(flags(text)).toEqual([
      ['off-platform', 'message me on WhatsApp'],
      ['quoted-contact', 'sam@acme.com'],
    ]);
    const answer = await checked(text);
    expect(answer.reply.lead).toBe(
      "Change 2 things before you send this: it moves off Upwork and quotes the client's email address.",
    );
    expect(answer.reply.footer.join(' ')).toContain('/template ask-feedback');
  });
});

describe('/check: other rules inside a quote', () => {
  it.each([
    'You wrote "please leave me 5 stars and I will do the same" - I would rather we each leave honest feedback.',
    'You asked "will you give me 5 stars too?" and I will leave honest feedback when we close.',
    'You said "I\'ll give you 10% off if you change your review." I would not ask you to change anything.',
    'Your note said "urgent, need the feedback today" - no rush on my side, thank you.',
  ])('the client\'s words are not the sender\'s request: "Good to send" for %j', async (text) => {
    expect(flags(text)).toEqual([]);
    expect((await checked(text)).reply.lead).toMatch(/^Good to send/);
  });

  it.each([
    ['Please leave "5 stars" when you close.', 'rating'],
    ['I\'d love "a five-star review" from you.', 'rating'],
    ['"Five stars" would mean a lot to me.', 'rating'],
    ['I will refund you 10% "once you update the review" as promised.', 'incentive'],
  ])("a request in the sender's own words around a quote is still flagged: %j", (text, category) => {
    expect(flags(text).map(([c]) => c)).toContain(category);
  });

  it("a whole message in quotes is the sender's own", () => {
    expect(flags('"Please leave me 5 stars!"').map(([c]) => c)).toEqual(['rating']);
    expect(flags('"Email me at bob@samstudio.io"')).toEqual([
      ['off-platform', 'Email me at'],
      ['off-platform', 'bob@samstudio.io'],
    ]);
  });

  it("a one-word quote is emphasis, not the client's words", () => {
    expect(flags('My email is "sam@samstudio.io" if that helps.')).toEqual([
      ['off-platform', 'My email'],
      ['off-platform', 'sam@samstudio.io'],
    ]);
  });
});

describe('/check: an unclosed quote exempts nothing', () => {
  it.each([
    '"email me at bob@x.com',
    'Sure! "email me at bob@x.com and we can talk there',
    '"email me at bob@x.com. Also I said "hi" to Sam.',
    '\u201cemail me at bob@x.com and we talk there',
    'You asked "how to reach me\nemail me at bob@x.com" and here it is.',
  ])('%j is flagged as moving off Upwork', (text) => {
    expect(flags(text)).toContainEqual(['off-platform', 'email me at']);
    expect(flags(text)).toContainEqual(['off-platform', 'bob@x.com']);
  });

  it('typed as a /check line, it is read as written and flagged as moving off Upwork', async () => {
    const answer = await checked('"email me at bob@x.com');
    expect(answer.outcome).toBe('ok');
    expect(answer.reply.lead).toBe('Change one thing before you send this: it moves off Upwork.');
  });

  it('through the command, given as an option (Discord, the Slack form), it is flagged as moving off Upwork', async () => {
    const answer = await runCommand(check, { text: '"email me at bob@x.com' }, testContext());
    expect(answer.reply.lead).toBe('Change one thing before you send this: it moves off Upwork.');
  });

  it('a quote longer than a quotation can be is not one', () => {
    const text = `You said "${'we agreed on the scope and the dates, '.repeat(10)}email me at bob@x.com" ok.`;
    expect(flags(text)).toContainEqual(['off-platform', 'email me at']);
  });
});

describe('templates and reminders use the same reading', () => {
  it('a message handed out with a quoted address is held back with the quoted-contact finding', () => {
    const handed = handOut('Hi Bo, you asked "can you email me at bo@acme.com?" - here on Upwork is best.', 'x');
    expect(handed.findings.map((f) => f.category)).toEqual(['quoted-contact']);
    expect(JSON.stringify(handed.blocks)).toContain("Not ready to send: it quotes the client's email address.");
  });
});
