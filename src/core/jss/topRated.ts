// Top Rated and Top Rated Plus checklist (FACTS §4) from the contract log plus what only the user knows.

import type { Day } from '../dates.js';
import { plural } from '../runtime/format.js';
import { type Contract, endDay } from './contracts.js';
import { contractsToReach } from './score.js';
import { countToTarget, type Visibility, visibilityOf } from './visibility.js';
import {
  BEST_OF_MONTHS,
  bestOfAt,
  countsAt,
  eligibilityAt,
  indexLog,
  inWindow,
  type LogIndex,
  percentAt,
} from './windows.js';

export type ScoreRule = '24-month' | 'best-of';
export type Status = 'met' | 'missing' | 'unknown';

export type CheckKey =
  | 'now'
  | 'weeks'
  | 'profile'
  | 'first'
  | 'earned'
  | 'available'
  | 'activity'
  | 'holds'
  | 'plus'
  | 'large';

export interface Check {
  key: CheckKey;
  item: string;
  status: Status;
  detail: string;
  /** Only Top Rated Plus asks for it. */
  plusOnly?: boolean;
}

export interface TopRatedInput {
  contracts: readonly Contract[];
  today: Day;
  rule: ScoreRule;
  profileComplete?: boolean;
  availabilityCurrent?: boolean;
  noHolds?: boolean;
  agency: boolean;
  /** The user's category size for a large contract; undefined when not given (sizes vary by category). */
  largeContractCents?: number;
  /** Holding Rising Talent stands in for the weekly score checks, but only before a JSS shows (FACTS §4, §7). */
  risingTalent?: boolean;
}

export interface TopRatedResult {
  checks: Check[];
  /** Of the last 16 weekly checkpoints, how many had a score of 90 % or more. */
  weeksAtTarget: number;
  /** First day every dated item could hold if the score stays at 90 %+; undefined when that depends on new work. */
  earliest: Day | undefined;
  earliestNote: string;
  /** Today's score in words: "60 % today", "33 % if it showed, an estimate", or that no contract counts. */
  scoreWords: string;
  /** The log is short enough that no score may show yet, so Rising Talent can stand in for it. */
  risingTalentApplies: boolean;
  /** Whether Upwork shows a score for this log, from the contracts with feedback in 24 months. */
  seen: Seen;
}

export interface Seen {
  visibility: Visibility;
  contracts: number;
  clients: number;
}

export const CHECKPOINTS = 16;
export const WEEKS_NEEDED = 13;
export const TOP_RATED_TARGET = 90;
const FIRST_CONTRACT_DAYS = 90;
const TOP_RATED_CENTS = 100_000;

export const RULE_WORDS: Record<ScoreRule, string> = {
  '24-month': 'newer 24-month rule',
  'best-of': 'older best-of-6/12/24-months rule',
};

/** New successful contracts that lift the score to 90 % under the rule: best-of takes its quickest window. */
export function contractsToTarget(index: LogIndex, today: Day, rule: ScoreRule): number {
  const windows = rule === '24-month' ? [24] : BEST_OF_MONTHS;
  // An empty window counts too: one new successful contract gives it 100 %, as scoreOn would then read it.
  return Math.min(
    ...windows.map((months) => contractsToReach(countsAt(index, today, months), TOP_RATED_TARGET) ?? Infinity),
  );
}

export function scoreOn(index: LogIndex, day: Day, rule: ScoreRule): number | undefined {
  return rule === '24-month' ? percentAt(index, day, 24) : bestOfAt(index, day)?.percent;
}

/** passes[i]: the score i weeks before today was 90 % or more. */
export function weeklyPasses(index: LogIndex, today: Day, rule: ScoreRule): boolean[] {
  return Array.from({ length: CHECKPOINTS }, (_, i) => (scoreOn(index, today - 7 * i, rule) ?? 0) >= TOP_RATED_TARGET);
}

/** Further weeks below 90 % after which 13 of the last 16 checkpoints still pass; undefined when they do not now. */
export function weeksOfGrace(passes: readonly boolean[]): number | undefined {
  let grace: number | undefined;
  for (let w = 0; w <= CHECKPOINTS - WEEKS_NEEDED; w++) {
    if (passes.slice(0, CHECKPOINTS - w).filter(Boolean).length >= WEEKS_NEEDED) grace = w;
    else break;
  }
  return grace;
}

/** Weeks from today until 13 of the last 16 checkpoints pass, if every new weekly checkpoint passes. */
export function weeksUntilQualified(passes: readonly boolean[]): number {
  for (let w = 0; w <= WEEKS_NEEDED; w++) {
    const kept = passes.slice(0, CHECKPOINTS - w).filter(Boolean).length;
    if (kept + w >= WEEKS_NEEDED) return w;
  }
  return WEEKS_NEEDED;
}

