// Discord application-command JSON built from the command definitions, checked against Discord's limits
// when it is built so a command Discord cannot express fails at deploy/start time, never mid-conversation.
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../../core/runtime/command.js';
import { COMMON_OPTIONS, type OptionSpec, shownOptions } from '../../core/runtime/options.js';
import { registrationError as fail, type Group, groupCommands } from './groups.js';
import { describeForDiscord } from './wording.js';

export type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;
type OptionJson = APIApplicationCommandBasicOption;

/** A text option with this name may also arrive as a file upload on Discord (CSV imports)... */
export const ATTACHMENT_OPTION = 'csv';
/** ...through this extra attachment option beside it; the handler turns the file into the text. */
export const ATTACHMENT_FILE_OPTION = 'csv_file';

const LIMITS = { name: 32, description: 100, options: 25, choices: 25, choiceValue: 100, commands: 100 };
// Discord caps a command's names, descriptions and choice values at 8000 characters in total.
const MAX_COMMAND_CHARS = 8000;
const MAX_TEXT_LENGTH = 6000;
const NAME = /^[-_a-z0-9]{1,32}$/;

/** The registration body for every command, in the order the list gives them. */
export function buildCommandJson(commands: readonly Command[]): CommandJson[] {
  const groups = groupCommands(commands);
  if (groups.length > LIMITS.commands)
    fail('(all)', `there are ${groups.length} top-level commands; Discord allows 100`);
  return groups.map((group) => {
    const json = group.subs.length === 0 ? bareJson(group) : groupJson(group);
    const chars = countChars(json);
    if (chars > MAX_COMMAND_CHARS)
      fail(group.name, `it has ${chars} characters of names and descriptions; Discord allows 8000`);
    return json;
  });
}

function bareJson(group: Group): CommandJson {
  const command = group.bare as Command;
  return {
    ...topLevel(group.name, command.description, [command]),
    options: optionsJson(command),
  };
}

function groupJson(group: Group): CommandJson {
  if (group.subs.length > LIMITS.options) {
    fail(group.name, `it has ${group.subs.length} sub-commands; Discord allows ${LIMITS.options}`);
  }
  const description = group.bare?.description ?? `${group.name}: ${group.subs.map((s) => s.name).join(', ')}`;
  const options: APIApplicationCommandSubcommandOption[] = group.subs.map((s) => ({
    type: ApplicationCommandOptionType.Subcommand,
    name: checkName(`${group.name} ${s.name}`, s.name),
    description: shorten(describeForDiscord(s.command.description)),
    options: optionsJson(s.command),
  }));
  return {
    ...topLevel(
      group.name,
      description,
      group.subs.map((s) => s.command),
    ),
    options,
  };
}

/** Where a personal command works: installed to a server or to a user's account; in servers, the bot's DM, other DMs. */
export const EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};
/** Workspace administration needs a server that installed the app, and its Manage Server permission. */
const SERVER_ONLY = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
};

function topLevel(name: string, description: string, members: Command[]) {
  checkName(name, name);
  // Discord sets install types and contexts per top-level command, so one cannot mix the two kinds.
  const adminOnly = members.every((c) => c.adminOnly);
  if (!adminOnly && members.some((c) => c.adminOnly)) {
    fail(name, 'it mixes admin-only and personal forms; Discord decides where a command works per top-level command');
  }
  return {
    type: ApplicationCommandType.ChatInput as const,
    name,
    description: shorten(describeForDiscord(description)),
    default_member_permissions: adminOnly ? String(PermissionFlagsBits.ManageGuild) : null,
    ...(adminOnly ? SERVER_ONLY : EVERYWHERE),
  };
}

