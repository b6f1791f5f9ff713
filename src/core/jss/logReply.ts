// The /jss answer from the contract log: the 24-month score first, the older best-of rule beside it,
// what waiting does; every window, every leave date and the chart behind details.

import { type Day, isoOfDay } from '../dates.js';
import { formatCount, plural } from '../runtime/format.js';
import { type Block, fields, pre, type Reply, reply, table, text, type Visibility } from '../runtime/reply.js';
import { type Contract, contractName } from './contracts.js';
import { leftOutText, rulesFooter, starsNote } from './logNotes.js';
import { momentumBlocks } from './momentum.js';
import { chartText, crossingOf, noScoreFrom, stepOn } from './projection.js';
import { exactPercent, hiddenLines, jssLead } from './quickReply.js';
import { type Roadmap, roadmapFor } from './roadmap.js';
import { type Counts, contractsToReach, JSS_RULE, jssPercent } from './score.js';
import { contractsToTarget } from './topRatedWeeks.js';
import { pathToTarget, pathWords } from './toTarget.js';
import { REPORTED_UP_TO, VISIBILITY_SOURCES, visibilityClause, visibilityOf, whenItShows } from './visibility.js';
import {
  bestOfAt,
  countsAt,
  type Eligibility,
  eligibilityAt,
  indexLog,
  type LogIndex,
  NO_FEEDBACK_EXCLUDED_SINCE,
  percentAt,
  trendingAt,
  WINDOW_MONTHS,
  weightedPercentAt,
} from './windows.js';

const MAX_EVENT_ROWS = 12;
const show = (p: number | undefined) => (p === undefined ? 'no score' : `${p} %`);

function windowBlocks(index: LogIndex, today: Day): Block[] {
  const rows = WINDOW_MONTHS.map((months) => {
    const c = countsAt(index, today, months);
    const cells = [c.successful, c.negative, c.total].map(formatCount);
    return [`${months} months`, ...cells, show(percentAt(index, today, months))];
  });
  const best = bestOfAt(index, today);
  return [
    table(['Window', 'Successful', 'Negative', 'Total', 'Score'], rows),
    fields([
      ['Best of 6, 12, 24 months (older rule)', best ? `${best.percent} % (${best.months} months)` : 'no score'],
      ['Trending: mean of 6 and 3 months (older rule)', show(trendingAt(index, today))],
      ['24 months, weighted by contract value (estimate)', show(weightedPercentAt(index, today))],
    ]),
  ];
}

/** Whether the score should show, on the log's counting contracts and clients. */
function visibilityText(e: Eligibility): string {
  const seen = visibilityOf(e.contracts, e.clients);
  const counted = `${plural(e.contracts, 'counting contract')} from ${plural(e.clients, 'client')} in 24 months`;
  return seen === 'shown'
    ? `Your JSS should be visible: ${counted} (the newer help asks for 2 of each).`
    : seen === 'maybe'
      ? `Your JSS may not be visible yet: ${counted} meets the newer help's 2 of each, but many freelancers report it showing after 5-8.`
      : `Your JSS is probably not visible yet: ${counted}; the newer help asks for 2 of each.`;
}

function eventRows(roadmap: Roadmap, shownTo: Visibility): string[][] {
  return roadmap.events
    .slice(0, MAX_EVENT_ROWS)
    .map((e) => [
      isoOfDay(e.day),
      `${e.months} months`,
      contractName(e.contract, shownTo, { short: true }),
      show(e.twentyFour),
      show(e.bestOf),
    ]);
}

/**
 * The first day waiting helps: a negative leaves the 24-month window and fewer contracts are needed.
 * `seenOn`, while the score may not show: its contracts with feedback on a day, to say when it should.
 */
