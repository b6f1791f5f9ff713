// Word wrapping for the console: every printed line fits the width, breaking between words.

/** Wraps each line of `text` at `width`; continuation lines get `indent`; a word longer than a line is cut. */
export function wrapText(text: string, width: number, indent = ''): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width, indent))
    .join('\n');
}

function wrapLine(line: string, width: number, indent: string): string {
  if (line.length <= width) return line;
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const hang = lead.length > indent.length ? lead : indent;
  const out: string[] = [];
  let current = '';
  const prefix = () => (out.length === 0 ? lead : hang);
  // Each word keeps the spaces after it, so aligned columns inside a line survive; "75 %" stays whole.
  for (const token of line.slice(lead.length).match(/\S+(?: %\S*)?\s*/g) ?? []) {
    const joined = (current || prefix()) + token;
    if (joined.trimEnd().length <= width) {
      current = joined;
      continue;
    }
    if (current) out.push(current.trimEnd());
    // A single word wider than the line (a long link) is the only thing cut mid-word.
    let rest = token;
    while (prefix().length + rest.trimEnd().length > width) {
      const room = Math.max(1, width - prefix().length);
      out.push(prefix() + rest.slice(0, room));
      rest = rest.slice(room);
    }
    current = rest.trim() ? prefix() + rest : '';
  }
  if (current.trim()) out.push(current.trimEnd());
  return out.join('\n');
}
