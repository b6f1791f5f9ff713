// gigdesk's own text is written for typed lines ("/jss 7 1 8", "confirm:yes"). Discord fills a slash
// command's options by name, shows yes/no as True/False, keeps quotes literally and calls a workspace a
// server, so each command line in an answer is read with the core's parser and printed the way Discord takes it.
import { commands } from '../../commands/index.js';
import type { Command } from '../../core/runtime/command.js';
import { COMMON_OPTIONS, type OptionSpec, optionSpecs } from '../../core/runtime/options.js';
import { commandOf, parseArgs, tokenize } from '../../core/runtime/textArgs.js';
import { BARE_SUBCOMMAND, groupCommands } from './groups.js';

/** A command line in prose is short; longer runs are prose, and every scan stays bounded. */
const MAX_LINE = 120;
const MAX_ARGS = 8;
/** An answer's text holds a few command lines; past this many, the rest of a text stays as written. */
const MAX_LINES = 32;
/** Where a command line ends: a line break, ";", "(", ")", "<-", ", " ". " ": " "? " "! ", two spaces, the next command. */
const LINE_END = /[\n;()]|[,.:?!](?=\s|$)|\s\s|<-|\s\//;
/** Words that go on with the sentence after a command ("/jss to score it"), unless the command takes them as a value. */
const PROSE = new Set(
  'a an the to for with or and as on in at by of then if first instead also is are has have it its this that your you each every from when see checks lists scores stops shows turns gives runs reads adds'.split(
    ' ',
  ),
);

/** gigdesk's text as Discord users act on it; other platforms keep it as written. */
export function forDiscord(text: string): string {
  return serverWords(yesNoOptions(commandLines(text)));
}

/** A registration description as Discord shows it; a yes/no option's "yes to…" and "no to…" as True and False. */
export function describeForDiscord(description: string, spec?: OptionSpec): string {
  const said = forDiscord(description);
  return spec?.type === 'boolean' ? said.replace(/^yes\b/, 'True').replace(/\bno to\b/, 'False to') : said;
}

/** "workspace" is a server on Discord. */
function serverWords(text: string): string {
  return text.replace(/\b([Ww])orkspace(s?)\b/g, (_, w: string, s: string) => `${w === 'W' ? 'S' : 's'}erver${s}`);
}

/** Built on first use: the registration (./commands.ts) reads this module while it loads. */
const once = <T>(make: () => T) => {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
};

const booleanNames = once(
  () =>
    new Set(
      [...commands.flatMap((c) => optionSpecs(c)), ...COMMON_OPTIONS]
        .filter((o) => o.type === 'boolean')
        .map((o) => o.name),
    ),
);

/** "tell me with profile:yes" -> profile:True: Discord's boolean options read True and False. */
function yesNoOptions(text: string): string {
  return text.replace(/\b([a-z][a-z0-9_]{0,39}):(yes|no)\b/g, (whole, name: string, value: string) =>
    booleanNames().has(name) ? `${name}:${value === 'yes' ? 'True' : 'False'}` : whole,
  );
}

/** Where a command may start: a slash at the start of the text or after a space or "(". */
const LINE_START = /(?:^|[\s(])\/(?=[a-z])/g;

/** Each "/command args" that names a gigdesk command, rewritten; anything that does not parse stays. */
function commandLines(text: string): string {
  let out = '';
  let from = 0;
  let tries = 0;
  for (const match of text.matchAll(LINE_START)) {
    const slash = match.index + match[0].length - 1;
    if (slash < from) continue;
    if (++tries > MAX_LINES) break;
    const span = text.slice(slash, slash + MAX_LINE);
    const end = span.search(LINE_END);
    const done = discordLine(end === -1 ? span : span.slice(0, end));
    if (!done) continue;
    out += text.slice(from, slash) + done.printed;
    from = slash + done.used;
  }
  return out + text.slice(from);
}

const groups = once(() => groupCommands(commands));

/** The name Discord lists the command under: a command that also has sub-commands answers bare as "use". */
function discordName(command: Command): string {
  const group = groups().find((g) => g.bare === command && g.subs.length > 0);
  return group ? `${command.name} ${BARE_SUBCOMMAND}` : command.name;
}

/** The longest start of the line that reads as this command and its arguments, printed with every option named. */
function discordLine(line: string): { printed: string; used: number } | undefined {
  const found = commandOf(line, commands);
  if (!found) return undefined;
  const { command, argText } = found;
  const argStart = line.trimEnd().length - argText.length;
  const specs = [...optionSpecs(command), ...COMMON_OPTIONS];
  const usage = usageOf(argText, specs);
  if (usage !== undefined) return { printed: `/${discordName(command)}${usage}`, used: line.trimEnd().length };
  const tokens = tokenize(argText, true);
  const choices = new Set(specs.flatMap((s) => s.choices ?? []));
  const proseAt = tokens.findIndex((t) => PROSE.has(t.value) && !choices.has(t.value));
  const taken = Math.min(proseAt === -1 ? tokens.length : proseAt, MAX_ARGS);
  for (let n = taken; n >= 0; n--) {
    // A token as written, quotes included, ends where the next one starts (less the space between).
    const upTo = n === 0 ? 0 : argText.slice(0, tokens[n]?.start ?? argText.length).trimEnd().length;
    const args = readArgs(command, argText.slice(0, upTo), specs);
    if (!args) continue;
    const named = Object.entries(args).map(([name, value]) => ` ${name}:${shown(value)}`);
    const used = n === 0 ? line.slice(0, argStart).trimEnd().length : argStart + upTo;
    return { printed: `/${discordName(command)}${named.join('')}`, used };
  }
  return undefined;
}

/** A usage line ("<successful> <negative> [target]") as the options to fill: "successful: negative: [target:]". */
function usageOf(argText: string, specs: readonly OptionSpec[]): string | undefined {
  const words = argText.split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  const names = new Set(specs.map((s) => s.name));
  const parts = words.map((w) => {
    const required = /^<([a-z_]+)>$/.exec(w)?.[1];
    const optional = /^\[([a-z_]+)\]$/.exec(w)?.[1];
    if (required && names.has(required)) return ` ${required}:`;
    return optional && names.has(optional) ? ` [${optional}:]` : undefined;
  });
  return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
}

/** The arguments when every one has a value of its option's type; undefined when the text is no such line. */
function readArgs(
  command: Command,
  argText: string,
  specs: readonly OptionSpec[],
): Record<string, unknown> | undefined {
  let args: Record<string, unknown>;
  try {
    args = parseArgs(command, argText);
  } catch {
    return undefined;
  }
  const fits = Object.entries(args).every(([name, value]) => {
    const spec = specs.find((s) => s.name === name);
    if (!spec) return false;
    if (spec.type === 'boolean') return typeof value === 'boolean';
    if (spec.type !== 'string') return typeof value === 'number';
    return typeof value === 'string' && (!spec.choices || spec.choices.includes(value));
  });
  return fits ? args : undefined;
}

function shown(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}
