// The one-shot's registry (src/commands/lazy.ts) against the full list: every command is found under its
// slash name, as the very same definition, and a name it does not know gets the full list.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { commandsFor, lazyNames } from '../../../src/commands/lazy.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

const slashName = (name: string) => name.split(' ')[0] ?? name;

describe('commandsFor', () => {
  it('knows every slash name of the full list but help, and no other', () => {
    const names = [...new Set(commands.map((c) => slashName(c.name)))].filter((n) => n !== 'help');
    expect([...lazyNames].sort()).toEqual(names.sort());
  });

  it.each(commands.filter((c) => c.name !== 'help').map((c) => [c.name, c]))(
    '/%s loads that very definition, and only commands of its slash name',
    async (name, command) => {
      const loaded = await commandsFor(`/${name} 1 2 3`);
      expect(loaded).toContain(command);
      expect(loaded.every((c) => slashName(c.name) === slashName(name))).toBe(true);
    },
  );

  it('help, an unknown name and an empty line get the full list', async () => {
    for (const line of ['/help jss', 'help', '/nosuch 1', '', '  /HELP'])
      expect(await commandsFor(line)).toBe(commands);
  });

  it('answers as the full list does, sub-command mistakes included', async () => {
    for (const line of ['/jss 7 1 8', 'JSS 7 1 8', '/contracts nosuch', '/template', '/fees 15000']) {
      const lazy = await runText(line, await commandsFor(line), testContext());
      const full = await runText(line, commands, testContext());
      expect(lazy.outcome).toBe(full.outcome);
      expect(lazy.reply.lead).toBe(full.reply.lead);
    }
  });
});
