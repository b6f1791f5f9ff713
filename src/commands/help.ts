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
          lead: 'gigdesk commands',
          blocks: [
            fields(list().map((c) => [usageLine(c), c.description + (c.adminOnly ? ' (admins only)' : '')])),
            text(
              'Options can be given in order or as name:value, e.g. /fees 15000 billed:8000. Add share:yes to post an answer for everyone.',
            ),
          ],
        });
      }
      const name = command.trim().replace(/^\//, '').toLowerCase();
      const matches = list().filter((c) => c.name === name || c.name.startsWith(`${name} `));
      if (matches.length === 0)
        throw new UserError(`There is no command /${name.slice(0, 40)}. Type /help for the list.`);
      return reply({
        lead: `/${name}`,
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
