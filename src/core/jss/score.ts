// Job Success Score math on Upwork's published high-level formula. Pure functions, exact integers.
import { UserError } from '../runtime/errors.js';

export interface Counts {
  successful: number;
  negative: number;
  total: number;
}

/** Upwork's only published rule: (successful - negative) / total; shown as 0 below 0 (gigdesk's assumption, no source states a floor). */
export const JSS_RULE = {
  name: "Upwork's published JSS formula",
  asOf: '2026-11-22',
  source: 'Job Success Score help on support.upwork.com',
};

/** Beyond this, counts are typos, and products could leave exact integer range. */
export const MAX_COUNT = 1_000_000;

export function checkCounts({ successful, negative, total }: Counts): void {
  for (const [name, value] of Object.entries({ successful, negative, total })) {
    if (!Number.isInteger(value) || value < 0) {
      throw new UserError('bad_count', `"${name}" must be a whole number of contracts, 0 or more (got ${value}).`);
    }
    if (value > MAX_COUNT) {
      throw new UserError(
        'implausible_count',
        `"${name}" is ${value}; counts above ${MAX_COUNT.toLocaleString('en-US')} are not plausible.`,
      );
    }
  }
  if (successful + negative > total) {
    throw new UserError(
      'counts_exceed_total',
      `successful (${successful}) + negative (${negative}) = ${successful + negative}, which cannot exceed total (${total}): every outcome is also counted in the total.`,
    );
  }
  if (total === 0)
    throw new UserError('total_zero', '"total" must be at least 1: a score needs at least one contract.');
}

/** The score as a fraction in [0, 1]. */
export function jssFraction({ successful, negative, total }: Counts): number {
  checkCounts({ successful, negative, total });
  return Math.max(0, (successful - negative) / total);
}

/** Whole percent, rounded half up on exact integers so 89.5 % shows as 90 %. */
export function jssPercent(counts: Counts): number {
  checkCounts(counts);
  return percentOf(counts.successful - counts.negative, counts.total);
}

/** max(0, net / total) as a whole percent, rounded half up, exactly; for weighted sums too. */
export function percentOf(net: number, total: number): number {
  return Math.floor((Math.max(0, net) * 200 + total) / (total * 2));
}

/**
 * max(0, net / total) in percent with at most two decimals (75, 89.5, 89.47), from exact integers; never
 * rounded up onto a whole percent it is under (99.998 is 99.99), so it can stand beside the rounded score.
 */
export function exactPercentOf(net: number, total: number): number {
  const scaled = Math.max(0, net) * 10_000;
  let hundredths = Math.round(scaled / total);
  if (hundredths % 100 === 0 && (Math.max(0, net) * 100) % total !== 0) hundredths = Math.floor(scaled / total);
  return hundredths / 100;
}

export const neutralCount = (c: Counts): number => c.total - c.successful - c.negative;

export interface Band {
  range: string;
  meaning: string;
}

export function bandFor(percent: number): Band {
  if (percent >= 90) return { range: '90-100 %', meaning: 'the range Top Rated asks for' };
  if (percent >= 80) return { range: '80-89 %', meaning: 'good, but below the 90 % Top Rated needs' };
  if (percent >= 75) return { range: '75-79 %', meaning: 'well below the Top Rated line; worth recovering' };
  return { range: 'below 75 %', meaning: 'low; each new successful contract helps' };
}

/**
 * Smallest k >= 0 with (successful - negative + k) / (total + k) >= num / den, in integers;
 * undefined when no number of new successful contracts gets there (num >= den with neutrals or negatives).
 */
export function successfulNeededFor(c: Counts, num: number, den: number): number | undefined {
  const net = c.successful - c.negative;
  const gap = num * c.total - den * net; // k * (den - num) must be at least this
  if (c.total > 0 && gap <= 0) return 0;
  if (c.total === 0 && num <= den) return 1;
  if (num >= den) return undefined;
  return Math.max(0, Math.ceil(gap / (den - num)));
}

/** More successful contracts that lift the unrounded score to `target` percent (1-100). */
export function contractsToReach(c: Counts, target: number): number | undefined {
  return successfulNeededFor(c, target, 100);
}

export interface RevisedWorth {
  /** Whole-percent score with one negative turned successful. */
  revisedPercent: number;
  /** New successful contracts that reach the same percent unrounded; undefined when none can. */
  byNewWork: number | undefined;
}

/** What one client revising a negative to a successful outcome is worth; undefined with no negative. */
export function revisedReviewWorth(c: Counts): RevisedWorth | undefined {
  if (c.negative === 0) return undefined;
  const revisedPercent = percentOf(c.successful - c.negative + 2, c.total);
  return { revisedPercent, byNewWork: contractsToReach(c, revisedPercent) };
}
