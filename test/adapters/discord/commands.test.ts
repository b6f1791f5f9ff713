// The Discord registration generated from the command definitions: shape, bounds, and build-time errors.
import { ApplicationCommandOptionType as T } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCommandJson, type CommandJson } from '../../../src/adapters/discord/commands.js';
import { BARE_SUBCOMMAND, groupCommands, resolveCommand } from '../../../src/adapters/discord/groups.js';
import { commands } from '../../../src/commands/index.js';
import { type Command, defineCommand } from '../../../src/core/runtime/command.js';
import { shownOptions } from '../../../src/core/runtime/options.js';
import { reply } from '../../../src/core/runtime/reply.js';

const built = buildCommandJson(commands);
const TYPES = { integer: T.Integer, number: T.Number, string: T.String, boolean: T.Boolean };

const make = (name: string, options: z.ZodObject = z.object({}), extra: Partial<Command> = {}) =>
  defineCommand({ name, description: `${name} description`, options, run: () => reply({ lead: name }), ...extra });

// biome-ignore lint/suspicious/noExplicitAny: registration JSON is inspected loosely
type Loose = any;

/** The option list Discord shows for a core command: its sub-command's, or the top-level one. */
function registeredOptions(json: CommandJson[], command: Command): Loose[] {
  const [top, sub] = command.name.split(' ');
  const entry: Loose = json.find((c) => c.name === top);
  const hasSubs = entry?.options?.some((o: Loose) => o.type === T.Subcommand);
  if (!hasSubs) return entry.options;
  return entry.options.find((o: Loose) => o.name === (sub ?? BARE_SUBCOMMAND)).options;
}

