// chart:on in a workspace whose admin turned charts off: one line says why no picture comes, on every platform.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { serverPeople, testContext } from '../../support/context.js';
import { replyText } from '../../support/replyText.js';

const OFF = /Charts are off in this workspace/;
const ask = async (line: string, ctx: Context) => (await runText(line, commands, ctx)).reply;

describe('chart:on with charts turned off', () => {
  const { admin, member } = serverPeople();

  it('says charts are off here, and that an admin can turn them on, only when chart:on was asked', async () => {
    expect((await runText('/settings charts:off', commands, admin())).outcome).toBe('ok');
    for (const line of ['/fees 500 chart:on', '/fees 15000 chart:on details:yes', '/fees 500 chart:on share:yes']) {
      const text = replyText(await ask(line, member()));
      expect(text, line).toMatch(OFF);
      expect(text, line).toMatch(/admin can turn them on with \/settings/);
    }
    for (const line of ['/fees 500', '/fees 500 chart:off', '/fees 500 details:yes']) {
      expect(replyText(await ask(line, member())), line).not.toMatch(OFF);
    }
  });

  it('says nothing while charts are on', async () => {
    expect(replyText(await ask('/fees 500 chart:on', member()))).not.toMatch(OFF);
  });

  it('where the chart goes apart from the answer (Slack), says the same and offers no Chart button', async () => {
    const slack = (over: Partial<Context> = {}) =>
      testContext({ platform: 'slack', workspaceId: 'T1', userId: 'U1', chartOnPress: 'Press Chart.', ...over });
    const store = slack().store;
    await runText('/settings charts:off', commands, slack({ store, isAdmin: true }));
    const reply = await ask('/fees 500 chart:on', slack({ store }));
    expect(replyText(reply)).toMatch(OFF);
    expect(reply.actions.map((a) => a.label)).not.toContain('Chart');
  });
});
