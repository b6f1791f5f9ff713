// The /jss answer from the contract log: every window with its rule, eligibility, and the roadmap.

import { type Day, isoOfDay } from '../dates.js';
import { formatCount, plural } from '../runtime/format.js';
import { pre, type Reply, reply, table, text } from '../runtime/reply.js';
import type { Contract } from './contracts.js';
import { momentumBlocks } from './momentum.js';
import { ESTIMATE_NOTE } from './quickReply.js';
import { chartText, type Roadmap, roadmapFor } from './roadmap.js';
import { jssRule } from './rules.js';
import { JSS_RULE } from './score.js';
import {
  bestOfAt,
  countsAt,
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

function windowRows(index: LogIndex, today: Day): string[][] {
  const rows = WINDOW_MONTHS.map((months) => {
    const c = countsAt(index, today, months);
    const rule =
      months === 24
        ? 'newer: 24-month look-back, daily'
        : months === 3
          ? 'older: input to trending'
          : 'older: best-of input';
    return [
      `${months} months`,
      rule,
      formatCount(c.successful),
      formatCount(c.negative),
      formatCount(c.total),
      show(percentAt(index, today, months)),
    ];
  });
  const best = bestOfAt(index, today);
  rows.push([
    'best of 6/12/24',
    'older: best window shown',
    '',
    '',
    '',
    best ? `${best.percent} % (${best.months} months)` : 'no score',
  ]);
  rows.push(['trending', 'older: mean of 6 and 3 months', '', '', '', show(trendingAt(index, today))]);
  rows.push([
    '24 months, weighted',
    'newer: value weights (estimate)',
    '',
    '',
    '',
    show(weightedPercentAt(index, today)),
  ]);
  return rows;
}

function eligibilityText(contracts: readonly Contract[], today: Day): string {
  const e = eligibilityAt(contracts, today);
  const verdict = e.shows
    ? 'A JSS should show: the newer help asks for 2 or more different clients and 2 or more eligible contracts'
    : 'A JSS probably does not show yet: the newer help asks for 2 or more different clients and 2 or more eligible contracts';
  const notes = [
    `${verdict} (you have ${plural(e.contracts, 'eligible contract')} from ${plural(e.clients, 'client')} in 24 months). Older posts say 4-6 contracts from 3 clients; many freelancers report 5-8 contracts.`,
  ];
  if (e.noFeedback > 0) {
    notes.push(
      `${plural(e.noFeedback, 'contract')} without feedback left out (no-feedback contracts have not counted since ${NO_FEEDBACK_EXCLUDED_SINCE})${e.awaitingFeedback > 0 ? `; ${formatCount(e.awaitingFeedback)} closed in the last 14 days and can still get feedback` : ''}.`,
    );
  }
  if (e.unpaidSuccessful > 0)
    notes.push(`${plural(e.unpaidSuccessful, 'unpaid successful contract')} ($0 earned) left out.`);
  return notes.join(' ');
}

function eventRows(roadmap: Roadmap): string[][] {
  return roadmap.events
    .slice(0, MAX_EVENT_ROWS)
    .map((e) => [
      isoOfDay(e.day),
      `${e.months} months`,
      `${e.contract.client} (#${e.contract.id}, ended ${e.contract.end})`,
      show(e.twentyFour),
      show(e.bestOf),
    ]);
}

function catchUpText(roadmap: Roadmap, today: Day, target: number): string {
  const parts = roadmap.catchUp.map(({ day, needed }) => {
    const when = day === today ? 'today' : isoOfDay(day);
    if (needed === undefined) return `not reachable by ${when} with new contracts alone`;
    return needed === 0 ? `already there by ${when}` : `${plural(needed, 'more successful contract')} by ${when}`;
  });
  const later = roadmap.catchUp.length > 1 ? ' Later dates are the days a negative leaves the 24-month window.' : '';
  return `To reach ${target} % on the 24-month rule: ${parts.join('; ')}.${later}`;
}

export function logReply(contracts: readonly Contract[], today: Day, target: number): Reply {
  const index = indexLog(contracts);
  const roadmap = roadmapFor(contracts, today, target, index);
  const blocks = [
    table(['Window', 'Rule', 'Successful', 'Negative', 'Total', 'Score'], windowRows(index, today)),
    text(eligibilityText(contracts, today)),
  ];
  if (roadmap.events.length > 0) {
    const more = roadmap.events.length - MAX_EVENT_ROWS;
    blocks.push(
      text('Negatives leaving the windows, assuming no new contracts (scores on that day):'),
      table(['Date', 'Leaves', 'Negative', '24-month', 'Best-of'], eventRows(roadmap)),
    );
    if (more > 0) blocks.push(text(`…and ${plural(more, 'later change')} not listed.`));
  } else {
    blocks.push(text('No negative outcome in your windows, so none will leave.'));
  }
  blocks.push(
    text(catchUpText(roadmap, today, target)),
    pre(chartText(roadmap.projection, isoOfDay)),
    text(ESTIMATE_NOTE),
  );
  const twentyFour = percentAt(index, today, 24);
  return reply({
    lead: `Job Success Score from your log: ${show(twentyFour)} (24 months), as of ${isoOfDay(today)}`,
    blocks,
    details: momentumBlocks(contracts, today),
    footer: [
      `Rules: ${JSS_RULE.name}; windows, best-of and trending from ${jssRule('jss-windows-best-of').source}; 24-month daily and value weights from ${jssRule('jss-24-month-daily').source}. Sources disagree, so each row names its rule.`,
      `As of ${JSS_RULE.asOf}. Estimate: Upwork does not publish its algorithm.`,
    ],
  });
}
