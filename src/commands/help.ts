import { z } from 'zod';
import { type Command, defineCommand } from '../core/runtime/command.js';
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
    run: ({ command }) => {
      if (!command) {
        return reply({
          lead: 'gigdesk answers JSS, fee and client-message questions; start with /jss 7 1 8 or /fees 15000.',
          blocks: [fields(list().map((c) => [`/${c.name}`, c.description + (c.adminOnly ? ' (admins only)' : '')]))],
          footer: [
            'Options go in order or as name:value, e.g. /fees 15000 billed:8000. share:yes posts an answer for everyone; details:yes shows all of it.',
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

/** One command: its usage and description as written (proper names keep their capitals); a group: its sub-commands. */
function helpLead(name: string, matches: readonly Command[]): string {
  const exact = matches.find((c) => c.name === name);
  const subs = matches.filter((c) => c !== exact).map((c) => c.name.split(' ')[1] ?? '');
  const listed = subs.length <= 1 ? subs.join('') : `${subs.slice(0, -1).join(', ')} and ${subs.at(-1)}`;
  if (!exact) return `/${name} has ${subs.length} sub-commands: ${listed}.`;
  const about = `${usageLine(exact)}: ${exact.description.replace(/\.$/, '')}`;
  return subs.length === 0 ? `${about}.` : `${about}; its sub-commands: ${listed}.`;
}
