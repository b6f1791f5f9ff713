// Signed buttons through real Bolt over signed loopback HTTP: an answer with buttons writes nothing to the
// store, a press runs as the presser, and forged, changed, expired or someone else's buttons get today's answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { EXPIRED, NOT_YOURS } from '../../../src/core/runtime/actions.js';
import { useButtonSecret } from '../../../src/core/runtime/buttonTokens.js';
import { countingStore } from '../../support/writes.js';
import { type Button, buttonsOf, pressPayload as press, submitPayload } from './buttons.js';
import { type Harness, messageOf, startHarness, visibleText } from './harness.js';

logger.level = 'silent';

const OWNER = 'U0PLAIN';
const DAY_MS = 86_400_000;
let harness: Harness | undefined;
let closeStore: (() => Promise<void>) | undefined;
beforeEach(() => useButtonSecret('a-test-secret-of-at-least-32-characters'));
afterEach(async () => {
  useButtonSecret(undefined);
  await harness?.close();
  await closeStore?.();
  harness = undefined;
});

async function start() {
  const { store, writes } = countingStore();
  closeStore = () => store.close();
  const clock = { now: new Date() };
  harness = await startHarness({ deps: { commands, store, now: () => clock.now } });
  return { h: harness, writes, clock };
}

async function jssButtons(h: Harness) {
  const ack = JSON.parse((await h.send('/jss', '7 1 8')).body);
  const buttons = buttonsOf(ack);
  const share = buttons.find((b) => b.text.text === 'Share in channel') as Button;
  return { ack, buttons, share };
}

describe('Slack buttons without a write', () => {
  it('answers /jss with buttons and writes nothing; Share then posts the answer in the channel', async () => {
    const { h, writes } = await start();
    const { buttons, share } = await jssButtons(h);
    expect(buttons.map((b) => b.text.text)).toEqual(['Details', 'Share in channel']);
    expect(writes).toEqual([]);
    expect(share.value.length).toBeLessThanOrEqual(2000);
    expect(share.action_id).toMatch(/^t\d$/);
    await h.sendPayload(press(share, OWNER));
    const [posted] = await h.waitForCalls('response_url', 1);
    expect(posted?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(visibleText(messageOf(posted))).toContain('75 %');
    expect(writes).toEqual([]);
  });

  it('refuses someone else’s press on a private answer with today’s words', async () => {
    const { h } = await start();
    const { share } = await jssButtons(h);
    expect(share.action_id).toMatch(/^t\d$/);
    await h.sendPayload(press(share, 'U0OTHER'));
    const [refused] = await h.waitForCalls('response_url', 1);
    expect(refused?.body.response_type).toBe('ephemeral');
    expect(visibleText(messageOf(refused))).toContain(NOT_YOURS);
  });

  it('answers a forged, changed or expired button as expired, privately, and shares nothing', async () => {
    const { h, clock } = await start();
    const { share } = await jssButtons(h);
    const [head = '', mac = '', ...rest] = share.value.split('.');
    const forged = [head, `${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`, ...rest].join('.');
    const changed = share.value.replace('successful=7', 'successful=8');
    const otherOwner = [head, mac, 'U0OTHER', ...rest.slice(1)].join('.');
    expect(changed).not.toBe(share.value);
    await h.sendPayload(press(share, OWNER, forged));
    await h.sendPayload(press(share, OWNER, changed));
    await h.sendPayload(press(share, 'U0OTHER', otherOwner));
    clock.now = new Date(clock.now.getTime() + 8 * DAY_MS);
    await h.sendPayload(press(share, OWNER));
    const answers = await h.waitForCalls('response_url', 4);
    expect(answers).toHaveLength(4);
    for (const answer of answers) {
      expect(answer.body.response_type).toBe('ephemeral');
      expect(visibleText(messageOf(answer))).toContain(EXPIRED);
    }
  });

  it('saves a button whose action is too long for a value, and it works; the next answer writes nothing', async () => {
    const { h, writes } = await start();
    // Each of these characters takes 9 in the token (percent-encoded UTF-8): over Slack's 2,000 in all.
    const client = '漢'.repeat(80);
    const line = `five-star client:${client} project:${'字'.repeat(120)} you:${'名'.repeat(80)}`;
    const ack = JSON.parse((await h.send('/template', line)).body);
    const copy = buttonsOf(ack).find((b) => b.text.text === 'Copy-ready') as Button;
    expect(copy.value).toMatch(/^[A-Za-z0-9_-]{22}\.\d$/);
    expect(writes.some((w) => w.startsWith('expiring save'))).toBe(true);
    await h.sendPayload(press(copy, OWNER));
    const [answer] = await h.waitForCalls('response_url', 1);
    expect(visibleText(messageOf(answer))).toContain(client);
    const before = writes.length;
    const next = JSON.parse((await h.send('/template', 'five-star client:Ana')).body);
    expect(buttonsOf(next).length).toBeGreaterThan(0);
    expect(writes.slice(before)).toEqual([]);
  });

  it('opens a form for /check without text and writes nothing; the submission is checked as the person', async () => {
    const { h, writes } = await start();
    expect((await h.send('/check', '')).status).toBe(200);
    const [opened] = await h.waitForCalls('views.open', 1);
    const view = JSON.parse(String(opened?.body.view));
    expect(view.callback_id).not.toMatch(/^[A-Za-z0-9_-]{22}\.\d$/);
    expect(view.callback_id.length).toBeLessThanOrEqual(255);
    expect(writes).toEqual([]);
    const submit = (userId: string, callbackId = view.callback_id) =>
      submitPayload({ ...view, callback_id: callbackId }, userId, 'Please leave me 5 stars.');
    await h.sendPayload(submit(OWNER));
    const [checked] = await h.waitForCalls('response_url', 1);
    expect(visibleText(messageOf(checked)).toLowerCase()).toContain('5 stars');
    const [head = '', mac = '', ...rest] = view.callback_id.split('.');
    await h.sendPayload(submit(OWNER, [head, `${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`, ...rest].join('.')));
    await h.sendPayload(submit('U0OTHER'));
    const [, forged, other] = await h.waitForCalls('response_url', 3);
    expect(visibleText(messageOf(forged))).toContain(EXPIRED);
    expect(visibleText(messageOf(other))).toContain(NOT_YOURS);
    expect(writes).toEqual([]);
  });
});
