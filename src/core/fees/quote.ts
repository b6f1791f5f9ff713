// What to charge to take home a given amount: the inverse of feeFor, exact to the cent.

import { type Fee, type FeeOptions, feeFor, roundHalfUp, scheduleFor } from './fees.js';
import type { FeeRule } from './rules.js';

export interface QuoteOptions extends FeeOptions {
  /** VAT charged on the platform fee, in basis points (2000 = 20 %). */
  vatBasisPoints?: number;
  /** Fixed costs paid out of what is left: withdrawal, Connects. */
  costsCents?: number;
}

export interface Outcome {
  fee: Fee;
  vatCents: number;
  costsCents: number;
  /** What is left after the fee, the VAT on it and the fixed costs. */
  takeHomeCents: number;
}

export interface Quote extends Outcome {
  /** The take-home asked for. */
  netCents: number;
}

export function vatOn(feeCents: number, vatBasisPoints: number): number {
  return roundHalfUp(feeCents * vatBasisPoints, 10_000);
}

/** What a payment of `grossCents` leaves you. */
export function outcomeFor(rule: FeeRule, grossCents: number, options: QuoteOptions): Outcome {
  const fee = feeFor(rule, grossCents, options);
  const vatCents = vatOn(fee.feeCents, options.vatBasisPoints ?? 0);
  const costsCents = options.costsCents ?? 0;
  return { fee, vatCents, costsCents, takeHomeCents: fee.netCents - vatCents - costsCents };
}

/**
 * The amount to charge so that at least `netCents` is left, and one cent less would leave less.
 * Solved piece by piece on the rate schedule (each piece is linear), then settled on exact cents.
 */
export function quoteFor(rule: FeeRule, netCents: number, options: QuoteOptions): Quote {
  const target = netCents + (options.costsCents ?? 0);
  const leaves = (gross: number) => outcomeFor(rule, gross, options).takeHomeCents >= netCents;
  let gross = estimate(rule, target, options);
  // The estimate is within a cent or two of the answer; rounding of fee and VAT decides the last cents.
  for (let guard = 0; !leaves(gross); guard++) {
    if (guard > 100) throw new Error(`quote for ${rule.id} did not settle at ${gross}`);
    gross++;
  }
  for (let guard = 0; ; guard++) {
    if (guard > 100) throw new Error(`quote for ${rule.id} did not settle at ${gross}`);
    // VAT rounding can make one cent leave less than the cent before it, so look two cents down.
    if (gross > 0 && leaves(gross - 1)) gross -= 1;
    else if (gross > 1 && leaves(gross - 2)) gross -= 2;
    else break;
  }
  return { ...outcomeFor(rule, gross, options), netCents };
}

/** The exact inverse of the piecewise-linear fee, before rounding to cents. */
function estimate(rule: FeeRule, target: number, options: QuoteOptions): number {
  const { steps, minimumCents } = scheduleFor(rule, options);
  const withVat = (cents: number) => cents * (1 + (options.vatBasisPoints ?? 0) / 10_000);
  let left = target;
  let gross = 0;
  for (const step of steps) {
    const keep = 1 - withVat(step.basisPoints / 10_000);
    if (left <= step.cents * keep) {
      gross += left / keep;
      left = 0;
      break;
    }
    gross += step.cents;
    left -= step.cents * keep;
  }
  // Below the minimum fee, the whole minimum (and its VAT) comes out of the payment.
  const floor = minimumCents > 0 ? target + withVat(minimumCents) : 0;
  return Math.max(0, Math.floor(Math.max(gross, floor)));
}
