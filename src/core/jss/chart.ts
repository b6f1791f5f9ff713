// The JSS path and the Top Rated weeks as chart specs: pure series from the window math, no drawing here.
import { addMonthsToDay, type Day, isoOfDay } from '../dates.js';
import type { ChartSeries, ChartSpec } from '../runtime/chart.js';
import { plural } from '../runtime/format.js';
import type { Contract } from './contracts.js';
import { type Crossing, crossingOf, noScoreFrom, type Projection, projectLog, stepOn } from './projection.js';
import { contractsToReach } from './score.js';
import {
  CHECKPOINTS,
  firstPassingCheck,
  RULE_WORDS,
  type ScoreRule,
  scoreOn,
  shownOn,
  WEEKS_NEEDED,
  weeklyPasses,
  weeksUntilQualified,
} from './topRatedWeeks.js';
import { reachDay } from './toTarget.js';
import { countsAt, indexLog, type LogIndex, percentAt } from './windows.js';

export const MONTHS_BACK = 12;
export const MONTHS_AHEAD = 24;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2027" */
export function monthLabel(day: Day): string {
  const [year, month] = isoOfDay(day).split('-');
  return `${MONTH_NAMES[Number(month) - 1]} ${year}`;
}

/** "14 Mar" */
function dayLabel(day: Day): string {
  const [, month, date] = isoOfDay(day).split('-');
  return `${Number(date)} ${MONTH_NAMES[Number(month) - 1]}`;
}

/** The 24-month score on the same day of each month, from `from` to `to` months after today (the past). */
export function monthlyScores(index: LogIndex, today: Day, from: number, to: number): (number | null)[] {
  const scores: (number | null)[] = [];
  for (let m = from; m <= to; m++) scores.push(percentAt(index, addMonthsToDay(today, m), 24) ?? null);
  return scores;
}

/** The projection read on the same day of each month ahead: the picture's line. */
function monthlyAhead(projection: Projection, today: Day): (number | null)[] {
  return Array.from(
    { length: MONTHS_AHEAD + 1 },
    (_, m) => stepOn(projection, addMonthsToDay(today, m)).twentyFour ?? null,
  );
}

export interface JssPath {
  categories: Day[];
  past: (number | null)[];
  noNewWork: (number | null)[];
  /** Only when planned contracts were given. */
  withPlanned?: (number | null)[];
  crossing: Crossing | undefined;
  /** The first day at the target on which a score could show: the day the /jss lead gives (toTarget.ts). */
  reach: Day | undefined;
  /** The first day with no score left, in the scenario drawn last (planned, else no new work). */
  noScore: Day | undefined;
  today: number | undefined;
  /** Successful contracts ending today that would reach the target; undefined when none can. */
  stillNeeded: number | undefined;
}

/** The score month by month: the past year, then two years ahead with no new work (and with the planned work). */
export function jssPath(
  contracts: readonly Contract[],
  today: Day,
  target: number,
  planned: readonly Contract[] = [],
): JssPath {
  const index = indexLog(contracts);
  const categories = Array.from({ length: MONTHS_BACK + MONTHS_AHEAD + 1 }, (_, i) =>
    addMonthsToDay(today, i - MONTHS_BACK),
  );
  const gap = (n: number) => Array<null>(n).fill(null);
  const projection = projectLog(contracts, today, index);
  const planIndex = planned.length > 0 ? indexLog([...contracts, ...planned]) : undefined;
  const withPlan = planIndex && projectLog([...contracts, ...planned], today, planIndex);
  const shown = withPlan ?? projection;
  return {
    categories,
    past: [...monthlyScores(index, today, -MONTHS_BACK, 0), ...gap(MONTHS_AHEAD)],
    noNewWork: [...gap(MONTHS_BACK), ...monthlyAhead(projection, today)],
    withPlanned: withPlan && [...gap(MONTHS_BACK), ...monthlyAhead(withPlan, today)],
    crossing: crossingOf(shown, target),
    reach: reachDay(shown, planIndex ?? index, target),
    noScore: noScoreFrom(shown),
    today: percentAt(index, today, 24),
    stillNeeded: contractsToReach(countsAt(index, today, 24), target),
  };
}

function pathSubtitle(path: JssPath, target: number, planned: boolean): string {
  const scenario = planned ? 'with your planned contracts' : 'if no new contracts end';
  const now = path.today === undefined ? 'No score today' : `${path.today} % today`;
  const end = path.noScore === undefined ? '' : `, then no score from ${isoOfDay(path.noScore)}`;
  const { crossing } = path;
  if (crossing?.direction === 'up') {
    // Over the line only while too few contracts count for a score to show: said as the text says it.
    const from =
      path.reach === undefined
        ? `%+ from ${isoOfDay(crossing.day)} if it showed`
        : `% or more from ${isoOfDay(path.reach)}`;
    return `${now}; ${target} ${from}${end} ${scenario}.`;
  }
  if (crossing) return `${now}; under ${target} % from ${isoOfDay(crossing.day)}${end} ${scenario}.`;
  if ((path.today ?? 0) >= target) return `${now}; at ${target} % or more${end} ${scenario}.`;
  const needed = path.stillNeeded;
  const work =
    needed === undefined ? 'new contracts alone cannot lift it yet' : `${needed} more successful to reach it`;
  return `${now}; not at ${target} % ${scenario} (${work})${end.replace(', then', ';')}.`;
}

