// Wording shared by /fees, /quote, /dispute and /sources, so a rule set reads the same everywhere.

import { formatBasisPoints } from '../money.js';
import { formatCents } from '../runtime/format.js';
import { type Fee, ROUNDING_NOTE, roundHalfUp } from './fees.js';
import { describeInForce, FEE_DATA_CHECKED, type FeeRule, upworkEraOn } from './rules.js';

export const THIRD_PARTY_MARK = '†';

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

/** The rule's name for a table row: the agreed variable rate, and a mark when only third parties state it. */
export function ruleLabel(rule: FeeRule, rateBasisPoints?: number): string {
  const rate =
    rule.computation.kind === 'variable'
      ? ` (at ${formatBasisPoints(rateBasisPoints ?? rule.computation.basisPoints)})`
      : '';
  return `${rule.name}${rate}${rule.thirdParty ? ` ${THIRD_PARTY_MARK}` : ''}`;
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
 * Footer lines every fee reply carries: the rule sets the answer rests on with dates and source,
 * the third-party label for any rule shown, rounding, and where to find the rest.
 */
export function feeFooter(rules: readonly FeeRule[], shown: readonly FeeRule[] = rules): string[] {
  const lines = rules.map((r) => `${r.name}: ${describeInForce(r)}; source ${r.sources[0]}`);
  const thirdParty = shown.filter((r) => r.thirdParty);
  if (thirdParty.length > 0) {
    lines.push(
      `${THIRD_PARTY_MARK} ${thirdParty.map((r) => r.name).join(', ')}: third-party sources only, no official page; an estimate.`,
    );
  }
  lines.push(ROUNDING_NOTE, `Fee data checked ${FEE_DATA_CHECKED}; every source and disagreement: /sources.`);
  return lines;
}
