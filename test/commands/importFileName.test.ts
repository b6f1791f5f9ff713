// /contracts import given a file name instead of the file's lines: a clear answer that says how to send
// the lines on this platform, and nothing is imported.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { loadLog } from '../../src/core/jss/contractsStore.js';
import type { Platform } from '../../src/core/runtime/command.js';
import { runText } from '../../src/core/runtime/run.js';
import { memoryStore } from '../../src/core/store/store.js';
import { testContext } from '../support/context.js';

async function importing(csv: string, platform: Platform) {
  const store = memoryStore();
  const ctx = { ...testContext({ store }), platform };
  const answer = await runText(`/contracts import ${csv}`, commands, ctx);
  return { answer, log: await loadLog(ctx) };
}

describe('/contracts import with a file name', () => {
  it.each([
    ['console', '~/Downloads/contracts.csv', '$(cat'],
    ['discord', 'contracts.csv', 'csv_file'],
    ['slack', 'C:\\Users\\ana\\upwork-export.CSV', 'text box'],
  ] as const)('on %s, %j gets how to send the lines, and imports nothing', async (platform, name, how) => {
    const { answer, log } = await importing(name, platform);
    expect(answer.outcome).toBe('user_error');
    expect(answer.reply.lead).toContain(`"${name}" looks like a file name`);
    expect(answer.reply.lead).toContain(how);
    expect(log.contracts).toEqual([]);
  });

  it('still reads one CSV line that happens to end in .csv as a line, not a file name', async () => {
    const { answer } = await importing('2025-01-10,successful,450,notes.csv', 'console');
    expect(answer.reply.lead).not.toContain('file name');
  });
});