export function jssChart(
  contracts: readonly Contract[],
  today: Day,
  target: number,
  planned: readonly Contract[] = [],
): ChartSpec {
  const path = jssPath(contracts, today, target, planned);
  const series: ChartSeries[] = [
    { name: 'Score so far', role: 'past', values: path.past },
    { name: 'If no new contracts', role: 'projection', values: path.noNewWork },
  ];
  if (path.withPlanned) series.push({ name: 'With planned contracts', role: 'planned', values: path.withPlanned });
  const subtitle = pathSubtitle(path, target, planned.length > 0);
  const first = path.categories[0] ?? today;
  const last = path.categories.at(-1) ?? today;
  const crossing = path.crossing;
  const crossed = crossing?.direction === 'up' ? (path.reach ?? crossing.day) : crossing?.day;
  return {
    kind: 'line',
    name: 'jss-path',
    title: 'Job Success Score, month by month (24-month rule)',
    subtitle,
    categories: path.categories.map(monthLabel),
    categoryAxis: 'Month (dashed: projection)',
    valueAxis: 'Job Success Score',
    valueFormat: 'percent',
    valueRange: { min: 0, max: 100 },
    series,
    target: { value: target, label: `Target ${target} %` },
    marker:
      crossed === undefined
        ? undefined
        : {
            category: monthLabel(addMonthsToDay(today, Math.round((crossed - today) / 30.44))),
            label: `${target} % crossed ${isoOfDay(crossed)}`,
          },
    alt: `Line chart of your 24-month Job Success Score by month from ${monthLabel(first)} to ${monthLabel(last)}: ${subtitle}`,
  };
}

/** What the weeks still need, said the way /toprated dates it (topRated.ts): from today's score and checks. */
function weeksNeeded(index: LogIndex, today: Day, rule: ScoreRule, passes: boolean[], target: number): string {
  const more = weeksUntilQualified(passes);
  const now = scoreOn(index, today, rule);
  if (passes[0]) return more === 0 ? 'the score part is met' : `${plural(more, 'more week')} at ${target} %+`;
  const score = now === undefined ? 'no score now' : shownOn(index, today) ? `${now} % now` : `${now} % if it showed`;
  const back = firstPassingCheck(index, today, rule);
  if (back === undefined) return `${score}: new contracts must lift it back to ${target} % first`;
  const day = isoOfDay(today + 7 * weeksUntilQualified(passes, back));
  return `${score}; with no new work back at ${target} % by ${isoOfDay(today + 7 * back)}, 13 of 16 by ${day} if it stays there`;
}

/** The last 16 weekly checkpoints, oldest first: at or above the 90 % line, or not (below it, or no score shown). */
export function topRatedChart(contracts: readonly Contract[], today: Day, rule: ScoreRule, target = 90): ChartSpec {
  const index = indexLog(contracts);
  const days = Array.from({ length: CHECKPOINTS }, (_, i) => today - 7 * (CHECKPOINTS - 1 - i));
  const recent = weeklyPasses(index, today, rule);
  const passes = [...recent].reverse();
  // A week no score could show draws no bar: there was nothing to check.
  const scores = days.map((day) => (shownOn(index, day) ? (scoreOn(index, day, rule) ?? 0) : 0));
  const met = passes.filter(Boolean).length;
  const subtitle = `${met} of the last ${CHECKPOINTS} weekly checks at ${target} % or more; ${WEEKS_NEEDED} needed: ${weeksNeeded(index, today, rule, recent, target)}.`;
  const pick = (wanted: boolean) => scores.map((s, i) => (passes[i] === wanted ? s : null));
  return {
    kind: 'bar',
    name: 'top-rated-weeks',
    title: `Top Rated: JSS at each weekly check (${rule} rule)`,
    subtitle,
    categories: days.map(dayLabel),
    categoryAxis: 'Week of the check',
    valueAxis: 'Job Success Score',
    valueFormat: 'percent',
    valueRange: { min: 0, max: 100 },
    series: [
      { name: `At or above ${target} %`, role: 'good', values: pick(true), stack: 'week' },
      { name: `Below ${target} % or no score shown`, role: 'bad', values: pick(false), stack: 'week' },
    ],
    target: { value: target, label: `Top Rated line ${target} %` },
    alt: `Bar chart of your Job Success Score on the ${RULE_WORDS[rule]} at the last ${CHECKPOINTS} weekly checks: ${subtitle}`,
  };
}
