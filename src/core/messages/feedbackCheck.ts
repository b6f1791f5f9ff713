// Flags wording in a client message that breaks or risks Upwork's feedback rules (FACTS.md §5).
// Heuristic on purpose: each rule looks for the request, offer or contact detail in context, so
// plain mentions ("five-star service", "thanks for the great feedback") pass.
import { type Block, fields } from '../runtime/reply.js';
import { contactDetails, insideQuote, QUOTED_CONTACT, quoteMarks, type Span } from './quotedWords.js';
import {
  ABOUT_FEEDBACK,
  ASKED_BACK,
  CONDITIONED,
  DIRECT_SCORE,
  GIFT,
  LOOKING,
  OFF_PLATFORM,
  OFFER,
  POSSESSIVE,
  PRESSURE,
  RATE_HIGHLY,
  RATING,
  REQUEST,
  REVIEW_BACK,
  SWAP,
  THANKED_FEEDBACK,
  THEN_REWARD,
  URGENT,
  VALUE,
  WISHED_AFTER,
} from './rulePatterns.js';

export type Category = 'rating' | 'incentive' | 'pressure' | 'off-platform' | 'quoted-contact';

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
  /** Inside quote marks the text gives to no one: perhaps the client's words, not said to be. */
  unattributed?: true;
}

export const ADVICE: Record<Category, { problem: string; why: string; better: string }> = {
  rating: {
    problem: 'asks for a rating',
    why: 'Asks for a particular rating (stars, a score such as 5/5, full marks); Upwork allows asking for honest feedback, not for a score.',
    better: 'Ask for honest feedback: "If you have a moment, I would value your honest feedback."',
  },
  incentive: {
    problem: 'trades something for feedback',
    why: 'Ties something of value (a discount, refund, bonus, free work, files, a review in return) to feedback or to changing it, which Upwork treats as feedback manipulation.',
    better:
      'Keep the two apart: settle the work or refund on its own, then ask for honest feedback in a separate message.',
  },
  pressure: {
    problem: 'puts pressure on the client',
    why: 'Puts pressure on the client (begging, urgency, what their feedback does to your score); one calm request is allowed, pressure is not.',
    better: 'Ask once, calmly: "Whenever it suits you, closing the contract would help me. Thank you either way."',
  },
  'off-platform': {
    problem: 'moves off Upwork',
    why: "Before a contract starts, Upwork's Terms of Service forbid sharing contact details (email, phone, messaging apps) and taking talk or payment off Upwork; paying outside it is circumvention (support.upwork.com articles 360052511833 and 360052511133) and costs Top Rated for 6 months.",
    better: 'Keep it on Upwork: "Let\'s keep talking here in Upwork messages, and payment goes through the contract."',
  },
  // Several kinds of details at once; one kind reads as QUOTED_CONTACT says.
  'quoted-contact': {
    problem: "quotes the client's contact details",
    why: "Quoting the client is fine, but an address, number or chat link inside the quote still goes out in your message. Upwork's terms forbid sharing contact details before a contract starts (support.upwork.com article 360052511833); whether Upwork treats a quoted detail any differently is not documented, so it may be flagged all the same.",
    better: 'Leave the details out, or say "your email" or "your number" if you need to name them.',
  },
};

