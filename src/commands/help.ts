import { z } from 'zod';
import { type Command, defineCommand, type Platform } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { shownOptions, usageLine } from '../core/runtime/options.js';
import { fields, reply, text } from '../core/runtime/reply.js';

/** Built from the command list it describes, so help can never drift from the commands. */
export function helpCommand(list: () => readonly Command[]): Command {
  return defineCommand({
    name: 'help',
    description: 'List the commands, or explain one',
    options: z.object({
      command: z.string().max(60).optional().describe('a command name, such as jss or contracts'),
    }),
    autocomplete: (_option, partial) =>
      [...new Set(list().map((c) => c.name.split(' ')[0] ?? ''))].filter((n) => n.startsWith(partial.toLowerCase())),
    run: ({ command }, ctx) => {
      if (!command) {
        return reply({
          lead: 'gigdesk answers JSS, fee and client-message questions; start with /jss 7 1 8 or /fees 15000.',
          blocks: [fields(list().map((c) => [`/${c.name}`, c.description + (c.adminOnly ? ' (admins only)' : '')]))],
          footer: [
            `${HOW_TO_TYPE[ctx.platform]} share:yes posts an answer for everyone; details:yes shows all of it.`,
            ...(MESSAGE_ACTION[ctx.platform] ? [MESSAGE_ACTION[ctx.platform]] : []),
            'Try /help jss for one command.',
          ],
        });
      }
      const name = command.trim().replace(/^\//, '').toLowerCase();
      const matches = list().filter((c) => c.name === name || c.name.startsWith(`${name} `));
      if (matches.length === 0)
        throw new UserError('unknown_command', `There is no command /${name.slice(0, 40)}. Type /help for the list.`);
      return reply({
        lead: helpLead(name, matches),
        blocks: matches.flatMap((c) => [
          text(`${usageLine(c)}\n${c.description}${c.adminOnly ? ' (admins only)' : ''}`),
          fields(
            shownOptions(c).map((o) => [
              o.name,
              `${o.description}${o.required ? '' : ' (optional)'}${o.choices ? `: ${o.choices.join(', ')}` : ''}`,
            ]),
          ),
        ]),
      });
    },
  });
}

/** Discord fills a command's options by name in its own picker; typed lines take them in order too. */
const HOW_TO_TYPE: Record<Platform, string> = {
  discord: "Pick a command, then fill in its options; type an option's name to add one Discord has not shown.",
  slack: 'Options go in order or as name:value, e.g. /fees 15000 billed:8000.',
  console: 'Options go in order or as name:value, e.g. /fees 15000 billed:8000.',
};

/** The "Check this wording" message action (Discord) and message shortcut (Slack): /check on a posted message. */
const MESSAGE_ACTION: Record<Platform, string> = {
  discord: "To check a message already posted: its menu (long-press on a phone), Apps, 'Check this wording'.",
  slack: "To check a message already posted: its More actions menu, 'Check this wording'.",
  console: '',
};

/** One command: its usage and description as written (proper names keep their capitals); a group: its sub-commands. */
function helpLead(name: string, matches: readonly Command[]): string {
  const exact = matches.find((c) => c.name === name);
  const subs = matches.filter((c) => c !== exact).map((c) => c.name.split(' ')[1] ?? '');
  const listed = subs.length <= 1 ? subs.join('') : `${subs.slice(0, -1).join(', ')} and ${subs.at(-1)}`;
  if (!exact) return `/${name} has ${subs.length} sub-commands: ${listed}.`;
  const about = `${usageLine(exact)}: ${exact.description.replace(/\.$/, '')}`;
  return subs.length === 0 ? `${about}.` : `${about}; its sub-commands: ${listed}.`;
}
