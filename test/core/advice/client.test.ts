import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { checkClient, type FlagId } from '../../../src/core/advice/client.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';
import { replyText } from '../../support/replyText.js';

const GOOD_POST = `We run a bakery chain with 12 shops and need a developer to rebuild our online ordering page on Shopify.
The page should let customers pick a shop, choose a pickup time and pay online. Designs are ready in Figma
with a written list of features. Budget is $3,000 fixed, with milestones for design review, build and launch.
The timeline is six weeks. Please share two similar stores you built and how you would plan the work.`;

const ids = (post: string, facts = {}) => checkClient(post, facts).flags.map((f) => f.id);
const only = (post: string, id: FlagId, facts = {}) => expect(ids(post, facts)).toEqual([id]);

describe('checkClient', () => {
  it('flags nothing on a good post with good facts, and names the good signs', () => {
    const check = checkClient(GOOD_POST, {
      paymentVerified: true,
      hireRate: 85,
      spentCents: 2_500_000,
      jobsPosted: 12,
      rating: 4.9,
      reviews: 30,
    });
    expect(check.flags).toEqual([]);
    expect(check.good).toEqual([
      'payment method verified',
      'hires on 85 % of posts',
      'a history of paying well',
      'rated 4.9 stars by freelancers',
      'a clear, detailed brief',
    ]);
  });

  it.each([
    'Need 20 people to leave a 5 star review on our new app.',
    'Download our game from the App Store and rate it, $5 per person.',
    'Write honest reviews for our product on Amazon, paid per review.',
    'Looking for product reviewers for a kitchen gadget.',
  ])('flags a paid-review job: %j', (line) => {
    expect(ids(`${GOOD_POST}\n${line}`)).toContain('paid-reviews');
  });
  it.each([
    'You will also do a code review of the theme with our lead developer.',
    'Customers leave reviews on the product page, so keep that widget.',
  ])('lets ordinary reviewing pass: %j', (line) => expect(ids(`${GOOD_POST}\n${line}`)).toEqual([]));

  it('flags an unverified payment method, no hires and a low hire rate', () => {
    only(GOOD_POST, 'payment-unverified', { paymentVerified: false });
    only(GOOD_POST, 'no-hires', { hireRate: 0, jobsPosted: 4 });
    only(GOOD_POST, 'low-hire-rate', { hireRate: 20 });
    expect(ids(GOOD_POST, { hireRate: 50 })).toEqual([]);
  });

  it('flags low spend over many posts and a low rating, not a new client or a good one', () => {
    only(GOOD_POST, 'low-spend', { spentCents: 20_000, jobsPosted: 9 });
    expect(ids(GOOD_POST, { spentCents: 20_000, jobsPosted: 2 })).toEqual([]);
    only(GOOD_POST, 'low-rating', { rating: 3.9, reviews: 6 });
    expect(ids(GOOD_POST, { rating: 4.7, reviews: 6 })).toEqual([]);
  });

  it.each([
    ['incomplete', 'Need a website. Details will be shared in chat.'],
    ['scope-creep', `${GOOD_POST}\nAlso a few more things once the page is live.`],
    ['quick-and-easy', `${GOOD_POST}\nThis is quick and easy for an expert.`],
    ['rock-bottom', `${GOOD_POST}\nWe have a tight budget for this.`],
    ['off-platform', `${GOOD_POST}\nContact me on WhatsApp to discuss.`],
  ])('flags %s', (id, post) => expect(ids(post)).toContain(id));

  it('flags a rush only when the budget is small', () => {
    expect(ids(`${GOOD_POST} Need it live in 48 hours.`)).toEqual([]);
    const rushed = `${GOOD_POST.replace('$3,000', '$60')} Need it live in 48 hours.`;
    expect(ids(rushed)).toEqual(['rushed']);
  });
});

describe('/client', () => {
  it('leads with the count of red flags and says a paid-review job breaks the terms', async () => {
    const line =
      '/client payment_verified:no hire_rate:20 Leave a 5 star review for our app in the App Store, $5 each.';
    const r = (await runText(line, commands, testContext())).reply;
    expect(r.lead).toBe('Looks risky: 5 red flags, and it pays for reviews, which breaks Upwork\u2019s terms.');
    const text = replyText(r);
    expect(text).toContain('It pays for reviews or ratings ("5 star review")');
    expect(text).toContain('the contract title stays on your profile');
    expect(text).toContain('Payment method not verified');
    expect(text).toContain('Low hire rate (20 %)');
  });

  it('says a good post looks like a good client', async () => {
    const line = `/client payment_verified:yes hire_rate:85 spent:25000 rating:4.9 reviews:30 ${GOOD_POST}`;
    const r = (await runText(line, commands, testContext())).reply;
    expect(r.lead).toBe('Looks like a good client: no red flags, 5 good signs.');
  });
});
