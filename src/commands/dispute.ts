import { z } from 'zod';
import { feeFor } from '../core/fees/fees.js';
import { quoteFor } from '../core/fees/quote.js';
import { ARBITRATION_FEES, upworkEraOn } from '../core/fees/rules.js';
import { eraRate, eraSentence, feeFooter } from '../core/fees/text.js';
import { dollarsToCents, MAX_DOLLARS, todayOf } from '../core/money.js';
import { defineCommand } from '../core/runtime/command.js';
import { formatCents, formatDollars } from '../core/runtime/format.js';
import { reply, table, text } from '../core/runtime/reply.js';

const signed = (cents: number) => (cents >= 0 ? formatCents(cents) : `-${formatCents(-cents)}`);
const span = (low: number, high: number) =>
  low === high ? formatDollars(low) : `${formatDollars(low)}-${formatDollars(high)}`;

/** The share of the escrow a break-even needs, as a number: "40.4", "0.65"; undefined below 0.01 %. */
function shareNumber(partCents: number, wholeCents: number): string | undefined {
  const hundredths = Math.round((partCents * 10_000) / wholeCents);
  if ((partCents * 10_000) / wholeCents < 1) return undefined;
  if (hundredths < 100) return (hundredths / 100).toFixed(2);
  const tenths = Math.round((partCents * 1_000) / wholeCents);
  return (tenths / 10).toFixed(1).replace(/\.0$/, '');
}

/** "40.4 %", "0.65 %"; `tiny` words a share below 0.01 %. */
const share = (partCents: number, wholeCents: number, tiny = 'less than 0.01 %') => {
  const n = shareNumber(partCents, wholeCents);
  return n === undefined ? tiny : `${n} %`;
};

/** "40.4-46.9 %", or one figure when both round alike. */
function shareSpan(lowCents: number, highCents: number, wholeCents: number): string {
  const [low, high] = [shareNumber(lowCents, wholeCents), shareNumber(highCents, wholeCents)];
  if (high === undefined) return 'less than 0.01 %';
  if (low === undefined) return `at most ${high} %`;
  return low === high ? `${low} %` : `${low}-${high} %`;
}

export const dispute = defineCommand({
  name: 'dispute',
  description: 'The arithmetic of paying for arbitration over an amount in escrow (information, not advice)',
  options: z.object({
    amount: z.number().min(0.01).max(MAX_DOLLARS).describe('the amount in escrow that is in dispute, in dollars'),
  }),
  run: (args, ctx) => {
    const amountCents = dollarsToCents(args.amount, 'amount');
    const day = todayOf(ctx.now);
    const era = upworkEraOn(day);
    // Money released to you after a dispute is a payment like any other, so the service fee applies.
    const released = era ? feeFor(era, amountCents, { day }).netCents : amountCents;
    const figures = ARBITRATION_FEES.map((f) => ({
      ...f,
      left: released - f.cents,
      breakEven: era ? quoteFor(era, f.cents, { day }).fee.grossCents : f.cents,
    }));
    const sourced = figures.filter((f) => f.sourced);
    const low = Math.min(...sourced.map((f) => f.cents));
    const high = Math.max(...sourced.map((f) => f.cents));
    const amount = formatDollars(amountCents);
    const fee = span(low, high);
    const worst = released - high;
    // A service fee only third parties state is an estimate, and the lead says so.
    const serviceFee = era
      ? `${era.thirdParty ? 'estimated ' : ''}${eraRate(era, feeFor(era, amountCents, { day }))} fee`
      : 'fee';
    const best = released - low;
    const lead =
      best < 0
        ? `A dispute over ${amount} loses you money even if you win it all: the ${fee} arbitration fee is more than the ${formatDollars(released)} you would keep.`
        : worst < 0
          ? `A dispute over ${amount} is about even at best: winning it all leaves ${formatDollars(best)} after a ${formatDollars(low)} arbitration fee, a loss at ${formatDollars(high)}.`
          : `If you win all ${amount} in dispute, you keep ${span(worst, best)} after Upwork's ${serviceFee} and the ${fee} arbitration fee.`;
    const evens = sourced.map((f) => f.breakEven);
    const needed = shareSpan(Math.min(...evens), Math.max(...evens), amountCents);
    const blocks = [
      text(
        `Reported fees per party: ${sourced.map((f) => `${formatDollars(f.cents)} (${f.when})`).join(', ')}; a $297 figure has no source.`,
      ),
      text(
        best < 0
          ? `Below about ${span(Math.min(...evens), Math.max(...evens))} in escrow, even winning everything does not cover your fee.`
          : worst < 0
            ? `At ${formatDollars(high)} you lose money even winning everything; at ${formatDollars(low)} you must win ${share(Math.min(...evens), amountCents)} of it to break even.`
            : `You break even only if you win at least ${span(Math.min(...evens), Math.max(...evens))} of it, ${needed}.`,
      ),
      text(
        'This is arithmetic, not advice: it assumes your fee is not refunded and leaves out your time and the outcome.',
      ),
    ];
    return reply({
      lead,
      blocks,
      details: [
        table(
          ['Fee', 'Reported', 'Left if won', 'Break-even', 'Recover'],
          figures.map((f) => [
            formatCents(f.cents),
            f.sourced ? f.when : 'no source',
            signed(f.left),
            formatCents(f.breakEven),
            f.breakEven > amountCents ? 'over 100 %' : share(f.breakEven, amountCents, 'under 0.01 %'),
          ]),
        ),
        text(
          `"Left if won" is the ${formatCents(amountCents)} after ${era ? `the ${era.name} (${formatCents(amountCents - released)})` : 'any service fee'} and your arbitration fee. "Break-even" is the escrow amount where winning all of it just pays your fee. "Recover" is the share of ${formatCents(amountCents)} you must win to break even.`,
        ),
        text(eraSentence(day)),
      ],
      footer: [
        `Arbitration fees: ${ARBITRATION_FEES.map((f) => `${formatCents(f.cents)} ${f.source}`).join('; ')}.`,
        ...feeFooter(era ? [era] : []),
      ],
    });
  },
});