describe('discord command registration', () => {
  it('matches the snapshot', () => {
    expect(built).toMatchSnapshot();
  });

  it('gives /jss whole-number count options with their bounds, then share and details', () => {
    const jss: Loose = built.find((c) => c.name === 'jss');
    const option = (name: string) => jss.options.find((o: Loose) => o.name === name);
    expect(jss.type).toBe(1);
    expect(jss.default_member_permissions).toBeNull();
    expect(jss.contexts).toEqual([0, 1, 2]);
    expect(jss.integration_types).toEqual([0, 1]);
    for (const name of ['successful', 'negative', 'total']) expect(option(name).type).toBe(T.Integer);
    expect(option('successful')).toMatchObject({ min_value: 0, max_value: 1_000_000 });
    expect(option('negative')).toMatchObject({ min_value: 0, max_value: 1_000_000 });
    expect(option('total')).toMatchObject({ min_value: 1, max_value: 1_000_000 });
    expect(jss.options.slice(-2)).toEqual([
      {
        name: 'share',
        description: 'post the answer in the channel for everyone (default: only you see it)',
        type: T.Boolean,
        required: false,
      },
      {
        name: 'details',
        description: 'show the whole answer, with what the short one leaves out',
        type: T.Boolean,
        required: false,
      },
    ]);
  });

  it('gives /help an optional autocompleted text option with its length limit', () => {
    const help: Loose = built.find((c) => c.name === 'help');
    expect(help.options[0]).toEqual({
      name: 'command',
      description: 'a command name, such as jss or contracts',
      type: T.String,
      required: false,
      max_length: 60,
      autocomplete: true,
    });
  });

  it('represents every command and every option, within Discord limits', () => {
    for (const command of commands) {
      const options = registeredOptions(built, command);
      const names = options.map((o) => o.name);
      const specs = shownOptions(command);
      // A csv text option comes with a file upload beside it; either may be given, so neither is required.
      const extra = specs.some((s) => s.name === 'csv') ? ['csv_file'] : [];
      expect(names.sort()).toEqual([...specs.map((s) => s.name), 'share', 'details', ...extra].sort());
      for (const spec of specs) {
        const option = options.find((o) => o.name === spec.name);
        expect(option.type).toBe(TYPES[spec.type]);
        // Long text may be left out: a form (modal) asks for it then.
        const optional = spec.name === 'csv' || spec.name === command.longText;
        expect(option.required).toBe(optional ? false : spec.required);
        if (spec.choices) expect(option.choices.map((c: Loose) => c.value)).toEqual(spec.choices);
        if (spec.min !== undefined) expect(option.min_value).toBe(spec.min);
        if (spec.max !== undefined) expect(option.max_value).toBe(spec.max);
      }
      // Discord rejects a required option after an optional one.
      const firstOptional = options.findIndex((o) => !o.required);
      expect(options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      expect(options.length).toBeLessThanOrEqual(25);
      expect(resolveCommand(groupCommands(commands), ...routeOf(command))).toBe(command);
    }
    const walk = (o: Loose): void => {
      expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
      for (const child of o.options ?? []) walk(child);
    };
    for (const c of built) walk(c);
  });

  it('hides admin-only commands behind Manage Server, in servers that installed the app only', () => {
    const json = buildCommandJson([
      make('settings set', z.object({}), { adminOnly: true }),
      make('settings reset', z.object({}), { adminOnly: true }),
      make('notes', z.object({}), {}),
    ]);
    const settings = json.find((c) => c.name === 'settings');
    expect(settings).toMatchObject({ default_member_permissions: '32', integration_types: [0], contexts: [0] });
    const notes = json.find((c) => c.name === 'notes');
    expect(notes).toMatchObject({ default_member_permissions: null, integration_types: [0, 1], contexts: [0, 1, 2] });
  });

  it('refuses a top-level command that mixes admin-only and personal forms (Discord sets contexts per command)', () => {
    const mixed = [make('notes', z.object({}), {}), make('notes clear', z.object({}), { adminOnly: true })];
    expect(() => buildCommandJson(mixed)).toThrow(/notes: it mixes admin-only and personal forms/);
  });

  it('registers every personal command for both installs and every context; workspace admin ones for servers', () => {
    const adminTop = new Set(commands.filter((c) => c.adminOnly).map((c) => c.name.split(' ')[0]));
    expect([...adminTop].sort()).toEqual(['settings', 'templates']);
    for (const c of built) {
      const where = adminTop.has(c.name)
        ? { integration_types: [0], contexts: [0] }
        : { integration_types: [0, 1], contexts: [0, 1, 2] };
      expect({ name: c.name, ...where }).toEqual({
        name: c.name,
        integration_types: c.integration_types,
        contexts: c.contexts,
      });
    }
    const personal = ['jss', 'fees', 'quote', 'dispute', 'toprated', 'contracts', 'followup', 'check', 'template'];
    for (const name of [...personal, 'rate', 'profile', 'client', 'mydata', 'help', 'sources']) {
      expect(built.find((c) => c.name === name)?.integration_types).toEqual([0, 1]);
    }
  });

  it('offers a bare command that also has sub-commands as the sub-command "use"', () => {
    const bare = make('template', z.object({ name: z.string().max(40) }));
    const add = make('template add', z.object({ name: z.string().max(40), text: z.string().max(2000) }));
    const list = [bare, add];
    const [json]: Loose[] = buildCommandJson(list);
    expect(json.description).toBe('template description');
    expect(json.options.map((o: Loose) => [o.name, o.type])).toEqual([
      [BARE_SUBCOMMAND, T.Subcommand],
      ['add', T.Subcommand],
    ]);
    const groups = groupCommands(list);
    expect(resolveCommand(groups, 'template', BARE_SUBCOMMAND)).toBe(bare);
    expect(resolveCommand(groups, 'template', 'add')).toBe(add);
    expect(resolveCommand(groups, 'template', null)).toBeUndefined();
    expect(resolveCommand(groups, 'template', 'gone')).toBeUndefined();
  });

  it('maps enums to choices, csv text to pasted text or an attachment, and caps text length at 6000', () => {
    const [json]: Loose[] = buildCommandJson([
      make(
        'import',
        z.object({
          csv: z.string().describe('the file'),
          era: z.enum(['sliding', 'flat', 'variable']).optional(),
          note: z.string().max(10_000).optional(),
        }),
      ),
    ]);
    const [csv, file, era, note] = json.options;
    expect(csv).toMatchObject({ name: 'csv', type: T.String, required: false });
    expect(file).toMatchObject({ name: 'csv_file', type: T.Attachment, required: false });
    expect(era.choices).toEqual(['sliding', 'flat', 'variable'].map((v) => ({ name: v, value: v })));
    expect(note.max_length).toBe(6000);
  });

  it('shortens long descriptions with an ellipsis', () => {
    const [json]: Loose[] = buildCommandJson([
      make('long', z.object({ x: z.number().describe('d'.repeat(150)) }), { description: 'w'.repeat(120) }),
    ]);
    expect(json.description).toHaveLength(100);
    expect(json.description.endsWith('…')).toBe(true);
    expect(json.options[0].description).toHaveLength(100);
  });

  it('refuses at build time what Discord cannot express', () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`o${i}`, z.number().optional()]));
    const cases: [Command[], RegExp][] = [
      [[make('a-name-that-is-far-too-long-for-discord')], /not a Discord name/],
      [[make('Jss')], /not a Discord name/],
      [[make('x', z.object({ 'Bad Name': z.number() }))], /not a Discord name/],
      [[make('contracts import csv')], /more than two words/],
      [[make('x', z.object({ share: z.boolean() }))], /its own "share" option/],
      [[make('x', z.object(many))], /27 options counting share and details/],
      [[make('x', z.object({ details: z.boolean() }))], /its own "details" option/],
      [[make('x', z.object({ pick: z.enum(Array.from({ length: 26 }, (_, i) => `c${i}`)) }))], /26 choices/],
      [[make('t'), make('t add'), make('t use')], /sub-command "use"/],
      [[make('t add'), make('t add')], /used by two commands/],
      [Array.from({ length: 26 }, (_, i) => make(`g s${i}`)), /26 sub-commands/],
      [Array.from({ length: 101 }, (_, i) => make(`c${i}`)), /101 top-level commands/],
    ];
    for (const [list, message] of cases) expect(() => buildCommandJson(list)).toThrow(message);
  });
});

function routeOf(command: Command): [string, string | null] {
  const [top = '', sub] = command.name.split(' ');
  const group = groupCommands(commands).find((g) => g.name === top);
  if (sub) return [top, sub];
  return [top, group && group.subs.length > 0 ? BARE_SUBCOMMAND : null];
}
