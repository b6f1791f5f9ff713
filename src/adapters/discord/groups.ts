// Commands grouped as Discord has them: "contracts add" is sub-command "add" of "contracts", and a
// command that exists bare and with sub-commands answers bare as "use".
import type { Command } from '../../core/runtime/command.js';

/** A top-level command that exists bare and with sub-commands answers bare as this sub-command. */
export const BARE_SUBCOMMAND = 'use';
/** One top-level Discord command and which core command answers each of its forms. */
export interface Group {
  name: string;
  /** The command answering the bare form (no sub-command), if there is one. */
  bare?: Command;
  subs: { name: string; command: Command }[];
}

/** Commands grouped under their first word: "contracts add" is sub-command "add" of "contracts". */
export function groupCommands(commands: readonly Command[]): Group[] {
  const groups = new Map<string, Group>();
  for (const command of commands) {
    const words = command.name.split(' ');
    const [top = '', sub] = words;
    if (words.length > 2)
      registrationError(command.name, 'the name has more than two words; Discord commands are "group sub" at most');
    const group = groups.get(top) ?? { name: top, subs: [] };
    groups.set(top, group);
    if (group.bare === command || group.subs.some((s) => s.command.name === command.name)) {
      registrationError(command.name, 'the name is used by two commands');
    }
    if (sub === undefined) group.bare = command;
    else group.subs.push({ name: sub, command });
  }
  for (const group of groups.values()) {
    if (group.bare && group.subs.length > 0) {
      if (group.subs.some((s) => s.name === BARE_SUBCOMMAND)) {
        registrationError(
          group.name,
          `it exists bare and has a sub-command "${BARE_SUBCOMMAND}", which the bare form needs on Discord`,
        );
      }
      group.subs.unshift({ name: BARE_SUBCOMMAND, command: group.bare });
    }
  }
  return [...groups.values()];
}

/** The core command a Discord interaction names, or undefined for a stale registration. */
export function resolveCommand(groups: readonly Group[], name: string, sub: string | null): Command | undefined {
  const group = groups.find((g) => g.name === name);
  if (!group) return undefined;
  if (sub === null) return group.subs.length === 0 ? group.bare : undefined;
  return group.subs.find((s) => s.name === sub)?.command;
}

/** A command Discord cannot express fails at deploy/start time, never mid-conversation. */
export function registrationError(where: string, problem: string): never {
  throw new Error(`Discord cannot register /${where}: ${problem}.`);
}
