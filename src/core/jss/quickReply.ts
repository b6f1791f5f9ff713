// The /jss answer from three counts: the score and what it takes to reach the target, in one sentence.

import { formatCount, plural } from '../runtime/format.js';
import { type Block, fields, type Reply, reply, text } from '../runtime/reply.js';
import {
  bandFor,
  type Counts,
  checkCounts,
  contractsToReach,
  exactPercentOf,
  JSS_RULE,
  jssPercent,
  neutralCount,
  percentOf,
  revisedReviewWorth,
} from './score.js';
import {
  countToTarget,
  newFreelancerPlan,
  QUICK_JOBS,
  VISIBILITY_SOURCES,
  visibilityClause,
  visibilityOf,
} from './visibility.js';

export function jssFooter(): string[] {
  return [
    `${JSS_RULE.name} (${JSS_RULE.source}), as of ${JSS_RULE.asOf}. An estimate: Upwork does not publish its full algorithm.`,
  ];
}

/** The unrounded score with at most two decimals: 75, 89.5, 89.47. */
export function exactPercent(c: Counts): string {
  return String(exactPercentOf(c.successful - c.negative, c.total));
}

/** "the negative", "the 2 negatives and the neutral outcome": what keeps 100 % out of reach. */
function blockerNames(c: Counts): string {
  const parts = [
    c.negative === 1 ? 'the negative' : c.negative > 1 ? `the ${formatCount(c.negative)} negatives` : '',
    neutralCount(c) === 1
      ? 'the neutral outcome'
      : neutralCount(c) > 1
        ? `the ${plural(neutralCount(c), 'neutral outcome')}`
        : '',
  ].filter(Boolean);
  return parts.join(' and ');
}

/** "while the negative counts": why new work alone never makes it exactly 100 %. */
export function whileBlocked(c: Counts): string {
  return `while ${blockerNames(c)} count${c.negative + neutralCount(c) === 1 ? 's' : ''}`;
}

const contracts = (k: number) => plural(k, 'more successful contract');

/** The answer in one sentence: the score, and the count to the target only when new work can reach it. */
export function jssLead(c: Counts, target: number, subject = 'Your JSS', hidden = ''): string {
  const shown = jssPercent(c);
  const k = contractsToReach(c, target);
  const exact = exactPercent(c);
  // Just under the target, but shown rounded up to it: say so, and nothing else.
  if (k !== 0 && shown >= target) return `${subject} is ${exact} %, which shows as ${shown} %${hidden}.`;
  if (k === 0) return `${subject} is ${shown} %, at or above your ${target} % target${hidden}.`;
  if (hidden) return `${subject} is ${shown} %${hidden}.`;
  if (k === undefined) {
    return `${subject} is ${shown} %. New work alone never makes it exactly ${target} % ${whileBlocked(c)}.`;
  }
  return `${subject} is ${shown} %. ${countToTarget(k, target)}.`;
}

/**
 * The course's plan for a score that may still be hidden, where the plan would take it, and the count to
 * the target with when the score should show (`seen`: contracts with feedback in 24 months).
 */
export function hiddenLines(c: Counts, target: number, seen = c.total): string[] {
  const afterPlan = percentOf(c.successful + QUICK_JOBS - c.negative, c.total + QUICK_JOBS);
  const k = contractsToReach(c, target);
  const toTarget = k === undefined ? '' : ` ${countToTarget(k, target, seen)}.`;
  return [newFreelancerPlan(), `With ${QUICK_JOBS} more successful it would be ${afterPlan} %.${toTarget}`];
}

/** Exactly the target (100 %) needs the blockers gone: the quickest window first, then the newer rule. */
function windowsLine(c: Counts, target: number): string {
  const one = c.negative + neutralCount(c) === 1;
  return `Exactly ${target} % needs ${blockerNames(c)} out of the window. On the older best-of rule, a 6-month window without ${one ? 'it' : 'them'} is the quickest way back (6 months after ${one ? 'it' : 'the last one'} ended, with successful work in between); on the newer 24-month rule ${one ? 'it counts' : 'they count'} for 24 months.`;
}

/** The few lines that change a decision: a revised review, the rounded display, the margin. */
function keyLines(c: Counts, target: number, hidden: boolean): string[] {
  const shown = jssPercent(c);
  const k = contractsToReach(c, target);
  const lines: string[] = [];
  if (k !== undefined && k > 0 && shown >= target) {
    lines.push(`Unrounded it is just under ${target} %. ${countToTarget(k, target)} however Upwork rounds.`);
  }
  if (k === undefined) lines.push(windowsLine(c, target));
  const worth = revisedReviewWorth(c);
  if (worth && worth.revisedPercent > shown) {
    const { byNewWork } = worth;
    // The lead already says new work never gets to the target; say it here only when it is news.
    const said = k === undefined && worth.revisedPercent >= target && !hidden;
    const same =
      byNewWork === undefined
        ? said
          ? ''
          : ` New work alone never reaches ${worth.revisedPercent} % while the negative counts.`
        : ` New work alone needs ${contracts(byNewWork)} for that.`;
    lines.push(`If one client revises a negative to positive, it is ${worth.revisedPercent} % at once.${same}`);
  }
  if (k === 0 && c.total > 0) {
    // Derived counts may pass the cap on typed counts: unchecked arithmetic, never a refusal.
    const afterNegative = percentOf(c.successful - c.negative - 1, c.total + 1);
    lines.push(
      afterNegative === shown
        ? `One more negative would still show as ${shown} %.`
        : `One more negative would take it to ${afterNegative} %.`,
    );
  }
  return lines;
}

