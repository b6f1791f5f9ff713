// Where a private answer's chart goes apart from it (Slack's DM), its Details button says the picture went
// out already (chart:sent): pressed, it runs as chart:on and is marked so the picture is not sent again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractsImport } from '../../../src/commands/contractsImport.js';
import { commands } from '../../../src/commands/index.js';
import { pressAction, saveActions } from '../../../src/core/runtime/actions.js';
import { type ButtonIds, useButtonSecret } from '../../../src/core/runtime/buttonTokens.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runCommand, runText } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';

/** Discord's custom_id room: the tightest a token must fit, though only Slack marks a chart sent. */
const ROOM_100: ButtonIds = { room: 100 };
const SAVED = /^[A-Za-z0-9_-]{22}\.\d+$/;

beforeEach(() => useButtonSecret('a-test-secret-of-at-least-32-characters'));
afterEach(() => useButtonSecret(undefined));

const slack = (over: Partial<Context> = {}) =>
  testContext({ platform: 'slack', workspaceId: 'T0TEST', userId: 'U0PLAIN', chartOnPress: 'Press Chart.', ...over });
const argsOf = (actions: { label: string; args: object }[], label: string) =>
  actions.find((a) => a.label === label)?.args;

describe('a Details button after the chart went to the DM', () => {
  it('carries chart:sent on a private chart:on answer; Share keeps chart:on, so the channel gets the picture', async () => {
    const { actions } = (await runText('/fees 15000 chart:on', commands, slack())).reply;
    expect(argsOf(actions, 'Details')).toEqual({ amount: 15000, chart: 'sent', details: true });
    expect(argsOf(actions, 'Share in channel')).toEqual({ amount: 15000, chart: 'on', share: true });
  });

  it('is unchanged where the chart goes with the answer, is held for the Chart button, or is shared', async () => {
    const discord = testContext({ platform: 'discord', workspaceId: 'g1', userId: 'u1' });
    const onDiscord = (await runText('/fees 15000 chart:on', commands, discord)).reply.actions;
    expect(argsOf(onDiscord, 'Details')).toEqual({ amount: 15000, chart: 'on', details: true });
    const held = (await runText('/fees 15000', commands, slack())).reply.actions;
    expect(argsOf(held, 'Details')).toEqual({ amount: 15000, details: true });
    expect(argsOf(held, 'Chart')).toEqual({ amount: 15000, chart: 'on' });
    const shared = (await runText('/fees 15000 chart:on share:yes', commands, slack())).reply.actions;
    expect(argsOf(shared, 'Details')).toEqual({ amount: 15000, chart: 'on', details: true });
  });

  it('pressed, answers as chart:on marked chartSent, from a token within 100 characters or a saved button', async () => {
    const store = memoryStore();
    const ctx = slack({ store, now: new Date() });
    const csv = ['2026-01-05,successful,800,Acme,Logo', '2026-02-01,successful,500,Bolt,Site'].join('\n');
    expect((await runCommand(contractsImport, { csv }, ctx)).outcome).toBe('ok');
    for (const line of ['/fees 15000 chart:on', '/jss chart:on target:95']) {
      const answer = await runText(line, commands, ctx);
      const whole = await runText(`${line} details:yes`, commands, ctx);
      for (const ids of [ROOM_100, undefined]) {
        const sent = await saveActions(answer.reply, ctx, store, ctx.now, ids);
        const ref = sent.actions.find((a) => a.label === 'Details')?.ref ?? '';
        if (ids) expect(ref.length, line).toBeLessThanOrEqual(100);
        expect(SAVED.test(ref), line).toBe(ids === undefined);
        const pressed = await pressAction(ref, ctx, commands);
        expect(pressed, line).toMatchObject({ outcome: 'ok', inPlace: true, chartSent: true });
        expect(pressed.reply.chart, line).toEqual(whole.reply.chart);
        expect(pressed.reply.blocks, line).toEqual(whole.reply.blocks);
      }
    }
  });

  it('cannot be typed: chart:sent on a command line is refused, so no one is told of a picture never sent', async () => {
    const answer = await runText('/fees 15000 chart:sent', commands, slack());
    expect(answer).toMatchObject({ outcome: 'user_error', code: 'invalid_option' });
  });
});
