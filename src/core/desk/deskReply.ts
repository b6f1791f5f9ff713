// The desk as an answer: lead first, this week's changes, follow-ups due, the Top Rated strip; the
// numbers behind each in details. /desk sends it; the digest takes its lead and changes.
import { isoOfDay } from '../dates.js';
import { CHECKPOINTS, TOP_RATED_TARGET } from '../jss/topRatedWeeks.js';
import { visibilityLine } from '../jss/visibility.js';
import { formatCount } from '../runtime/format.js';
import { type Action, type Block, fields, pre, type Reply, reply, table, text } from '../runtime/reply.js';
import type { Desk, DeskFollowup } from './desk.js';

/** Three buttons a ladder: six ladders and the Chart button stay within every platform's button limit. */
const MAX_LADDER_BUTTONS = 6;
const show = (p: number | undefined) => (p === undefined ? 'no score' : `${p} %`);
/** A check that did not pass: under 90 %, or at 90 %+ on a day no score could show. */
const notCounted = (score: number | undefined) =>
  score !== undefined && score >= TOP_RATED_TARGET ? 'not shown' : 'no';
const short = (client: string) => (client.length > 12 ? `${client.slice(0, 11)}…` : client);

export const CHART_ACTION: Action = { label: 'Chart', command: 'jss', args: { chart: 'on' } };

/** The 16 weekly checks as one line, oldest first: █ passed (90 %+), · missed. */
export function stripText(desk: Pick<Desk, 'weeks' | 'weeksAtTarget'>): string {
  const strip = desk.weeks.map((w) => (w.passes ? '█' : '·')).join('');
  return `${strip}  ${desk.weeksAtTarget} of ${CHECKPOINTS} at ${TOP_RATED_TARGET} %+`;
}

/** "This week" as lines; one line saying so when nothing moves. */
export function changeLines(desk: Desk): string[] {
  if (desk.changes.length > 0) return desk.changes.map((c) => c.text);
  if (desk.seen.visibility !== 'shown') return ['Nothing changes this week: no negative leaves a window.'];
  return [
    `Nothing changes this week: no negative leaves a window and the Top Rated count stays at ${desk.weeksAtTarget} of ${CHECKPOINTS}.`,
  ];
}

/** Where the weekly strip goes while the score may not show: what stands in for it, and where to look. */
const RISING_TALENT_LINE =
  "Until your score shows, Rising Talent stands in for it in Top Rated's weekly checks: /toprated has the checklist.";

function followupBlock(followups: readonly DeskFollowup[]): Block {
  return table(
    ['#', 'Client', 'Next step', 'Due'],
    followups.map((f) => [String(f.id), short(f.client), f.step, f.day]),
  );
}

const START: Block[] = [
  text('Add a contract: /contracts add 2026-03-14 successful 800 Acme'),
  text('Or many from a CSV export: /contracts import'),
  text('Just trying? /jss 7 1 8 scores 7 successful, 1 negative of 8; nothing is saved.'),
];

function numbers(desk: Desk): Block[] {
  const { successful, negative, total } = desk.counts;
  return [
    fields([
      [
        '24 months: successful, negative, total',
        `${formatCount(successful)}, ${formatCount(negative)}, ${formatCount(total)}`,
      ],
      ['24-month score (newer rule)', show(desk.twentyFour)],
      [
        'Best of 6, 12, 24 months (older rule)',
        desk.bestOf ? `${desk.bestOf.percent} % (${desk.bestOf.months} months)` : 'no score',
      ],
    ]),
    text(
      desk.seen.visibility === 'shown'
        ? 'The weekly Top Rated checks, counted back from today:'
        : 'The weekly Top Rated checks, counted back from today; one counts only on a day a score could show (2 contracts from 2 clients):',
    ),
    table(
      ['Week of', '24-month', `${TOP_RATED_TARGET} %+`],
      desk.weeks.map((w) => [isoOfDay(w.day), show(w.score), w.passes ? 'yes' : notCounted(w.score)]),
    ),
  ];
}

/** `digestOn`: the weekly digest is on already, so the hint points elsewhere. */
export function deskReply(desk: Desk, digestOn = false, chartsOn = true): Reply {
  const { seen } = desk;
  const shown = seen.visibility === 'shown';
  const blocks: Block[] = desk.empty
    ? [...START]
    : [
        ...(shown ? [] : [text(visibilityLine(seen.visibility, seen.contracts, seen.clients))]),
        text(changeLines(desk).join('\n')),
      ];
  if (desk.followups.length > 0) blocks.push(text('Follow-ups due in the next 7 days:'), followupBlock(desk.followups));
  if (!desk.empty)
    blocks.push(shown ? pre(`Top Rated weeks, oldest first:\n${stripText(desk)}`) : text(RISING_TALENT_LINE));
  const ladders = desk.followups.slice(0, MAX_LADDER_BUTTONS).flatMap((f) => f.actions);
  return reply({
    lead: desk.lead,
    blocks,
    details: desk.empty ? [] : numbers(desk),
    footer: desk.empty
      ? ['Your desk fills in from your contract log and follow-ups. /help lists every command.']
      : [
          `Estimates from your log as of ${isoOfDay(desk.today)} on the newer 24-month rule: Upwork does not publish its algorithm, nor the day of its weekly check.`,
          digestOn
            ? 'Your weekly digest is on. Every window and leave date: /jss details:yes'
            : 'A weekly private message with this: /desk digest on',
        ],
    // With charts off in the workspace the button could only answer that no picture comes.
    actions: desk.empty || !chartsOn ? ladders : [...ladders, CHART_ACTION],
    visibility: 'private',
  });
}