function waitingLine(
  roadmap: Roadmap,
  target: number,
  shownTo: Visibility,
  seenOn?: (day: Day) => number,
): string | undefined {
  const [now, later] = roadmap.catchUp;
  if (!later || later.needed === undefined) return undefined;
  // Only when waiting lowers the count: never advice to reach a target already met, or one that grows.
  if (now?.needed !== undefined && later.needed >= now.needed) return undefined;
  const leaving = roadmap.events.find((e) => e.months === 24 && e.day === later.day);
  const what = leaving
    ? `the negative from ${contractName(leaving.contract, shownTo, { short: true })} leaves the window`
    : 'a negative leaves the window';
  if (later.needed > 0) {
    const need = `${plural(later.needed, 'more successful contract')} ${later.needed === 1 ? 'is' : 'are'} enough`;
    const shows = seenOn === undefined ? '' : whenItShows(seenOn(later.day), later.needed);
    return `On ${isoOfDay(later.day)} ${what}; from then ${need} for ${target} %${shows}.`;
  }
  // With no new work every contract leaves in the end: say when, so waiting never reads as a lasting fix.
  const score = stepOn(roadmap.projection, later.day).twentyFour;
  const end = noScoreFrom(roadmap.projection);
  const gone = end === undefined ? '' : `, and no score from ${isoOfDay(end)} when your last contract leaves`;
  const showing = seenOn === undefined || seenOn(later.day) >= REPORTED_UP_TO;
  const it = showing ? `it is ${score} % from then` : `it would be ${score} % from then if it showed`;
  return `On ${isoOfDay(later.day)} ${what}; with no new work ${it}${gone}.`;
}

function catchUpText(roadmap: Roadmap, today: Day, target: number, hidden: boolean): string {
  const parts = roadmap.catchUp.map(({ day, needed }) => {
    const when = day === today ? 'today' : isoOfDay(day);
    if (needed === undefined) return `not with new contracts alone by ${when}`;
    return needed === 0
      ? `no new contract needed by ${when}`
      : `${plural(needed, 'more successful contract')} by ${when}`;
  });
  const rule = `the 24-month rule${hidden ? ', on a score that may not show yet' : ''}`;
  const later = parts.length > 1 ? ' Later dates are the days a negative leaves the window.' : '';
  return `To ${target} % on ${rule}: ${parts.join('; ')}.${later}`;
}

/** No contract counts in 24 months: say why, since feedback that does not count is still feedback. */
function noScoreLead(e: Eligibility): string {
  const { unpaidSuccessful: unpaid, feedbackRemoved: removed } = e;
  const n = unpaid + removed;
  if (n === 0) return 'Your log has no contract with feedback in the last 24 months, so it gives no JSS today.';
  const start = 'Your log gives no JSS today: ';
  if (n === 1) {
    return unpaid === 1
      ? `${start}its one contract with feedback in the last 24 months is unpaid ($0), and unpaid contracts do not count.`
      : `${start}its one contract with feedback in the last 24 months has feedback Upwork removed, which no longer counts.`;
  }
  const parts = [
    unpaid > 0 ? `${formatCount(unpaid)} ${unpaid === 1 ? 'is' : 'are'} unpaid ($0)` : '',
    removed > 0 ? `${formatCount(removed)} ${removed === 1 ? 'has' : 'have'} feedback Upwork removed` : '',
  ].filter(Boolean);
  return `${start}none of its ${formatCount(n)} contracts with feedback in the last 24 months counts; ${parts.join(' and ')}.`;
}

/** "Your JSS from your log is 67 %. 14 more …; or none: it reaches 90 % on …": the path in the lead. */
function waitingLead(c: Counts, target: number, hidden: string, path: string): string {
  const shown = jssPercent(c);
  // Just under the target but shown rounded up to it: the unrounded score, as jssLead gives it.
  const score = shown >= target ? exactPercent(c) : String(shown);
  return `Your JSS from your log is ${score} %${hidden}. ${path.charAt(0).toUpperCase()}${path.slice(1)}.`;
}

/** What the answer knows of the user's settings, for a hint that never suggests what is already on. */
export interface LogReplyOptions {
  alertsOn?: boolean;
  /** 'public' for a shared answer, which names contracts by number only (contractName). */
  shownTo?: Visibility;
}

