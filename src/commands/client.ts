import { z } from 'zod';
import { checkClient, type Flag, THRESHOLDS } from '../core/advice/client.js';
import { COURSE_SOURCE } from '../core/advice/facts.js';
import { dollarsToCents, MAX_DOLLARS } from '../core/money.js';
import { defineCommand } from '../core/runtime/command.js';
import { formatCents, plural } from '../core/runtime/format.js';
import { type Block, moreInDetails, reply, text } from '../core/runtime/reply.js';

const SHOWN_FLAGS = 5;
const flagLine = (f: Flag) => `${f.what}${f.quote ? ` ("${f.quote}")` : ''}: ${f.why}`;

export const client = defineCommand({
  name: 'client',
  description: 'Check a job post and its client for the warning signs the course names, before you bid',
  // A post runs to paragraphs, which a chat command's one-line option cannot hold: without it, a form opens.
  longText: 'post',
  options: z.object({
    payment_verified: z.boolean().optional().describe('whether the post shows "Payment method verified"'),
    hire_rate: z.number().min(0).max(100).optional().describe("the client's hire rate, in percent"),
    spent: z.number().min(0).max(MAX_DOLLARS).optional().describe('total the client has spent, in dollars'),
    jobs_posted: z.number().int().min(0).max(100_000).optional().describe('jobs the client has posted'),
    rating: z.number().min(1).max(5).optional().describe("the client's average rating from freelancers, 1-5 stars"),
    reviews: z.number().int().min(0).max(100_000).optional().describe('how many reviews that rating rests on'),
    post: z.string().min(1).max(6000).describe('the job post text'),
  }),
  run: (args) => {
    const check = checkClient(args.post, {
      paymentVerified: args.payment_verified,
      hireRate: args.hire_rate,
      spentCents: args.spent === undefined ? undefined : dollarsToCents(args.spent, 'spent'),
      jobsPosted: args.jobs_posted,
      rating: args.rating,
      reviews: args.reviews,
    });
    const { flags, good } = check;
    const paid = flags.some((f) => f.id === 'paid-reviews');
    const goodLine = good.length > 0 ? `Good signs: ${good.join('; ')}.` : undefined;
    const missing = [
      args.payment_verified === undefined && 'payment_verified',
      args.hire_rate === undefined && 'hire_rate',
      args.spent === undefined && 'spent',
      args.rating === undefined && 'rating',
    ].filter(Boolean);
    const details: Block[] = [
      text(
        `Thresholds are gigdesk's rules of thumb (the course names the signs, not the numbers): hire rate below ${THRESHOLDS.lowHireRate} %, rating below ${THRESHOLDS.lowRating} stars, under ${formatCents(THRESHOLDS.lowSpendPerPostCents)} spent per post over ${THRESHOLDS.manyPosts} or more posts, a fixed budget under ${formatCents(THRESHOLDS.rockBottomCents)} or an hourly one under ${formatCents(THRESHOLDS.rockBottomHourlyCents)}.`,
      ),
    ];
    if (missing.length > 0) {
      details.push(
        text(`Not checked because not given: ${missing.join(', ')}. They are on the job post's client panel.`),
      );
    }
    const footer = [
      `Source: ${COURSE_SOURCE} (which clients to avoid); Upwork's terms on reviews and payments.`,
      'Plain wording rules, no AI: a post can hide a problem these miss.',
      'Next: /rate for what to bid.',
    ];
    if (flags.length === 0) {
      return reply({
        lead: `Looks like a good client: no red flags${good.length > 0 ? `, ${plural(good.length, 'good sign')}` : ''}.`,
        blocks: [
          text(goodLine ?? 'Nothing in the post or the facts you gave raises a flag.'),
          text('The course finds that clients who pay more tend to be better: still agree the scope in writing.'),
        ],
        details,
        footer,
      });
    }
    const shown = flags.slice(0, SHOWN_FLAGS);
    const blocks: Block[] = [text(shown.map(flagLine).join('\n'))];
    if (flags.length > SHOWN_FLAGS) blocks.push(moreInDetails(flags.length - SHOWN_FLAGS));
    if (goodLine) details.unshift(text(goodLine));
    if (flags.length > SHOWN_FLAGS) details.unshift(text(flags.slice(SHOWN_FLAGS).map(flagLine).join('\n')));
    return reply({
      lead: `Looks risky: ${plural(flags.length, 'red flag')}${paid ? ', and it pays for reviews, which breaks Upwork\u2019s terms' : ''}.`,
      blocks,
      details,
      footer,
    });
  },
});
