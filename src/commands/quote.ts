import { z } from 'zod';
import { outcomeFor, type QuoteOptions, quoteFor } from '../core/fees/quote.js';
import {
  CONNECT_CENTS,
  describeInForce,
  FEE_RULES,
  type FeeRule,
  feeRuleIds,
  findRule,
  inForceOn,
  requireFeeRule,
  upworkEraOn,
  WITHDRAWAL_METHODS,
  type WithdrawalMethod,
} from '../core/fees/rules.js';
import { describeFee, eraRate, eraSentence, feeFooter, quoteLine, ruleLabel } from '../core/fees/text.js';
import {
  billedOption,
  dollarsToCents,
  formatBasisPoints,
  MAX_DOLLARS,
  percentToBasisPoints,
  todayOf,
  variableRateOption,
} from '../core/money.js';
import { defineCommand } from '../core/runtime/command.js';
import { formatCents, formatDollars } from '../core/runtime/format.js';
import { type Block, fields, reply, table, text } from '../core/runtime/reply.js';

const METHODS = Object.keys(WITHDRAWAL_METHODS) as [WithdrawalMethod, ...WithdrawalMethod[]];

const OPTIONS = z.object({
  net: z.number().min(0.01).max(MAX_DOLLARS).describe('what you want to keep, in dollars'),
  era: z.string().max(40).optional().describe('a fee rule set, e.g. sliding, flat, variable, fiverr (default: all)'),
  billed: billedOption(),
  withdrawal: z.enum(METHODS).optional().describe('how you withdraw the money, to count its cost'),
  connects: z.number().int().min(0).max(1000).optional().describe('Connects spent on proposals for this job'),
  vat: z.number().min(0).max(30).optional().describe('VAT charged on the platform fee, in percent'),
  rate: variableRateOption(),
});
type Args = z.infer<typeof OPTIONS>;

export const quote = defineCommand({
  name: 'quote',
  description: 'What to charge to take home a given amount, under one fee rule set or all of them',
  options: OPTIONS,
  autocomplete: (option, partial) => (option === 'era' ? feeRuleIds(partial) : []),
  run: (args, ctx) => {
    const netCents = dollarsToCents(args.net, 'net');
    const day = todayOf(ctx.now);
    const rule = args.era === undefined ? undefined : findRule(args.era);
    const method = args.withdrawal && args.withdrawal !== 'none' ? WITHDRAWAL_METHODS[args.withdrawal] : undefined;
    const extras: Extras = {
      vatBasisPoints: args.vat === undefined ? 0 : percentToBasisPoints(args.vat, 'vat'),
      // A withdrawal with two published figures is quoted with the higher one, so the net is never short.
      withdrawal: method && { name: method.name, cents: Math.max(0, ...method.cents), known: method.cents.length > 0 },
      connects: args.connects ?? 0,
    };
    const options: QuoteOptions = {
      day,
      billedCents: args.billed === undefined ? 0 : dollarsToCents(args.billed, 'billed'),
      rateBasisPoints: args.rate === undefined ? undefined : percentToBasisPoints(args.rate, 'rate'),
      vatBasisPoints: extras.vatBasisPoints,
      costsCents: (extras.withdrawal?.cents ?? 0) + extras.connects * CONNECT_CENTS,
    };
    const shown = rule ?? upworkEraOn(day);
    const notes = shown ? withdrawalNotes(shown, netCents, options, args.withdrawal) : [];
    const answer = rule ? oneRule(rule, netCents, options, extras) : allRules(netCents, options, extras);
    if (rule && args.billed !== undefined && args.billed > 0 && rule.computation.kind !== 'tiered') {
      notes.push(text(billedNote(rule, netCents, options, args.billed)));
    }
    // rate: sets only the variable fee; said when the one rule set asked for is another.
    if (rule && args.rate !== undefined && rule.computation.kind !== 'variable') {
      notes.push(text(`rate:${args.rate} applies only to the Upwork variable fee, so it does not change this quote.`));
    }
    // billed: moves only the sliding tiers today, as /fees says (a payment in 2023 could keep the flat fee's 5 %).
    const billedCents = options.billedCents ?? 0;
    if (!rule && billedCents > 0 && !(shown && quoteFor(shown, netCents, options).fee.grandfathered)) {
      notes.push(
        text(`This client has already paid you ${formatDollars(billedCents)}; that moves only the sliding tiers.`),
      );
    }
    const costs = extras.withdrawal !== undefined || extras.connects > 0;
    const line = (change: Partial<Args>) => sameQuote({ ...args, ...change });
    const hint = rule
      ? `Try ${line({ era: undefined })} to compare every fee.`
      : costs || extras.vatBasisPoints > 0
        ? `Try ${line({ era: shown?.id ?? 'flat' })} for one fee in detail.`
        : `Try ${line({ withdrawal: 'wire', vat: 20 })} to count your own costs.`;
    return reply({
      ...answer,
      blocks: [...answer.blocks, ...notes],
      footer: [
        ...feeFooter(shown ? [shown] : [], rule ? [rule] : FEE_RULES),
        ...(costs ? ['Withdrawal and Connects costs are counted once, for this one payment.'] : []),
        hint,
      ],
    });
  },
});

