// The one text-argument parser for Slack and the console: positionals in schema key order,
// name:value pairs, quotes, sub-commands, and numbers like 15,000 / $15k / 1.5k / 90%.
import type { Command } from './command.js';
import { UserError } from './errors.js';
import { COMMON_OPTIONS, type OptionSpec, optionSpecs, usageLine } from './options.js';

interface Token {
  value: string;
  /** Where the token starts in the line, so a trailing text option can take the rest verbatim. */
  start: number;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '”': '”' };
const MAX_LINE = 8000;

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i] ?? '')) i++;
    if (i >= line.length) break;
    const start = i;
    let value = '';
    while (i < line.length && !/\s/.test(line[i] ?? '')) {
      const ch = line[i] ?? '';
      // An apostrophe after a letter ("I'll", "clients'") is text, not an opening quote.
      const close = ch === "'" && /\w/.test(line[i - 1] ?? '') ? undefined : QUOTES[ch];
      if (close) {
        const end = line.indexOf(close, i + 1);
        if (end === -1) throw new UserError('unclosed_quote', `A quote (${ch}) is not closed.`);
        value += line.slice(i + 1, end);
        i = end + 1;
      } else {
        value += ch;
        i++;
      }
    }
    tokens.push({ value, start });
  }
  return tokens;
}

/** "15000", "15,000", "$15k", "1.5k", "2m", "90%" -> number; anything else -> undefined. */
export function parseNumber(raw: string): number | undefined {
  const trimmed = raw.trim().replace(/^\$/, '').replace(/%$/, '');
  // A comma only ever separates thousands; "15,00" or "1.500,00" could mean two different amounts.
  if (trimmed.includes(',') && !/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?[kKmM]?$/.test(trimmed)) {
    throw new UserError(
      'ambiguous_number',
      `"${raw.trim().slice(0, 40)}" could be read two ways. Write amounts like 15000, 15,000 or 15000.50 (a comma only between thousands, a dot before cents).`,
    );
  }
  const cleaned = trimmed.replace(/[,_]/g, '');
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+))([kKmM]?)$/.exec(cleaned);
  if (!match) return undefined;
  const base = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1;
  // Round away binary noise such as 1.15 * 1000 = 1149.9999999999998.
  return factor === 1 ? base : Number((base * factor).toFixed(6));
}

export function parseBoolean(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (['yes', 'y', 'true', 'on', '1'].includes(v)) return true;
  if (['no', 'n', 'false', 'off', '0'].includes(v)) return false;
  return undefined;
}

/** Turns text into the option's type; text that does not fit is kept so validation can quote it. */
export function coerce(spec: OptionSpec, raw: string): unknown {
  if (spec.type === 'integer' || spec.type === 'number') return parseNumber(raw) ?? raw;
  if (spec.type === 'boolean') return parseBoolean(raw) ?? raw;
  return raw;
}

const NAMED = /^([a-z][a-z0-9_-]*)[:=]([\s\S]*)$/i;

/** Parses the text after the command name into typed-as-possible arguments. */
export function parseArgs(command: Command, argText: string): Record<string, unknown> {
  const specs = optionSpecs(command);
  const all = [...specs, ...COMMON_OPTIONS];
  const last = specs.at(-1);
  const tokens = tokenize(argText);
  const args: Record<string, unknown> = {};
  let next = 0; // index into specs of the next positional slot

  for (const [index, token] of tokens.entries()) {
    const named = NAMED.exec(token.value);
    const spec = named && all.find((s) => s.name === named[1]?.toLowerCase());
    if (named && spec) {
      if (spec.name in args) throw new UserError('option_twice', `"${spec.name}" is given twice.`);
      // Named long text takes the rest of the line too ("title:Big build for Acme"); short values such as a date do not.
      const longText = !spec.choices && (spec.maxLength === undefined || spec.maxLength > 100);
      if (spec === last && spec.type === 'string' && longText && index < tokens.length - 1) {
        args[spec.name] = argText.slice(token.start + (named[1]?.length ?? 0) + 1).trim();
        break;
      }
      args[spec.name] = coerce(spec, named[2] ?? '');
      continue;
    }
    while (next < specs.length && skipSlot(specs[next], args, last, token.value)) next++;
    const target = specs[next];
    if (!target) {
      throw new UserError(
        'too_many_values',
        `Too many values: "${token.value}" has no place. Usage: ${usageLine(command)}`,
      );
    }
    if (named && target.type !== 'string') {
      throw new UserError(
        'unknown_option',
        `/${command.name} has no option "${named[1]}". Options: ${specs.map((s) => s.name).join(', ') || 'none'}.`,
      );
    }
    if (target === last && target.type === 'string' && !target.choices) {
      // The last option, when it is text, takes the rest of the line as written.
      args[target.name] = index === tokens.length - 1 ? token.value : argText.slice(token.start).trim();
      break;
    }
    args[target.name] = coerce(target, token.value);
    next++;
  }
  return args;
}

/**
 * A positional slot is passed over when already filled, or when it is an optional yes/no or number before a
 * trailing text option and the word is not one ("/contracts import 2026-03-14,..." reaches the text).
 */
function skipSlot(
  spec: OptionSpec | undefined,
  args: Record<string, unknown>,
  last: OptionSpec | undefined,
  raw: string,
) {
  if (!spec) return false;
  if (spec.name in args) return true;
  const beforeText = last?.type === 'string' && spec !== last;
  return beforeText && spec.type !== 'string' && !spec.required && coerce(spec, raw) === raw;
}

export interface ParsedLine {
  command: Command;
  args: Record<string, unknown>;
}

/** "/contracts add date:today ..." -> the "contracts add" command and its arguments. */
export function parseLine(line: string, commands: readonly Command[]): ParsedLine {
  if (line.length > MAX_LINE) throw new UserError('line_too_long', `That is too long (over ${MAX_LINE} characters).`);
  const trimmed = line.trim().replace(/^\//, '');
  const [first = '', second = ''] = trimmed.split(/\s+/, 2);
  const name = first.toLowerCase();
  if (!name) throw new UserError('no_command', 'Type a command, for example /jss 7 1 8, or /help for the list.');
  const sub = commands.find((c) => c.name === `${name} ${second.toLowerCase()}`);
  if (sub) return { command: sub, args: parseArgs(sub, afterWords(trimmed, 2)) };
  const top = commands.find((c) => c.name === name);
  if (top) return { command: top, args: parseArgs(top, afterWords(trimmed, 1)) };
  const subs = commands.filter((c) => c.name.startsWith(`${name} `));
  if (subs.length > 0) {
    const names = subs.map((c) => c.name.split(' ')[1]).join(', ');
    const said = second ? `"${second}" is not one of them. ` : '';
    throw new UserError('missing_subcommand', `/${name} needs a sub-command: ${names}. ${said}Try /help ${name}.`);
  }
  throw new UserError('unknown_command', `There is no command /${first.slice(0, 40)}. Type /help for the list.`);
}

function afterWords(text: string, count: number): string {
  let rest = text;
  for (let i = 0; i < count; i++) rest = rest.replace(/^\s*\S+/, '');
  return rest.trim();
}
