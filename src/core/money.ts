// Turning what users type (dollars, percents, days) into the integers the fee math works on.
import { z } from 'zod';
import { UserError } from './runtime/errors.js';

/** The largest amount any money command accepts, in dollars. */
export const MAX_DOLLARS = 100_000_000;

/** Options /fees and /quote share, declared once so both validate and describe them alike. */
export const billedOption = () =>
  z
    .number()
    .min(0)
    .max(MAX_DOLLARS)
    .optional()
    .describe('what this client has already paid you, in dollars (sliding tiers; 2023 carry-over past $10,000)');
export const variableRateOption = () =>
  z.number().min(0).max(15).optional().describe('variable-era fee agreed on the contract, in percent (default 10)');

/** 15000 -> 1500000; refuses fractions of a cent rather than rounding them silently. */
export function dollarsToCents(dollars: number, name: string): number {
  const cents = Math.round(dollars * 100);
  if (Math.abs(dollars * 100 - cents) > 1e-6) {
    throw new UserError(
      'fraction_of_cent',
      `"${name}" has a fraction of a cent (${dollars}): use at most two decimals.`,
    );
  }
  return cents;
}

/** 12.5 (percent) -> 1250 basis points; at most two decimals. */
export function percentToBasisPoints(percent: number, name: string): number {
  const basisPoints = Math.round(percent * 100);
  if (Math.abs(percent * 100 - basisPoints) > 1e-6) {
    throw new UserError('too_many_decimals', `"${name}" can have at most two decimals (got ${percent}).`);
  }
  return basisPoints;
}

/** 1250 -> "12.5 %" */
export function formatBasisPoints(basisPoints: number): string {
  return `${basisPoints / 100} %`;
}

/** The UTC day of `now`, "YYYY-MM-DD": the day a fee rule is looked up for. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