export function logReply(
  contracts: readonly Contract[],
  today: Day,
  target: number,
  options: LogReplyOptions = {},
): Reply {
  const { shownTo = 'private' } = options;
  const index = indexLog(contracts);
  const roadmap = roadmapFor(contracts, today, target, index);
  const counts = countsAt(index, today, 24);
  const best = bestOfAt(index, today);
  const e = eligibilityAt(contracts, today);
  const hidden = visibilityClause(visibilityOf(e.contracts, e.clients), e.contracts);
  const low = counts.total > 0 && contractsToReach(counts, target) !== 0;
  // Waiting helps (a negative leaves the window): the lead gives the count today and what waiting does.
  const path = pathToTarget(roadmap, index, target);
  const waits = counts.total > 0 && (path.sooner !== undefined || path.reach !== undefined);
  const lead =
    counts.total === 0
      ? noScoreLead(e)
      : waits
        ? waitingLead(counts, target, hidden, pathWords(path, target, hidden ? e.contracts : undefined))
        : jssLead(counts, target, 'Your JSS from your log', hidden);
  const blocks: Block[] = [];
  // The plan's own count to the target is today's alone: the lead gives the one that counts leaving negatives.
  if (hidden && low)
    blocks.push(
      ...hiddenLines(counts, target, e.contracts)
        .slice(0, waits ? 1 : 2)
        .map(text),
    );
  if (best && counts.total > 0 && !(hidden && best.percent === percentAt(index, today, 24))) {
    blocks.push(text(olderRuleLine(index, today, target, best.percent, percentAt(index, today, 24), path.now)));
  }
  const seenOn = (day: Day) => eligibilityAt(contracts, day).contracts;
  const waiting = waitingLine(roadmap, target, shownTo, hidden ? seenOn : undefined);
  // The lead already gives the first later count; the line stays when it says more (the score once it is 0).
  const [, later] = roadmap.catchUp;
  const repeats = path.sooner !== undefined && later?.day === path.sooner.day;
  if (waiting && !repeats) blocks.push(text(waiting));
  const falls = counts.total > 0 && !low ? crossingOf(roadmap.projection, target) : undefined;
  if (falls?.direction === 'down') {
    blocks.push(
      text(
        `With no new work it falls under ${target} % on ${isoOfDay(falls.day)}, as older contracts leave the window.`,
      ),
    );
  }
  // The lead already says when the score may be hidden; the counts behind it then go with the details,
  // but what is left out stays in the short answer, since the lead's count may differ from the log's.
  const seen = visibilityText(e);
  const leftOut = counts.total > 0 ? leftOutText(e, !hidden) : undefined;
  if (!hidden) blocks.push(text([seen, leftOut].filter(Boolean).join(' ')));
  else if (leftOut) blocks.push(text(leftOut));
  const stars = counts.total > 0 ? starsNote(index, today, counts, shownTo) : undefined;
  if (stars) blocks.push(text(stars));

  const details: Block[] = [...(hidden ? [text(seen)] : []), ...windowBlocks(index, today)];
  if (roadmap.events.length > 0) {
    const more = roadmap.events.length - MAX_EVENT_ROWS;
    details.push(
      text('When each negative leaves a window, with no new contracts (scores on that day):'),
      table(['Date', 'Window', 'Negative', '24-month', 'Best-of'], eventRows(roadmap, shownTo)),
    );
    if (more > 0) details.push(text(`…and ${plural(more, 'later change')} not listed.`));
  } else {
    details.push(text('No negative outcome in your windows, so none will leave.'));
  }
  details.push(
    text(catchUpText(roadmap, today, target, hidden !== '')),
    pre(chartText(roadmap.projection)),
    text(`${VISIBILITY_SOURCES} Contracts without feedback have not counted since ${NO_FEEDBACK_EXCLUDED_SINCE}.`),
  );
  return reply({
    lead,
    blocks,
    details: [...details, ...momentumBlocks(contracts, today, shownTo)],
    footer: [
      `${JSS_RULE.name}, on your log as of ${isoOfDay(today)}. An estimate: Upwork does not publish its algorithm.`,
      rulesFooter(percentAt(index, today, 24), best?.percent),
      roadmap.events.length > 0 && !options.alertsOn
        ? 'Try /contracts alerts on for a private message the day a negative leaves a window.'
        : 'Try /toprated for the badge checklist.',
    ],
  });
}

/**
 * The older best-of rule beside the 24-month score, with its own count to the target when that differs
 * (an empty 6-month window: one new contract is all of it), as /toprated rule:best-of gives it.
 */
function olderRuleLine(
  index: LogIndex,
  today: Day,
  target: number,
  older: number,
  newer: number | undefined,
  newerCount: number | undefined,
): string {
  const count = older < target ? contractsToTarget(index, today, 'best-of', target) : undefined;
  const own =
    count === undefined || count === newerCount || !Number.isFinite(count)
      ? ''
      : `; on it, ${plural(count, 'more successful contract')} reach${count === 1 ? 'es' : ''} ${target} %`;
  return older === newer
    ? `That is the newer 24-month rule; the older best-of-windows rule gives the same score today${own}.`
    : `That is the newer 24-month rule. The older rule (best of 6, 12 and 24 months) gives ${older} %${own}.`;
}
