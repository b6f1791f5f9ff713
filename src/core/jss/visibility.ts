// When a JSS is shown at all (sources disagree), and the course's plan for a low score before it shows.

import { plural } from '../runtime/format.js';

/** Upwork's newer help: at least 2 different clients and 2 eligible contracts. */
export const NEWER_HELP_BAR = { contracts: 2, clients: 2 } as const;
/** The top of the range freelancers report (5-8 contracts): below it a score may still be hidden. */
export const REPORTED_UP_TO = 8;
/** The course's plan for a new freelancer (FACTS §7): about this many quick jobs before the score shows. */
export const QUICK_JOBS = 12;
export const COURSE_MATERIAL = 'the Upwork freelancing course gigdesk is built from';

export type Visibility = 'hidden' | 'maybe' | 'shown';

/** "hidden": below the newer help's bar; "maybe": above it but below what freelancers report. */
export function visibilityOf(contracts: number, clients?: number): Visibility {
  if (contracts < NEWER_HELP_BAR.contracts || (clients !== undefined && clients < NEWER_HELP_BAR.clients)) {
    return 'hidden';
  }
  return contracts < REPORTED_UP_TO ? 'maybe' : 'shown';
}

/** ", and with 3 contracts it may not be shown yet": the clause the lead adds below the bars. */
export function visibilityClause(v: Visibility, contracts: number): string {
  if (v === 'shown') return '';
  const probably = v === 'hidden' ? 'it is probably not shown yet' : 'it may not be shown yet';
  return `, and with ${plural(contracts, 'contract')} ${probably}`;
}

/** The short line a badge answer gives while the score may not show: what the log holds and the bars. */
export function visibilityLine(v: Visibility, contracts: number, clients: number): string {
  const counted = `${plural(contracts, 'contract')} with feedback from ${plural(clients, 'client')}`;
  return v === 'hidden'
    ? `Upwork probably shows no score yet: you have ${counted}; its newer help asks for 2 of each.`
    : `Your score may not show yet: you have ${counted}; Upwork's newer help says 2 of each, freelancers report 5-8 contracts.`;
}

/** After a count to the target while the score may not show: whether it should show by then. */
export function whenItShows(contracts: number, more: number): string {
  return contracts + more >= REPORTED_UP_TO ? ', and it should show by then' : ', once it shows';
}

/**
 * "17 more successful contracts take it to 90 %"; while the score may not show, `seen` (the contracts with
 * feedback in 24 months) adds when it should. /jss, /desk and /toprated all say it this way.
 */
export function countToTarget(more: number, target: number, seen?: number): string {
  const shows = seen === undefined ? '' : whenItShows(seen, more);
  return `${plural(more, 'more successful contract')} take${more === 1 ? 's' : ''} it to ${target} %${shows}`;
}

export const VISIBILITY_SOURCES =
  "When a JSS appears, sources disagree: Upwork's newer help (article 34958134307475) says 2 different clients and 2 or more eligible contracts; older posts say 4-6 contracts from 3 clients; many freelancers report 5-8.";

/** The course's plan while a low score is not shown yet (seed 000), with its source. */
export function newFreelancerPlan(): string {
  return `The course's plan: a hidden score beats a low one. Before it shows, land about ${QUICK_JOBS} more jobs that are quick to win and finish, from clients with a history of leaving feedback; invites need no Connects (${COURSE_MATERIAL}).`;
}
