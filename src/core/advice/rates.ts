// Rate advice from the course's figures: what an employer pays for an hour, the starting discount, the raise ladder.

/** The course's worked figure: a $25 wage costs the employer nearly $42 an hour, about $84,000 a year. */
export const COURSE_WAGE_CENTS = 2_500;
export const COURSE_EMPLOYER_HOUR_CENTS = 4_200;
export const COURSE_EMPLOYER_YEAR_CENTS = 8_400_000;
/** $84,000 / $42: the hours a year the course's figure assumes (40 a week for 50 weeks). */
export const COURSE_WEEKS_PER_YEAR = COURSE_EMPLOYER_YEAR_CENTS / COURSE_EMPLOYER_HOUR_CENTS / 40;
/** Below this many feedbacks the course says to start under the rate you should earn. */
export const NEW_PROFILE_FEEDBACKS = 10;
/** 10-20 % below, in percent of the rate you should earn. */
export const NEW_PROFILE_DISCOUNT = { least: 10, most: 20 } as const;
export const RAISE_STEP_CENTS = 1_000;
export const JSS_PREMIUM = { highPercent: 99, lowPercent: 91, cents: 3_000 } as const;

export interface RateAdvice {
  wageCents: number;
  hoursPerWeek: number;
  /** The wage scaled by the course's $42-for-$25 ratio. */
  employerHourCents: number;
  /** What the employer commits to in a year at these hours, on the course's 50 working weeks. */
  employerYearCents: number;
  /** 10-20 % below the wage; shown as a "start here" range while feedbacks are below ten (or not given). */
  startRange: { lowCents: number; highCents: number };
  /** Whether the range applies: true below ten feedbacks, undefined when the user did not say. */
  newProfile: boolean | undefined;
  /** Where to bid now, then about $10 more each time the plate is full. */
  ladderCents: number[];
}

const roundCents = (value: number) => Math.round(value);

/** Everything /rate says, from the hourly wage in cents. */
export function rateAdvice(wageCents: number, hoursPerWeek: number, feedbacks?: number): RateAdvice {
  const employerHourCents = roundCents((wageCents * COURSE_EMPLOYER_HOUR_CENTS) / COURSE_WAGE_CENTS);
  const startRange = {
    lowCents: roundCents((wageCents * (100 - NEW_PROFILE_DISCOUNT.most)) / 100),
    highCents: roundCents((wageCents * (100 - NEW_PROFILE_DISCOUNT.least)) / 100),
  };
  const newProfile = feedbacks === undefined ? undefined : feedbacks < NEW_PROFILE_FEEDBACKS;
  const start = newProfile ? startRange.highCents : wageCents;
  return {
    wageCents,
    hoursPerWeek,
    employerHourCents,
    employerYearCents: employerHourCents * hoursPerWeek * COURSE_WEEKS_PER_YEAR,
    startRange,
    newProfile,
    ladderCents: [start, start + RAISE_STEP_CENTS, start + 2 * RAISE_STEP_CENTS],
  };
}

/** The rates worth showing take-home for, lowest first and without repeats. */
export function suggestedRates(advice: RateAdvice): number[] {
  const rates = [
    ...(advice.newProfile === false ? [] : [advice.startRange.lowCents, advice.startRange.highCents]),
    advice.wageCents,
    advice.wageCents + RAISE_STEP_CENTS,
  ];
  return [...new Set(rates)].sort((a, b) => a - b);
}
