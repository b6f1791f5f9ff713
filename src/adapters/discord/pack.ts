// An answer's embeds spread over as many messages as Discord's limits need (10 embeds and 6,000
// characters a message), instead of cutting it: the rest of a long answer follows in further messages.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { clip } from './components.js';

/** Discord's per-message limits on embeds, from its API reference. */
const LIMITS = { embeds: 10, total: 6000 };
/** Past this many messages the answer is cut (the footer says so): a chat is no place for a book. */
export const MAX_MESSAGES = 5;
const SHORTENED = `(shortened: the rest did not fit in ${MAX_MESSAGES} Discord messages)`;
/** Room kept in every message for the footer, so it fits on whichever message ends up last. */
const FOOTER_ROOM = 1800;
/** What the embeds of one message may hold besides the footer: more than a whole description (4,096). */
const BUDGET = LIMITS.total - FOOTER_ROOM;

const fieldSize = (f: APIEmbedField) => f.name.length + f.value.length;
const embedSize = (e: APIEmbed) =>
  (e.title ?? '').length + (e.description ?? '').length + (e.fields ?? []).reduce((n, f) => n + fieldSize(f), 0);

/** The embeds in messages, each within the limits, the footer on the last embed of the last one. */
export function packEmbeds(embeds: readonly APIEmbed[], footer: string, colour: number): APIEmbed[][] {
  const messages: APIEmbed[][] = [[]];
  let used = 0;
  const add = (embed: APIEmbed) => {
    const size = embedSize(embed);
    const current = messages.at(-1) as APIEmbed[];
    if (current.length > 0 && (current.length === LIMITS.embeds || used + size > BUDGET)) {
      messages.push([embed]);
      used = size;
    } else {
      current.push(embed);
      used += size;
    }
  };
  for (const embed of embeds) {
    if (embedSize(embed) <= BUDGET) add(embed);
    else splitFields(embed).forEach(add);
  }
  const cut = messages.length > MAX_MESSAGES;
  if (cut) messages.splice(MAX_MESSAGES);
  const text = [clip(footer, FOOTER_ROOM - SHORTENED.length - 1), cut ? SHORTENED : ''].filter(Boolean).join('\n');
  const last = messages.at(-1) as APIEmbed[];
  const end = last.at(-1);
  if (text && end) end.footer = { text };
  else if (text) last.push({ color: colour, footer: { text } });
  return messages.filter((m) => m.length > 0);
}

/** An embed with more in its fields than one message holds: its description, then its fields in parts. */
function splitFields(embed: APIEmbed): APIEmbed[] {
  const parts: APIEmbed[] = embed.description ? [{ color: embed.color, description: embed.description }] : [];
  let fields: APIEmbedField[] = [];
  let size = 0;
  for (const field of embed.fields ?? []) {
    if (fields.length > 0 && size + fieldSize(field) > BUDGET) {
      parts.push({ color: embed.color, fields });
      fields = [];
      size = 0;
    }
    fields.push(field);
    size += fieldSize(field);
  }
  if (fields.length > 0) parts.push({ color: embed.color, fields });
  return parts;
}
