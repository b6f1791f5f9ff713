// /desk offers its Chart button only where a chart can come: with charts off in the workspace, none.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

describe('/desk and the workspace chart setting', () => {
  it('has a Chart button with charts on, and none once an admin turns charts off', async () => {
    const ctx = testContext({ isAdmin: true });
    await runText('/contracts add 2026-10-01 successful 800 Ana', commands, ctx);
    const labels = async () => (await runText('/desk', commands, ctx)).reply.actions.map((a) => a.label);
    expect(await labels()).toContain('Chart');
    expect((await runText('/settings charts:off', commands, ctx)).outcome).toBe('ok');
    expect(await labels()).not.toContain('Chart');
  });
});
