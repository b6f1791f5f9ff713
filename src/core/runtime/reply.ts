// The platform-neutral answer every command returns; each adapter has one renderer for it.

export type Visibility = 'private' | 'public';

export interface Field {
  label: string;
  value: string;
}

export type Block =
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: Field[] }
  | { type: 'table'; columns: string[]; rows: string[][] }
  /** Preformatted text kept as-is (text charts, aligned lists). */
  | { type: 'pre'; text: string }
  /** A message meant to be copied and sent as it stands. */
  | { type: 'copy'; label?: string; text: string };

export interface Reply {
  title: string;
  blocks: Block[];
  /** Rule set, as-of date, source: one line each. */
  footer: string[];
  visibility: Visibility;
}

export function reply(parts: { title: string; blocks?: Block[]; footer?: string[]; visibility?: Visibility }): Reply {
  return {
    title: parts.title,
    blocks: parts.blocks ?? [],
    footer: parts.footer ?? [],
    visibility: parts.visibility ?? 'private',
  };
}

export const text = (value: string): Block => ({ type: 'text', text: value });
export const fields = (pairs: [string, string][]): Block => ({
  type: 'fields',
  fields: pairs.map(([label, value]) => ({ label, value })),
});
export const table = (columns: string[], rows: string[][]): Block => ({ type: 'table', columns, rows });
export const pre = (value: string): Block => ({ type: 'pre', text: value });
export const copy = (value: string, label?: string): Block => ({ type: 'copy', text: value, label });

/** Lays out a table as aligned monospace text; renderers share it so columns line up everywhere. */
export function tableToText(columns: string[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