function optionsJson(command: Command): OptionJson[] {
  const specs = shownOptions(command);
  const common = COMMON_OPTIONS.find((c) => specs.some((s) => s.name === c.name));
  if (common) fail(command.name, `it must not define its own "${common.name}" option (every command gets one)`);
  const all = [...specs, ...COMMON_OPTIONS];
  if (all.length > LIMITS.options) {
    fail(command.name, `it has ${all.length} options counting share and details; Discord allows ${LIMITS.options}`);
  }
  const options = all.flatMap((spec) =>
    spec.name === ATTACHMENT_OPTION
      ? // Pasted text or a file: either may be given, so neither is required on Discord (the core checks one came).
        [
          optionJson(command, { ...spec, required: false }),
          {
            name: ATTACHMENT_FILE_OPTION,
            description: 'or attach it as a .csv file',
            required: false,
            type: ApplicationCommandOptionType.Attachment,
          } as OptionJson,
        ]
      : // Long text may be left out: the handler then opens a form (modal) for it.
        [optionJson(command, spec.name === command.longText ? { ...spec, required: false } : spec)],
  );
  if (options.length > LIMITS.options) {
    fail(command.name, `it has ${options.length} options on Discord; Discord allows ${LIMITS.options}`);
  }
  // Discord requires required options first; values arrive by name, so the order is only cosmetic.
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
}

function optionJson(command: Command, spec: OptionSpec): OptionJson {
  const base = {
    name: checkName(`${command.name} option ${spec.name}`, spec.name),
    description: shorten(describeForDiscord(spec.description, spec)),
    required: spec.required,
  };
  switch (spec.type) {
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer, ...bounds(spec) };
    case 'number':
      return { ...base, type: ApplicationCommandOptionType.Number, ...bounds(spec) };
    case 'string':
      return stringJson(command, spec, base);
  }
}

function stringJson(
  command: Command,
  spec: OptionSpec,
  base: { name: string; description: string; required: boolean },
) {
  // Built loosely: discord-api-types splits choices and autocomplete into exclusive variants.
  const json: Record<string, unknown> = { ...base, type: ApplicationCommandOptionType.String };
  if (spec.minLength !== undefined) {
    if (spec.minLength > MAX_TEXT_LENGTH)
      fail(command.name, `option "${spec.name}" needs more text than Discord sends (6000 characters)`);
    json.min_length = spec.minLength;
  }
  // Discord never sends more than 6000 characters, so a larger maximum is the same as 6000 there.
  if (spec.maxLength !== undefined) json.max_length = Math.min(spec.maxLength, MAX_TEXT_LENGTH);
  if (spec.choices) {
    if (spec.choices.length > LIMITS.choices) {
      fail(command.name, `option "${spec.name}" has ${spec.choices.length} choices; Discord allows ${LIMITS.choices}`);
    }
    const long = spec.choices.find((c) => c.length === 0 || c.length > LIMITS.choiceValue);
    if (long !== undefined) fail(command.name, `option "${spec.name}" has a choice Discord cannot show: "${long}"`);
    json.choices = spec.choices.map((c) => ({ name: c, value: c }));
  } else if (command.autocomplete && (spec.maxLength === undefined || spec.maxLength <= LIMITS.choiceValue)) {
    // Suggestions are at most 100 characters, so long free-text options (message bodies) get none.
    json.autocomplete = true;
  }
  return json as unknown as OptionJson;
}

function bounds(spec: OptionSpec): { min_value?: number; max_value?: number } {
  return {
    ...(spec.min === undefined ? {} : { min_value: spec.min }),
    ...(spec.max === undefined ? {} : { max_value: spec.max }),
  };
}

function checkName(where: string, name: string): string {
  if (!NAME.test(name)) fail(where, `"${name}" is not a Discord name (1-32 lowercase letters, digits, - or _)`);
  return name;
}

/** Descriptions over Discord's 100 characters end in an ellipsis instead of being rejected. */
export function shorten(text: string, max = LIMITS.description): string {
  const clean = text.trim() || '-';
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

function countChars(json: CommandJson): number {
  const walk = (o: {
    name: string;
    description: string;
    options?: unknown[];
    choices?: { value: unknown }[];
  }): number =>
    o.name.length +
    o.description.length +
    (o.choices ?? []).reduce((n, c) => n + String(c.value).length, 0) +
    (o.options ?? []).reduce((n: number, child) => n + walk(child as typeof o), 0);
  return walk(json);
}
