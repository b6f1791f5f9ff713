import { z } from 'zod';
import { COURSE_SOURCE } from '../core/advice/facts.js';
import {
  COURSE_EMPLOYER_HOUR_CENTS,
  COURSE_WAGE_CENTS,
  COURSE_WEEKS_PER_YEAR,
  JSS_PREMIUM,
  NEW_PROFILE_DISCOUNT,
  RAISE_STEP_CENTS,
  type RateAdvice,
  rateAdvice,
  suggestedRates,
} from '../core/advice/rates.js';
import { feeFor, roundHalfUp } from '../core/fees/fees.js';
import { type FeeRule, feeRuleIds, findRule, upworkEraOn } from '../core/fees/rules.js';
import { feeFooter, ruleLabel } from '../core/fees/text.js';
import { dollarsToCents, todayOf } from '../core/money.js';
import { defineCommand } from '../core/runtime/command.js';
import { formatCents } from '../core/runtime/format.js';
import { reply, table, text } from '../core/runtime/reply.js';

export const rate = defineCommand({
  name: 'rate',
  description: 'A fair freelance hourly rate from your employee wage, what to start at, and what you keep',
  options: z.object({
    hourly: z.number().min(1).max(1000).describe('what you earn, or would earn, per hour as an employee, in dollars'),
    hours: z.number().int().min(1).max(80).default(40).describe('hours you work a week (default 40)'),
    fee: z.string().max(40).optional().describe('fee rule set for what you keep, e.g. flat, sliding (default: today)'),
    feedbacks: z.number().int().min(0).max(100_000).optional().describe('how many feedbacks your profile has so far'),
  }),
  autocomplete: (option, partial) => (option === 'fee' ? feeRuleIds(partial) : []),
  run: (args, ctx) => {
    const wageCents = dollarsToCents(args.hourly, 'hourly');
    const day = todayOf(ctx.now);
    const rule = args.fee === undefined ? upworkEraOn(day) : findRule(args.fee);
    if (!rule) throw new Error(`no Upwork fee era on ${day}`);
    const advice = rateAdvice(wageCents, args.hours, args.feedbacks);
    const wage = dollars(wageCents);
    return reply({
      lead: `A fair freelance rate is ${wage} an hour or more: an employee on ${wage} costs an employer about ${dollars(advice.employerHourCents)} an hour.`,
      blocks: [
        text(employerLine(advice)),
        text(startLine(advice)),
        text(ladderLine(advice)),
        text(premiumLine()),
        // Dropped once the details are shown, so the answer never points at what it already shows.
        { type: 'text', text: 'What you keep at each rate: add details:yes.', short: true },
      ],
      details: [
        text(
          `What you keep under ${ruleLabel(rule)}, a week of ${args.hours} hours paid as one payment; each hour takes its share of the week's fee, to the cent:`,
        ),
        table(['Rate', 'Fee', 'You keep', 'A week kept'], keepRows(rule, advice, day)),
        text(
          // Only tiers depend on what a client has paid before: under any other rule set the sentence says nothing.
          `${rule.computation.kind === 'tiered' ? "The week is counted as a first payment from a new client, as the sliding fee's tiers need. " : ''}Exact fees for any amount: /quote or /fees.`,
        ),
        ...(rule.computation.kind === 'percentWithMinimum' ? [text(perProject(rule.computation.minimumCents))] : []),
        text(feeFooter([rule]).join(' ')),
        text(
          `Scaling: the course's figure is ${dollars(COURSE_EMPLOYER_HOUR_CENTS)} for a ${dollars(COURSE_WAGE_CENTS)} wage; gigdesk applies the same ratio (${(COURSE_EMPLOYER_HOUR_CENTS / COURSE_WAGE_CENTS).toFixed(2)} x) to your wage and counts ${COURSE_WEEKS_PER_YEAR} working weeks a year, as the course's $84,000 does.`,
        ),
      ],
      footer: [
        `Source: ${COURSE_SOURCE}; the employer-cost ratio is the course's, scaled by gigdesk. The ${dollars(JSS_PREMIUM.cents)} JSS premium is the author's estimate.`,
        'Next: /client checks a job post before you bid.',
      ],
    });
  },
});

/** $42.00 -> "$42"; cents only when there are some. */
const dollars = (cents: number) => formatCents(cents).replace(/\.00$/, '');

function employerLine(a: RateAdvice): string {
  const wage = dollars(a.wageCents);
  return `Approach 1, what you are worth: the employer's ${dollars(a.employerHourCents)} is the wage plus onboarding, payroll taxes and benefits, ${dollars(a.employerYearCents)} a year at ${a.hoursPerWeek} hours a week. Hiring you saves all of that, so ${wage} or more is fair.`;
}

function startLine(a: RateAdvice): string {
  const range = `${dollars(a.startRange.lowCents)}-${dollars(a.startRange.highCents)}`;
  const cut = `${NEW_PROFILE_DISCOUNT.least}-${NEW_PROFILE_DISCOUNT.most} %`;
  if (a.newProfile === false) {
    return `Approach 2, getting started below your rate: with ten or more feedbacks it no longer applies; bid at ${dollars(a.wageCents)} or more.`;
  }
  const when = a.newProfile === true ? 'you have' : 'if you have';
  return `Approach 2, getting started (${when} fewer than ten feedbacks): bid ${cut} below the ${dollars(a.wageCents)} you should earn, ${range} an hour, to land your first reviews.`;
}

function ladderLine(a: RateAdvice): string {
  // The course's raise is from what you bid now: the discounted start while new, your rate after that.
  const steps = (start: number, what = '') =>
    `${dollars(start)}${what} becomes ${dollars(start + RAISE_STEP_CENTS)}, then ${dollars(start + 2 * RAISE_STEP_CENTS)}`;
  const head = `Each time your plate is full, raise by about ${dollars(RAISE_STEP_CENTS)} an hour and bid on work further out`;
  const start = a.startRange.highCents;
  if (a.newProfile === true) return `${head}: a ${steps(start, ' start')}.`;
  if (a.newProfile === false) return `${head}: ${steps(a.wageCents)}.`;
  return `${head}: ${steps(a.wageCents)}; a ${steps(start, ' start')}.`;
}

function perProject(minimumCents: number): string {
  return `The ${dollars(minimumCents)} minimum is per fixed-price project: here a week's work is one project. Hourly work on Freelancer.com: fee:freelancer-hourly.`;
}

function premiumLine(): string {
  return `A ${JSS_PREMIUM.highPercent} % JSS may be worth about ${dollars(JSS_PREMIUM.cents)} an hour more than ${JSS_PREMIUM.lowPercent} % (the course author's estimate).`;
}

/** Fees are charged on payments, not hours: an hour's fee is its share of the week's, so the columns agree. */
function keepRows(rule: FeeRule, a: RateAdvice, day: string): string[][] {
  return suggestedRates(a).map((cents) => {
    const week = feeFor(rule, cents * a.hoursPerWeek, { day });
    const hourFee = roundHalfUp(week.feeCents, a.hoursPerWeek);
    return [formatCents(cents), formatCents(hourFee), formatCents(cents - hourFee), formatCents(week.netCents)];
  });
}
