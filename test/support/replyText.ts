// A reply as one searchable string: fields as "label value", tables laid out, every other block's text.
import { type Block, type Reply, tableToText } from '../../src/core/runtime/reply.js';

export const blockText = (b: Block) =>
  b.type === 'fields'
    ? b.fields.map((f) => `${f.label} ${f.value}`).join('\n')
    : b.type === 'table'
      ? tableToText(b.columns, b.rows)
      : b.text;

/** Everything a reply holds, details included: tests search it without caring where a line sits. */
export const replyText = (r: Pick<Reply, 'lead' | 'blocks' | 'footer'> & Partial<Pick<Reply, 'details'>>) =>
  [r.lead, ...r.blocks.map(blockText), ...(r.details ?? []).map(blockText), ...r.footer].join('\n');
