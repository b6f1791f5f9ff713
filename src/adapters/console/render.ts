import { type Block, type Field, fitTable, MONO_WIDTH, type Reply } from '../../core/runtime/reply.js';
import { buttonsLine } from './extras.js';
import { wrapText } from './wrap.js';

/** The console (and `ask`) prints nothing wider than a monospace chat block. */
export const CONSOLE_WIDTH = MONO_WIDTH;
/** Labels up to this wide sit beside their values; longer ones go above them. */
const BESIDE = 22;

const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
const dim = (s: string) => `\u001b[2m${s}\u001b[22m`;

/** The lead first, as the plain sentence it is; prose wrapped at 64; bold and dim only on a terminal. */
export function renderText(reply: Reply, colour = false, pressable = false): string {
  // A plain reply is a whole message to copy: printed as it stands, never wrapped or styled.
  const lead = reply.plain ? reply.lead : wrapText(reply.lead, CONSOLE_WIDTH);
  const body = reply.blocks.map(renderBlock).filter(Boolean);
  const footer = reply.footer.map((line) => wrapText(line, CONSOLE_WIDTH)).map((line) => (colour ? dim(line) : line));
  const buttons = wrapText(buttonsLine(reply.actions, pressable), CONSOLE_WIDTH);
  return [
    colour && !reply.plain ? bold(lead) : lead,
    ...body,
    ...(footer.length ? [footer.join('\n')] : []),
    ...(buttons ? [buttons] : []),
  ].join('\n\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'text':
      return wrapText(block.text, CONSOLE_WIDTH);
    case 'fields':
      return renderFields(block.fields);
    case 'table':
      return renderBlock(fitTable(block.columns, block.rows));
    case 'pre':
      return block.text;
    case 'copy': {
      const rule = '-'.repeat(40);
      return [block.label ?? 'Ready to copy:', rule, wrapText(block.text, CONSOLE_WIDTH), rule].join('\n');
    }
  }
}

/** Short labels in a column beside their values; long ones on a line of their own, values indented. */
function renderFields(list: Field[]): string {
  const width = Math.max(0, ...list.map((f) => f.label.length));
  if (width <= BESIDE) {
    const indent = ' '.repeat(width + 2);
    return list
      .map((f) => wrapText(`${f.label.padEnd(width)}  ${f.value.replace(/\n/g, `\n${indent}`)}`, CONSOLE_WIDTH, indent))
      .join('\n');
  }
  return list
    .map((f) => `${wrapText(f.label, CONSOLE_WIDTH)}\n${wrapText(f.value.replace(/^/gm, '  '), CONSOLE_WIDTH, '  ')}`)
    .join('\n');
}
