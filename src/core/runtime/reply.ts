// The platform-neutral answer every command returns; each adapter has one renderer for it.
import type { ChartSpec } from './chart.js';

export type Visibility = 'private' | 'public';

export interface Field {
  label: string;
  value: string;
}

export type Block =
  /** `short`: only in the short answer (a pointer to the details, dropped once they are shown). */
  | { type: 'text'; text: string; short?: true }
  | { type: 'fields'; fields: Field[] }
  | { type: 'table'; columns: string[]; rows: string[][] }
  /** Preformatted text kept as-is (text charts, aligned lists). */
  | { type: 'pre'; text: string }
  /** A message meant to be copied and sent as it stands. */
  | { type: 'copy'; label?: string; text: string };

/** What pressing a button does: run a command as the presser, with these arguments. */
export interface Action {
  label: string;
  style?: 'primary' | 'danger';
  command: string;
  args: Record<string, string | number | boolean>;
  /** The same answer shown another way (Details, Chart): pressed by its owner on a private answer, it takes that message's place. */
  inPlace?: true;
  /** Set when the action is saved for pressing (actions.ts): the only thing a button carries. */
  ref?: string;
}

/** A file that goes with the answer (a chart, an export); the console writes it under GIGDESK_OUT_DIR. */
export interface Attachment {
  name: string;
  contentType: string;
  data: Uint8Array;
  /** One sentence saying what it shows, for screen readers and notifications. */
  alt: string;
}

export interface Reply {
  /** One plain sentence that is the answer, with its number: what a phone notification shows. */
  lead: string;
  /** At most about six short lines that change a decision. */
  blocks: Block[];
  /** Everything else (every era, every window, the formula): shown with details:yes or the Details button. */
  details: Block[];
  /** Rule set, as-of date, source: one line each. */
  footer: string[];
  visibility: Visibility;
  actions: Action[];
  attachments: Attachment[];
  /** A picture of the answer, drawn by src/charts/ after the text has gone out (the text stands alone). */
  chart?: ChartSpec;
  /** The lead is a whole message to copy: renderers send it as plain text (see plainMessage). */
  plain?: boolean;
  /** Why this answer is never posted in the channel (a draft, wording that fails the rules check). */
  keepPrivate?: string;
}

/** Why an answer is never posted (Reply.keepPrivate), for answers of many commands. */
export const NOT_FOR_CHANNEL = {
  change: 'it only confirms a change to your own data.',
  prompt: 'it asks you to confirm first.',
  empty: 'there is nothing in it to show.',
} as const;

export function reply(parts: Partial<Omit<Reply, 'lead'>> & { lead: string }): Reply {
  return {
    lead: parts.lead,
    blocks: parts.blocks ?? [],
    details: parts.details ?? [],
    footer: parts.footer ?? [],
    visibility: parts.visibility ?? 'private',
    actions: parts.actions ?? [],
    attachments: parts.attachments ?? [],
    ...(parts.chart ? { chart: parts.chart } : {}),
    ...(parts.plain ? { plain: true } : {}),
    ...(parts.keepPrivate ? { keepPrivate: parts.keepPrivate } : {}),
  };
}

/** A message to copy, sent as it stands (no title, no code block) so it can be long-pressed and copied on a phone. */
export const plainMessage = (value: string): Reply => reply({ lead: value, plain: true });

/** Plain argument values only: what a button may replay. */
export function replayable(args: Record<string, unknown>): Action['args'] {
  const out: Action['args'] = {};
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = value;
  }
  return out;
}

export const text = (value: string): Block => ({ type: 'text', text: value });
/** "…and 3 more: add details:yes": left out when the details are shown. */
export const moreInDetails = (count: number): Block => ({
  type: 'text',
  text: `…and ${count} more: add details:yes.`,
  short: true,
});
export const fields = (pairs: [string, string][]): Block => ({
  type: 'fields',
  fields: pairs.map(([label, value]) => ({ label, value })),
});
export const table = (columns: string[], rows: string[][]): Block => ({ type: 'table', columns, rows });
export const pre = (value: string): Block => ({ type: 'pre', text: value });
export const copy = (value: string, label?: string): Block => ({ type: 'copy', text: value, label });

/** Widest monospace line any renderer shows: chat clients cannot wrap a table without breaking it. */
export const MONO_WIDTH = 64;

const NUMERIC = /^[-+]?\$?[\d,]+(?:\.\d+)?(?: ?%)?$/;

/** Lays out a table as aligned monospace text (numbers right-aligned); renderers share it. */
export function tableToText(columns: string[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = columns.map((_, i) => rows.some((r) => r[i]) && rows.every((r) => !r[i] || NUMERIC.test(r[i])));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * A table as a renderer should show it: aligned text when it fits MONO_WIDTH, otherwise one
 * label/value group per row (the first cell as label), which any chat can wrap.
 */
export function fitTable(columns: string[], rows: string[][]): Block {
  const laidOut = tableToText(columns, rows);
  if (laidOut.split('\n').every((l) => l.length <= MONO_WIDTH)) return pre(laidOut);
  return fields(
    rows.map((row) => [
      row[0] || '-',
      row
        .slice(1)
        .map((cell, i) => (cell ? `${columns[i + 1]}: ${cell}` : ''))
        .filter(Boolean)
        .join('\n') || '-',
    ]),
  );
}
