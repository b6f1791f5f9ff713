// A user's contract log: the record, outcome wording (including stars), and the stored shape.
import { type Day, dayFromIso, isoOfDay, parseDay } from '../dates.js';
import { UserError } from '../runtime/errors.js';
import { parseBoolean, parseNumber } from '../runtime/textArgs.js';

export type Outcome = 'successful' | 'neutral' | 'negative' | 'none';

export interface Contract {
  id: number;
  /** UTC day the contract ended, "2026-03-14". */
  end: string;
  outcome: Outcome;
  /** Public star rating when the user gave one; the outcome was estimated from it. */
  stars?: number;
  amountCents: number;
  client: string;
  title?: string;
  /** Paid over 90+ days (a long-term client). */
  longTerm: boolean;
  /** Upwork later flagged or removed this client's feedback, so it no longer counts (FACTS §3). */
  clientRemoved?: boolean;
}

export interface ContractLog {
  nextId: number;
  contracts: Contract[];
}

export const LOG_NAME = 'contracts';
export const MAX_CONTRACTS = 10_000;
export const MAX_AMOUNT_CENTS = 10_000_000_000;
export const emptyLog = (): ContractLog => ({ nextId: 1, contracts: [] });

/** Stated wherever stars are accepted: only 4+ stars has a source (FACTS §3); the rest is ours. */
export const STARS_RULE =
  "Stars: 4 stars or more count as successful (course material). Below 4 is gigdesk's own estimate: 3 to 3.9 neutral, under 3 negative. Private feedback also counts and is never shown.";

const WORDS: Record<string, Outcome> = {
  successful: 'successful',
  success: 'successful',
  positive: 'successful',
  good: 'successful',
  neutral: 'neutral',
  negative: 'negative',
  bad: 'negative',
  none: 'none',
  'no feedback': 'none',
  nofeedback: 'none',
  unrated: 'none',
};

export function outcomeFromStars(stars: number): Outcome {
  if (stars >= 4) return 'successful';
  if (stars >= 3) return 'neutral';
  return 'negative';
}

/** "successful", "no feedback", "4.5", "4.5 stars" -> outcome (and stars when given). */
export function parseOutcome(input: string): { outcome: Outcome; stars?: number } {
  const text = input.trim().toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
  const word = WORDS[text];
  if (word) return { outcome: word };
  const starMatch = /^(\d(?:\.\d{1,2})?)\s*(?:stars?|\*|★)?$/.exec(text);
  const stars = starMatch ? Number(starMatch[1]) : Number.NaN;
  if (stars >= 1 && stars <= 5) return { outcome: outcomeFromStars(stars), stars };
  if (starMatch)
    throw new UserError('stars_out_of_range', `Stars must be between 1 and 5 (got "${input.slice(0, 20)}").`);
  throw new UserError(
    'unknown_outcome',
    `"${input.slice(0, 30)}" is not an outcome. Use successful, neutral, negative, none (no feedback), or stars such as 4.5.`,
  );
}

/** Dollars as typed ("1200", "$1,200.50", "1.2k") -> integer cents. */
export function parseAmount(input: string | number): number {
  const dollars = typeof input === 'number' ? input : parseNumber(input);
  if (dollars === undefined || !Number.isFinite(dollars)) {
    throw new UserError(
      'bad_amount',
      `"${String(input).slice(0, 30)}" is not an amount; write it like 1200 or $1,200.50.`,
    );
  }
  const cents = Math.round(dollars * 100);
  if (cents < 0) throw new UserError('negative_amount', 'An amount cannot be negative.');
  if (cents > MAX_AMOUNT_CENTS)
    throw new UserError('implausible_amount', 'That amount is not plausible for one contract.');
  return cents;
}

export function cleanClient(input: string): string {
  const client = input.trim().replace(/\s+/g, ' ');
  if (!client) throw new UserError('missing_client', 'Give the client a name or id, so clients can be counted.');
  if (client.length > 80) throw new UserError('client_too_long', 'A client name or id must be at most 80 characters.');
  return client;
}

export function cleanTitle(input: string | undefined): string | undefined {
  const title = input?.trim().replace(/\s+/g, ' ');
  if (!title) return undefined;
  if (title.length > 120) throw new UserError('title_too_long', 'A title must be at most 120 characters.');
  return title;
}

export interface ContractInput {
  date: string;
  outcome: string;
  amount: string | number;
  client: string;
  title?: string;
  longTerm?: string | boolean;
}

/** Validates one contract as typed; throws UserError naming the first problem. */
export function contractFrom(input: ContractInput, now: Date): Omit<Contract, 'id'> {
  const end = isoOfDay(parseDay(input.date, now));
  const { outcome, stars } = parseOutcome(input.outcome);
  const longTerm = typeof input.longTerm === 'string' ? parseBoolean(input.longTerm) : (input.longTerm ?? false);
  if (longTerm === undefined)
    throw new UserError('bad_yes_no', `Long-term must be yes or no (got "${input.longTerm}").`);
  const contract: Omit<Contract, 'id'> = {
    end,
    outcome,
    amountCents: parseAmount(input.amount),
    client: cleanClient(input.client),
    longTerm,
  };
  const title = cleanTitle(input.title);
  if (stars !== undefined) contract.stars = stars;
  if (title) contract.title = title;
  return contract;
}

/** Adds contracts with fresh ids; refuses (changing nothing) past the size limit. */
export function appendContracts(log: ContractLog, added: Omit<Contract, 'id'>[]): ContractLog {
  if (log.contracts.length + added.length > MAX_CONTRACTS) {
    throw new UserError(
      'log_full',
      `A log holds at most ${MAX_CONTRACTS.toLocaleString('en-US')} contracts; you have ${log.contracts.length} and are adding ${added.length}.`,
    );
  }
  const withIds = added.map((c, i) => ({ id: log.nextId + i, ...c }));
  return { nextId: log.nextId + added.length, contracts: [...log.contracts, ...withIds] };
}

/** "3", "3,5 7" -> [3, 5, 7]. */
export function parseIds(input: string): number[] {
  const parts = input.split(/[\s,;]+/).filter(Boolean);
  const ids = parts.map((p) => Number(p.replace(/^#/, '')));
  const bad = parts.find((_, i) => !Number.isInteger(ids[i]) || (ids[i] ?? 0) < 1);
  if (bad !== undefined || ids.length === 0) {
    throw new UserError(
      'bad_contract_ids',
      `Give contract ids as shown by /contracts list, such as 3 or 3,5,7${bad ? ` (got "${bad.slice(0, 20)}")` : ''}.`,
    );
  }
  return [...new Set(ids)];
}

export const endDay = (c: Contract): Day => dayFromIso(c.end);
export const clientKey = (c: Contract): string => c.client.toLowerCase();
