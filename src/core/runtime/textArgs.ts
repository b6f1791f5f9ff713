// The one text-argument parser for Slack and the console: positionals in schema key order,
// name:value pairs, quotes, sub-commands, and numbers like 15,000 / $15k / 1.5k / 90%.
import type { Command } from './command.js';
import { dateWordsAfter } from './dateWords.js';
import { UserError } from './errors.js';
import { COMMON_OPTIONS, type OptionSpec, optionSpecs, shownOptions } from './options.js';
import { unknownOption } from './unknownOption.js';

interface Token {
  value: string;
  /** Where the token starts in the line, so a trailing text option can take the rest verbatim. */
  start: number;
  /** Where in `value` the first quoted part begins: a colon after it is text, not an option name. */
  quotedAt?: number;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '”': '”' };
const MAX_LINE = 8000;

/** `unclosedIsText`: a quote that never closes is the writer's own character (long text), not an error. */
export function tokenize(line: string, unclosedIsText = false): Token[] {
  const tokens: Token[] = [];
  // Closing marks known to be absent from the rest of the line, so no search runs twice to the end.
  const absent = new Set<string>();
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i] ?? '')) i++;
    if (i >= line.length) break;
    const start = i;
    let value = '';
    let quotedAt: number | undefined;
    while (i < line.length && !/\s/.test(line[i] ?? '')) {
      const ch = line[i] ?? '';
      // An apostrophe after a letter ("I'll", "clients'") is text, not an opening quote.
      const close = ch === "'" && /\w/.test(line[i - 1] ?? '') ? undefined : QUOTES[ch];
      const end = close === undefined || absent.has(close) ? -1 : line.indexOf(close, i + 1);
      if (close !== undefined && end === -1) {
        if (!unclosedIsText) throw new UserError('unclosed_quote', `A quote (${ch}) is not closed.`);
        absent.add(close);
      }
      if (end !== -1) {
        quotedAt ??= value.length;
        value += line.slice(i + 1, end);
        i = end + 1;
      } else {
        value += ch;
        i++;
      }
    }
    tokens.push(quotedAt === undefined ? { value, start } : { value, start, quotedAt });
  }
  return tokens;
}

/** No amount needs more characters; longer text is no number, and no pattern ever sees it. */
export const MAX_NUMBER_CHARS = 32;

/** "15000", "15,000", "$15k", "1.5k", "2m", "90%" -> number; anything else -> undefined. */
export function parseNumber(raw: string): number | undefined {
  const given = raw.trim();
  if (given.length > MAX_NUMBER_CHARS) return undefined;
  const trimmed = given.replace(/^\$/, '').replace(/%$/, '');
  // A comma only ever separates thousands; "15,00" or "1.500,00" could mean two different amounts.
  if (trimmed.includes(',') && !/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?[kKmM]?$/.test(trimmed)) {
    throw new UserError(
      'ambiguous_number',
      `"${given}" could be read two ways. Write amounts like 15000, 15,000 or 15000.50 (a comma only between thousands, a dot before cents).`,
    );
  }
  const cleaned = trimmed.replace(/[,_]/g, '');
  // One way to read any text: digits, then an optional dot and digits (no two quantifiers share a digit).
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))([kKmM]?)$/.exec(cleaned);
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
/** Option names are short: a longer "name" before a colon is text, and distances stay cheap. */
const MAX_NAME = 40;

interface Named {
  name: string;
  value: string;
  spec: OptionSpec | undefined;
}

/** A `name:value` token, when the colon stands outside quotes (so "Acme:EU" in quotes stays a value). */
function namedOf(token: Token, all: readonly OptionSpec[]): Named | undefined {
  if (token.quotedAt !== undefined && token.quotedAt <= token.value.search(/[:=]/)) return undefined;
  const match = NAMED.exec(token.value);
  if (!match || (match[1] ?? '').length > MAX_NAME) return undefined;
  const name = (match[1] ?? '').toLowerCase();
  return { name, value: match[2] ?? '', spec: all.find((s) => s.name === name) };
}

/** The last option, when it is text without choices, takes the rest of the line as written. */
const takesRest = (spec: OptionSpec | undefined, last: OptionSpec | undefined) =>
  spec !== undefined && spec === last && spec.type === 'string' && !spec.choices;