const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

function selfReported(key: CheckKey, item: string, value: boolean | undefined, option: string): Check {
  if (value === undefined)
    return { key, item, status: 'unknown', detail: `not in your log; tell me with ${option}:yes` };
  return { key, item, status: value ? 'met' : 'missing', detail: value ? 'you said yes' : 'you said no' };
}

/** Why no contract in the 24 months counts toward a score (FACTS §3): what the log holds that is left out. */
function noScoreReason(contracts: readonly Contract[], today: Day): string {
  const recent = contracts.filter((c) => inWindow(endDay(c), today, 24));
  if (recent.length === 0) return 'none ended in the last 24 months';
  const left = [
    recent.some((c) => c.outcome === 'successful' && c.amountCents === 0) && 'unpaid ones with $0 earned',
    recent.some((c) => c.outcome === 'none') && 'ones closed without feedback',
    recent.some((c) => c.clientRemoved) && 'ones whose feedback Upwork removed',
  ].filter((x): x is string => typeof x === 'string');
  return `${left.join(' and ')} are left out`;
}

export function topRatedCheck(input: TopRatedInput): TopRatedResult {
  const { contracts, today } = input;
  const index = indexLog(contracts);
  const passes = weeklyPasses(index, today, input.rule);
  const weeksAtTarget = passes.filter(Boolean).length;
  const current = scoreOn(index, today, input.rule);
  const first = contracts.reduce<Day | undefined>((min, c) => Math.min(min ?? endDay(c), endDay(c)), undefined);
  const earned = contracts.filter((c) => inWindow(endDay(c), today, 12)).reduce((sum, c) => sum + c.amountCents, 0);
  const plusCents = input.agency ? 2_000_000 : 1_000_000;
  const large = largeContractCheck(contracts, today, input.largeContractCents);
  const active = contracts.some((c) => today - endDay(c) <= 90);
  const daysSinceFirst = first === undefined ? 0 : today - first;
  const seen = scoreSeen(contracts, today);
  // Rising Talent is for freelancers without a JSS: a log long enough to show one leaves it out.
  const risingTalentApplies = seen.visibility !== 'shown';
  const rising = risingTalentApplies && input.risingTalent === true;
  const claimedLate = !risingTalentApplies && input.risingTalent === true;
  const orRising = risingTalentApplies ? ', or Rising Talent' : '';
  const holds = rising ? 'you hold Rising Talent, which stands in until a score shows; ' : '';
  const scoreWords =
    current === undefined
      ? 'no contract in your log counts'
      : `${current} % ${risingTalentApplies ? 'if it showed, an estimate' : 'today'}`;

  const checks: Check[] = [
    {
      key: 'now',
      item: `JSS 90 %+ now${orRising}`,
      status: (current ?? 0) >= TOP_RATED_TARGET || rising ? 'met' : 'missing',
      detail: `${holds}${scoreWords} (${RULE_WORDS[input.rule]})`,
    },
    {
      key: 'weeks',
      item: `JSS 90 %+ in ${WEEKS_NEEDED} of the last ${CHECKPOINTS} weekly checks${orRising}`,
      status: weeksAtTarget >= WEEKS_NEEDED || rising ? 'met' : 'missing',
      detail: `${holds}${claimedLate ? 'Rising Talent stands in only before a score shows, and your log is long enough to have one; ' : ''}${weeksAtTarget} of ${CHECKPOINTS} weekly checks (${RULE_WORDS[input.rule]})`,
    },
    selfReported('profile', 'Profile 100 % complete', input.profileComplete, 'profile'),
    {
      key: 'first',
      item: `First contract more than ${FIRST_CONTRACT_DAYS} days ago`,
      status: daysSinceFirst > FIRST_CONTRACT_DAYS ? 'met' : 'missing',
      detail:
        first === undefined
          ? 'no contracts in your log'
          : `${daysSinceFirst} days since the earliest end date in your log`,
    },
    {
      key: 'earned',
      item: '$1,000+ earned in the last 12 months',
      status: earned >= TOP_RATED_CENTS ? 'met' : 'missing',
      detail: `${dollars(earned)} from contracts that ended in the last 12 months`,
    },
    selfReported('available', 'Availability up to date', input.availabilityCurrent, 'availability'),
    {
      key: 'activity',
      item: 'Activity in the last 90 days',
      status: active ? 'met' : 'unknown',
      detail: active
        ? 'a contract ended in the last 90 days'
        : 'no contract ended in 90 days; proposals and messages also count',
    },
    selfReported('holds', 'No account holds or violations in 3 months', input.noHolds, 'no_holds'),
    {
      key: 'plus',
      item: `${dollars(plusCents)}+ earned in the last 12 months${input.agency ? ' (agency)' : ''}`,
      status: earned >= plusCents ? 'met' : 'missing',
      detail: earned >= plusCents ? dollars(earned) : `${dollars(plusCents - earned)} to go`,
      plusOnly: true,
    },
    large,
  ];

  let earliest: Day | undefined;
  let earliestNote: string;
  if (!rising && (current ?? 0) < TOP_RATED_TARGET) {
    const k = contractsToTarget(index, today, input.rule);
    const how = `about ${countToTarget(k, TOP_RATED_TARGET, risingTalentApplies ? seen.contracts : undefined)}`;
    const now =
      current === undefined
        ? `No contract in your log counts toward a score now (${noScoreReason(contracts, today)})`
        : risingTalentApplies
          ? `If it showed today it would be ${current} %, an estimate`
          : `Your score is ${current} % now`;
    const grace = weeksOfGrace(passes);
    const weeks =
      grace === undefined
        ? `then ${WEEKS_NEEDED} of the last ${CHECKPOINTS} weekly checks must be at ${TOP_RATED_TARGET} %+`
        : `${weeksAtTarget} of the last ${CHECKPOINTS} weekly checks were at ${TOP_RATED_TARGET} %+, ${grace === 0 ? 'but one more week below it ends that' : `enough for ${plural(grace, 'more week')} below it`}`;
    earliest = undefined;
    earliestNote = `${now}; ${how}; ${weeks}.`;
  } else {
    const weeksDay = rising ? today : today + 7 * weeksUntilQualified(passes);
    const firstDay = first === undefined ? today : first + FIRST_CONTRACT_DAYS + 1;
    earliest = Math.max(weeksDay, firstDay, today);
    const money =
      earned >= TOP_RATED_CENTS
        ? ''
        : `, and once you have earned ${dollars(TOP_RATED_CENTS - earned)} more in 12 months`;
    const said = input.profileComplete && input.availabilityCurrent && input.noHolds;
    const rest = `${money}${said ? '' : ', and the items only you can see are in order'}`;
    earliestNote = rising
      ? `while you keep Rising Talent${rest}; once your score shows it must be ${TOP_RATED_TARGET} %+${current === undefined ? '' : ` (today it would be ${current} %, an estimate)`}.`
      : `if your score ${risingTalentApplies ? 'shows and ' : ''}stays at ${TOP_RATED_TARGET} % or more every week${rest}.`;
  }
  return { checks, weeksAtTarget, earliest, earliestNote, scoreWords, risingTalentApplies, seen };
}