/** A /quote line with every option given, in the order /help lists them, so a hint runs as printed. */
function sameQuote({ net, ...rest }: Args): string {
  const names = Object.keys(OPTIONS.shape) as (keyof Args)[];
  return quoteLine(
    net,
    Object.fromEntries(names.filter((n) => n !== 'net').map((n) => [n, rest[n as keyof typeof rest]])),
  );
}

interface Extras {
  vatBasisPoints: number;
  /** `known` is false where our sources give no figure (PayPal): nothing is counted then. */
  withdrawal?: { name: string; cents: number; known: boolean };
  connects: number;
}

/** The second published wire figure, and the PayPal fee we cannot count. */
function withdrawalNotes(rule: FeeRule, netCents: number, options: QuoteOptions, method?: WithdrawalMethod): Block[] {
  if (method === 'paypal') {
    return [
      text(
        'PayPal: Upwork charges a small fee per transfer, but our sources give no figure, so it is not counted. Add it to net yourself.',
      ),
    ];
  }
  if (method !== 'wire') return [];
  const [low, high] = WITHDRAWAL_METHODS.wire.cents;
  const q = quoteFor(rule, netCents, { ...options, costsCents: (options.costsCents ?? 0) - high + low });
  return [
    text(
      `Upwork's help page gives two wire costs, ${formatCents(low)} and ${formatCents(high)}; this quote counts ${formatCents(high)}. At ${formatCents(low)}, charge ${formatCents(q.fee.grossCents)} under ${theRule(rule, options)}.`,
    ),
  ];
}

/**
 * billed: under a rule set it does not move: said so, and for the flat fee the 2023 carry-over's charge, as
 * /fees gives it for a 2023 day (a quote is for a payment today, when the carry-over is over).
 */
function billedNote(rule: FeeRule, netCents: number, options: QuoteOptions, billed: number): string {
  const c = rule.computation;
  const from = rule.inForce.from;
  if (c.kind !== 'percent' || !c.grandfather || !from || (options.billedCents ?? 0) < c.grandfather.fromBilledCents) {
    return `billed:${billed} moves only the sliding fee's tiers, so it does not change this quote.`;
  }
  const kept = c.grandfather;
  const then = quoteFor(rule, netCents, { ...options, day: from });
  return `This client has already paid you ${formatDollars(options.billedCents ?? 0)}, past ${formatDollars(kept.fromBilledCents)}: such clients kept ${formatBasisPoints(kept.basisPoints)} under the flat fee until ${kept.until}, so a payment in 2023 needed ${formatCents(then.fee.grossCents)}; after that, ${formatBasisPoints(c.basisPoints)} as above.`;
}

/** "the Upwork variable fee 0-15 %, at 12 %": the rule set with the rate agreed under it. */
function theRule(rule: FeeRule, options: QuoteOptions): string {
  const c = rule.computation;
  return `the ${rule.name}${c.kind === 'variable' ? `, at ${formatBasisPoints(options.rateBasisPoints ?? c.basisPoints)}` : ''}`;
}

