// The shared contract cases through the console: the same text parser Slack uses, rendered as plain text.
import { describe, expect, it } from 'vitest';
import { consoleContext } from '../../../src/adapters/console/context.js';
import { renderText } from '../../../src/adapters/console/render.js';
import { commands } from '../../../src/commands/index.js';
import { runCommand, runText } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { contractCases } from './cases.js';

describe('contract cases through the console', () => {
  it.each(contractCases)('/$line', async (c) => {
    const answer = await runText(c.line, commands, consoleContext(memoryStore(), new Date('2026-11-22T12:00:00Z')));
    expect(answer.outcome).toBe(c.outcome);
    const shown = renderText(answer.reply);
    for (const e of c.expect) expect(shown).toContain(e);
  });

  it.each(contractCases)('/$line typed as options gives the same answer as typed as text', async (c) => {
    const ctx = consoleContext(memoryStore(), new Date('2026-11-22T12:00:00Z'));
    const fromText = await runText(c.line, commands, ctx);
    // Cases name Discord's form; its "use" sub-command is the bare command on text platforms.
    const command = commands.find((k) => k.name === c.command || `${k.name} use` === c.command);
    expect(command).toBeDefined();
    if (!command) return;
    const fromOptions = await runCommand(command, c.options, consoleContext(memoryStore(), ctx.now));
    expect(fromOptions.reply).toEqual(fromText.reply);
  });
});
