import { z } from 'zod';
import { isoOfDay, parseDay } from '../core/dates.js';
import { feesChart } from '../core/fees/chart.js';
import {
  type Fee,
  type FeeOptions,
  feeAcrossNewClients,
  feeFor,
  ROUNDING_NOTE,
  splitEvenly,
} from '../core/fees/fees.js';
import { describeInForce, FEE_RULES, type FeeRule, requireFeeRule, upworkEraOn } from '../core/fees/rules.js';
import { carryOver, describeFee, eraRate, eraSentence, feeFooter, quoteLine, ruleLabel } from '../core/fees/text.js';
import {
  billedOption,
  dollarsToCents,
  formatBasisPoints,
  MAX_DOLLARS,
  percentToBasisPoints,
  todayOf,
  variableRateOption,
} from '../core/money.js';
import { chartOption } from '../core/runtime/chart.js';
import { defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { formatCents, formatDollars, plural } from '../core/runtime/format.js';
import { type Block, fields, reply, table, text } from '../core/runtime/reply.js';

/** The job size the community compares against when no job count is given. */
const DEFAULT_JOB_CENTS = 50_000;
const MAX_JOBS = 10_000;
const SLIDING = requireFeeRule('sliding');
const FLAT = requireFeeRule('flat');
const VARIABLE = requireFeeRule('variable');
const DIRECT = requireFeeRule('direct');
/** A day before the rule began (a rule with no start date never is). */
const before = (rule: FeeRule, day: string) => !!rule.inForce.from && day < rule.inForce.from;
const keep = (rule: FeeRule, cents: number, options: FeeOptions) =>
  formatDollars(feeFor(rule, cents, options).netCents);

export const fees = defineCommand({
  name: 'fees',
  description: "What you keep of a payment under today's Upwork fee, earlier eras and other platforms",
  options: z.object({
    amount: z.number().min(0.01).max(MAX_DOLLARS).describe('the payment from one client, in dollars'),
    billed: billedOption(),
    jobs: z
      .number()
      .int()
      .min(1)
      .max(MAX_JOBS)
      .optional()
      .describe('compare with this many jobs from as many new clients (default: one per $500)'),
    rate: variableRateOption(),
    date: z.string().max(40).optional().meta({
      description: 'the day of the payment: 2023-05-01, "1 May 2023", "2 weeks ago" (default today)',
      date: true,
    }),
    chart: chartOption(),
  }),
  run: (args, ctx) => {
    const amountCents = dollarsToCents(args.amount, 'amount');
    const billedCents = args.billed === undefined ? 0 : dollarsToCents(args.billed, 'billed');
    const rateBasisPoints = args.rate === undefined ? undefined : percentToBasisPoints(args.rate, 'rate');
    const todayDay = todayOf(ctx.now);
    const asked = args.date === undefined ? todayDay : isoOfDay(parseDay(args.date, ctx.now, { future: true }));
    // Upwork announces fee changes without a schedule: a future day gets today's rule, said so.
    const future = asked > todayDay;
    const day = future ? todayDay : asked;
    const today = day === todayDay;
    const jobs = args.jobs ?? Math.floor(amountCents / DEFAULT_JOB_CENTS);
    if (jobs * 100 > amountCents) {
      throw new UserError(
        'jobs_too_small',
        `${plural(jobs, 'job')} would each be under $1 of ${formatCents(amountCents)}: use fewer jobs or a larger amount.`,
      );
    }
    const options: FeeOptions = { billedCents, rateBasisPoints, day };
    const era = upworkEraOn(day);
    const compare = jobs >= 2;
    const amount = formatDollars(amountCents);

    const eraFee = era && feeFor(era, amountCents, options);
    // The 2023 carry-over: a client already past $10,000 kept 5 % under the flat fee; every line says so.
    const kept = era && eraFee ? carryOver(era, eraFee) : undefined;
    let lead = `gigdesk knows no Upwork fee for ${day}: the sliding fee began on 2016-06-21.`;
    if (era && eraFee) {
      const rate = eraRate(era, eraFee, rateBasisPoints);
      // A rule only third parties state is not a fact: the lead calls its figure an estimate.
      const net = `${era.thirdParty ? 'an estimated ' : ''}${formatDollars(eraFee.netCents)}`;
      const under = kept ? `the ${rate} rate that clients past $10,000 kept in 2023` : `the ${rate} Upwork fee`;
      lead = today
        ? `You keep ${net} of ${amount} under today's ${rate} Upwork fee.`
        : `On ${day} you kept ${net} of ${amount} under ${under}.`;
      if (future) lead = `${lead.slice(0, -1)}; the fee on ${asked} is not known yet.`;
    }
    const blocks: Block[] = [];
    if (future) {
      blocks.push(
        text(
          `${asked} is in the future, and Upwork changes its fees without a published schedule, so the rule then is not known; these figures use the rule in force today (${todayDay}).`,
        ),
      );
    }
    if (era?.computation.kind === 'variable') {
      const c = era.computation;
      const used =
        rateBasisPoints === undefined
          ? `${formatBasisPoints(c.basisPoints)} unless you agreed another rate (add rate:)`
          : `this uses the ${formatBasisPoints(rateBasisPoints)} you gave (${formatBasisPoints(c.basisPoints)} when nothing else is agreed)`;
      blocks.push(text(`Since ${era.inForce.from} the fee is set per contract, 0-15 %; ${used}.`));
    } else if (era && args.rate !== undefined) {
      blocks.push(
        text(
          `rate:${args.rate} applies only to the Upwork variable fee (from ${VARIABLE.inForce.from}), so it does not change the ${day} figure.`,
        ),
      );
    }
    const others = [FLAT, SLIDING].filter((r) => r !== era);
    const years = (r: FeeRule) => `${r.inForce.from?.slice(0, 4)}-${r.inForce.to?.slice(0, 4)}`;
    blocks.push(
      text(
        `${others
          .map((r) => `the ${r.id} fee (${years(r)}) left ${keep(r, amountCents, options)}`)
          .join('; ')
          .replace(/^t/, 'T')}.`,
      ),
      text(
        `Clients you bring (Direct Contracts, 5 %${before(DIRECT, day) ? `, from ${DIRECT.inForce.from}` : ''}): you ${before(DIRECT, day) ? 'would ' : ''}keep ${keep(DIRECT, amountCents, options)}. On Fiverr (20 %): ${keep(requireFeeRule('fiverr'), amountCents, options)}.`,
      ),
    );
    if (billedCents > 0) {
      const moves = kept
        ? `, past $10,000: that moves the sliding tiers and kept this payment at ${eraRate(era as FeeRule, eraFee as Fee)} under the flat fee`
        : '; that moves only the sliding tiers';
      blocks.push(text(`This client has already paid you ${formatDollars(billedCents)}${moves}.`));
    }
    const split = compare ? splitSentence(amountCents, jobs, options) : undefined;
    if (split && args.jobs !== undefined) blocks.push(text(split));

    const details: Block[] = [
      text(eraSentence(day)),
      ...(kept ? [text(grandfatherSentence(options))] : []),
      ...(compare
        ? [
            text(
              `Fee, ${formatCountShort(jobs)} new: the fee when ${amount} comes as ${plural(jobs, 'job')} from as many new clients.`,
            ),
          ]
        : []),
      table(comparisonColumns(compare, jobs), comparisonRows(amountCents, jobs, options, era)),
      slidingDetail(amountCents, options),
    ];
    if (split && args.jobs === undefined) details.push(text(split));
    details.push(
      fields(FEE_RULES.map((r) => [ruleLabel(r, rateBasisPoints), describeInForce(r)])),
      text(`${ROUNDING_NOTE} Your side only: client fees, withdrawal costs and Connects are left out.`),
    );
    return reply({
      lead,
      blocks,
      details,
      footer: [
        ...feeFooter(era ? [era] : [], FEE_RULES, era && eraFee ? { rule: era, fee: eraFee } : undefined),
        `Try ${quoteLine(args.amount, { era: era && era !== upworkEraOn(todayDay) ? era.id : undefined, billed: args.billed, rate: args.rate })} to see what to charge to keep ${amount}.`,
      ],
      chart: args.chart === 'on' ? feesChart(amountCents, options) : undefined,
    });
  },
});

function comparisonColumns(compare: boolean, jobs: number): string[] {
  return ['Rule set', 'Fee', 'You keep', ...(compare ? [`Fee, ${formatCountShort(jobs)} new`] : [])];
}

const formatCountShort = (n: number) => n.toLocaleString('en-US');

function comparisonRows(amountCents: number, jobs: number, options: FeeOptions, era: FeeRule | undefined) {
  return FEE_RULES.map((rule) => {
    const one = feeFor(rule, amountCents, options);
    const row = [
      ruleLabel(rule, options.rateBasisPoints, one) + (rule === era ? ' (in force)' : ''),
      formatCents(one.feeCents),
      formatCents(one.netCents),
    ];
    if (jobs >= 2) row.push(formatCents(feeAcrossNewClients(rule, amountCents, jobs, options)));
    return row;
  });
}

function slidingDetail(amountCents: number, options: FeeOptions): Block {
  const fee = feeFor(SLIDING, amountCents, options);
  return fields([['Sliding fee, tier by tier', `${describeFee(fee)}: ${formatCents(fee.feeCents)} in all`]]);
}

/** One client against N new clients, and the reminder that N jobs from one client cost the same as one. */
function splitSentence(amountCents: number, jobs: number, options: FeeOptions): string {
  const oneClient = feeFor(SLIDING, amountCents, options).feeCents;
  const split = feeAcrossNewClients(SLIDING, amountCents, jobs, options);
  const sizes = splitEvenly(amountCents, jobs)
    .map((g) => `${plural(g.jobs, 'job')} of ${formatCents(g.cents)}`)
    .join(' and ');
  const fromOne = (options.billedCents ?? 0) > 0 ? 'this client' : 'one client';
  return [
    `Under the sliding fee, ${formatCents(amountCents)} as ${sizes} from ${plural(jobs, 'different new client')} costs ${formatCents(split)} (you keep ${formatCents(amountCents - split)}), against ${formatCents(oneClient)} from ${fromOne}.`,
    `The same ${plural(jobs, 'job')} from one client cost the same as one contract, because the tiers follow what that client has paid you in total, not the job.`,
  ].join(' ');
}

function grandfatherSentence(options: FeeOptions): string {
  const kept = FLAT.computation.kind === 'percent' ? FLAT.computation.grandfather : undefined;
  if (!kept) throw new Error('the flat fee has no carry-over');
  return `This client is past ${formatDollars(kept.fromBilledCents)}, so on ${options.day} this payment keeps the ${formatBasisPoints(kept.basisPoints)} rate; the flat fee allowed that until ${kept.until}.`;
}
