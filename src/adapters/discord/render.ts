// Reply -> Discord message payload: embeds within Discord's limits, ephemeral unless shared, no pings.
import { type APIEmbed, MessageFlags } from 'discord.js';
import { type Block, fitTable, MONO_WIDTH, type Reply } from '../../core/runtime/reply.js';
import type { Outcome } from '../../core/runtime/run.js';
import { type ButtonRow, buttonRows, clip, filesOf, plainContent } from './components.js';
import { plainMarkdown } from './markup.js';
import { ownLinksLive } from './ownLinks.js';
import { packEmbeds } from './pack.js';
import { forDiscord } from './wording.js';

/** Discord's embed limits (characters), from its API reference. */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  content: 2000,
  fields: 25,
  footer: 2048,
  total: 6000,
  embeds: 10,
};

export interface DiscordPayload {
  /** The lead: the answer sentence, first in the message and in the notification. */
  content: string;
  embeds: APIEmbed[];
  components?: ButtonRow[];
  files?: ReturnType<typeof filesOf>;
  /** Ephemeral unless shared; SuppressEmbeds on a copy-ready message, so a link in it does not unfurl. */
  flags?: number;
  allowedMentions: { parse: [] };
}

/** The embed's side colour tells at a glance whether the answer is a result or a problem. */
export const OUTCOME_COLOURS: Record<Outcome, number> = {
  ok: 0x2f7d6d,
  user_error: 0xc08a1e,
  storage_unavailable: 0xc08a1e,
  internal_error: 0xb33a3a,
};
const BLANK = '\u200b';

/** A piece of the answer: a labelled field, or text for a description; `code` wraps it in a code block. */
interface Piece {
  label?: string;
  text: string;
  code?: boolean;
  inline?: boolean;
}

/** The lead is the message's first line (what a notification shows); the rest goes in an embed. */
export function renderDiscord(reply: Reply, outcome: Outcome = 'ok'): DiscordPayload {
  return renderDiscordMessages(reply, outcome)[0];
}

/** The answer, then the rest of an answer too long for one message, each message as private as the answer. */
export function renderDiscordMessages(reply: Reply, outcome: Outcome = 'ok'): [DiscordPayload, ...DiscordPayload[]] {
  const [embeds = [], ...more] = reply.plain ? [] : embedsOf(reply, outcome);
  const payload = reply.plain
    ? { content: plainContent(reply), embeds: [] }
    : { content: clip(plain(forDiscord(reply.lead)), EMBED_LIMITS.content) || BLANK, embeds };
  const components = buttonRows(reply.actions);
  const ephemeral = reply.visibility === 'private' ? MessageFlags.Ephemeral : 0;
  const flags = ephemeral | (reply.plain ? MessageFlags.SuppressEmbeds : 0);
  const mentions = { allowedMentions: { parse: [] as [] } };
  return [
    {
      ...payload,
      ...(components.length > 0 ? { components } : {}),
      ...(reply.attachments.length > 0 ? { files: filesOf(reply.attachments) } : {}),
      ...(flags ? { flags } : {}),
      ...mentions,
    },
    ...more.map((rest) => ({ content: '', embeds: rest, ...(ephemeral ? { flags: ephemeral } : {}), ...mentions })),
  ];
}

function embedsOf(reply: Reply, outcome: Outcome): APIEmbed[][] {
  const colour = OUTCOME_COLOURS[outcome];
  const embeds: APIEmbed[] = [{ color: colour }];
  for (const piece of reply.blocks.flatMap(toPieces)) place(embeds, piece, colour);
  const filled = embeds.filter((e) => e.description || e.fields?.length);
  return packEmbeds(filled, forDiscord(reply.footer.join('\n')), colour);
}

function toPieces(block: Block): Piece[] {
  switch (block.type) {
    case 'text':
      return [{ text: plain(forDiscord(block.text)) }];
    case 'fields': {
      const inline = block.fields.length > 1 && block.fields.every((f) => f.value.length <= 40 && f.label.length <= 40);
      return block.fields.map((f) => ({ label: plain(forDiscord(f.label)), text: plain(forDiscord(f.value)), inline }));
    }
    case 'table':
      return toPieces(fitTable(block.columns, block.rows));
    case 'pre':
      return [{ text: block.text, code: true }];
    case 'copy': {
      // A message that fits stays in a code block; longer lines would need wrapping, so it is quoted prose.
      const label = block.label ?? 'Ready to copy';
      if (fitsMono(block.text)) return [{ label, text: block.text, code: true }];
      return [{ label, text: plain(block.text).replace(/^/gm, '> ') }];
    }
  }
}

/** Text goes to the description until fields start, then into blank-named fields; long text into new embeds. */
function place(embeds: APIEmbed[], piece: Piece, colour: number): void {
  const current = embeds.at(-1) as APIEmbed;
  const fields = current.fields ?? [];
  const name = clip(piece.label ?? BLANK, EMBED_LIMITS.fieldName);
  const value = wrap(piece.text, piece.code);
  const joined = current.description ? `${current.description}\n\n${value}` : value;
  const last = fields.at(-1);
  const continued = last ? `${last.value}\n\n${value}` : '';
  if (piece.label === undefined && last?.name === BLANK && continued.length <= EMBED_LIMITS.fieldValue) {
    last.value = continued; // consecutive paragraphs after the fields share one unlabelled field
  } else if (piece.label === undefined && fields.length === 0 && joined.length <= EMBED_LIMITS.description) {
    current.description = joined;
  } else if (value.length <= EMBED_LIMITS.fieldValue) {
    const entry = piece.inline ? { name, value, inline: true } : { name, value };
    if (fields.length < EMBED_LIMITS.fields) current.fields = [...fields, entry];
    else embeds.push({ color: colour, fields: [entry] });
  } else {
    const heading = piece.label === undefined ? '' : `**${name}**\n`;
    const chunks = splitLines(piece.text, EMBED_LIMITS.description - heading.length - 16);
    for (const [i, chunk] of chunks.entries()) {
      embeds.push({ color: colour, description: (i === 0 ? heading : '') + wrap(chunk, piece.code) });
    }
  }
}

/** Reply text is plain, so markdown in it (often typed by users: templates, names) shows as typed; gigdesk's own links stay links. */
const plain = (text: string) => ownLinksLive(plainMarkdown(text));

/** Code blocks keep tables aligned and give copy-ready messages Discord's copy button. */
function wrap(text: string, code?: boolean): string {
  if (!code) return text || BLANK;
  // A fence inside the text would end the block early; a zero-width space breaks it up.
  return `\`\`\`\n${text.replace(/`{3,}/g, (run) => [...run].join(BLANK))}\n\`\`\``;
}

const fitsMono = (text: string) => text.split('\n').every((line) => line.length <= MONO_WIDTH);

/** Splits text into pieces of at most `max` characters, at line breaks where possible. */
export function splitLines(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (let rest = line; ; ) {
      const candidate = current ? `${current}\n${rest}` : rest;
      if (candidate.length <= max) {
        current = candidate;
        break;
      }
      if (current) {
        chunks.push(current);
        current = '';
        continue;
      }
      chunks.push(rest.slice(0, max));
      rest = rest.slice(max);
      if (!rest) break;
    }
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}
