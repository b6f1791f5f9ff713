// Reads a job post (and what the client's panel shows) for the warning signs the course names, and the good ones.
import { UserError } from '../runtime/errors.js';

export interface ClientFacts {
  paymentVerified?: boolean;
  /** Percent of posted jobs that led to a hire. */
  hireRate?: number;
  /** Total the client has spent on Upwork, in cents. */
  spentCents?: number;
  jobsPosted?: number;
  /** Average stars other freelancers gave the client. */
  rating?: number;
  reviews?: number;
}

export type FlagId =
  | 'paid-reviews'
  | 'off-platform'
  | 'payment-unverified'
  | 'no-hires'
  | 'low-hire-rate'
  | 'low-spend'
  | 'low-rating'
  | 'incomplete'
  | 'scope-creep'
  | 'rushed'
  | 'quick-and-easy'
  | 'rock-bottom';

export interface Flag {
  id: FlagId;
  what: string;
  why: string;
  /** The words in the post that raised it, when it came from the text. */
  quote?: string;
}

export interface ClientCheck {
  flags: Flag[];
  good: string[];
}

/** gigdesk's thresholds, not the course's: the course names the signs without numbers. */
export const THRESHOLDS = {
  lowHireRate: 50,
  goodHireRate: 70,
  lowRating: 4.5,
  goodRating: 4.8,
  manyPosts: 5,
  lowSpendPerPostCents: 10_000,
  paysWellCents: 1_000_000,
  rockBottomCents: 2_000,
  rockBottomHourlyCents: 1_000,
  rushedBudgetCents: 10_000,
  shortPostWords: 25,
  clearPostWords: 60,
} as const;

const REVIEW_SITES =
  '(app ?store|play ?store|google play|trustpilot|yelp|amazon|g2|capterra|tripadvisor|google maps|google business)';
const PAID_REVIEWS = [
  /\b(5|five)[- ]?stars?\s+(reviews?|ratings?)\b/i,
  new RegExp(`\\b${REVIEW_SITES}\\b[^.\\n]{0,60}\\b(reviews?|ratings?|rate)\\b`, 'i'),
  new RegExp(`\\b(reviews?|ratings?|rate)\\b[^.\\n]{0,60}\\b${REVIEW_SITES}\\b`, 'i'),
  /\b(write|leave|post|give|submit)\w*\s+(\w+\s+){0,3}(reviews?|ratings?)\s+(for|on|of|about)\s+(our|my)\s+(\w+\s+)?(app|product|book|business|store|listing|restaurant|shop|company|course|service)s?\b/i,
  /\b(product|app|book) (reviewers?|testers? and reviewers?)\b/i,
  /\brate (our|my|the) (app|product|business|book)\b/i,
  /\b(paid|pay \$?\d+) (per|for each|for every) (review|rating)\b/i,
];
const OFF_PLATFORM =
  /\b(contact|reach|message|text|add|talk|chat|pay|paid|payment)\b[^.\n]{0,40}\b(whats ?app|telegram|skype|signal|wechat|paypal|venmo|zelle|cash ?app|payoneer|gmail|personal email)\b|\b(outside|off) (of )?upwork\b/i;
const SCOPE_CREEP =
  /\b(and )?(a few|a couple of|some|several|many) (more|other|extra|additional|small|little) (things|tasks|bits|items|jobs|changes)\b|\bother tasks as (needed|required|assigned)\b|\b(plus|and) more\b|\bunlimited (revisions|changes)\b/i;
