// The /jss answer from three counts: score, band, recovery to a target, and what a revised review is worth.

import { formatCount, plural } from '../runtime/format.js';
import { fields, type Reply, reply, text } from '../runtime/reply.js';
import {
  bandFor,
  type Counts,
  contractsToReach,
  JSS_RULE,
  jssPercent,
  neutralCount,
  revisedReviewWorth,
} from './score.js';

export const ESTIMATE_NOTE =
  "This is Upwork's published high-level formula, not its exact algorithm (which is not published): treat every figure as an estimate.";

export function jssFooter(): string[] {
  return [
    `Rule: ${JSS_RULE.name}, as of ${JSS_RULE.asOf}. Estimate: the full algorithm is not published.`,
    `Source: ${JSS_RULE.source}`,
  ];
}

/** "6 / 8 = 75.00 %" with the rounding and the 0 % floor spelled out. */
function scoreDetail(c: Counts, percent: number): string {
  const net = c.successful - c.negative;
  const exact = ((net / c.total) * 100).toFixed(2);
  const floor = net < 0 ? `; below 0, and Upwork never shows less than 0 %` : '';
  return `${percent} %  ((${formatCount(c.successful)} - ${formatCount(c.negative)}) / ${formatCount(c.total)} = ${exact} %, rounded half up to a whole percent${floor})`;
}

export function recoveryText(c: Counts, target: number): string {
  const k = contractsToReach(c, target);
  if (k === 0) return `Already at or above ${target} % (unrounded).`;
  if (k === undefined) {
    const blockers = [
      c.negative > 0 ? plural(c.negative, 'negative') : '',
      neutralCount(c) > 0 ? plural(neutralCount(c), 'neutral') : '',
    ].filter(Boolean);
    const what =
      c.negative > 0
        ? ' It can get there when the negative leaves the window (24 months after that contract ended, sooner under the older best-of-6/12/24-months rule) or when the client revises the feedback.'
        : ' It can get there once the neutral outcomes leave the window.';
    return `${target} % cannot be reached by new contracts alone: with ${blockers.join(' and ')} counted in the total, the score stays below 100 % however many successful contracts follow.${what}`;
  }
  const total = c.total + k;
  const successful = c.successful + k;
  return `To reach ${target} %: ${plural(k, 'more successful contract')}, giving ${plural(total, 'contract')}, ${formatCount(successful)} successful: (${formatCount(successful)} - ${formatCount(c.negative)}) / ${formatCount(total)} = ${(((successful - c.negative) / total) * 100).toFixed(2)} %. Counted on the unrounded score, so it holds however Upwork rounds.`;
}

export function revisedText(c: Counts): string {
  const worth = revisedReviewWorth(c);
  if (!worth) return 'No negative outcome, so there is no review to turn around.';
  if (worth.revisedPercent === jssPercent(c)) {
    const after = (((c.successful - c.negative + 2) / c.total) * 100).toFixed(2);
    return `One revised review (a client turning a negative into a successful outcome) would lift the unrounded score to ${after} %, but the score shown stays ${worth.revisedPercent} %.`;
  }
  const same =
    worth.sameByNewContracts === undefined
      ? 'no number of new successful contracts shows that while the negative stays'
      : `new work alone would take ${plural(worth.sameByNewContracts, 'more successful contract')} to show ${worth.revisedPercent} %`;
  return `One revised review (a client turning a negative into a successful outcome) would make it ${worth.revisedPercent} %; ${same}.`;
}

export function quickReply(c: Counts, target: number): Reply {
  const percent = jssPercent(c);
  const band = bandFor(percent);
  return reply({
    lead: `Job Success Score: ${percent} %`,
    blocks: [
      fields([
        ['Score', scoreDetail(c, percent)],
        ['Band', `${band.range}: ${band.meaning}`],
        ['Successful', formatCount(c.successful)],
        ['Negative', formatCount(c.negative)],
        ['Neutral', `${formatCount(neutralCount(c))} (total - successful - negative; counts in the total only)`],
        ['Total', formatCount(c.total)],
      ]),
      text(recoveryText(c, target)),
      text(revisedText(c)),
      text(ESTIMATE_NOTE),
    ],
    footer: jssFooter(),
  });
}
