// How many pictures a run of presses on one private Slack answer sends, through real Bolt over loopback HTTP:
// Chart sends one to the DM, Details after it sends none more, Share sends one to the channel.
import { afterEach, describe, expect, it } from 'vitest';
import { contractsImport } from '../../../src/commands/contractsImport.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { runCommand } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import { type Button, buttonsOf, pressPayload } from './buttons.js';
import { type Harness, messageOf, startHarness, visibleText } from './harness.js';

logger.level = 'silent';
/** The first chart loads echarts and resvg; on a busy shared machine that takes seconds. */
const CHART_WAIT_MS = 30_000;
const OWNER = 'U0PLAIN';
const DM = `D${OWNER}`;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const labels = (message: object) => buttonsOf(message).map((b) => b.text.text);

/** Presses `label` on `message` as its owner; returns the message the press answered with. */
async function press(h: Harness, message: object, label: string) {
  const button = buttonsOf(message).find((b) => b.text.text === label);
  expect(button, label).toBeDefined();
  const before = h.calls.filter((c) => c.method === 'response_url').length;
  expect((await h.sendPayload(pressPayload(button as Button, OWNER))).status).toBe(200);
  const call = (await h.waitForCalls('response_url', before + 1))[before];
  return { body: call?.body ?? {}, message: messageOf(call) };
}

/** Where each picture went, once `count` uploads are complete. */
async function uploadsTo(h: Harness, count: number) {
  const done = await h.waitForCalls('files.completeUploadExternal', count, CHART_WAIT_MS);
  expect(h.calls.filter((c) => c.method === 'file_upload')).toHaveLength(done.length);
  return done.map((c) => String(c.body.channel_id));
}

/** A private /fees 15000 answer on a fresh app, its Chart pressed: one picture, in the owner's DM. */
async function feesCharted() {
  harness = await startHarness({ deps: { commands, store: memoryStore() }, users: { [OWNER]: {} } });
  const h = harness;
  const answer = JSON.parse((await h.send('/fees', '15000')).body);
  const charted = await press(h, answer, 'Chart');
  expect(await uploadsTo(h, 1)).toEqual([DM]);
  return { h, charted };
}

describe('chart presses on a private Slack answer', { timeout: 90_000 }, () => {
  it('Chart then Details: one picture in the DM; Details says where it went and sends no second one', async () => {
    const { h, charted } = await feesCharted();
    const detailed = await press(h, charted.message, 'Details');
    expect(detailed.body.replace_original).toBe(true);
    expect(visibleText(detailed.message)).toContain('Chart: sent to you in a direct message');
    expect(labels(detailed.message)).toEqual(['Share in channel']);
    // The Share press is the marker: the same chart, drawn already, so a second DM upload would come before it.
    await press(h, detailed.message, 'Share in channel');
    expect(await uploadsTo(h, 2)).toEqual([DM, 'C0GENERAL']);
  });

  it('Details then Chart on /jss from the contract log: one picture in the DM', async () => {
    const store = memoryStore();
    const ctx = { ...testContext({ store }), platform: 'slack' as const, workspaceId: 'T0TEST', userId: OWNER };
    const csv = ['2026-01-05,successful,800,Acme,Logo', '2026-02-01,successful,500,Bolt,Site'].join('\n');
    expect((await runCommand(contractsImport, { csv }, { ...ctx, now: new Date() })).outcome).toBe('ok');
    harness = await startHarness({ deps: { commands, store }, users: { [OWNER]: {} } });
    const h = harness;
    const answer = JSON.parse((await h.send('/jss', '')).body);
    const detailed = await press(h, answer, 'Details');
    expect(labels(detailed.message)).toEqual(['Chart', 'Share in channel']);
    expect(h.calls.filter((c) => c.method.startsWith('files.'))).toEqual([]);
    const charted = await press(h, detailed.message, 'Chart');
    expect(charted.body.replace_original).toBe(true);
    expect(labels(charted.message)).toEqual(['Share in channel']);
    expect(await uploadsTo(h, 1)).toEqual([DM]);
    await press(h, charted.message, 'Share in channel');
    expect(await uploadsTo(h, 2)).toEqual([DM, 'C0GENERAL']);
  });

  it('Share after Chart posts the picture in the channel too: the channel asked to see the answer and has not seen it', async () => {
    const { h, charted } = await feesCharted();
    const shared = await press(h, charted.message, 'Share in channel');
    expect(shared.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(visibleText(shared.message)).toContain('Chart: posted in this channel');
    expect(await uploadsTo(h, 2)).toEqual([DM, 'C0GENERAL']);
  });
});
