// A reply as one searchable string: fields as "label value", tables laid out, every other block's text.
import { type Block, type Reply, tableToText } from '../../src/core/runtime/reply.js';

export const blockText = (b: Block) =>
  b.type === 'fields'
    ? b.fields.map((f) => `${f.label} ${f.value}`).join('\n')
    : b.type === 'table'
      ? tableToText(b.columns, b.rows)
      : b.text;

export const replyText = (r: Pick<Reply, 'title' | 'blocks' | 'footer'>) =>
  [r.title, ...r.blocks.map(blockText), ...r.footer].join('\n');
