import { type Block, type Reply, tableToText } from '../../core/runtime/reply.js';
import { buttonsLine } from './extras.js';

const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
const dim = (s: string) => `\u001b[2m${s}\u001b[22m`;

/** Plain text for pipes and logs; bold title and dim footer only when writing to a terminal. */
export function renderText(reply: Reply, colour = false, pressable = false): string {
  const title = colour && !reply.plain ? bold(reply.lead) : reply.lead;
  const body = reply.blocks.map(renderBlock).filter(Boolean);
  const footer = reply.footer.map((line) => (colour ? dim(line) : line));
  const buttons = buttonsLine(reply.actions, pressable);
  return [title, ...body, ...(footer.length ? [footer.join('\n')] : []), ...(buttons ? [buttons] : [])].join('\n\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'fields': {
      const width = Math.max(0, ...block.fields.map((f) => f.label.length));
      return block.fields.map((f) => `${f.label.padEnd(width)}  ${f.value}`).join('\n');
    }
    case 'table':
      return tableToText(block.columns, block.rows);
    case 'pre':
      return block.text;
    case 'copy': {
      const rule = '-'.repeat(40);
      return [block.label ?? 'Ready to copy:', rule, block.text, rule].join('\n');
    }
  }
}