/** Every finding in the text, in reading order; an empty list means nothing was flagged. */
export function checkMessage(text: string): Finding[] {
  const found: (Finding & { end: number })[] = [];
  const marks = quoteMarks(text);
  const quotes = marks.filter((quote) => quote.attributed);
  const unattributed = marks.filter((quote) => !quote.attributed);
  const put = (category: Category, span: Span, advice = ADVICE[category]) => {
    if (found.some((f) => f.category === category && f.index < span.end && span.start < f.end)) return;
    found.push({ category, quote: quoteOf(text, span), index: span.start, end: span.end, ...advice });
  };
  // Words the sender quotes (the client's) are not the sender's request.
  const add = (category: Category, span: Span) => {
    if (!insideQuote(quotes, span)) put(category, span);
  };
  // A sentence-wide finding counts unless every word that made it is inside a quote.
  const said = (sentence: { text: string; start: number }, ...patterns: RegExp[]) =>
    patterns.some((p) => matches(p, sentence.text).some((m) => !insideQuote(quotes, shift(m, sentence.start))));
  const all = sentences(text);
  for (const sentence of all) {
    for (const span of ratingRequests(sentence.text)) add('rating', shift(span, sentence.start));
    if (
      (CONDITIONED.test(sentence.text) || THEN_REWARD.test(sentence.text)) &&
      VALUE.test(sentence.text) &&
      said(sentence, CONDITIONED, THEN_REWARD, VALUE)
    ) {
      add('incentive', trimmed(sentence));
    }
    if (ABOUT_FEEDBACK.test(sentence.text)) {
      for (const span of matches(URGENT, sentence.text)) add('pressure', shift(span, sentence.start));
    }
  }
  // Feedback the writer thanks the client for ("thanks for the feedback on the draft") is not asked for.
  const aboutFeedback =
    found.some((f) => f.category === 'rating') || ABOUT_FEEDBACK.test(text.replace(THANKED_FEEDBACK, ''));
  if (aboutFeedback) {
    const askedBack = ASKED_BACK.test(text);
    for (const sentence of all) {
      if (OFFER.test(sentence.text) && GIFT.test(sentence.text) && said(sentence, OFFER, GIFT)) {
        add('incentive', trimmed(sentence));
      }
      if (askedBack && REVIEW_BACK.test(sentence.text) && said(sentence, REVIEW_BACK)) {
        add('incentive', trimmed(sentence));
      }
    }
  }
  for (const span of matches(SWAP, text)) add('incentive', span);
  for (const pattern of PRESSURE) for (const span of matches(pattern, text)) add('pressure', span);
  const details = contactDetails(text);
  const detail = (d: (typeof details)[number]) =>
    insideQuote(quotes, d)
      ? put('quoted-contact', d, { ...ADVICE['quoted-contact'], ...QUOTED_CONTACT[d.kind] })
      : put('off-platform', d);
  // Links last: an address or number that overlaps the wording around it wins, as it always has.
  for (const d of details) if (d.kind !== 'link') detail(d);
  for (const pattern of OFF_PLATFORM) for (const span of matches(pattern, text)) add('off-platform', span);
  for (const d of details) if (d.kind === 'link') detail(d);
  return found
    .sort((a, b) => a.index - b.index)
    .map(({ end, ...finding }) =>
      insideQuote(unattributed, { start: finding.index, end }) ? { ...finding, unattributed: true } : finding,
    );
}

// A request is looked for in a bounded window around each rating, so a long run of ratings stays linear.
const NEAR = 100;

function ratingRequests(sentence: string): Span[] {
  const spans = [...matches(DIRECT_SCORE, sentence), ...matches(RATE_HIGHLY, sentence)];
  for (const rating of matches(RATING, sentence)) {
    const from = Math.max(0, rating.start - NEAR);
    const window = sentence.slice(from, rating.start);
    // Start the window at a word boundary, so half a word cannot read as a request.
    const cut = from === 0 ? 0 : window.search(/\s/) + 1;
    const before = window.slice(cut);
    if (POSSESSIVE.test(before)) continue;
    const request = matches(REQUEST, before).at(-1);
    const requestEnd = request ? from + cut + request.end : 0;
    if (request && rating.start - requestEnd <= 60 && !LOOKING.test(sentence.slice(requestEnd, rating.start))) {
      spans.push({ start: from + cut + request.start, end: rating.end });
      continue;
    }
    const rest = sentence.slice(rating.end, rating.end + 2 * NEAR);
    const after = WISHED_AFTER.exec(rest);
    if (after && !/^\s*(?:last|before|earlier)/i.test(rest)) {
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

/** The findings by kind, in reading order, each with the advice for the group. */
export function findingsByKind(findings: Finding[]) {
  return [...new Set(findings.map((f) => f.category))].map((category) => {
    const group = findings.filter((f) => f.category === category);
    // One kind of quoted detail gets its own wording ("the client's email address"); several, the common one.
    const advice = new Set(group.map((f) => f.problem)).size === 1 ? (group[0] as Finding) : ADVICE[category];
    return { category, quotes: group.map((f) => `"${f.quote}"`).join(', '), ...pick(advice) };
  });
}

const pick = ({ problem, why, better }: { problem: string; why: string; better: string }) => ({ problem, why, better });

/** "it asks for a rating and moves off Upwork": the kinds found, for a lead sentence. */
export function findingsSummary(findings: Finding[]): string {
  const kinds = [...new Set(findingsByKind(findings).map((k) => k.problem))];
  return kinds.length === 1 ? (kinds[0] ?? '') : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
}

/** One entry per kind: the quoted words and a better wording. */
export function findingsBlocks(findings: Finding[]): Block[] {
  return [fields(findingsByKind(findings).map((k) => [capital(k.problem), `${k.quotes}\nInstead: ${k.better}`]))];
}

/** Why each kind is a problem, for details. */
export function findingsWhy(findings: Finding[]): Block[] {
  return [fields(findingsByKind(findings).map((k) => [`Why: ${k.problem}`, k.why]))];
}