const QUICK =
  /\b(quick|easy|simple)\s+(and|&)\s+(easy|quick|simple)\b|\b(very|super|really) (easy|simple)\b|\beasy (job|task|money|work)\b|\bshould(n['’]t| not)? take (long|more than|only|just)\b|\bonly takes?\b/i;
const RUSHED =
  /\b(asap|urgent(ly)?|tonight|immediately|right now|by tomorrow|within (\d+|one|two|a few) hours?|in (\d+|one|two|a few) hours?|(24|48) hours)\b/i;
const LOW_BUDGET =
  /\b(low|tight|small|limited|minimal|lowest) (budget|price|bid|rate)s?\b|\bbudget is (low|tight|small|limited)\b|\bcheap(est)?\b/i;
const VAGUE =
  /\b(details|more info(rmation)?) (will be|to be|are) (shared|provided|given|discussed|sent)\b|\b(dm|message|contact) (me )?for (details|more info)\b|\bdetails (in|via|over) (chat|dm|messages?)\b|\bwill explain (later|in (chat|messages?))\b/i;
const MONEY = /\$\s?(\d[\d,]*(?:\.\d{1,2})?)\s*(k\b)?(\s*(\/|per|an?)\s*(hr|hour)\b)?/gi;

const match = (re: RegExp, text: string) => re.exec(text)?.[0];

/** Dollar amounts in the post: the lowest fixed amount and the lowest hourly rate, in cents. */
function amountsIn(post: string): { fixed?: number; hourly?: number } {
  let fixed: number | undefined;
  let hourly: number | undefined;
  for (const m of post.matchAll(MONEY)) {
    const cents = Math.round(Number((m[1] ?? '').replace(/,/g, '')) * (m[2] ? 1000 : 1) * 100);
    if (!Number.isFinite(cents) || cents <= 0) continue;
    if (m[3]) hourly = Math.min(hourly ?? cents, cents);
    else fixed = Math.min(fixed ?? cents, cents);
  }
  return { fixed, hourly };
}

/** Figures the client's panel cannot show together: refused, so no answer rests on one of them. */
function refuseImpossible(facts: ClientFacts): void {
  if (facts.rating !== undefined && facts.reviews === 0) {
    throw new UserError(
      'rating_without_reviews',
      `A rating of ${facts.rating} with reviews:0 cannot be: a client with no reviews has no rating. Give the number of reviews, or leave the rating out.`,
    );
  }
  if (facts.hireRate !== undefined && facts.hireRate > 0 && facts.jobsPosted === 0) {
    throw new UserError(
      'hire_rate_without_posts',
      `A ${facts.hireRate} % hire rate with jobs_posted:0 cannot be: the hire rate counts hires among posted jobs. Check both figures on the client panel.`,
    );
  }
}

export function checkClient(post: string, facts: ClientFacts): ClientCheck {
  refuseImpossible(facts);
  const flags: Flag[] = [];
  const good: string[] = [];
  const add = (id: FlagId, what: string, why: string, quote?: string) => flags.push({ id, what, why, quote });
  const T = THRESHOLDS;

  const paid = PAID_REVIEWS.map((re) => match(re, post)).find(Boolean);
  if (paid) {
    add(
      'paid-reviews',
      'It pays for reviews or ratings',
      "Paying for reviews breaks Upwork's terms, and the contract title stays on your profile for every client to see; the small fee is not worth it.",
      paid,
    );
  }
  const off = match(OFF_PLATFORM, post);
  if (off) {
    add(
      'off-platform',
      'It moves talk or payment off Upwork',
      "Paid off Upwork, you lose its payment protection, and Upwork's terms forbid it (it can cost you Top Rated for six months).",
      off,
    );
  }

  if (facts.paymentVerified === false) {
    add(
      'payment-unverified',
      'Payment method not verified',
      'Nothing yet shows the client can pay; wait for verification before you start work.',
    );
  } else if (facts.paymentVerified) good.push('payment method verified');
  const posted = facts.jobsPosted;
  if (facts.hireRate !== undefined) {
    if (facts.hireRate === 0 && (posted ?? 1) > 0) {
      add('no-hires', 'No hires yet', 'The client has posted without hiring anyone: your Connects may buy nothing.');
    } else if (facts.hireRate < T.lowHireRate) {
      add(
        'low-hire-rate',
        `Low hire rate (${facts.hireRate} %)`,
        'Most of this client\u2019s posts end without a hire, so your proposal is likely wasted.',
      );
    } else if (facts.hireRate >= T.goodHireRate) good.push(`hires on ${facts.hireRate} % of posts`);
  }
  const spent = facts.spentCents;
  if (spent !== undefined && posted !== undefined && posted >= T.manyPosts && spent < posted * T.lowSpendPerPostCents) {
    add(
      'low-spend',
      'Little spent for many posts',
      'Many posts with little paid out often means a client who shops around for the lowest price.',
    );
  }
  if (spent !== undefined && spent >= T.paysWellCents) good.push('a history of paying well');
  if (facts.rating !== undefined) {
    if (facts.rating < T.lowRating) {
      add(
        'low-rating',
        `Low rating from freelancers (${facts.rating} stars)`,
        'Other freelancers rated working with this client poorly; read their reviews before you bid.',
      );
    } else if (facts.rating >= T.goodRating) good.push(`rated ${facts.rating} stars by freelancers`);
  }

  const wordCount = post.split(/\s+/).filter(Boolean).length;
  const vague = match(VAGUE, post);
  if (vague || wordCount < T.shortPostWords) {
    add(
      'incomplete',
      vague ? 'Incomplete project information' : `Incomplete project information (${wordCount} words)`,
      'Without a clear brief you cannot price the work, and the gaps come back later as disputes.',
      vague,
    );
  }
  const creep = match(SCOPE_CREEP, post);
  if (creep) {
    add('scope-creep', 'Scope creep', 'Open-ended extras turn a fixed price into unpaid work.', creep);
  }
  const quick = match(QUICK, post);
  if (quick) {
    add(
      'quick-and-easy',
      'Sold as quick and easy',
      'Clients who call the work easy tend to under-budget it and push back on time.',
      quick,
    );
  }
  const { fixed, hourly } = amountsIn(post);
  const budgetCents = fixed ?? hourly;
  const rushed = match(RUSHED, post);
  if (rushed && budgetCents !== undefined && budgetCents <= T.rushedBudgetCents) {
    add(
      'rushed',
      'Unrealistic deadline for the budget',
      'A rush at a small budget leaves no room for questions or revisions.',
      rushed,
    );
  }
  const cheap = match(LOW_BUDGET, post);
  const tiny =
    (fixed !== undefined && fixed < T.rockBottomCents) || (hourly !== undefined && hourly < T.rockBottomHourlyCents);
  if (cheap || tiny) {
    add(
      'rock-bottom',
      'Rock-bottom budget',
      'The course finds that clients who pay more tend to be better; a rock-bottom budget tends to bring the most trouble.',
      cheap ?? `$${((fixed ?? hourly ?? 0) / 100).toFixed(2)}`,
    );
  }
  if (!vague && !creep && wordCount >= T.clearPostWords) good.push('a clear, detailed brief');
  return { flags, good };
}
