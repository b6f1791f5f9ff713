// The parts of a Discord message beyond its embeds: buttons (action rows), files, and plain text to copy.
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type AttachmentPayload,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Action, Attachment, Reply } from '../../core/runtime/reply.js';
import { linksOff } from './markup.js';

/** Discord's limits: 5 buttons per row, 5 rows per message, 80 characters per label, 100 per custom_id, 2000 per content. */
export const COMPONENT_LIMITS = { buttonsPerRow: 5, rows: 5, label: 80, customId: 100, content: 2000 };

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

const STYLES = { primary: ButtonStyle.Primary, danger: ButtonStyle.Danger } as const;

/** Actions with a ref (a signed token or a saved id) as rows of buttons; the custom_id is the ref and nothing else. */
export function buttonRows(actions: readonly Action[]): ButtonRow[] {
  const buttons = actions
    .filter((a) => a.ref)
    .slice(0, COMPONENT_LIMITS.buttonsPerRow * COMPONENT_LIMITS.rows)
    .map(
      (a): APIButtonComponentWithCustomId => ({
        type: ComponentType.Button,
        style: a.style ? STYLES[a.style] : ButtonStyle.Secondary,
        label: clip(a.label, COMPONENT_LIMITS.label),
        custom_id: a.ref ?? '',
      }),
    );
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += COMPONENT_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + COMPONENT_LIMITS.buttonsPerRow) });
  }
  return rows;
}

/** Attachments as discord.js file payloads; discord.js sends them in a multipart body. */
export function filesOf(attachments: readonly Attachment[]): AttachmentPayload[] {
  return attachments.map((a) => ({ attachment: Buffer.from(a.data), name: a.name, description: a.alt.slice(0, 1024) }));
}

/**
 * A copy-ready message as the message's own text: long-press copies it on a phone, which an embed does
 * not. Copy Text copies the raw text, so a private one is the words exactly (mentions never ping:
 * allowedMentions is empty); a shared one has only its links defused (linksOff).
 */
export function plainContent(reply: Reply): string {
  const content = reply.visibility === 'private' ? reply.lead : linksOff(reply.lead);
  return clip(content, COMPONENT_LIMITS.content);
}

/** Shortens text to `max` characters (code points, so an emoji is never cut in half), marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
