// Fee math over the rule sets in feeRules.ts. Pure functions on integer cents.
// Rounding: a fee is worked out exactly and rounded once to the nearest cent, half a cent up.
import { UserError } from '../runtime/errors.js';
import { type FeeRule, inForceOn } from './rules.js';

export const ROUNDING_NOTE =
  'Rounding: each fee is worked out exactly and rounded once to the nearest cent (half a cent up); Upwork does not publish its rounding.';

export interface FeeOptions {
  /** What this client has already paid you (moves the sliding tiers). */
  billedCents?: number;
  /** The variable-era rate agreed on the contract, in basis points. */
  rateBasisPoints?: number;
  /** The UTC day the payment is made, "YYYY-MM-DD" (decides grandfathered rates). */
  day: string;
}

/** The rate for each successive cent of one payment: `cents` at `basisPoints`, then the next step. */
export interface Step {
  cents: number;
  basisPoints: number;
}

export interface Schedule {
  /** The last step is unbounded (cents = Infinity). */
  steps: Step[];
  minimumCents: number;
}

export interface Fee {
  grossCents: number;
  feeCents: number;
  netCents: number;
  /** How the payment splits across rates (the last part only as long as the payment). */
  parts: Step[];
  /** The per-payment minimum was charged instead of the percentage. */
  minimumApplied: boolean;
  /** A lower rate kept from an earlier era applied. */
  grandfathered: boolean;
}

const BP = 10_000;

export function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((numerator * 2 + denominator) / (denominator * 2));
}

/** The rate schedule a payment meets under a rule, given what the client has paid before. */
export function scheduleFor(rule: FeeRule, options: FeeOptions): Schedule & { grandfathered: boolean } {
  const billed = options.billedCents ?? 0;
  const c = rule.computation;
  switch (c.kind) {
    case 'tiered': {
      const steps: Step[] = [];
      let lower = 0;
      for (const tier of c.tiers) {
        const upper = tier.upToCents ?? Number.POSITIVE_INFINITY;
        const cents = upper - Math.max(lower, billed);
        if (cents > 0) steps.push({ cents, basisPoints: tier.basisPoints });
        lower = upper;
      }
      return { steps, minimumCents: 0, grandfathered: false };
    }
    case 'percent': {
      const g = c.grandfather;
      const kept = !!g && billed >= g.fromBilledCents && inForceOn(rule, options.day) && options.day <= g.until;
      const basisPoints = kept && g ? g.basisPoints : c.basisPoints;
      return { steps: [{ cents: Number.POSITIVE_INFINITY, basisPoints }], minimumCents: 0, grandfathered: kept };
    }
    case 'variable': {
      const basisPoints = options.rateBasisPoints ?? c.basisPoints;
      if (basisPoints < c.minBasisPoints || basisPoints > c.maxBasisPoints) {
        throw new UserError(
          'rate_out_of_range',
          `The rate under ${rule.name} must be between ${c.minBasisPoints / 100} % and ${c.maxBasisPoints / 100} %.`,
        );
      }
      return { steps: [{ cents: Number.POSITIVE_INFINITY, basisPoints }], minimumCents: 0, grandfathered: false };
    }
    case 'percentWithMinimum':
      return {
        steps: [{ cents: Number.POSITIVE_INFINITY, basisPoints: c.basisPoints }],
        minimumCents: c.minimumCents,
        grandfathered: false,
      };
  }
}

/** Splits a payment across the schedule's steps. */
function split(steps: Step[], grossCents: number): Step[] {
  const parts: Step[] = [];
  let left = grossCents;
  for (const step of steps) {
    if (left <= 0) break;
    const cents = Math.min(left, step.cents);
    parts.push({ cents, basisPoints: step.basisPoints });
    left -= cents;
  }
  return parts;
}

/** The freelancer's fee on one payment from one client. */
export function feeFor(rule: FeeRule, grossCents: number, options: FeeOptions): Fee {
  const schedule = scheduleFor(rule, options);
  const parts = split(schedule.steps, grossCents);
  const exact = parts.reduce((sum, p) => sum + p.cents * p.basisPoints, 0);
  const percentFee = roundHalfUp(exact, BP);
  const minimumApplied = grossCents > 0 && schedule.minimumCents > percentFee;
  const feeCents = minimumApplied ? schedule.minimumCents : percentFee;
  return {
    grossCents,
    feeCents,
    netCents: grossCents - feeCents,
    parts,
    minimumApplied,
    grandfathered: schedule.grandfathered,
  };
}

/** Splits a total into n jobs as equal as cents allow: the first (total mod n) jobs get a cent more. */
export function splitEvenly(totalCents: number, jobs: number): { jobs: number; cents: number }[] {
  const base = Math.floor(totalCents / jobs);
  const extra = totalCents - base * jobs;
  return [
    { jobs: extra, cents: base + 1 },
    { jobs: jobs - extra, cents: base },
  ].filter((g) => g.jobs > 0);
}

/** The total fee when the same total comes as `jobs` payments from as many new clients. */
export function feeAcrossNewClients(rule: FeeRule, totalCents: number, jobs: number, options: FeeOptions): number {
  const fresh = { ...options, billedCents: 0 };
  return splitEvenly(totalCents, jobs).reduce((sum, g) => sum + g.jobs * feeFor(rule, g.cents, fresh).feeCents, 0);
}