/** Given by name, only long text does ("title:Big build for Acme"); a short value such as a date does not. */
const namedTakesRest = (spec: OptionSpec, last: OptionSpec | undefined) =>
  takesRest(spec, last) && (spec.maxLength === undefined || spec.maxLength > 100);

/** Parses the text after the command name into typed-as-possible arguments. */
export function parseArgs(command: Command, argText: string): Record<string, unknown> {
  // Hidden options are read by name only: a word never lands in one by its position.
  const specs = shownOptions(command);
  const all = [...optionSpecs(command), ...COMMON_OPTIONS];
  const last = specs.at(-1);
  const tokens = tokenize(argText, takesRest(last, last));
  const named = tokens.map((t) => namedOf(t, all));
  // Trailing name:value pairs that name real options are never part of a long text before them.
  let tail = tokens.length;
  while (tail > 0 && named[tail - 1]?.spec && named[tail - 1]?.spec !== last) tail--;
  const args: Record<string, unknown> = {};
  const set = (spec: OptionSpec, value: unknown) => {
    if (spec.name in args) throw new UserError('option_twice', `"${spec.name}" is given twice.`);
    args[spec.name] = value;
  };
  /** Sets the option from the token at `at`; returns the index of the last token it took. */
  const fill = (spec: OptionSpec, at: number, first: string) => {
    if (!spec.date || tokens[at]?.quotedAt !== undefined) {
      set(spec, coerce(spec, first));
      return at;
    }
    // A date typed without quotes takes the words that continue it ("2 weeks ago"); quoted words or pairs never.
    const following: string[] = [];
    for (let j = at + 1; j < Math.min(tail, at + 3) && !named[j] && tokens[j]?.quotedAt === undefined; j++) {
      following.push(tokens[j]?.value ?? '');
    }
    const words = following.slice(0, dateWordsAfter(first, following));
    set(spec, [first, ...words].join(' '));
    return at + words.length;
  };
  const restOf = (from: number) => unquoted(argText.slice(from, tokens[tail]?.start ?? argText.length).trim());
  let next = 0; // index into specs of the next positional slot
  let amount: { raw: string; spec: OptionSpec } | undefined; // the token before, when it could start "15 000"

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const pair = named[index];
    const before = amount;
    amount = undefined;
    if (pair?.spec) {
      const spec = pair.spec;
      if (spec.type === 'number') amount = { raw: pair.value, spec };
      // Named long text takes the rest of the line up to any trailing options ("title:Big build for Acme"),
      // as typed: one token of CSV keeps its quotes ("csv:2026-10-01,5,100,\"Smith, Jones\"").
      if (namedTakesRest(spec, last)) {
        set(spec, restOf(token.start + pair.name.length + 1));
        index = tail - 1;
        continue;
      }
      index = fill(spec, index, pair.value);
      continue;
    }
    while (next < specs.length && skipSlot(specs[next], args, last, token.value)) next++;
    const target = specs[next];
    if (before && token.quotedAt === undefined) refuseSpacedNumber(before, token.value, target);
    if (target?.type === 'number') amount = { raw: token.value, spec: target };
    if (target && takesRest(target, last)) {
      // The last option, when it is text, takes the rest of the line as written: "Note: hi" included.
      set(target, restOf(token.start));
      index = tail - 1;
      continue;
    }
    if (pair) throw unknownOption(command, pair.name, all);
    const word = token.value.toLowerCase();
    const bare = all.find((s) => s.type === 'boolean' && s.name === word);
    if (bare && (target?.type !== 'string' || (target.choices && !target.choices.includes(word)))) {
      throw new UserError(
        'option_without_value',
        `"${bare.name}" needs a value: write ${bare.name}:yes (or ${bare.name}:no).`,
      );
    }
    if (!target) {
      throw new UserError('too_many_values', `Too many values: "${token.value.slice(0, 40)}" has no place.`);
    }
    index = fill(target, index, token.value);
    next++;
  }
  return args;
}

/** Quotes around the whole text, and only those, are dropped: "just this" -> just this; "a" b stays. */
export function unquoted(text: string): string {
  const close = QUOTES[text[0] ?? ''];
  const inner = text.slice(1, -1);
  return text.length > 1 && close !== undefined && text.endsWith(close) && !inner.includes(close) ? inner : text;
}

/**
 * "15 000" is one amount written with a space between thousands, or two values: refused rather than
 * guessed, when the amount could have its thousands there (1-3 digits, then exactly three) and the
 * joined number fits its option. Counts ("/jss 90 5 100") are never amounts of money, so never refused.
 */
