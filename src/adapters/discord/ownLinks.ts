// gigdesk's own source links (the fee pages /sources and /fees cite) stay live links on Discord; the
// escaping that keeps a user's web address from turning into a link (./markup.ts) is undone for them alone.
import { FEE_RULES, MONEY_SOURCES } from '../../core/fees/rules.js';
import { plainMarkdown } from './markup.js';

const LINK = /https:\/\/[^\s;,()"]+/g;

const OWN = [
  ...new Set(
    [...FEE_RULES.flatMap((r) => r.sources), ...MONEY_SOURCES.map((m) => m.source)].flatMap((t) => t.match(LINK) ?? []),
  ),
].map((url) => ({ url, escaped: plainMarkdown(url) }));

/** Escaped text with gigdesk's own links as links again. */
export function ownLinksLive(escaped: string): string {
  if (!escaped.includes('\\://')) return escaped;
  return OWN.reduce((text, link) => text.split(link.escaped).join(link.url), escaped);
}
