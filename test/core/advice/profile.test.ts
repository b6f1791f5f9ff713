import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { checkOverview, type ProfileRule } from '../../../src/core/advice/profile.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';
import { replyText } from '../../support/replyText.js';

const GOOD = `Your online store should sell while you sleep, not stall on a slow checkout.

I help small shops fix the pages that lose them customers: slow product pages, confusing carts and checkouts that break on phones. Last year I cut the checkout time of a bakery's store in half, and its online orders grew by a third.

You get a short plan before any work starts, a fixed price and updates twice a week. I have built stores for eight years, first at a design agency and now on my own.

If your store is losing sales and you are not sure why, send me a message with its address and I will tell you what I would fix first.`;

/** GOOD with its first paragraph replaced: the rest keeps every other rule quiet. */
const withOpening = (opening: string) => GOOD.replace(/^[^\n]+/, opening);
/** GOOD with a paragraph added before its closing invitation. */
const withMiddle = (extra: string) => GOOD.replace(/\n\nIf your store/, `\n\n${extra}\n\nIf your store`);
const rulesOf = (text: string) => checkOverview(text).findings.map((f) => f.rule);
const only = (text: string, rule: ProfileRule) => expect(rulesOf(text)).toEqual([rule]);
const none = (text: string) => expect(rulesOf(text)).toEqual([]);

describe('checkOverview: a good overview', () => {
  it('flags nothing and quotes its strongest line', () => {
    const check = checkOverview(GOOD);
    expect(check.findings).toEqual([]);
    expect(check.strongest).toBe(
      "Last year I cut the checkout time of a bakery's store in half, and its online orders grew by a third.",
    );
  });
});

describe('the five don\u2019ts', () => {
  it.each([
    'Hello, my name is Sam and your store is slow.',
    "Hi, I'm Sam, and your store deserves a faster checkout.",
    'I am a web developer who makes your shop faster.',
    'Welcome to my profile, where your shop gets faster.',
  ])('1. catches the wasted opening %j', (opening) => only(withOpening(opening), 'opening'));
  it.each([
    'Your checkout loses you sales; I make it fast.',
    'I am sure your checkout can be faster than it is today.',
  ])('1. lets a grabbing opening pass: %j', (opening) => none(withOpening(opening)));

  it.each([
    'Your store deserves better, and as a Top Rated developer I help.',
    'Your store deserves better: I keep a 100% Job Success Score.',
    'Your store deserves better: I have $200k earned on Upwork.',
    'Your store deserves better: ask my 45 five-star clients.',
  ])('2. catches what the client already sees: %j', (opening) => only(withOpening(opening), 'repeats'));
  it('2. lets one review quote pass and catches a list of them', () => {
    const quote = '"Sam rebuilt our checkout in a week and sales went up" (Ana, bakery owner)';
    none(withMiddle(quote));
    only(withMiddle(`${quote}\n\n"Fast, careful and honest about what the store needed"`), 'repeats');
  });

  it('3. catches a pasted resume and lets one mention of an employer pass', () => {
    const cv = withMiddle('2015 - 2019 Senior Developer at Acme Corp\nJan 2019 - present Lead Engineer at Bolt Inc');
    const check = checkOverview(cv);
    expect(check.findings.map((f) => f.rule)).toEqual(['resume']);
    expect(check.findings[0]?.quote).toBe('2015 - 2019 Senior Developer at Acme Corp');
    none(withMiddle('Before going freelance I spent six years as a developer at Acme.'));
    only(withMiddle('Education:\nBSc Computer Science'), 'resume');
  });

  it('4. catches a wall of acronyms and tool names up front, not tools named later', () => {
    only(withOpening('HTML, CSS, PHP, AWS EC2, Node.js and C# for your online store.'), 'technical');
    none(withOpening('Your online store should load fast; I build it on WordPress or Shopify.'));
    none(withMiddle('Tools I use: HTML, CSS, PHP, AWS EC2, Node.js, C#.'));
  });

  it.each([
    ['capitals', 'Your store needs AMAZING speed.'],
    ['creative punctuation', 'Your store needs speed!!!'],
    ['stars', 'Your store needs speed *** and care.'],
    ['emoji', 'Your store needs speed 🚀🔥'],
    ['two exclamation marks', 'Your store needs speed! And care!'],
  ])('5. catches flashy %s', (_name, opening) => only(withOpening(opening), 'flashy'));
  it.each(['Your store needs speed, and an SEO check with a clear API plan.', "Your store needs speed. Let's fix it!"])(
    '5. lets acronyms and one exclamation mark pass: %j',
    (opening) => none(withOpening(opening)),
  );
});

describe("the do's", () => {
  it('asks for short paragraphs when it is one long block', () => {
    const block = GOOD.replace(/\n\n/g, ' ');
    expect(rulesOf(`${block} ${block.slice(0, 200)}. Send me a message.`)).toContain('paragraphs');
  });
  it("asks for the client's need before your history", () => {
    only(withOpening('I have ten years of experience and I love my work.'), 'client-first');
  });
  it('asks for an invitation at the end, and accepts one', () => {
    only(GOOD.replace(/If your store[^\n]+$/, 'I work weekdays from Lisbon.'), 'invitation');
    none(GOOD.replace(/If your store[^\n]+$/, "Let's talk about your store."));
  });
  it('flags an overview over the 5,000-character limit', () => {
    const long = GOOD.replace(/\n\nYou get[^\n]+/, `\n\n${'You get a plan for your store. '.repeat(20)}`.repeat(9));
    expect(long.length).toBeGreaterThan(5_000);
    expect(rulesOf(long)).toContain('length');
  });
});

describe('/profile', () => {
  it('says nothing to change on a good overview and quotes the strongest line', async () => {
    const r = (await runText(`/profile ${GOOD}`, commands, testContext())).reply;
    expect(r.lead).toBe('Nothing to change: your overview passes all 9 checks.');
    expect(replyText(r)).toContain('Your strongest line: "Last year I cut the checkout time');
  });
  it('lists each finding with where it is and what to change', async () => {
    const bad = `Hello, my name is Sam.\nI am Top Rated!!!\n${GOOD}`;
    const r = (await runText(`/profile ${bad}`, commands, testContext())).reply;
    expect(r.lead).toBe('3 things to change in your overview; the first: wasted opening line.');
    const text = replyText(r);
    expect(text).toContain('Line 1, wasted opening line: "Hello, my name is Sam."');
    expect(text).toContain('Line 2, repeats what the client already sees: "I am Top Rated!!!"');
    expect(text).toContain('Line 2, flashy: "I am Top Rated!!!" Calm it down: creative punctuation (!!!).');
  });
});
