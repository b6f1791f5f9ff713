import { z } from 'zod';
import { feeFor } from '../core/fees/fees.js';
import { quoteFor } from '../core/fees/quote.js';
import { ARBITRATION_FEES, upworkEraOn } from '../core/fees/rules.js';
import { eraSentence, feeFooter } from '../core/fees/text.js';
import { dayOrToday, dollarsToCents, MAX_DOLLARS } from '../core/money.js';
import { defineCommand } from '../core/runtime/command.js';
import { formatCents } from '../core/runtime/format.js';
import { reply, table, text } from '../core/runtime/reply.js';

export const dispute = defineCommand({
  name: 'dispute',
  description: 'The arithmetic of paying for arbitration over an amount in escrow (information, not advice)',
  options: z.object({
    amount: z.number().min(0.01).max(MAX_DOLLARS).describe('the amount in escrow that is in dispute, in dollars'),
  }),
  run: (args, ctx) => {
    const amountCents = dollarsToCents(args.amount, 'amount');
    const day = dayOrToday(undefined, ctx.now);
    const era = upworkEraOn(day);
    // Money released to you after a dispute is a payment like any other, so the service fee applies.
    const released = era ? feeFor(era, amountCents, { day }).netCents : amountCents;
    const rows = ARBITRATION_FEES.map((f) => {
      const breakEven = era ? quoteFor(era, f.cents, { day }).fee.grossCents : f.cents;
      const left = released - f.cents;
      return [
        formatCents(f.cents),
        `${f.when}${f.sourced ? '' : ' (no source)'}`,
        left >= 0 ? formatCents(left) : `-${formatCents(-left)}`,
        formatCents(breakEven),
        breakEven > amountCents ? 'more than the whole amount' : `${Math.ceil((breakEven * 100) / amountCents)} %`,
      ];
    });
    const [lowest] = ARBITRATION_FEES;
    const highest = ARBITRATION_FEES.reduce((a, b) => (b.cents > a.cents ? b : a));
    return reply({
      lead: `Arbitration over ${formatCents(amountCents)} in escrow: the numbers`,
      blocks: [
        text(
          `Arbitration costs each party a fee. Reported figures run from ${formatCents(lowest?.cents ?? 0)} (${lowest?.when}) to ${formatCents(highest.cents)} (${highest.when}): forum posts and freelancer reports, not an Upwork page we could cite.`,
        ),
        table(
          ['Fee per party', 'Reported', 'Left if all released to you', 'Break-even escrow', 'Share you must recover'],
          rows,
        ),
        text(
          `"Left" is the ${formatCents(amountCents)} after ${era ? `the ${era.name} service fee (${formatCents(amountCents - released)})` : 'any service fee'} and your arbitration fee, if the whole amount were released to you. "Break-even" is the escrow amount at which recovering all of it just pays your arbitration fee; below it you lose money even when you win everything.`,
        ),
        text(
          'This is arithmetic, not advice: it assumes your fee is not refunded and leaves out your time, the outcome, and what the client might agree to before arbitration.',
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
