// Registers the slash commands, writing only when Discord's registered set differs from the local one.
import {
  type APIApplicationCommand,
  REST,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';
import { commands } from '../../commands/index.js';
import type { Command } from '../../core/runtime/command.js';
import { buildCommandJson, type CommandJson } from './commands.js';
import { messageCommandJson } from './messageAction.js';

/** Everything registered: the slash commands and the message command ("Check this wording"). */
export type DeployedJson = CommandJson | RESTPostAPIContextMenuApplicationCommandsJSONBody;

export function deployedCommands(commands: readonly Command[]): DeployedJson[] {
  return [...buildCommandJson(commands), messageCommandJson()];
}

export interface CommandDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/** The fields we set, with Discord's defaults filled in, so an echo from Discord compares equal. */
interface LooseOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: LooseOption[];
}

interface LooseCommand {
  type?: number;
  name: string;
  /** Empty for a message command. */
  description?: string;
  default_member_permissions?: string | null;
  contexts?: number[] | null;
  integration_types?: number[] | null;
  nsfw?: boolean;
  options?: LooseOption[];
}

/** Which commands Discord would gain, lose or see changed if the local set were written. */
export function diffCommandSets(
  local: readonly DeployedJson[],
  remote: readonly (APIApplicationCommand | LooseCommand)[],
): CommandDiff {
  const mine = new Map(local.map((c) => [c.name, JSON.stringify(normalCommand(c as LooseCommand))]));
  const theirs = new Map(remote.map((c) => [c.name, JSON.stringify(normalCommand(c as LooseCommand))]));
  return {
    added: [...mine.keys()].filter((n) => !theirs.has(n)),
    removed: [...theirs.keys()].filter((n) => !mine.has(n)),
    changed: [...mine.keys()].filter((n) => theirs.has(n) && theirs.get(n) !== mine.get(n)),
  };
}

export function hasChanges(diff: CommandDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length > 0;
}

function normalCommand(c: LooseCommand) {
  return {
    type: c.type ?? 1,
    name: c.name,
    description: c.description ?? '',
    default_member_permissions: c.default_member_permissions ?? null,
    contexts: c.contexts ? [...c.contexts].sort() : null,
    // Discord echoes guild install alone when none was given.
    integration_types: [...(c.integration_types ?? [0])].sort(),
    nsfw: c.nsfw ?? false,
    options: (c.options ?? []).map(normalOption),
  };
}

function normalOption(o: LooseOption): unknown {
  return {
    type: o.type,
    name: o.name,
    description: o.description,
    required: o.required ?? false,
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    autocomplete: o.autocomplete ?? false,
    choices: (o.choices ?? []).map((c) => ({ name: c.name, value: c.value })),
    options: (o.options ?? []).map(normalOption),
  };
}

/** Guild-scoped commands update at once (development); global ones are for production. */
export function commandsRoute(applicationId: string, guildId?: string): `/${string}` {
  return guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
}

export interface DeployResult {
  diff: CommandDiff;
  written: boolean;
}

export async function deployCommands(
  rest: REST,
  route: `/${string}`,
  local: readonly DeployedJson[],
): Promise<DeployResult> {
  const remote = (await rest.get(route)) as APIApplicationCommand[];
  const diff = diffCommandSets(local, remote);
  if (!hasChanges(diff)) return { diff, written: false };
  await rest.put(route, { body: local });
  return { diff, written: true };
}

/** `gigdesk discord deploy [--guild ID]`: one server (shows at once) or every server; prints what changed. */
export async function deployFromConfig(discord: { token: string; applicationId: string }, guildId?: string) {
  const local = deployedCommands(commands);
  const rest = new REST().setToken(discord.token);
  const where = guildId ? `server ${guildId}` : 'all servers (global; may take up to an hour to show)';
  const { diff, written } = await deployCommands(rest, commandsRoute(discord.applicationId, guildId), local);
  if (!written) return `${local.length} commands already registered for ${where}; nothing to do.`;
  const list = (label: string, names: string[]) => (names.length ? [`  ${label}: ${names.join(', ')}`] : []);
  const lines = [...list('added', diff.added), ...list('changed', diff.changed), ...list('removed', diff.removed)];
  return `Registered ${local.length} commands for ${where}:\n${lines.join('\n')}`;
}
