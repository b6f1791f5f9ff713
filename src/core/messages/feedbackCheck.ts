// Flags wording in a client message that breaks or risks Upwork's feedback rules (FACTS.md §5).
// Heuristic on purpose: each rule looks for the request, offer or contact detail in context, so
// plain mentions ("five-star service", "thanks for the great feedback") pass.
import { type Block, fields } from '../runtime/reply.js';

export type Category = 'rating' | 'incentive' | 'pressure' | 'off-platform';

export interface Finding {
  category: Category;
  /** The words as they appear in the text. */
  quote: string;
  /** A few words naming the problem, for the table. */
  problem: string;
  why: string;
  better: string;
  /** Where the quote starts in the text, so findings read in order. */
  index: number;
}

export const ADVICE: Record<Category, { problem: string; why: string; better: string }> = {
  rating: {
    problem: 'asks for a rating',
    why: 'Asks for a particular rating; Upwork allows asking for honest feedback, not for a score.',
    better: 'Ask for honest feedback: "If you have a moment, I would value your honest feedback."',
  },
  incentive: {
    problem: 'trades something for feedback',
    why: 'Ties something of value (a discount, refund, extra work, files) to feedback, which Upwork treats as feedback manipulation.',
    better:
      'Keep the two apart: settle the work or refund on its own, then ask for honest feedback in a separate message.',
  },
  pressure: {
    problem: 'puts pressure on the client',
    why: 'Puts pressure on the client; one calm request is allowed, urgency and appeals are not.',
    better: 'Ask once, calmly: "Whenever it suits you, closing the contract would help me. Thank you either way."',
  },
  'off-platform': {
    problem: 'moves off Upwork',
    why: 'Moves contact or payment off Upwork, which its terms forbid (and taking payment off the platform costs Top Rated for 6 months).',
    better: 'Keep it on Upwork: "Let\'s keep talking here in Upwork messages, and payment goes through the contract."',
  },
};

interface Span {
  start: number;
  end: number;
}

// Ratings as a score: "5 stars", "4.5 stars", "five-star review", "10/10", "perfect score", "top marks".
// "five-star service" is no score.
const STARS = '(?:[1-5](?:\\.\\d)?|one|two|three|four|five)';
const RATING = new RegExp(
  [
    `${STARS}(?:\\s*|-)(?:stars\\b(?:\\s+(?:reviews?|ratings?|feedback))?|star\\s+(?:reviews?|ratings?|feedback)\\b)`,
    '(?:[1-9]|10|five|ten)\\s*\\/\\s*(?:5|10)\\b',
    '(?:[1-9]|10|five|ten) out of (?:5|five|10|ten)\\b',
    '(?:full|top|high) marks\\b',
    '(?:positive|good|great|glowing|excellent|stellar|perfect|flawless|top|high|highest|max(?:imum)?)\\s+(?:reviews?|feedback|ratings?|scores?|marks)\\b',
  ]
    .map((p) => `\\b${p}`)
    .join('|'),
  'gi',
);
const REQUEST =
  /\b(?:please|pls|leave|give|rate|post|write|drop|send|award|grant|consider|expect|deserve|need|want|hop(?:e|es|ing)|wish|don'?t forget|remember|fingers crossed for|counting on|looking forward to|(?:would|'d)(?:\s+\w+ly)?\s+(?:appreciate|love|like)|be (?:grateful|thankful) for|ask(?:ing)? for|request(?:ing)?|would you|could you|can you|will you)\b/gi;
