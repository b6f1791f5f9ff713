// Wording shared by /fees, /quote, /dispute and /sources, so a rule set reads the same everywhere.

import { formatBasisPoints } from '../money.js';
import { formatCents, formatDollars } from '../runtime/format.js';
import { type Fee, roundHalfUp } from './fees.js';
import { describeInForce, FEE_DATA_CHECKED, type FeeRule, upworkEraOn } from './rules.js';

/** "20 % of the first $500.00, ..." */
export function describeComputation(rule: FeeRule): string {
  const c = rule.computation;
  switch (c.kind) {
    case 'tiered': {
      let lower = 0;
      const parts = c.tiers.map((t) => {
        const rate = formatBasisPoints(t.basisPoints);
        let part = `${rate} above ${formatCents(lower)}`;
        if (t.upToCents !== null && lower === 0) part = `${rate} of the first ${formatCents(t.upToCents)}`;
        else if (t.upToCents !== null) part = `${rate} from ${formatCents(lower)} to ${formatCents(t.upToCents)}`;
        lower = t.upToCents ?? lower;
        return part;
      });
      return `${parts.join(', ')}, counted on everything that client has paid you`;
    }
    case 'percent':
      return `${formatBasisPoints(c.basisPoints)} of every payment${
        c.grandfather
          ? ` (${formatBasisPoints(c.grandfather.basisPoints)} kept until ${c.grandfather.until} for clients already past ${formatCents(c.grandfather.fromBilledCents)})`
          : ''
      }`;
    case 'variable':
      return `${formatBasisPoints(c.minBasisPoints)}-${formatBasisPoints(c.maxBasisPoints)} set per contract, ${formatBasisPoints(c.basisPoints)} when nothing else is said`;
    case 'percentWithMinimum':
      return `${formatBasisPoints(c.basisPoints)} or ${formatCents(c.minimumCents)} per project, whichever is greater`;
  }
}

/** Short names for table rows, so a comparison fits 64 columns. */
const SHORT_NAMES: Record<string, string> = {
  sliding: 'Sliding 20/10/5 %',
  flat: 'Flat 10 %',
  direct: 'Direct Contracts 5 %',
  'direct-plus': 'Direct, with Plus 0 %',
  fiverr: 'Fiverr 20 %',
  'freelancer-fixed': 'Freelancer.com fixed',
  'freelancer-hourly': 'Freelancer.com hourly',
};

/** The lower rate a client kept under this rule (the 2023 carry-over), when this fee used it. */
function keptRate(rule: FeeRule, fee?: Fee) {
  const c = rule.computation;
  return fee?.grandfathered && c.kind === 'percent' ? c.grandfather : undefined;
}

/** The rule's short name for a table row, with the agreed variable rate or the rate a client kept. */
export function ruleLabel(rule: FeeRule, rateBasisPoints?: number, fee?: Fee): string {
  const c = rule.computation;
  if (c.kind === 'variable') return `Variable ${formatBasisPoints(rateBasisPoints ?? c.basisPoints)}`;
  const name = SHORT_NAMES[rule.id] ?? rule.name;
  const kept = keptRate(rule, fee);
  return kept ? `${name.replace(/ [0-9]+ %$/, '')}, ${formatBasisPoints(kept.basisPoints)} kept` : name;
}

/** "5 % kept until 2023-12-31 for clients past $10,000": the lower rate a client kept, when this fee used it. */
export function carryOver(rule: FeeRule, fee: Fee): string | undefined {
  const g = keptRate(rule, fee);
  return (
    g &&
    `${formatBasisPoints(g.basisPoints)} kept until ${g.until} for clients past ${formatDollars(g.fromBilledCents)}`
  );
}

/** "today's 10 %", "the sliding 20/10/5 %": the era's rate as a sentence names it. */
export function eraRate(era: FeeRule, fee: Fee, rateBasisPoints?: number): string {
  const c = era.computation;
  if (c.kind === 'variable') return formatBasisPoints(rateBasisPoints ?? c.basisPoints);
  if (c.kind === 'tiered') return `sliding ${c.tiers.map((t) => t.basisPoints / 100).join('/')} %`;
  if (c.kind === 'percent')
    return formatBasisPoints(fee.grandfathered && c.grandfather ? c.grandfather.basisPoints : c.basisPoints);
  return era.name;
}

/** "20 % of $500.00 = $100.00 + 10 % of $9,500.00 = $950.00" */
export function describeFee(fee: Fee): string {
  if (fee.minimumApplied) return `the ${formatCents(fee.feeCents)} minimum (more than the percentage)`;
  return fee.parts
    .map(
      (p) =>
        `${formatBasisPoints(p.basisPoints)} of ${formatCents(p.cents)} = ${formatCents(roundHalfUp(p.cents * p.basisPoints, 10_000))}`,
    )
    .join(' + ');
}

/** The sentence naming the Upwork era in force on a day. */
export function eraSentence(day: string): string {
  const era = upworkEraOn(day);
  if (!era) return `No Upwork fee era we know of was in force on ${day} (the sliding fee began on 2016-06-21).`;
  return `Upwork fee in force on ${day}: ${era.name}, ${describeInForce(era)}${era.thirdParty ? ' (third-party sources only)' : ''}.`;
}

/**
 * Footer lines every fee reply carries: the rule sets the answer rests on, in words, with dates and
 * source; "an estimate" for any rule only third parties state; where to find the rest.
 */
export function feeFooter(
  rules: readonly FeeRule[],
  shown: readonly FeeRule[] = rules,
  kept?: { rule: FeeRule; fee: Fee },
): string[] {
  const keptNote = (r: FeeRule) => {
    const note = kept?.rule === r ? carryOver(r, kept.fee) : undefined;
    return note ? ` (${note})` : '';
  };
  const lines = rules.map(
    (r) =>
      `${r.name}, ${describeInForce(r)}${keptNote(r)}: ${r.thirdParty ? `stated only by third parties (${r.sources[0]}), so an estimate` : `source ${r.sources[0]}`}.`,
  );
  const others = shown.filter((r) => r.thirdParty && !rules.includes(r));
  if (others.length > 0) {
    lines.push(`${others.map((r) => r.name).join(', ')}: third-party sources only, an estimate.`);
  }
  lines.push(`Fee data checked ${FEE_DATA_CHECKED}; every source and disagreement: /sources fees.`);
  return lines;
}

/** "/quote 500 era:flat billed:8000": a /quote line runnable as printed, options in the order given, unset ones left out. */
export function quoteLine(net: number, options: Readonly<Record<string, string | number | undefined>>): string {
  const given = Object.entries(options).flatMap(([name, value]) => (value === undefined ? [] : [`${name}:${value}`]));
  return [`/quote ${net}`, ...given].join(' ');
}
