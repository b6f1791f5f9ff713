// Reply -> Block Kit messages within Slack's size limits; every string is escaped so no reply can ping anyone.
import type { types } from '@slack/bolt';
import { type Block, fitTable, MONO_WIDTH, type Reply } from '../../core/runtime/reply.js';
import { actionsBlocks } from './actions.js';

export const SLACK_LIMITS = {
  header: 150,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextElements: 10,
  blocksPerMessage: 50,
  /** Slack's cap on a message's text, applied to the blocks' estimated JSON size, to stay clear of "msg_too_long". */
  charsPerMessage: 40_000,
  /** A response_url takes 5 messages; the ack body plus respond() stays within that. */
  messages: 5,
} as const;

export type SlackBlock = types.KnownBlock;

export interface SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
  /** Fallback for notifications and screen readers. */
  text: string;
  blocks: SlackBlock[];
}

/** Slack reads only these three as control characters; escaping them defuses <!channel>, <@U…> and links. */
export function escapeSlack(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ENTITIES[c] ?? c) : value;
}

const SPECIAL = /[&<>]/;
const SPECIALS = /[&<>]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Slack sends typed text with the same three escaped; the parser wants what the user typed. */
export function unescapeSlack(value: string): string {
  return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Where to cut escaped text at most `max` long without splitting an entity or a surrogate pair. */
function safeCut(value: string, max: number): number {
  let cut = max;
  const amp = value.lastIndexOf('&', cut - 1);
  if (amp > cut - 5 && value.indexOf(';', amp) >= cut) cut = amp;
  const code = value.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

/** Shortens escaped text to `max` characters, marking the cut with an ellipsis. */
export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, safeCut(value, max - 1))}…`;
}

/** Splits escaped text into pieces of at most `max` characters, at line breaks where it can. */
export function splitEscaped(value: string, max: number): string[] {
  if (value.length <= max) return value ? [value] : [];
  const pieces: string[] = [];
  let current = '';
  for (const line of value.split('\n')) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    if (current) pieces.push(current);
    let rest = line;
    while (rest.length > max) {
      const cut = safeCut(rest, max);
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) pieces.push(current);
  return pieces;
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(text) });

/** Monospace content in mrkdwn code fences, one section per 3000 characters. */
function codeSections(raw: string): SlackBlock[] {
  const fence = '```';
  const room = SLACK_LIMITS.sectionText - 2 * (fence.length + 1);
  return splitEscaped(escapeSlack(raw), room).map((piece) => section(`${fence}\n${piece}\n${fence}`));
}

function renderBlock(block: Block): SlackBlock[] {
  switch (block.type) {
    case 'text':
      return splitEscaped(escapeSlack(block.text), SLACK_LIMITS.sectionText).map(section);
    case 'fields': {
      const texts = block.fields.map((f) =>
        clip(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, SLACK_LIMITS.fieldText),
      );
      const sections: SlackBlock[] = [];
      for (let i = 0; i < texts.length; i += SLACK_LIMITS.fieldsPerSection) {
        sections.push({ type: 'section', fields: texts.slice(i, i + SLACK_LIMITS.fieldsPerSection).map(mrkdwn) });
      }
      return sections;
    }
    case 'table':
      return renderBlock(fitTable(block.columns, block.rows));
    case 'pre':
      return codeSections(block.text);
    case 'copy': {
      const label = section(clip(`*${escapeSlack(block.label ?? 'Ready to copy:')}*`, SLACK_LIMITS.sectionText));
      // A message that fits stays monospace; longer lines stay prose, which Slack wraps.
      const fits = block.text.split('\n').every((line) => line.length <= MONO_WIDTH);
      return [label, ...(fits ? codeSections(block.text) : renderBlock({ type: 'text', text: block.text }))];
    }
  }
}

function footerBlocks(lines: string[]): SlackBlock[] {
  const elements = lines.map((line) => mrkdwn(clip(escapeSlack(line), SLACK_LIMITS.sectionText)));
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < elements.length; i += SLACK_LIMITS.contextElements) {
    blocks.push({ type: 'context', elements: elements.slice(i, i + SLACK_LIMITS.contextElements) });
  }
  return blocks;
}

/** One Reply as one or more Slack messages; the lead is the first section and the notification text. */
export function renderSlack(reply: Reply): SlackMessage[] {
  const title = escapeSlack(reply.lead);
  // A copy-ready message goes out as plain text alone, so a long-press copies just the message.
  const content = reply.plain
    ? renderBlock({ type: 'text', text: reply.lead })
    : [
        section(clip(title, SLACK_LIMITS.sectionText)),
        ...reply.blocks.flatMap(renderBlock),
        ...footerBlocks(reply.footer),
      ];
  const response_type = reply.visibility === 'public' ? 'in_channel' : 'ephemeral';
  const buttons = actionsBlocks(reply.actions);
  const groups = packBlocks(content, buttons.length);
  const messages = groups.slice(0, SLACK_LIMITS.messages).map((blocks, i) => ({
    response_type,
    text: clip(i === 0 ? title : `${title} (continued)`, SLACK_LIMITS.sectionText),
    blocks,
  })) satisfies SlackMessage[];
  const last = messages.at(-1);
  if (last && groups.length > messages.length) {
    if (last.blocks.length >= SLACK_LIMITS.blocksPerMessage - buttons.length) last.blocks.pop();
    last.blocks.push({ type: 'context', elements: [mrkdwn('The rest of this answer is too long for Slack.')] });
  }
  last?.blocks.push(...buttons);
  return messages;
}

/** Close to the block's JSON length without serialising it (this runs on every answer). */
function sizeOf(block: SlackBlock): number {
  const texts =
    block.type === 'header'
      ? [block.text.text]
      : block.type === 'section'
        ? [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)]
        : block.type === 'context'
          ? block.elements.map((e) => ('text' in e ? e.text : ''))
          : [];
  return texts.reduce((n, t) => n + t.length + 40, 40);
}

/** `reserved` blocks (the buttons) are added to the last message afterwards. */
function packBlocks(blocks: SlackBlock[], reserved = 0): SlackBlock[][] {
  const groups: SlackBlock[][] = [];
  let current: SlackBlock[] = [];
  let size = 0;
  for (const block of blocks) {
    const blockSize = sizeOf(block);
    const full =
      current.length >= SLACK_LIMITS.blocksPerMessage - reserved ||
      (current.length > 0 && size + blockSize > SLACK_LIMITS.charsPerMessage);
    if (full) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(block);
    size += blockSize;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
