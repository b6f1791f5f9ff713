// Words in quotation marks that the message gives to the client ("you asked", "the client wrote"):
// the client's words quoted back, which are not the sender asking for anything. Only a contact detail
// inside such a quote still counts, since it is sent all the same. Other quoted words are the sender's.
import { CHAT_LINK, EMAIL, isContactDomain, PHONE } from './rulePatterns.js';

export interface Span {
  start: number;
  end: number;
}

// A closed pair of straight or curly double quotes on one line, at most 300 characters, the opening
// mark before a word and the closing one after a word. Single quotes are left out: an apostrophe
// ("clients' files") can close them. Each attempt stops at the next mark or line end, so it stays linear.
const QUOTED = /(?<!\w)"(?=\S)([^"\n]{1,300})(?<=\S)"(?!\w)|\u201c(?=\S)([^\u201c\u201d\n]{1,300})(?<=\S)\u201d/g;

// Who said it and how. "I said" and "we wrote" are the sender quoting themselves, so they are not here.
const WHO =
  '(?:you|they|he|she|(?:the|your|my) (?:client|buyer|customer)|(?:your|the|their) (?:message|note|email|e-mail|brief|job post|post|reply|text|comment|question|request))';
const SAID =
  '(?:asked|said|wrote|mentioned|sent|noted|requested|replied|messaged|typed|suggested|asks|says|writes|mentions|reads)';
const SAYS = `(?:'ve |'d |\\s(?:also|just|then|once|earlier|already|have|had|did)\\s|\\s)${SAID}`;
// Just before the opening mark: "you asked", "the client wrote me:", "as you put it,", "in your words".
const BEFORE = new RegExp(
  `(?:\\b${WHO}${SAYS}(?:\\s(?:me|us|earlier|before|yesterday|today|above|that))?|\\bas ${WHO} put it|\\bin (?:your|their|the client's) (?:own )?words|\\bquoting you|\\bto quote you)\\s?[:,\u2013\u2014-]?\\s*$`,
  'i',
);
// A name asking ("Sam asked"), capitalised, so "please said" cannot be one; "We" and "Also" are not names.
const NOT_NAMES = '(?:We|Me|My|Our|Us|Also|Just|Then|Once|Already|Again|Earlier|Who)';
const NAMED_BEFORE = new RegExp(`(?<![\\p{L}'])(?!${NOT_NAMES}\\b)\\p{Lu}\\p{Ll}+${SAYS}[:,]?\\s*$`, 'u');
// Just after the closing mark: ", you said", "the client wrote", "(your words)".
const AFTER = new RegExp(
  `^\\s?[,(\u2013\u2014-]?\\s?(?:${WHO}${SAYS}|as ${WHO} (?:${SAID}|put it)|(?:were )?your (?:own )?words)\\b`,
  'i',
);
const NAMED_AFTER = new RegExp(`^\\s?[,\u2013\u2014-]?\\s?(?!${NOT_NAMES}\\b)\\p{Lu}\\p{Ll}+${SAYS}\\b`, 'u');
// How far from a mark an attribution may be; with it every test reads a bounded window, so it stays linear.
const REACH = 60;

/**
 * Every quotation of two or more words (inside the marks), in order, and whether the text attributes it
 * just before or just after. A one-word quote is emphasis, not a quotation.
 */
export function quoteMarks(text: string): (Span & { attributed: boolean })[] {
  const found = [...text.matchAll(QUOTED)].map((m) => ({
    open: m.index,
    close: m.index + m[0].length,
    words: m[1] ?? m[2] ?? '',
  }));
  // Each window stops at the quote before or after it, so no attribution is read across another quote.
  return found
    .map(({ open, close, words }, i) => {
      const before = text.slice(Math.max(found[i - 1]?.close ?? 0, open - REACH), open);
      const after = text.slice(close, Math.min(found[i + 1]?.open ?? text.length, close + REACH));
      const attributed =
        BEFORE.test(before) || NAMED_BEFORE.test(before) || AFTER.test(after) || NAMED_AFTER.test(after);
      return { start: open + 1, end: open + 1 + words.length, attributed, words };
    })
    .filter(({ words }) => /\s/.test(words))
    .map(({ words: _words, ...quote }) => quote);
}

/** Whether the span lies wholly inside one of the quotations (sorted, apart), by binary search. */
export function insideQuote(quotes: Span[], span: Span): boolean {
  let low = 0;
  let high = quotes.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const quote = quotes[middle] as Span;
    if (quote.end <= span.start) low = middle + 1;
    else if (quote.start > span.start) high = middle - 1;
    else return span.end <= quote.end;
  }
  return false;
}

export type ContactKind = 'email' | 'phone' | 'link';

/** The literal contact details in the text (addresses, phone numbers, chat-app links), in pattern order. */
export function contactDetails(text: string): (Span & { kind: ContactKind })[] {
  const found: (Span & { kind: ContactKind })[] = [];
  for (const m of text.matchAll(EMAIL)) {
    if (isContactDomain(m[1] ?? '')) found.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(PHONE)) found.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(CHAT_LINK)) found.push({ kind: 'link', start: m.index, end: m.index + m[0].length });
  return found;
}

/** What to say about a contact detail found inside a quote, by kind. */
export const QUOTED_CONTACT: Record<ContactKind, { problem: string; better: string }> = {
  email: {
    problem: "quotes the client's email address",
    better: 'Leave the address out, or say "your email" if you need to name it.',
  },
  phone: {
    problem: "quotes the client's phone number",
    better: 'Leave the number out, or say "your number" if you need to name it.',
  },
  link: {
    problem: "quotes the client's chat link",
    better: 'Leave the link out, or say "your link" if you need to name it.',
  },
};