function refuseSpacedNumber(before: { raw: string; spec: OptionSpec }, group: string, target: OptionSpec | undefined) {
  const lead = /^\$?([1-9]\d{0,2})$/.exec(before.raw)?.[1];
  if (lead === undefined || !/^\d{3}$/.test(group)) return;
  const joined = `${lead}${group}`;
  if (before.spec.max !== undefined && Number(joined) > before.spec.max) return;
  const other = target ? `, or ${target.name}:${group} if ${group} is a separate value` : '';
  throw new UserError(
    'spaced_number',
    `"${before.raw} ${group}" reads as one number with a space in it: write ${joined}${other}.`,
  );
}

/**
 * A positional slot is passed over when already filled, or when it is an optional yes/no, number or choice
 * before a trailing long-text option and the word is not one ("/contracts import 2026-03-14,..." reaches the text).
 */
function skipSlot(
  spec: OptionSpec | undefined,
  args: Record<string, unknown>,
  last: OptionSpec | undefined,
  raw: string,
) {
  if (!spec) return false;
  if (spec.name in args) return true;
  // Only long text that takes the rest of the line: before a choice ("chart"), a value keeps its slot.
  const beforeText = takesRest(last, last) && spec !== last;
  if (!beforeText || spec.required) return false;
  if (spec.choices) return !spec.choices.includes(raw.toLowerCase());
  return spec.type !== 'string' && !fits(spec, raw);
}

/** Whether a word reads as the option's type; one that could be read two ways ("5 star, pay") does not. */
function fits(spec: OptionSpec, raw: string): boolean {
  try {
    return coerce(spec, raw) !== raw;
  } catch {
    return false;
  }
}

export interface ParsedLine {
  command: Command;
  args: Record<string, unknown>;
}

/** The command a line names ("contracts add" before "contracts"), with the text after its name. */
export function commandOf(
  line: string,
  commands: readonly Command[],
): { command: Command; argText: string } | undefined {
  const trimmed = line.trim().replace(/^\//, '');
  const [first = '', second = ''] = trimmed.split(/\s+/, 2);
  const name = first.toLowerCase();
  const sub = commands.find((c) => c.name === `${name} ${second.toLowerCase()}`);
  if (sub) return { command: sub, argText: afterWords(trimmed, 2) };
  const top = commands.find((c) => c.name === name);
  return top && { command: top, argText: afterWords(trimmed, 1) };
}

/** "/contracts add date:today ..." -> the "contracts add" command and its arguments. */
export function parseLine(line: string, commands: readonly Command[]): ParsedLine {
  const trimmed = line.trim().replace(/^\//, '');
  const [first = '', second = ''] = trimmed.split(/\s+/, 2);
  const name = first.toLowerCase();
  if (!name) throw new UserError('no_command', 'Type a command, for example /jss 7 1 8, or /help for the list.');
  const found = commandOf(trimmed, commands);
  if (line.length > MAX_LINE) throw tooLong(found?.command);
  if (found) return { command: found.command, args: parseArgs(found.command, found.argText) };
  const subs = commands.filter((c) => c.name.startsWith(`${name} `));
  if (subs.length > 0) {
    const names = subs.map((c) => c.name.split(' ')[1]).join(', ');
    const said = second ? `"${second}" is not one of them. ` : '';
    throw new UserError('missing_subcommand', `/${name} needs a sub-command: ${names}. ${said}Try /help ${name}.`);
  }
  throw new UserError('unknown_command', `There is no command /${first.slice(0, 40)}. Type /help for the list.`);
}

/** A line too long to parse: when the command ends in long text with a tighter limit, that limit, as validation says it. */
function tooLong(command: Command | undefined): UserError {
  const text = command && optionSpecs(command).at(-1);
  if (text?.maxLength && namedTakesRest(text, text) && text.maxLength <= MAX_LINE) {
    return new UserError('line_too_long', `"${text.name}" must be at most ${text.maxLength} characters long.`);
  }
  return new UserError('line_too_long', `That is too long: a command takes at most ${MAX_LINE} characters.`);
}

function afterWords(text: string, count: number): string {
  let rest = text;
  for (let i = 0; i < count; i++) rest = rest.replace(/^\s*\S+/, '');
  return rest.trim();
}
