// Job Success Score math on Upwork's published high-level formula. Pure functions, exact integers.
import { UserError } from './errors.js';

export interface Counts {
  successful: number;
  negative: number;
  total: number;
}

/** Upwork's only published rule: (successful - negative) / total, never shown below 0. */
export const JSS_RULE = {
  name: "Upwork's published high-level JSS formula",
  asOf: '2026-11-22',
  source: 'support.upwork.com (Job Success Score help); the full algorithm is not published',
};

export function checkCounts({ successful, negative, total }: Counts): void {
  if (successful + negative > total) {
    throw new UserError(
      `successful (${successful}) + negative (${negative}) = ${successful + negative}, which cannot exceed total (${total}): every outcome is also counted in the total.`,
    );
  }
}

/** The score as a fraction in [0, 1]. */
export function jssFraction({ successful, negative, total }: Counts): number {
  checkCounts({ successful, negative, total });
  return Math.max(0, (successful - negative) / total);
}

/** Whole percent, rounded half up on exact integers so 89.5 % shows as 90 %. */
export function jssPercent(counts: Counts): number {
  checkCounts(counts);
  const numerator = Math.max(0, counts.successful - counts.negative);
  return Math.floor((numerator * 200 + counts.total) / (counts.total * 2));
}
