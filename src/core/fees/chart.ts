// What you keep and what the platform keeps of one payment under each fee rule, as a bar chart spec.
import { formatBasisPoints } from '../money.js';
import type { ChartSpec } from '../runtime/chart.js';
import { formatCents } from '../runtime/format.js';
import { type FeeOptions, feeFor } from './fees.js';
import { FEE_RULES, type FeeRule, upworkEraOn } from './rules.js';
import { carryOver } from './text.js';

const dollars = (cents: number) => Math.round(cents) / 100;

export function feesChart(amountCents: number, options: FeeOptions): ChartSpec {
  const fees = FEE_RULES.map((rule) => ({ rule, fee: feeFor(rule, amountCents, options) }));
  const era = upworkEraOn(options.day);
  const current = fees.find((f) => f.rule === era);
  // Words instead of the table's mark: "estimate" where only third parties state the rule.
  const label = (rule: FeeRule) => {
    const c = rule.computation;
    const rate = c.kind === 'variable' ? ` at ${formatBasisPoints(options.rateBasisPoints ?? c.basisPoints)}` : '';
    return `${rule.name}${rate}${rule.thirdParty ? ' (estimate)' : ''}`;
  };
  const kept = current && carryOver(current.rule, current.fee);
  const subtitle = current
    ? `In force on ${options.day}: ${current.rule.name}${kept ? ` (${kept})` : ''}, you keep ${formatCents(current.fee.netCents)}.`
    : `No Upwork marketplace fee was in force on ${options.day}.`;
  return {
    kind: 'horizontal-bar',
    name: 'fees',
    title: `What you keep of ${formatCents(amountCents)} under each fee rule`,
    subtitle,
    categories: fees.map((f) => label(f.rule)),
    categoryAxis: '',
    valueAxis: 'Dollars of the payment',
    valueFormat: 'dollars',
    valueRange: { min: 0, max: dollars(amountCents) },
    series: [
      { name: 'You keep', role: 'keep', values: fees.map((f) => dollars(f.fee.netCents)), stack: 'payment' },
      { name: 'Platform fee', role: 'fee', values: fees.map((f) => dollars(f.fee.feeCents)), stack: 'payment' },
    ],
    alt: `Bar chart of what you keep and the platform fee on ${formatCents(amountCents)} under ${fees.length} fee rules. ${subtitle}`,
  };
}
