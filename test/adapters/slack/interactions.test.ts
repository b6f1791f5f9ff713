// Buttons, forms, the message shortcut and files through real Bolt over signed loopback HTTP.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contractsImport } from '../../../src/commands/contractsImport.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { EXPIRED, NOT_YOURS } from '../../../src/core/runtime/actions.js';
import type { Command } from '../../../src/core/runtime/command.js';
import { runCommand } from '../../../src/core/runtime/run.js';
import { memoryStore, type Store } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import { type Button, buttonsOf, pressPayload as press, submitPayload, who } from './buttons.js';
import { type Harness, messageOf, RESPONSE_URL, startHarness, visibleText } from './harness.js';

logger.level = 'silent';

function named(name: string): Command {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new Error(`no command ${name}`);
  return command;
}

const OWNER = 'U0PLAIN';
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(now = () => new Date()): Promise<{ h: Harness; store: Store }> {
  const store = memoryStore();
  harness = await startHarness({ deps: { commands, store, now } });
  return { h: harness, store };
}

describe('Slack buttons (block_actions)', () => {
  it('puts Share on a private /jss answer; pressing it posts the answer in the channel', async () => {
    const { h } = await start();
    const ack = JSON.parse((await h.send('/jss', '7 1 8')).body);
    expect(ack.response_type).toBe('ephemeral');
    const share = buttonsOf(ack).find((b) => b.text.text === 'Share in channel');
    expect(share?.action_id).toMatch(/^[A-Za-z0-9_-]{22}\.\d$/);
    expect(share?.value).toBe(share?.action_id);
    expect((await h.sendPayload(press(share as Button, OWNER))).status).toBe(200);
    const [posted] = await h.waitForCalls('response_url', 1);
    expect(posted?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(visibleText(messageOf(posted))).toContain('75 %');
    expect(buttonsOf(messageOf(posted)).map((b) => b.text.text)).not.toContain('Share in channel');
  });

  it('refuses a press by someone else, privately, and changes nothing', async () => {
    const { h, store } = await start();
    const ctx = { ...testContext({ store }), platform: 'slack' as const, workspaceId: 'T0TEST', userId: OWNER };
    await runCommand(named('followup start'), { client: 'Ana', delivered: 'today' }, ctx);
    const ack = JSON.parse((await h.send('/followup', 'list')).body);
    const done = buttonsOf(ack).find((b) => b.text.text === '#1 Done');
    expect(done).toBeDefined();
    await h.sendPayload(press(done as Button, 'U0OTHER'));
    const [refused] = await h.waitForCalls('response_url', 1);
    expect(refused?.body.response_type).toBe('ephemeral');
    expect(visibleText(messageOf(refused))).toContain(NOT_YOURS);
    const still = JSON.parse((await h.send('/followup', 'list')).body);
    expect(visibleText(still)).not.toContain('finished');
    // The owner's own press does stop it.
    await h.sendPayload(press(done as Button, OWNER));
    const [, stopped] = await h.waitForCalls('response_url', 2);
    expect(visibleText(messageOf(stopped))).toContain('Stopped follow-up #1 with Ana');
  });

  it('answers a press after the buttons expired with a clear message', async () => {
    const { h } = await start();
    const ack = JSON.parse((await h.send('/jss', '7 1 8')).body);
    // The store's clock decides when saved buttons expire: nine days on.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 9 * 86_400_000);
      await h.sendPayload(press(buttonsOf(ack)[0] as Button, OWNER));
      const [answer] = await h.waitForCalls('response_url', 1);
      expect(visibleText(messageOf(answer))).toContain(EXPIRED);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Slack forms, the message shortcut and files', () => {
  it('opens a form for /check without text and checks the submitted text, line breaks and all', async () => {
    const { h } = await start();
    expect((await h.send('/check', '')).status).toBe(200);
    const [opened] = await h.waitForCalls('views.open', 1);
    const view = JSON.parse(String(opened?.body.view));
    expect(view.blocks[0].element).toMatchObject({ type: 'plain_text_input', multiline: true });
    await h.sendPayload(submitPayload(view, OWNER, 'Thanks!\nPlease leave me 5 stars.'));
    const [answer] = await h.waitForCalls('response_url', 1);
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(visibleText(messageOf(answer)).toLowerCase()).toContain('5 stars');
  });

  it('checks a message through the "Check this wording" shortcut, privately', async () => {
    const { h } = await start();
    await h.sendPayload({
      type: 'message_action',
      callback_id: 'check_wording',
      ...who(OWNER),
      token: 'legacy-verification-token',
      trigger_id: '1.2.5',
      response_url: RESPONSE_URL,
      channel: { id: 'C0GENERAL', name: 'general' },
      message_ts: '1700000000.2',
      action_ts: '1700000002.1',
      message: {
        type: 'message',
        user: 'U0WRITER',
        ts: '1700000000.2',
        text: 'Please leave me a 5 star review &amp; thanks',
      },
    });
    const [answer] = await h.waitForCalls('response_url', 1);
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(visibleText(messageOf(answer)).toLowerCase()).toContain('5 star');
    // Someone else's posted message: no Share (it would quote them in public), worded for a sent message.
    expect(buttonsOf(messageOf(answer)).map((b) => b.text.text)).not.toContain('Share in channel');
    expect(messageOf(answer).text).toMatch(/^This message would need one change/);
    expect(visibleText(messageOf(answer))).not.toContain('before you send this');
  });

  it('refuses a message longer than /check reads instead of checking a cut of it', async () => {
    const { h } = await start();
    // The request for stars sits past the 4,000th character: a cut would call the message fine.
    const text = `${'Thanks for the project. '.repeat(200)}Please leave me a 5 star review.`;
    await h.sendPayload({
      type: 'message_action',
      callback_id: 'check_wording',
      ...who(OWNER),
      trigger_id: '1.2.6',
      response_url: RESPONSE_URL,
      channel: { id: 'C0GENERAL', name: 'general' },
      message_ts: '1700000000.3',
      action_ts: '1700000002.2',
      message: { type: 'message', user: 'U0WRITER', ts: '1700000000.3', text },
    });
    const [answer] = await h.waitForCalls('response_url', 1);
    const shown = visibleText(messageOf(answer));
    expect(shown).toContain(`That message is 4,832 characters long, and /check reads at most 4,000`);
    expect(shown).not.toMatch(/Good to send/);
  });

  it('sends /mydata export as a complete JSON file to the user’s DM, however much is stored', async () => {
    const { h, store } = await start();
    const ctx = { ...testContext({ store }), platform: 'slack' as const, workspaceId: 'T0TEST', userId: OWNER };
    const lines = Array.from(
      { length: 1500 },
      (_, i) =>
        `2026-01-${String((i % 28) + 1).padStart(2, '0')},successful,${i + 1},Client ${i}, A long project title number ${i}`,
    );
    expect((await runCommand(contractsImport, { csv: lines.join('\n') }, ctx)).outcome).toBe('ok');
    const ack = JSON.parse((await h.send('/mydata', 'export')).body);
    expect(visibleText(ack)).toContain('direct message');
    const [upload] = await h.waitForCalls('file_upload', 1);
    const exported = JSON.parse(String(upload?.data));
    expect(exported.data.contracts.contracts).toHaveLength(1500);
    expect(upload?.data?.length).toBeGreaterThan(200_000);
    const [done] = await h.waitForCalls('files.completeUploadExternal', 1);
    expect(done?.body.channel_id).toBe(`D${OWNER}`);
  });
});
