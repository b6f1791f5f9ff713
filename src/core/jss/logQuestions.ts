// Questions answered from the contract log: whose feedback revision lifts the score most, what a bad
// review in view may cost, and the log facts behind more invites.

import { type Day, isoOfDay } from '../dates.js';
import { type Contract, clientKey, endDay } from './contracts.js';
import { momentumOf } from './momentum.js';
import { indexLog, inWindow, isEligible, percentAt, weightedPercentAt } from './windows.js';

export interface Revision {
  contract: Contract;
  /** The 24-month score on the published formula if this client's feedback turned successful. */
  percent: number;
  /** The same, weighted by contract value (an estimate): where revisions differ. */
  weighted: number | undefined;
}

/** One what-if per negative in today's 24-month window, the biggest lift first. */
export function revisions(contracts: readonly Contract[], today: Day): { now: number | undefined; each: Revision[] } {
  const index = indexLog(contracts);
  const each = index.eligible
    .filter((x) => x.outcome === 'negative' && inWindow(endDay(x), today, 24))
    .map((contract) => {
      const revised = indexLog(contracts.map((x) => (x === contract ? { ...x, outcome: 'successful' as const } : x)));
      return { contract, percent: percentAt(revised, today, 24) ?? 0, weighted: weightedPercentAt(revised, today) };
    });
  each.sort((a, b) => (b.weighted ?? 0) - (a.weighted ?? 0) || b.contract.id - a.contract.id);
  return { now: percentAt(index, today, 24), each };
}

export interface ReviewCost {
  negative: Contract;
  jobsInView: number;
  averageCents: number;
}

/** The newest negative among the last ten reviews, the jobs it stays in view for, the user's average contract. */
export function reviewCost(contracts: readonly Contract[], today: Day): ReviewCost | undefined {
  const m = momentumOf(contracts, today);
  const worst = m.negatives[0];
  const paid = contracts.filter((c) => c.amountCents > 0);
  if (!worst || paid.length === 0) return undefined;
  const averageCents = Math.round(paid.reduce((sum, c) => sum + c.amountCents, 0) / paid.length);
  return { negative: worst.contract, jobsInView: worst.jobsLeft, averageCents };
}

export interface InviteFacts {
  repeatClients: number;
  clients: number;
  averageClientCents: number;
  daysSinceLastClose: number | undefined;
  lastClose: string | undefined;
}

/** What the log says about the things the author believes bring invites. */
export function inviteFacts(contracts: readonly Contract[], today: Day): InviteFacts {
  const byClient = new Map<string, number[]>();
  for (const c of contracts) byClient.set(clientKey(c), [...(byClient.get(clientKey(c)) ?? []), c.amountCents]);
  const totals = [...byClient.values()].map((amounts) => amounts.reduce((a, b) => a + b, 0));
  const last = contracts
    .filter(isEligible)
    .reduce<Day | undefined>((max, c) => Math.max(max ?? 0, endDay(c)), undefined);
  return {
    repeatClients: [...byClient.values()].filter((amounts) => amounts.length > 1).length,
    clients: byClient.size,
    averageClientCents: totals.length === 0 ? 0 : Math.round(totals.reduce((a, b) => a + b, 0) / totals.length),
    daysSinceLastClose: last === undefined ? undefined : today - last,
    lastClose: last === undefined ? undefined : isoOfDay(last),
  };
}
