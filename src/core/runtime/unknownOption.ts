// The answer to an option name a command does not have: its options, and the closest one by spelling.
import type { Command } from './command.js';
import { UserError } from './errors.js';
import type { OptionSpec } from './options.js';

export function unknownOption(command: Command, name: string, all: readonly OptionSpec[]): UserError {
  const names = all.filter((s) => !s.hidden).map((s) => s.name);
  const closest = names.reduce((best, n) => (editDistance(name, n) < editDistance(name, best) ? n : best));
  return new UserError(
    'unknown_option',
    `/${command.name} has no option "${name}". Its options: ${names.join(', ')}; the closest is ${closest}. See /help ${command.name}.`,
    { option: name, closest },
  );
}

/** Levenshtein distance; the parser reads no option name past 40 characters, so this stays cheap. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
    }
    row = next;
  }
  return row[b.length] ?? 0;
}
