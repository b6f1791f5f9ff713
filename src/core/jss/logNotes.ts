// Short notes under the /jss answer on a log: what the score leaves out, what rests on gigdesk's own
// star estimate, and which rules the footer cites; each said only when it is true of this log.
import type { Day } from '../dates.js';
import { formatCount, plural } from '../runtime/format.js';
import type { Visibility } from '../runtime/reply.js';
import { contractName, endDay, starsLabel } from './contracts.js';
import { jssRule } from './rules.js';
import { type Counts, percentOf } from './score.js';
import { type Eligibility, inWindow, type LogIndex } from './windows.js';

/**
 * Why the contracts counted differ from those logged in 24 months; undefined when every one counts.
 * `counted`: the line before already gives the counting contracts, so only what is left out is said.
 */
export function leftOutText(e: Eligibility, counted = false): string | undefined {
  const waiting = e.awaitingFeedback > 0 ? ` (${formatCount(e.awaitingFeedback)} can still get it)` : '';
  const parts = [
    e.unpaidSuccessful > 0 ? `${formatCount(e.unpaidSuccessful)} unpaid ($0)` : '',
    e.noFeedback > 0 ? `${formatCount(e.noFeedback)} without feedback${waiting}` : '',
    e.feedbackRemoved > 0 ? `${formatCount(e.feedbackRemoved)} with feedback Upwork removed` : '',
  ].filter(Boolean);
  const out = e.unpaidSuccessful + e.noFeedback + e.feedbackRemoved;
  if (out === 0) return undefined;
  if (counted) return `Left out: ${parts.join(' and ')}.`;
  const logged = plural(e.contracts + out, 'contract');
  const count = `${formatCount(e.contracts)} count${e.contracts === 1 ? 's' : ''}`;
  return `Of your ${logged} in the last 24 months, ${count}: ${parts.join(' and ')} ${out === 1 ? 'is' : 'are'} left out.`;
}

const SOURCED = "gigdesk's own estimate, as only 4 stars and up has a source";

/** Under 4 stars has no published outcome (FACTS §3): what the 24-month score would be the other way. */
export function starsNote(index: LogIndex, today: Day, counts: Counts, shownTo: Visibility): string | undefined {
  const rated = index.eligible.filter(
    (c) => c.stars !== undefined && c.stars < 4 && c.outcome !== 'successful' && inWindow(endDay(c), today, 24),
  );
  if (rated.length === 0) return undefined;
  const neutral = rated.filter((c) => c.outcome === 'neutral').length;
  const negative = rated.length - neutral;
  const net = counts.successful - counts.negative;
  const asNegative = percentOf(net - neutral, counts.total);
  const asNeutral = percentOf(net + negative, counts.total);
  const [only] = rated;
  const what =
    rated.length === 1 && only
      ? `${contractName(only, shownTo, { short: true })}'s ${starsLabel(only.stars ?? 0)} count${only.stars === 1 ? 's' : ''}`
      : `${formatCount(rated.length)} ratings under 4 stars count`;
  if (negative === 0) return `${what} as neutral: ${SOURCED}. Counted negative, your score would be ${asNegative} %.`;
  if (neutral === 0) return `${what} as negative: ${SOURCED}. Counted neutral, your score would be ${asNeutral} %.`;
  return `${what} as neutral or negative: ${SOURCED}. Your score could be anywhere from ${asNegative} % to ${asNeutral} %.`;
}

/**
 * Where the two rules come from, and what the answer did with them: both scores shown because they
 * differ, one score because they agree, or none when the log gives no score.
 */
export function rulesFooter(twentyFour: number | undefined, bestOf: number | undefined): string {
  const cited = `The 24-month rule is from ${jssRule('jss-24-month-daily').source}; the best-of rule from ${jssRule('jss-windows-best-of').source}.`;
  if (twentyFour === undefined || bestOf === undefined) return cited;
  if (twentyFour === bestOf) return `${cited} The sources disagree, but on your log both give ${twentyFour} %.`;
  return `${cited} They disagree, so both are shown.`;
}
