// Checks a profile overview against the course's five don'ts and its do's with plain, deterministic rules.

import { plural } from '../runtime/format.js';

export type ProfileRule =
  | 'opening'
  | 'repeats'
  | 'resume'
  | 'technical'
  | 'flashy'
  | 'paragraphs'
  | 'client-first'
  | 'invitation'
  | 'length';

/** Every rule in the order the answer lists them, with the label users read. */
export const PROFILE_RULES: readonly { rule: ProfileRule; label: string }[] = [
  { rule: 'opening', label: 'wasted opening line' },
  { rule: 'repeats', label: 'repeats what the client already sees' },
  { rule: 'resume', label: 'reads like a pasted resume' },
  { rule: 'technical', label: 'too technical up front' },
  { rule: 'flashy', label: 'flashy' },
  { rule: 'paragraphs', label: 'long paragraph' },
  { rule: 'client-first', label: 'your history before the client\u2019s need' },
  { rule: 'invitation', label: 'no invitation to get in touch' },
  { rule: 'length', label: 'over the length limit' },
];

export interface ProfileFinding {
  rule: ProfileRule;
  /** "Line 3", "Sentence 2", "Paragraph 1", "The end". */
  where: string;
  quote: string;
  fix: string;
}

export interface ProfileCheck {
  findings: ProfileFinding[];
  /** The line that sells best, quoted back when nothing needs changing. */
  strongest?: string;
  characters: number;
}

/** Upwork shows about this much before "more" (help article 360016252373). */
export const VISIBLE_CHARACTERS = 250;
/** The overview's limit; from a third-party guide, not an Upwork page (see /sources advice). */
export const OVERVIEW_LIMIT = 5_000;
const LONG_PARAGRAPH = 600;
const TECHNICAL_TOKENS = 5;
const QUOTE_MAX = 70;

interface Piece {
  where: string;
  text: string;
  start: number;
}

/** Sentences with their place: "Line n" when the text has lines, else "Sentence n". */
function piecesOf(text: string): Piece[] {
  const lines: { text: string; start: number; line: number }[] = [];
  let offset = 0;
  text.split('\n').forEach((line, i) => {
    if (line.trim()) lines.push({ text: line, start: offset, line: i + 1 });
    offset += line.length + 1;
  });
  const multiLine = lines.length > 1;
  const pieces: Piece[] = [];
  for (const line of lines) {
    let from = 0;
    const cuts = [...line.text.matchAll(/(?<=[.!?])\s+(?=\S)/g)].map((m) => [m.index, m.index + m[0].length]);
    for (const [end, next] of [...cuts, [line.text.length, line.text.length]]) {
      const sentence = line.text.slice(from, end).trim();
      if (sentence) {
        const where = multiLine ? `Line ${line.line}` : `Sentence ${pieces.length + 1}`;
        pieces.push({ where, text: sentence, start: line.start + from });
      }
      from = next ?? end ?? from;
    }
  }
  return pieces;
}

