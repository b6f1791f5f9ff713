// The course's advice figures as data, so /rate, /profile, /client and /sources cite the same facts.

export interface AdviceFact {
  id: string;
  name: string;
  /** What the figure or rule says, in gigdesk's words. */
  detail: string;
  source: string;
  /** True where the figure is the course author's own estimate rather than a measured or published one. */
  estimate: boolean;
}

/** How every advice answer names where it comes from. */
export const COURSE_SOURCE = 'the Upwork freelancing course and posts gigdesk is built from';

export const ADVICE_FACTS: readonly AdviceFact[] = [
  {
    id: 'employer-cost',
    name: 'What an employee really costs',
    detail:
      'A $25-an-hour employee costs the employer nearly $42 an hour once onboarding, payroll taxes and benefits are added to the wage: about $84,000 a year. gigdesk scales that ratio to other wages.',
    source: COURSE_SOURCE,
    estimate: false,
  },
  {
    id: 'new-profile-discount',
    name: 'Rates while you have few reviews',
    detail: 'With fewer than ten feedbacks, start 10-20 % below the rate you think you should earn.',
    source: COURSE_SOURCE,
    estimate: false,
  },
  {
    id: 'raise-ladder',
    name: 'When to raise',
    detail: 'Once your plate is full, raise by about $10 an hour and bid on work further out.',
    source: COURSE_SOURCE,
    estimate: false,
  },
  {
    id: 'jss-premium',
    name: 'What a high JSS is worth',
    detail: 'A 99 % JSS can be worth about $30 an hour more than 91 %, depending on the contract.',
    source: `${COURSE_SOURCE} (the course author's estimate)`,
    estimate: true,
  },
  {
    id: 'profile-donts',
    name: 'Profile overview: five don\u2019ts and the do\u2019s',
    detail:
      'Do not waste the opening line, repeat what the client already sees (badges, JSS, review lists), paste a resume, open with jargon, or be flashy. Do write short stand-alone paragraphs, put the client first and end with an invitation to get in touch.',
    source: COURSE_SOURCE,
    estimate: false,
  },
  {
    id: 'overview-limit',
    name: 'Overview length',
    detail: 'Upwork shows about the first 250 characters before "more"; the overview holds up to 5,000 characters.',
    source:
      'support.upwork.com article 360016252373 (the first 250 characters); the 5,000 limit from a third-party guide (snipework.com, 2026), not an Upwork page',
    estimate: false,
  },
  {
    id: 'paid-reviews',
    name: 'Jobs that pay for reviews',
    detail:
      'Jobs paying $5-10 to review a product or rate an app game the system; the contract title stays on your profile.',
    source: COURSE_SOURCE,
    estimate: false,
  },
  {
    id: 'small-clients',
    name: 'Which clients bring headaches',
    detail:
      'Small clients bring most of the trouble: missing project information, ghosting, scope creep, dragging projects. Clients who pay more tend to be better.',
    source: COURSE_SOURCE,
    estimate: false,
  },
  {
    id: 'review-momentum',
    name: 'Review momentum',
    detail:
      'A client sees your ten most recent reviews first, so a bad review stays in view until ten more jobs are reviewed.',
    source: COURSE_SOURCE,
    estimate: false,
  },
  {
    id: 'removed-feedback',
    name: 'Feedback Upwork removes',
    detail:
      'Feedback from a client that Upwork later flags or removes no longer counts toward the JSS (mark it with /contracts edit).',
    source: COURSE_SOURCE,
    estimate: false,
  },
];

export function adviceFact(id: string): AdviceFact {
  const fact = ADVICE_FACTS.find((f) => f.id === id);
  if (!fact) throw new Error(`unknown advice fact "${id}"`);
  return fact;
}