/** Whether Upwork shows a score for a log on `today`, from its contracts with feedback in 24 months. */
export function scoreSeen(contracts: readonly Contract[], today: Day): Seen {
  const eligible = eligibilityAt(contracts, today);
  const visibility = visibilityOf(eligible.contracts, eligible.clients);
  return { visibility, contracts: eligible.contracts, clients: eligible.clients };
}

/** Large-contract sizes by category (FACTS §7): $5,000 is reported for design and writing, up to $30,000 elsewhere. */
export const LARGE_CONTRACT_CENTS = { lowest: 500_000, highest: 3_000_000 } as const;
const SIZE_RULE = '$5,000 reported for design and writing, more in other categories, up to $30,000';

/** Plus: a large contract in the last 12 months with feedback and no negative outcome, at the size the user gave. */
export function largeContractCheck(contracts: readonly Contract[], today: Day, sizeCents: number | undefined): Check {
  const withFeedback = contracts
    .filter((c) => (c.outcome === 'successful' || c.outcome === 'neutral') && !c.clientRemoved)
    .filter((c) => inWindow(endDay(c), today, 12))
    .sort((a, b) => b.amountCents - a.amountCents);
  const at = (cents: number) => withFeedback.find((c) => c.amountCents >= cents);
  const which = (c: Contract) => `#${c.id}, ${c.client}, ${dollars(c.amountCents)}`;
  const item = `large contract with feedback and no negative in 12 months (${sizeCents === undefined ? 'size by category' : `${dollars(sizeCents)}+`})`;
  if (sizeCents !== undefined) {
    const found = at(sizeCents);
    return {
      key: 'large',
      item,
      status: found ? 'met' : 'missing',
      detail: found ? which(found) : 'none in your log',
      plusOnly: true,
    };
  }
  const anyCategory = at(LARGE_CONTRACT_CENTS.highest);
  if (anyCategory)
    return {
      key: 'large',
      item,
      status: 'met',
      detail: `${which(anyCategory)}: large in every category`,
      plusOnly: true,
    };
  const lowest = at(LARGE_CONTRACT_CENTS.lowest);
  return {
    key: 'large',
    item,
    status: lowest ? 'unknown' : 'missing',
    detail: `${lowest ? `${which(lowest)}; ` : 'none of $5,000+ with feedback; '}${SIZE_RULE}: tell me yours with large:`,
    plusOnly: true,
  };
}