function oneRule(rule: FeeRule, netCents: number, options: QuoteOptions, extras: Extras) {
  const q = quoteFor(rule, netCents, options);
  const oneLess = outcomeFor(rule, q.fee.grossCents - 1, options);
  const when = inForceOn(rule, options.day) ? 'in force today' : `not in force on ${options.day}`;
  const lines: [string, string][] = [
    ['Charge', formatCents(q.fee.grossCents)],
    ['Fee', `${describeFee(q.fee)}: ${formatCents(q.fee.feeCents)}`],
  ];
  if (extras.vatBasisPoints > 0)
    lines.push([`VAT on the fee (${formatBasisPoints(extras.vatBasisPoints)})`, formatCents(q.vatCents)]);
  if (extras.withdrawal) {
    const cost = extras.withdrawal.known
      ? formatCents(extras.withdrawal.cents)
      : 'not counted (no figure in our sources)';
    lines.push([`Withdrawal, ${extras.withdrawal.name}`, cost]);
  }
  if (extras.connects > 0) {
    lines.push([
      `Connects (${extras.connects} x ${formatCents(CONNECT_CENTS)})`,
      formatCents(extras.connects * CONNECT_CENTS),
    ]);
  }
  lines.push(['You keep', formatCents(q.takeHomeCents)]);
  const check = `charging ${formatCents(q.fee.grossCents - 1)} would leave ${formatCents(oneLess.takeHomeCents)}, less than ${formatCents(netCents)}`;
  return {
    lead: `Charge ${rule.thirdParty ? 'an estimated ' : ''}${formatDollars(q.fee.grossCents)} to keep ${formatDollars(netCents)} under ${theRule(rule, options)}.`,
    blocks: [text(`${rule.name}: ${describeInForce(rule)}, ${when}.`), fields(lines)],
    details: [fields([['Check', check]])],
  };
}

function allRules(netCents: number, options: QuoteOptions, extras: Extras) {
  const era = upworkEraOn(options.day);
  const charge = (id: string) => formatDollars(quoteFor(requireFeeRule(id), netCents, options).fee.grossCents);
  const rows = FEE_RULES.map((rule) => {
    const q = quoteFor(rule, netCents, options);
    return [
      ruleLabel(rule, options.rateBasisPoints) + (rule === era ? ' (in force)' : ''),
      formatCents(q.fee.grossCents),
      formatCents(q.fee.feeCents + q.vatCents),
      formatCents(q.takeHomeCents),
    ];
  });
  const counted = [
    extras.vatBasisPoints > 0 ? `VAT of ${formatBasisPoints(extras.vatBasisPoints)} on the fee` : '',
    extras.withdrawal?.known ? `${extras.withdrawal.name} ${formatCents(extras.withdrawal.cents)}` : '',
    extras.connects > 0 ? `${extras.connects} Connects ${formatCents(extras.connects * CONNECT_CENTS)}` : '',
  ].filter(Boolean);
  const today = era ? quoteFor(era, netCents, options) : undefined;
  const lead = today
    ? `Charge ${era?.thirdParty ? 'an estimated ' : ''}${formatDollars(today.fee.grossCents)} to keep ${formatDollars(netCents)} under today's ${eraRate(era as FeeRule, today.fee, options.rateBasisPoints)} Upwork fee.`
    : `No Upwork fee era was in force on ${options.day}; the table in details compares the rest.`;
  return {
    lead,
    blocks: [
      text(
        `Under the older fees: flat 10 % ${charge('flat')}, sliding 20/10/5 % ${charge('sliding')}. Clients you bring (Direct Contracts 5 %): ${charge('direct')}.`,
      ),
      ...(counted.length > 0 ? [text(`Counted: ${counted.join('; ')}.`)] : []),
    ],
    details: [
      text(eraSentence(options.day)),
      table(['Rule set', 'Charge', extras.vatBasisPoints > 0 ? 'Fee + VAT' : 'Fee', 'You keep'], rows),
      text(
        `Each charge is the smallest amount that leaves at least ${formatCents(netCents)}; a cent less would not. Pick one rule set with era:, e.g. era:${era?.id ?? 'sliding'}.`,
      ),
    ],
  };
}