// The request can follow the rating: "a five-star review would mean a lot", "top marks is all I ask".
const WISHED_AFTER =
  /^[^.!?\n]{0,40}?\b(?:(?:would|will|'d|could)\s+(?:\w+\s+)?(?:mean|help|make|matter|be (?:amazing|great|appreciated|wonderful|lovely|awesome|fantastic|perfect|huge|a big help|so helpful))|is (?:all|what) (?:i|we) (?:ask|need|want|hope))\b[^.!?\n]*/i;
const RATE_HIGHLY = /\brate\s+(?:me|us|my work|this|it|the (?:work|project|job|contract))\s+(?:highly|high|well)\b/gi;
const LOOKING = /\b(?:see|check|read|look|view|browse|find)\b/i;
const POSSESSIVE = /\b(?:my|our|his|her|their|your past|previous|past)\s+(?:\w+\s+)?$/i;
const DIRECT_SCORE =
  /\b(?:rate\s+(?:me|us|my work|this|it|the work)|give\s+(?:me|us))\s+(?:an?\s+)?(?:5|five|10|ten)\b(?:\s*\/\s*(?:5|10)\b|\s*stars?\b)?(?!\s*(?:minutes|hours|days|more))/gi;

const FEEDBACK_ACT = '(?:feedback|reviews?|ratings?|stars|testimonials?)';
const CONDITIONED = new RegExp(
  `(?:\\b(?:if you|once you|after you|when you|as soon as you|until you|unless you|provided you|only if|only after|in exchange for|in return for)|(?<!\\bthanks?\\s|\\bthank you\\s)\\bfor (?:a|an|your|leaving|giving|posting))\\b[^,.;!?\\n]{0,40}\\b${FEEDBACK_ACT}`,
  'i',
);
const THEN_REWARD = new RegExp(
  `\\b(?:leave|give|post|write|update|change|revise|remove|edit)\\b[^,.;!?\\n]{0,30}\\b${FEEDBACK_ACT}\\b[^.;!?\\n]{0,30}\\b(?:and|to) (?:get|receive|i'?ll|i will|you'?ll|you will|we'?ll)\\b`,
  'i',
);
const VALUE =
  /\b(?:discount|\d+\s*%\s*off|refund\w*|money back|bonus|free|extra (?:work|revisions?|hours?|pages?|designs?)|gift(?: card)?|coupon|voucher|cash|tip|pay you|compensat\w*|reward|rebate|source files?|files?|deliverables?|final (?:version|delivery))\b/i;

// An offer in one sentence and the feedback request in another is the same trade, split in two.
const OFFER =
  /\b(?:i'?ll|i will|i can|i'?d|i would|we'?ll|we will|we can|happy to|you'?ll get|you will get|as a thank[- ]you)\b/i;
const GIFT =
  /\b(?:discount|\d+\s*%\s*off|refund\w*|money back|bonus|(?<!feel )free|extra (?:work|revisions?|hours?)|gift(?: card)?|coupon|voucher|cash|tip|reward|rebate)\b/i;

const PRESSURE: RegExp[] = [
  /\b(?:i'?m\s+|i am\s+)?begging\b|\bi beg\b/gi,
  /\byou (?:must|have to|need to|are required to|are obliged to|are obligated to)\s+(?:leave|give|close|rate|write|post|update|change)\b/gi,
  /\b(?:my|our) (?:account|profile|career|livelihood|business|family|income|job)\b[^.!?\n]{0,30}\b(?:depends?|ruined|suspended|banned|destroyed|at stake|on the line)\b/gi,
  /\b(?:i|we)(?:'ll| will)? (?:lose|be losing) (?:my|our) (?:account|job|badge|income|top rated|livelihood|status)\b/gi,
  /\b(?:last chance|or else)\b/gi,
  /\b(?:within|in the next) \d+ (?:hours?|minutes?)\b/gi,
];
// Urgency only counts when it is about feedback or closing.
const URGENT = /\b(?:urgent(?:ly)?|asap|immediately|right now|right away)\b/gi;
const ABOUT_FEEDBACK = /\b(?:feedback|review|rating|stars|close the contract|closing the contract)\b/i;

const OFF_PLATFORM: RegExp[] = [
  /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /(?:\+\d[\d\s().-]{7,}\d|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b)/g,
  /\b(?:whats\s?app|telegram|skype|wechat|viber|signal app|on signal|via signal)\b/gi,
  /\b(?:paypal|venmo|zelle|cash ?app|payoneer|transferwise|western union|moneygram|bitcoin|usdt|crypto(?:currency)?|bank transfer|wire transfer)\b/gi,
  /\bpay(?:ing|ment)?\s+(?:me\s+|us\s+)?(?:directly|direct|outside|off)\b/gi,
  /\b(?:outside|off)\s+(?:of\s+)?(?:the\s+)?(?:upwork|platform|site)\b/gi,
  /\bwork (?:together )?directly\b/gi,
  /\b(?:avoid|skip|save on|dodge) (?:the )?(?:upwork )?fees?\b/gi,
  /\b(?:my|personal) (?:email|e-mail|phone|number|cell|mobile)\b/gi,
  /\b(?:email|e-mail|text|call) me (?:at|on)\b/gi,
];

/** Every finding in the text, in reading order; an empty list means nothing was flagged. */
export function checkMessage(text: string): Finding[] {
  const found: (Finding & { end: number })[] = [];
  const add = (category: Category, span: Span) => {
    if (found.some((f) => f.category === category && f.index < span.end && span.start < f.end)) return;
    found.push({ category, quote: quoteOf(text, span), index: span.start, end: span.end, ...ADVICE[category] });
  };
  for (const sentence of sentences(text)) {
    for (const span of ratingRequests(sentence.text)) add('rating', shift(span, sentence.start));
    if ((CONDITIONED.test(sentence.text) || THEN_REWARD.test(sentence.text)) && VALUE.test(sentence.text)) {
      add('incentive', trimmed(sentence));
    }
    if (ABOUT_FEEDBACK.test(sentence.text)) {
      for (const span of matches(URGENT, sentence.text)) add('pressure', shift(span, sentence.start));
    }
  }
  if (found.some((f) => f.category === 'rating') || ABOUT_FEEDBACK.test(text)) {
    for (const sentence of sentences(text)) {
      if (OFFER.test(sentence.text) && GIFT.test(sentence.text)) add('incentive', trimmed(sentence));
    }
  }
  for (const pattern of PRESSURE) for (const span of matches(pattern, text)) add('pressure', span);
  for (const pattern of OFF_PLATFORM) for (const span of matches(pattern, text)) add('off-platform', span);
  return found.sort((a, b) => a.index - b.index).map(({ end: _end, ...finding }) => finding);
}

function ratingRequests(sentence: string): Span[] {
  const spans = [...matches(DIRECT_SCORE, sentence), ...matches(RATE_HIGHLY, sentence)];
  for (const rating of matches(RATING, sentence)) {
    const before = sentence.slice(0, rating.start);
    if (POSSESSIVE.test(before)) continue;
    const request = matches(REQUEST, before).at(-1);
    if (request && rating.start - request.end <= 60 && !LOOKING.test(sentence.slice(request.end, rating.start))) {
      spans.push({ start: request.start, end: rating.end });
      continue;
    }
    const after = WISHED_AFTER.exec(sentence.slice(rating.end));
    if (after && !/^\s*(?:last|before|earlier)/i.test(sentence.slice(rating.end))) {
      spans.push({ start: rating.start, end: rating.end + after[0].trimEnd().length });
    }
  }
  return spans;
}

function sentences(text: string): { text: string; start: number }[] {
  // A point between digits ("4.5 stars", "$1.50") does not end a sentence.
  return [...text.matchAll(/(?:[^.!?\n]|(?<=\d)\.(?=\d))+[.!?]*/g)].map((m) => ({ text: m[0], start: m.index }));
}

function matches(pattern: RegExp, text: string): Span[] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return [...text.matchAll(global)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function trimmed(sentence: { text: string; start: number }): Span {
  const lead = sentence.text.length - sentence.text.trimStart().length;
  return { start: sentence.start + lead, end: sentence.start + sentence.text.trimEnd().length };
}

const shift = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/** The quoted words, shortened in the middle when a whole long sentence is quoted. */
function quoteOf(text: string, span: Span): string {
  const words = text.slice(span.start, span.end).replace(/\s+/g, ' ');
  return words.length <= 140 ? words : `${words.slice(0, 80)} … ${words.slice(-50)}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "it asks for a rating and moves off Upwork": the kinds found, for a lead sentence. */
export function findingsSummary(findings: Finding[]): string {
  const kinds = [...new Set(findings.map((f) => ADVICE[f.category].problem))];
  return kinds.length === 1 ? (kinds[0] ?? '') : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
}

/** One entry per kind: the quoted words and a better wording. */
export function findingsBlocks(findings: Finding[]): Block[] {
  const kinds = [...new Set(findings.map((f) => f.category))];
  return [
    fields(
      kinds.map((k) => [
        capital(ADVICE[k].problem),
        `${findings
          .filter((f) => f.category === k)
          .map((f) => `"${f.quote}"`)
          .join(', ')}\nInstead: ${ADVICE[k].better}`,
      ]),
    ),
  ];
}

/** Why each kind is a problem, for details. */
export function findingsWhy(findings: Finding[]): Block[] {
  const kinds = [...new Set(findings.map((f) => f.category))];
  return [fields(kinds.map((k) => [`Why: ${ADVICE[k].problem}`, ADVICE[k].why]))];
}
