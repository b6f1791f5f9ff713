import { z } from 'zod';
import { type Command, defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { optionSpecs, usageLine } from '../core/runtime/options.js';
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
        lead:
          matches.length === 1
            ? `${usageLine(matches[0] as Command)}: ${matches[0]?.description.toLowerCase()}.`
            : `/${name} has ${matches.length} sub-commands: ${matches.map((c) => c.name.split(' ')[1]).join(', ')}.`,
        blocks: matches.flatMap((c) => [
          text(`${usageLine(c)}\n${c.description}${c.adminOnly ? ' (admins only)' : ''}`),
          fields(
            optionSpecs(c).map((o) => [
              o.name,
              `${o.description}${o.required ? '' : ' (optional)'}${o.choices ? `: ${o.choices.join(', ')}` : ''}`,
            ]),
          ),
        ]),
      });
    },
  });
}
