// Options kept for buttons or old lines (/mydata delete shown:, /templates add confirm:) are read by name
// but never offered: not in usage lines, /help or the Discord registration, never filled by position.
import { describe, expect, it } from 'vitest';
import { buildCommandJson } from '../../../src/adapters/discord/commands.js';
import { commands } from '../../../src/commands/index.js';
import { shownOptions, usageLine } from '../../../src/core/runtime/options.js';
import { runText } from '../../../src/core/runtime/run.js';
import { parseLine } from '../../../src/core/runtime/textArgs.js';
import { testContext } from '../../support/context.js';
import { replyText } from '../../support/replyText.js';

const named = (name: string) => commands.find((c) => c.name === name);

describe('hidden options', () => {
  it('are left out of usage lines, /help and the Discord registration', async () => {
    const mydata = named('mydata delete');
    const templates = named('templates add');
    if (!mydata || !templates) throw new Error('commands missing');
    expect(usageLine(mydata)).toBe('/mydata delete [confirm]');
    expect(usageLine(templates)).toBe('/templates add <name> [replace] [draft] <text>');
    for (const line of ['/help mydata delete', '/help templates add']) {
      const shown = replyText((await runText(line, commands, testContext())).reply);
      expect(shown, line).not.toMatch(/^(shown|confirm) .*(button sets it|no longer saves)/m);
    }
    const json = JSON.stringify(buildCommandJson(commands));
    expect(json).not.toMatch(/"name":"shown"/);
    expect(json).not.toContain('no longer saves wording');
    expect(shownOptions(mydata).map((o) => o.name)).toEqual(['confirm']);
  });

  it('are still read by name, and never by position', () => {
    expect(parseLine('/mydata delete confirm:yes shown:abc', commands).args).toEqual({ confirm: true, shown: 'abc' });
    expect(() => parseLine('/mydata delete yes abc', commands)).toThrow(/Too many values/);
  });
});