const quoteOf = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX - 1)}…` : flat;
};

const OPENING = [
  /^(hello|hi|hey|greetings|good (morning|afternoon|day))\b/i,
  /\bmy name is\b/i,
  /^(i am|i['’]m)\s+(a|an)\b/i,
  /^welcome to my (profile|page)/i,
  /^thank(s| you) for (visiting|viewing|stopping|checking|looking)/i,
  /^(about me|introduction)\b/i,
];

const SEEN = [
  /\btop[- ]rated( plus)?\b|\brising talent\b|\bexpert[- ]vetted\b|\bbadges?\b/i,
  /\bjob success( score)?\b|\bjss\b|\b\d{2,3}\s?% (success|satisfaction)/i,
  /\$\s?\d[\d,.]*(?:\s*[km])?\+?\s+(earned|in earnings)|\bearned (over |more than )?\$\s?\d/i,
  /\b\d+\+?\s+(five|5)[- ]star\b|\b\d+\+?\s+(positive |great |happy )?(reviews|clients served)\b/i,
];

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+';
const DATE_RANGE = new RegExp(
  `\\b(?:${MONTH})?(?:19|20)\\d{2}\\s*(?:-|–|—|to|until)\\s*(?:${MONTH})?(?:(?:19|20)\\d{2}|present|now|current|today)\\b`,
  'i',
);
const TITLES =
  'developer|engineer|designer|manager|consultant|director|analyst|specialist|assistant|intern|architect|accountant|editor|writer|administrator|officer|coordinator|lead|head|programmer|founder';
const TITLE_AT_EMPLOYER = new RegExp(`\\b(?:${TITLES})\\s+(?:at|@)\\s+[A-Z]`, 'i');
/** "Experience: 2015-2019 ..." a CV heading that opens a line of entries. */
const CV_LEAD =
  /^(?:work experience|professional experience|experience|employment(?: history)?|career(?: history)?)\s*:\s*\S/i;
const CV_HEADING =
  /^(work experience|professional experience|experience|employment( history)?|education|responsibilities|duties|references|objective|career summary|certifications)\s*(?::\s*)?$/i;

const DATE_RANGES = new RegExp(DATE_RANGE.source, 'gi');
const TITLES_AT_EMPLOYER = new RegExp(TITLE_AT_EMPLOYER.source, 'gi');

/** Dated ranges and "title at Employer" entries in one sentence, the larger count. */
function cvEntries(text: string): number {
  return Math.max((text.match(DATE_RANGES) ?? []).length, (text.match(TITLES_AT_EMPLOYER) ?? []).length);
}

// Capitalised acronyms that are words of the trade, not shouting.
const ACRONYMS = new Set(
  'API APIS AWS CSS HTML JSON REST SQL SEO SEM UX UI PHP CRM ERP PDF CEO CTO CFO B2B B2C ETL GCP SDK CMS QA PPC SMS KPI ROI USA UK US EU FAQ HR IT AI ML NLP LLM GPT CI CD DNS SSL HTTP HTTPS XML YAML JWT OAUTH GDPR HIPAA MVP SAAS SQL NOSQL GRAPHQL AJAX JIRA NASA CPA IRS VAT LLC MBA PHD MSC BSC ISO ADA WCAG DTC CRO CTR CPC CPM GA4 SSR SPA PWA TV'.split(
    ' ',
  ),
);
const SHOUTS = new Set(
  'BEST FAST FREE HIRE GOOD WORK HELP MUST ONLY VERY JUST LOVE WILL YOUR THIS HAVE HUGE COOL'.split(' '),
);

const words = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}.#+]*[\p{L}\p{N}#+]|[\p{L}\p{N}]/gu) ?? [];

function isShouting(word: string): boolean {
  if (!/^[A-Z]{4,}$/.test(word) || ACRONYMS.has(word)) return false;
  return word.length >= 5 || SHOUTS.has(word);
}

/** Acronyms, dotted or hashed tool names (Node.js, C#), inner capitals (JavaScript), letters with digits (EC2). */
function isTechnical(word: string): boolean {
  if (/^([a-z]\.)+[a-z]$/i.test(word)) return false; // e.g, i.e, U.S
  if (ACRONYMS.has(word.toUpperCase()) && /[A-Z]{2}/.test(word)) return true;
  if (/^[A-Z]{2,4}$/.test(word) && !SHOUTS.has(word)) return true;
  if (/\w[.#+]|[#+]$/.test(word)) return true;
  if (/^[A-Za-z]*[a-z][A-Z]/.test(word)) return true;
  return /\d/.test(word) && /[A-Za-z]/.test(word) && !/^\d+(st|nd|rd|th|x|k|s|h|am|pm|m)$/i.test(word);
}

const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
const DECORATION = /[★☆✓✔✅✨►▶◆◇■□♦➡➤]/g;

/** The flashy things in one sentence, described; empty when it is calm. */
function flashyIn(text: string): string[] {
  const found: string[] = [];
  const loud = words(text).filter(isShouting);
  if (loud.length > 0) found.push(`capitals (${loud.slice(0, 3).join(', ')})`);
  const runs = text.match(/([!?*~=#_>$-])\1{2,}|[!?]*\?![!?]*|!!+/g) ?? [];
  if (runs.length > 0) found.push(`creative punctuation (${[...new Set(runs)].slice(0, 3).join(' ')})`);
  const symbols = [...(text.match(PICTOGRAPH) ?? []), ...(text.match(DECORATION) ?? [])];
  if (symbols.length >= 2) found.push(`emoji or symbols (${symbols.slice(0, 4).join('')})`);
  return found;
}

const INVITATION =
  /\b(get in touch|message me|send me|contact me|reach out|let['’]s (talk|chat|discuss)|drop me|invite me|tell me about|hear (about|from) you|book a call|schedule a call|happy to (chat|talk|discuss|help)|write to me|click|ping me|let me know|feel free to|look(ing)? forward to|get started|how I can help|send (over|a message)|contact)\b/i;
const YOU = /\b(you|your|you['’]re|yours)\b/gi;
const ME = /\b(I|my|me|I['’]m|I['’]ve)\b/g;
const RESULT =
  /\b(helped|grew|cut|saved|increased|reduced|built|launched|delivered|doubled|tripled|won|shipped|raised)\b/gi;

function paragraphsOf(text: string): string[] {
  // Blank lines part paragraphs; text without any is read one line per paragraph.
  const splitter = /\n\s*\n/.test(text) ? /\n\s*\n/ : /\n/;
  return text
    .split(splitter)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function checkOverview(overview: string): ProfileCheck {
  const text = overview.replace(/\r\n?/g, '\n').trim();
  const pieces = piecesOf(text);
  const findings: ProfileFinding[] = [];
  const add = (rule: ProfileRule, where: string, quote: string, fix: string) =>
    findings.push({ rule, where, quote: quoteOf(quote), fix });
  const first = pieces[0];

  if (first && OPENING.some((re) => re.test(first.text))) {
    add(
      'opening',
      first.where,
      first.text,
      'open with the problem you solve for the client; your name is already on the page.',
    );
  }
  for (const p of pieces) {
    if (SEEN.some((re) => re.test(p.text))) {
      add(
        'repeats',
        p.where,
        p.text,
        'drop it: badges, JSS, earnings and review counts sit at the top of your profile.',
      );
    }
  }
  // An opening quote ends a failed try, so each try reads only up to the next quote mark.
  const quotes = [...text.matchAll(/["“][^"“”]{20,}["”]/g)];
  const second = quotes[1];
  if (second) {
    const at = [...pieces].reverse().find((p) => p.start <= (second.index ?? 0)) ?? first;
    add(
      'repeats',
      at?.where ?? 'Line 1',
      second[0],
      `keep one review quote of ${quotes.length}; clients read the rest in your reviews.`,
    );
  }
  const isCv = (p: Piece) => DATE_RANGE.test(p.text) || TITLE_AT_EMPLOYER.test(p.text) || CV_HEADING.test(p.text);
  const cv = pieces.filter((p) => isCv(p) || CV_LEAD.test(p.text));
  const cvFirst = cv[0];
  // Entries pasted on one line still count one by one: two dated roles are a resume, not a sentence.
  const entries = cv.reduce((n, p) => n + cvEntries(p.text), 0);
  if (cvFirst && (cv.length >= 2 || entries >= 2 || CV_HEADING.test(cvFirst.text) || CV_LEAD.test(cvFirst.text))) {
    add(
      'resume',
      cvFirst.where,
      cvFirst.text,
      `${cv.length > 1 ? `this and ${plural(cv.length - 1, 'more line')} read like a CV; ` : ''}tell what you did for clients instead; the employment section holds the dates.`,
    );
  }
  const opening = text.slice(0, VISIBLE_CHARACTERS);
  const technical = words(opening).filter(isTechnical);
  if (first && technical.length >= TECHNICAL_TOKENS) {
    add(
      'technical',
      'Opening',
      technical.slice(0, 6).join(', '),
      `${technical.length} acronyms or tool names in the first ${VISIBLE_CHARACTERS} characters; say what you do for the client first, tools later.`,
    );
  }
  for (const p of pieces) {
    const found = flashyIn(p.text);
    if (found.length > 0) add('flashy', p.where, p.text, `calm it down: ${found.join('; ')}.`);
  }
  const exclamations = (text.match(/!/g) ?? []).length;
  if (exclamations >= 2 && !findings.some((f) => f.rule === 'flashy' && f.fix.includes('punctuation'))) {
    const at = pieces.find((p) => p.text.includes('!')) ?? first;
    add('flashy', at?.where ?? 'Line 1', at?.text ?? '', `${exclamations} exclamation marks; keep at most one.`);
  }

  const paragraphs = paragraphsOf(text);
  const oneBlock = paragraphs.length === 1 && text.length > LONG_PARAGRAPH;
  paragraphs.forEach((p, i) => {
    if (p.length > LONG_PARAGRAPH) {
      const why = oneBlock ? 'it is all one block' : `paragraph ${i + 1} is ${p.length} characters`;
      add(
        'paragraphs',
        `Paragraph ${i + 1}`,
        p,
        `${why}; clients scan, so split it into short paragraphs that each make one point.`,
      );
    }
  });
  const lead = paragraphs.length > 1 ? (paragraphs[0] ?? '') : opening;
  if ((lead.match(YOU) ?? []).length === 0 && (lead.match(ME) ?? []).length >= 2) {
    add(
      'client-first',
      'Paragraph 1',
      lead,
      'start with what the client needs and how you help; your history can follow.',
    );
  }
  const lastParagraph = paragraphs.at(-1) ?? '';
  const ending =
    paragraphs.length > 1
      ? lastParagraph
      : pieces
          .slice(-2)
          .map((p) => p.text)
          .join(' ');
  if (!INVITATION.test(ending)) {
    add(
      'invitation',
      'The end',
      pieces.at(-1)?.text ?? '',
      'end with a friendly invitation to get in touch, e.g. to send you their project.',
    );
  }
  if (text.length > OVERVIEW_LIMIT) {
    add(
      'length',
      'Whole text',
      `${text.length} characters`,
      `cut it below ${OVERVIEW_LIMIT.toLocaleString('en-US')} characters.`,
    );
  }
  return { findings, strongest: strongestLine(pieces, findings), characters: text.length };
}

/** The sentence that speaks to the client with a concrete result; earliest wins a tie. */
function strongestLine(pieces: Piece[], findings: ProfileFinding[]): string | undefined {
  const flagged = new Set(findings.map((f) => f.where));
  let best: { text: string; score: number } | undefined;
  for (const p of pieces) {
    if (flagged.has(p.where) || p.text.length < 30 || p.text.length > 220) continue;
    const score =
      (p.text.match(YOU) ?? []).length +
      2 * (p.text.match(RESULT) ?? []).length +
      2 * (/\d|\b(half|third|twice|double)\b/i.test(p.text) ? 1 : 0);
    if (!best || score > best.score) best = { text: p.text, score };
  }
  return best?.text;
}
