// Hints in /contracts answers are typed as printed: the list's hint to drop one deletes nothing as it
// stands, and the edit's undo is a whole command that undoes.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { loadLog } from '../../src/core/jss/contractsStore.js';
import type { Context } from '../../src/core/runtime/command.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const run = (line: string, ctx: Context) => runText(line, commands, ctx);
const textOf = (reply: Reply) => JSON.stringify(reply);
/** Every "/contracts remove|edit ..." an answer prints, with the words a person would copy after it. */
const commandsIn = (reply: Reply) => textOf(reply).match(/\/contracts (?:remove \S+|edit \S+ [a-z]+)/g) ?? [];

async function logOf(lines: string[]) {
  const ctx = testContext();
  await run(`/contracts import ${lines.join('\n')}`, ctx);
  return ctx;
}

describe('/contracts list', () => {
  it('its hint to drop a contract, typed as printed, removes nothing', async () => {
    const ctx = await logOf(['2026-01-10,successful,500,Acme', '2026-02-10,5,900,Bob']);
    const list = await run('/contracts list', ctx);
    const removes = commandsIn(list.reply).filter((line) => line.startsWith('/contracts remove'));
    expect(removes.length).toBeGreaterThan(0);
    for (const line of removes) await run(line, ctx);
    expect((await loadLog(ctx)).contracts).toHaveLength(2);
  });
});

describe('/contracts edit', () => {
  it('the undo it prints is a command that undoes, and the redo one that marks again', async () => {
    const ctx = await logOf(['2026-01-10,successful,500,Acme', '2026-02-10,negative,900,Bob']);
    const marked = await run('/contracts edit 2 yes', ctx);
    expect((await loadLog(ctx)).contracts.find((c) => c.id === 2)?.clientRemoved).toBe(true);
    const [undo] = commandsIn(marked.reply).filter((line) => line.startsWith('/contracts edit'));
    expect(undo).toBeDefined();
    const undone = await run(undo ?? '', ctx);
    expect(undone.outcome).toBe('ok');
    expect((await loadLog(ctx)).contracts.find((c) => c.id === 2)?.clientRemoved).toBeUndefined();
    const [redo] = commandsIn(undone.reply).filter((line) => line.startsWith('/contracts edit'));
    expect((await run(redo ?? '', ctx)).outcome).toBe('ok');
    expect((await loadLog(ctx)).contracts.find((c) => c.id === 2)?.clientRemoved).toBe(true);
  });
});
