import { z } from 'zod';
import { feesChart } from '../core/fees/chart.js';
import { type FeeOptions, feeAcrossNewClients, feeFor, splitEvenly } from '../core/fees/fees.js';
import { describeInForce, FEE_RULES, requireFeeRule, upworkEraOn } from '../core/fees/rules.js';
import { describeFee, eraSentence, feeFooter, ruleLabel } from '../core/fees/text.js';
import {
  billedOption,
  dayOrToday,
  dollarsToCents,
  formatBasisPoints,
  MAX_DOLLARS,
  percentToBasisPoints,
  variableRateOption,
} from '../core/money.js';
import { chartOption } from '../core/runtime/chart.js';
import { defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { formatCents, plural } from '../core/runtime/format.js';
import { type Block, fields, reply, table, text } from '../core/runtime/reply.js';

/** The job size the community compares against when no job count is given. */
const DEFAULT_JOB_CENTS = 50_000;
const MAX_JOBS = 10_000;
const SLIDING = requireFeeRule('sliding');
const FLAT = requireFeeRule('flat');

export const fees = defineCommand({
  name: 'fees',
  description: 'Fee and take-home on a payment under every Upwork fee era and its peers',
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
    date: z.string().max(40).optional().describe('the day of the payment, YYYY-MM-DD (default today)'),
    chart: chartOption(),
  }),
  run: (args, ctx) => {
    const amountCents = dollarsToCents(args.amount, 'amount');
    const billedCents = args.billed === undefined ? 0 : dollarsToCents(args.billed, 'billed');
    const rateBasisPoints = args.rate === undefined ? undefined : percentToBasisPoints(args.rate, 'rate');
    const day = dayOrToday(args.date, ctx.now);
    const jobs = args.jobs ?? Math.floor(amountCents / DEFAULT_JOB_CENTS);
    if (jobs * 100 > amountCents) {
      throw new UserError(
        `${plural(jobs, 'job')} would each be under $1 of ${formatCents(amountCents)}: use fewer jobs or a larger amount.`,
      );
    }
    const options: FeeOptions = { billedCents, rateBasisPoints, day };
    const era = upworkEraOn(day);
    const compare = jobs >= 2;

    const rows = FEE_RULES.map((rule) => {
      const one = feeFor(rule, amountCents, options);
      const mark = rule === era ? ' ◀ in force' : '';
      const row = [
        ruleLabel(rule, rateBasisPoints) + mark,
        describeInForce(rule),
        formatCents(one.feeCents),
        formatCents(one.netCents),
      ];
      if (compare) row.push(formatCents(feeAcrossNewClients(rule, amountCents, jobs, options)));
      return row;
    });
    const columns = [
      'Rule set',
      'In force',
      'Fee',
      'You keep',
      ...(compare ? [`${plural(jobs, 'new client')}: fee`] : []),
    ];

    const blocks: Block[] = [text(eraSentence(day)), table(columns, rows), slidingDetail(amountCents, options)];
    if (compare) blocks.push(text(splitSentence(amountCents, jobs, options)));
    const grandfather = grandfatherSentence(amountCents, options);
    if (grandfather) blocks.push(text(grandfather));
    const billedNote = billedCents > 0 ? ` (this client has already paid you ${formatCents(billedCents)})` : '';
    return reply({
      lead: `Fees on ${formatCents(amountCents)} from one client${billedNote}`,
      blocks,
      footer: [
        ...feeFooter(era ? [era] : [], FEE_RULES),
        'Your side only: client fees, withdrawal costs and Connects are left out (/quote adds them).',
      ],
      chart: args.chart === 'on' ? feesChart(amountCents, options) : undefined,
    });
  },
});

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
    'Percentage fees do not care how the work is split; a per-project minimum (Freelancer.com $5) does.',
  ].join(' ');
}

function grandfatherSentence(amountCents: number, options: FeeOptions): string | undefined {
  const kept = FLAT.computation.kind === 'percent' ? FLAT.computation.grandfather : undefined;
  if (!kept || !feeFor(FLAT, amountCents, options).grandfathered) return undefined;
  return `${FLAT.name}: this client is past ${formatCents(kept.fromBilledCents)}, so on ${options.day} the payment keeps the ${formatBasisPoints(kept.basisPoints)} rate (kept until ${kept.until}).`;
}
