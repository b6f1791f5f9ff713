// Top Rated and Top Rated Plus checklist (FACTS §4) from the contract log plus what only the user knows.

import type { Day } from '../dates.js';
import { plural } from '../runtime/format.js';
import type { Visibility as ShownTo } from '../runtime/reply.js';
import { type Contract, contractName, endDay } from './contracts.js';
import { roadmapFor } from './roadmap.js';
import {
  CHECKPOINTS,
  contractsToTarget,
  firstPassingCheck,
  RULE_WORDS,
  type ScoreRule,
  scoreOn,
  TOP_RATED_TARGET,
  WEEKS_NEEDED,
  weeklyPasses,
  weeksOfGrace,
  weeksUntilQualified,
} from './topRatedWeeks.js';
import { pathToTarget, pathWords } from './toTarget.js';
import { type Visibility, visibilityOf } from './visibility.js';
import { eligibilityAt, indexLog, inWindow } from './windows.js';

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
  /** 'public' for a shared answer, which names contracts by number only (contractName). */
  shownTo?: ShownTo;
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

const FIRST_CONTRACT_DAYS = 90;
const TOP_RATED_CENTS = 100_000;

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
  const large = largeContractCheck(contracts, today, input.largeContractCents, input.shownTo);
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
  const firstDay = first === undefined ? today : first + FIRST_CONTRACT_DAYS + 1;
  const money =
    earned >= TOP_RATED_CENTS
      ? ''
      : `, and once you have earned ${dollars(TOP_RATED_CENTS - earned)} more in 12 months`;
  const said = input.profileComplete && input.availabilityCurrent && input.noHolds;
  const rest = `${money}${said ? '' : ', and the items only you can see are in order'}`;
  if (!rising && (current ?? 0) < TOP_RATED_TARGET) {
    const roadmap = roadmapFor(contracts, today, TOP_RATED_TARGET, index);
    const quickest = contractsToTarget(index, today, input.rule);
    const path = pathToTarget(roadmap, index, TOP_RATED_TARGET, input.rule, quickest);
    const how = pathWords(path, TOP_RATED_TARGET, risingTalentApplies ? seen.contracts : undefined, 'about ');
    const now =
      current === undefined
        ? `No contract in your log counts toward a score now (${noScoreReason(contracts, today)})`
        : risingTalentApplies
          ? `If it showed today it would be ${current} %, an estimate`
          : `Your score is ${current} % now`;
    // With no new work, the first weekly check that passes again: from it on, the checks can add up.
    const back = path.reach === undefined ? undefined : firstPassingCheck(index, today, input.rule);
    if (back === undefined) {
      const grace = weeksOfGrace(passes);
      const weeks =
        grace === undefined
          ? `then ${WEEKS_NEEDED} of the last ${CHECKPOINTS} weekly checks must be at ${TOP_RATED_TARGET} %+`
          : `${weeksAtTarget} of the last ${CHECKPOINTS} weekly checks were at ${TOP_RATED_TARGET} %+, ${grace === 0 ? 'but one more week below it ends that' : `enough for ${plural(grace, 'more week')} below it`}`;
      earliest = undefined;
      earliestNote = `${now}; ${how}; ${weeks}.`;
    } else {
      earliest = Math.max(today + 7 * weeksUntilQualified(passes, back), firstDay);
      earliestNote = `${now}; ${how}; then ${WEEKS_NEEDED} of ${CHECKPOINTS} weekly checks pass by that date if it stays at ${TOP_RATED_TARGET} %+${rest}.`;
    }
  } else {
    earliest = Math.max(rising ? today : today + 7 * weeksUntilQualified(passes), firstDay, today);
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
export function largeContractCheck(
  contracts: readonly Contract[],
  today: Day,
  sizeCents: number | undefined,
  shownTo: ShownTo = 'private',
): Check {
  const withFeedback = contracts
    .filter((c) => (c.outcome === 'successful' || c.outcome === 'neutral') && !c.clientRemoved)
    .filter((c) => inWindow(endDay(c), today, 12))
    .sort((a, b) => b.amountCents - a.amountCents);
  const at = (cents: number) => withFeedback.find((c) => c.amountCents >= cents);
  const which = (c: Contract) => `${contractName(c, shownTo)}, ${dollars(c.amountCents)}`;
  const item = `a large contract with feedback and no negative in 12 months (${sizeCents === undefined ? 'size by category' : `${dollars(sizeCents)}+`})`;
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
