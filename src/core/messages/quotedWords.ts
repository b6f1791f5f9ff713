// Words in quotation marks: the client's words quoted back in a reply, which are not the sender asking
// for anything. Only a contact detail inside a quote still counts, since it is sent all the same.
import { CHAT_LINK, EMAIL, isContactDomain, PHONE } from './rulePatterns.js';

export interface Span {
  start: number;
  end: number;
}

// A closed pair of straight or curly double quotes on one line, at most 300 characters, the opening
// mark before a word and the closing one after a word. Single quotes are left out: an apostrophe
// ("clients' files") can close them. Each attempt stops at the next mark or line end, so it stays linear.
const QUOTED = /(?<!\w)"(?=\S)([^"\n]{1,300})(?<=\S)"(?!\w)|\u201c(?=\S)([^\u201c\u201d\n]{1,300})(?<=\S)\u201d/g;

/**
 * Where the quoted words are (inside the marks), in order. A one-word quote is emphasis, not a quotation,
 * and a message that is nothing but quotes is the sender's own.
 */
export function quotations(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const words = m[1] ?? m[2] ?? '';
    if (/\s/.test(words)) spans.push({ start: m.index + 1, end: m.index + 1 + words.length });
  }
  let outside = '';
  let from = 0;
  for (const span of spans) {
    outside += text.slice(from, span.start);
    from = span.end;
  }
  outside += text.slice(from);
  return /[\p{L}\p{N}]/u.test(outside) ? spans : [];
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
