// A user's contract log: the record, outcome wording (including stars), and the stored shape.
import { type Day, dayFromIso, isoOfDay, parseDay } from '../dates.js';
import { UserError } from '../runtime/errors.js';
import type { Visibility } from '../runtime/reply.js';
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
  clientRemoved?: string | boolean;
}

function yesNo(value: string | boolean | undefined, what: string): boolean {
  const parsed = typeof value === 'string' ? parseBoolean(value) : (value ?? false);
  if (parsed === undefined)
    throw new UserError('bad_yes_no', `${what} must be yes or no (got "${String(value).slice(0, 20)}").`);
  return parsed;
}

/** Validates one contract as typed; throws UserError naming the first problem. */
export function contractFrom(input: ContractInput, now: Date): Omit<Contract, 'id'> {
  const end = isoOfDay(parseDay(input.date, now));
  const { outcome, stars } = parseOutcome(input.outcome);
  const longTerm = yesNo(input.longTerm, 'Long-term');
  const clientRemoved = yesNo(input.clientRemoved, 'Client removed');
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
  if (clientRemoved) contract.clientRemoved = true;
  return contract;
}

/** Every field but the id: an import line equal to a logged contract is that contract again. */
export const contractRecord = (c: Omit<Contract, 'id'>): string =>
  JSON.stringify([c.end, c.outcome, c.stars, c.amountCents, c.client, c.title, c.longTerm, Boolean(c.clientRemoved)]);

/**
 * Splits an import into contracts new to the log and repeats of logged ones, one for one: two equal
 * lines against one logged contract leave one new.
 */
export function newContracts(log: readonly Contract[], added: readonly Omit<Contract, 'id'>[]) {
  const logged = new Map<string, number>();
  for (const c of log) logged.set(contractRecord(c), (logged.get(contractRecord(c)) ?? 0) + 1);
  const fresh: Omit<Contract, 'id'>[] = [];
  let repeats = 0;
  for (const c of added) {
    const left = logged.get(contractRecord(c)) ?? 0;
    if (left > 0) {
      logged.set(contractRecord(c), left - 1);
      repeats++;
    } else fresh.push(c);
  }
  return { fresh, repeats };
}

/** Same day, client and amount: likely the same contract, even if another field differs. */
export const sameContract = (a: Omit<Contract, 'id'>, b: Omit<Contract, 'id'>) =>
  a.end === b.end && a.amountCents === b.amountCents && a.client.toLowerCase() === b.client.toLowerCase();

export const starsLabel = (stars: number) => `${stars} star${stars === 1 ? '' : 's'}`;

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

const RANGE = /^#?(\d{1,9})(?:-#?(\d{1,9}))?$/;

/** "3", "3,5 7", "81-120" -> the ids, each once, in order; a range is at most a full log long. */
export function parseIds(input: string): number[] {
  const parts = input.split(/[\s,;]+/).filter(Boolean);
  const ids: number[] = [];
  for (const part of parts) {
    const [, from = '', to] = RANGE.exec(part) ?? [];
    const first = Number(from);
    const last = to === undefined ? first : Number(to);
    if (!from || first < 1 || last < first || last - first >= MAX_CONTRACTS) throw badIds(part);
    for (let id = first; id <= last; id++) ids.push(id);
    if (ids.length > MAX_CONTRACTS) throw badIds(part);
  }
  if (ids.length === 0) throw badIds();
  return [...new Set(ids)];
}

const badIds = (part?: string) =>
  new UserError(
    'bad_contract_ids',
    `Give contract ids as shown by /contracts list: 3, a list such as 3,5,7, or a range such as 81-120${part ? ` (got "${part.slice(0, 20)}")` : ''}.`,
  );

/** [81, 82, ..., 120, 125] -> "#81-#120, #125". */
export function formatIds(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] ?? 0;
    while (sorted[i + 1] === (sorted[i] ?? 0) + 1) i++;
    const end = sorted[i] ?? start;
    runs.push(end === start ? `#${start}` : end === start + 1 ? `#${start}, #${end}` : `#${start}-#${end}`);
  }
  return runs.join(', ');
}

export const endDay = (c: Contract): Day => dayFromIso(c.end);
export const clientKey = (c: Contract): string => c.client.toLowerCase();

/**
 * How an answer names a contract. Its owner reads "Bolt Industries #2" (short: "Bolt Indust… #2", so a
 * table fits 64 columns); a shared answer is read by the whole channel, so it names no client: "#2".
 */
export function contractName(c: Pick<Contract, 'client' | 'id'>, shownTo: Visibility, { short = false } = {}): string {
  if (shownTo === 'public') return `#${c.id}`;
  return `${short && c.client.length > 12 ? `${c.client.slice(0, 11)}…` : c.client} #${c.id}`;
}

/**
 * Another workspace's log merged into this one (a person's logs from several servers become one):
 * each incoming contract equal to one already here (all but the id) is that same contract, the rest
 * get fresh ids. The size limit does not apply: a merge loses nothing. Merging twice adds nothing.
 */
export function mergeLogs(log: ContractLog, incoming: ContractLog): ContractLog {
  const unmatched = log.contracts.map(({ id: _id, ...rest }) => JSON.stringify(sortedKeys(rest)));
  const added = incoming.contracts
    .map(({ id: _id, ...rest }) => rest)
    .filter((c) => {
      const at = unmatched.indexOf(JSON.stringify(sortedKeys(c)));
      if (at >= 0) unmatched[at] = '';
      return at < 0;
    });
  const withIds = added.map((c, i) => ({ id: log.nextId + i, ...c }));
  return { nextId: log.nextId + added.length, contracts: [...log.contracts, ...withIds] };
}

const sortedKeys = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