/** The arithmetic behind the sentence, for details:yes. */
function working(c: Counts, target: number): Block[] {
  const shown = jssPercent(c);
  const net = c.successful - c.negative;
  // Below zero the formula gives a negative figure; showing 0 % is gigdesk's assumption (FACTS gives no floor).
  const result =
    net < 0
      ? `-${exactPercentOf(-net, c.total)} %, shown as 0 % (gigdesk's assumption: no source states a floor)`
      : `${exactPercent(c)} %${String(shown) === exactPercent(c) ? '' : `, shown rounded to ${shown} %`}`;
  // Just under a band's edge but shown rounded over it: the band of the unrounded score.
  const unrounded = Math.floor(Math.max(0, net / c.total) * 100);
  const band = bandFor(unrounded);
  const blocks: Block[] = [
    fields([
      ['Successful', formatCount(c.successful)],
      ['Negative', formatCount(c.negative)],
      ['Neutral', `${formatCount(neutralCount(c))} (counts in the total only)`],
      ['Total', formatCount(c.total)],
      ['Score', `(${formatCount(c.successful)} - ${formatCount(c.negative)}) / ${formatCount(c.total)} = ${result}`],
      [unrounded === shown ? 'Band' : 'Band, unrounded', `${band.range}: ${band.meaning}`],
    ]),
  ];
  const k = contractsToReach(c, target);
  if (k !== undefined && k > 0) {
    const total = c.total + k;
    const successful = c.successful + k;
    blocks.push(
      text(
        `With ${contracts(k)}: (${formatCount(successful)} - ${formatCount(c.negative)}) / ${formatCount(total)} = ${exactPercent({ successful, negative: c.negative, total })} %. Counted on the unrounded score, so it holds however Upwork rounds.`,
      ),
    );
  }
  return blocks;
}

/** Targets worth a hint: Top Rated's bar, a margin above it, and a perfect score. */
const HINT_TARGETS = [90, 95, 100];

/** More contracts away than the course's quick-jobs plan: too far to be the next question. */
const far = (c: Counts, target: number) => (contractsToReach(c, target) ?? 0) > QUICK_JOBS;

/**
 * The next target worth asking about: above the score, reachable by new work, not the one asked; a higher one
 * only when the asked one is near, a lower one only when it is near itself.
 */
function nextTarget(c: Counts, target: number): number | undefined {
  const shown = jssPercent(c);
  const useful = HINT_TARGETS.filter((t) => t !== target && t > shown && contractsToReach(c, t) !== undefined);
  const higher = far(c, target) ? undefined : useful.find((t) => t > target);
  return higher ?? useful.find((t) => t < target && !far(c, t));
}

/** The log hint: scored by date, the log also says when each negative leaves the window. */
function logHint(c: Counts): string {
  const negatives = c.negative === 0 ? '' : c.negative === 1 ? 'the negative leaves' : 'each negative leaves';
  return `Try /contracts add for each contract; /jss then scores your log by date${negatives ? ` and says when ${negatives} the window` : ''}.`;
}

/**
 * One hint of what to ask next, keeping the options given: a near target; else, beside the course's plan
 * (`plan`), the plan score by score; else the log.
 */
function hint(c: Counts, target: number, plan: boolean, planned?: number): string {
  const ask = `Try /jss ${c.successful} ${c.negative} ${c.total}`;
  const next = nextTarget(c, target);
  if (next !== undefined) return `${ask} target:${next}${planned ? ` planned:${planned}` : ''}`;
  if (plan && !planned)
    return `${ask} planned:${QUICK_JOBS} for your score after each of the plan's ${QUICK_JOBS} jobs.`;
  return logHint(c);
}

export function quickReply(c: Counts, target: number, planned?: number): Reply {
  // Checked as typed: the lines below derive other counts, whose own check would name those instead.
  checkCounts(c);
  const hidden = visibilityClause(visibilityOf(c.total), c.total);
  const lowAndHidden = hidden !== '' && contractsToReach(c, target) !== 0;
  const lines = [...(lowAndHidden ? hiddenLines(c, target) : []), ...keyLines(c, target, lowAndHidden)];
  return reply({
    lead: jssLead(c, target, 'Your JSS', hidden),
    blocks: lines.map(text),
    details: [...working(c, target), ...(hidden ? [text(VISIBILITY_SOURCES)] : [])],
    footer: [...jssFooter(), hint(c, target, lowAndHidden, planned)],
  });
}
