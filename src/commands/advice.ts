import { z } from 'zod';
import { COURSE_SOURCE } from '../core/advice/facts.js';
import { ENDING, INVITE_HELPERS } from '../core/advice/guidance.js';
import { type ProfileOptions, profileChecklist } from '../core/advice/profileChecklist.js';
import { dayOf } from '../core/dates.js';
import { type Contract, contractName } from '../core/jss/contracts.js';
import { loadLog } from '../core/jss/contractsStore.js';
import { inviteFacts, reviewCost, revisions } from '../core/jss/logQuestions.js';
import { REVIEWS_IN_VIEW } from '../core/jss/momentum.js';
import { newFreelancerPlan } from '../core/jss/visibility.js';
import type { Context } from '../core/runtime/command.js';
import { defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { formatDollars, plural } from '../core/runtime/format.js';
import { fields, type Reply, reply, text } from '../core/runtime/reply.js';

const TOPICS = ['hidden', 'revise', 'end', 'profile', 'review-cost', 'invites'] as const;
const SOURCE = `Source: ${COURSE_SOURCE}.`;

async function contractsOf(ctx: Context) {
  const { contracts } = await loadLog(ctx);
  if (contracts.length === 0) {
    throw new UserError(
      'log_empty',
      'This answer reads your contract log, which is empty: add contracts with /contracts add first.',
    );
  }
  return contracts;
}

async function revise(ctx: Context): Promise<Reply> {
  const today = dayOf(ctx.now);
  const { now, each } = revisions(await contractsOf(ctx), today);
  const [top] = each;
  const name = (c: Contract) => contractName(c, ctx.visibility ?? 'private');
  if (!top) return reply({ lead: 'No negative in your 24-month window, so no revision would change your JSS.' });
  const lines = each.map(
    (r) =>
      `${name(r.contract)}, ${formatDollars(r.contract.amountCents)}: ${r.percent} %, weighted ${r.weighted ?? '-'} %`,
  );
  return reply({
    lead: `A revision from ${name(top.contract)} lifts your JSS most: from ${now ?? 0} % to ${top.percent} %, ${top.weighted} % weighted by contract value.`,
    blocks: [
      text(lines.slice(0, 6).join('\n')),
      text(
        'On the published formula every revision is worth the same; the weights by contract value (an estimate) rank them. Ask after owning your part, never by offering anything (/template).',
      ),
    ],
    footer: [`${SOURCE} Weights: support.upwork.com article 34958134307475. An estimate.`],
  });
}

async function cost(ctx: Context): Promise<Reply> {
  const found = reviewCost(await contractsOf(ctx), dayOf(ctx.now));
  if (!found)
    return reply({ lead: `No negative among your last ${REVIEWS_IN_VIEW} reviews, so none costs you there.` });
  const atStake = found.jobsInView * found.averageCents;
  return reply({
    lead: `An estimate: at your average contract of ${formatDollars(found.averageCents)}, about ${formatDollars(atStake)} of work is bid for while the negative from ${contractName(found.negative, ctx.visibility ?? 'private')} is in view.`,
    blocks: [
      text(
        `Clients read your ten newest reviews first, so it stays in view for ${plural(found.jobsInView, 'more reviewed job')}. Quick, well-reviewed jobs push it out sooner.`,
      ),
    ],
    footer: [`${SOURCE} The money is gigdesk's estimate: your average contract times the jobs it stays in view.`],
  });
}

async function invites(ctx: Context): Promise<Reply> {
  const f = inviteFacts(await contractsOf(ctx), dayOf(ctx.now));
  const since =
    f.daysSinceLastClose === undefined
      ? 'no closed contract yet'
      : `${plural(f.daysSinceLastClose, 'day')} since your last close (${f.lastClose})`;
  return reply({
    lead: `The course author believes invites follow fresh work; your log shows ${since}.`,
    blocks: [
      text(
        `From your log: ${plural(f.repeatClients, 'repeat client')} of ${f.clients}; average client spend ${formatDollars(f.averageClientCents)}.`,
      ),
      text(`What helps that follows from work: ${INVITE_HELPERS.fromWork}.`),
      text(`What is in your control: ${INVITE_HELPERS.inYourControl}.`),
    ],
    footer: [`${SOURCE} The author's belief, not confirmed by Upwork.`],
  });
}

export const advice = defineCommand({
  name: 'advice',
  description:
    "The course's answer to one question: hidden (a low score), revise, end (a contract), profile, review-cost, invites",
  usesStore: true,
  options: z.object({
    topic: z.enum(TOPICS).describe('the question'),
    going: z.enum(['well', 'badly']).optional().describe('for end: how the contract is going'),
    tried: z.boolean().optional().describe('for end: have you tried everything to put it right?'),
    skills: z.number().int().min(0).max(100).optional().describe('for profile: how many skills it lists'),
    portfolio: z.number().int().min(0).max(1000).optional().describe('for profile: how many portfolio items'),
    availability: z.boolean().optional().describe('for profile: is your availability up to date?'),
    video: z.boolean().optional().describe('for profile: does it have a video introduction?'),
    media: z.boolean().optional().describe('for profile: is your work media (video, audio, design)?'),
    earnings_hidden: z.boolean().optional().describe('for profile: are your earnings hidden?'),
    rate_lowered: z.boolean().optional().describe('for profile: are your rates lowered to land early contracts?'),
  }),
  run: async ({ topic, going, tried, ...parts }, ctx) => {
    if (topic === 'revise') return revise(ctx);
    if (topic === 'review-cost') return cost(ctx);
    if (topic === 'invites') return invites(ctx);
    if (topic === 'end') {
      const lead = going === 'well' ? ENDING.well : tried === false ? ENDING.notYet : ENDING.badly;
      return reply({
        lead,
        blocks: going === undefined ? [text('Add going:well or going:badly for the answer that fits.')] : [],
        footer: [SOURCE, 'Next: /template close-yourself or /followup start.'],
      });
    }
    if (topic === 'profile') {
      if (Object.values(parts).some((v) => v !== undefined)) return checklistReply(parts);
      return reply({
        lead: 'Tell me the rest of your profile and I check it: /advice profile skills:8 portfolio:3 availability:yes.',
        blocks: [
          text(
            'Also video:, media:, earnings_hidden: and rate_lowered: (yes or no); /profile checks the overview text.',
          ),
        ],
        footer: [SOURCE],
      });
    }
    return reply({
      lead: 'Keep a low score hidden: it shows only after a few contracts, so use that time.',
      blocks: [text(newFreelancerPlan()), text('Try /jss with your counts to see where 12 more jobs would take it.')],
      footer: [SOURCE],
    });
  },
});

/** "Is the rest of my profile complete?" from the options the user gave (seed 000). */
function checklistReply(o: {
  skills?: number;
  portfolio?: number;
  availability?: boolean;
  video?: boolean;
  media?: boolean;
  earnings_hidden?: boolean;
  rate_lowered?: boolean;
}): Reply {
  const options: ProfileOptions = { ...o, earningsHidden: o.earnings_hidden, rateLowered: o.rate_lowered };
  const items = profileChecklist(options);
  const todo = items.filter((i) => i.done === false);
  const unknown = items.filter((i) => i.done === undefined).map((i) => i.item.toLowerCase());
  return reply({
    lead:
      todo.length === 0
        ? 'Nothing to finish in the parts of your profile you told me about.'
        : `${plural(todo.length, 'thing')} to finish in your profile; the first: ${todo[0]?.item.toLowerCase()}.`,
    blocks: [
      ...(todo.length > 0 ? [text(todo.map((i) => `${i.item}: ${i.advice}`).join('\n'))] : []),
      ...(unknown.length > 0 ? [text(`Not told: ${unknown.join(', ')}. Add them as options to check them too.`)] : []),
    ],
    details: [
      fields(items.map((i) => [`${i.done === undefined ? 'not told' : i.done ? 'ok' : 'to do'}: ${i.item}`, i.advice])),
    ],
    footer: [
      `${SOURCE} A 100 % complete profile is also a Top Rated item.`,
      'Next: /profile with your overview text checks it line by line.',
    ],
  });
}
