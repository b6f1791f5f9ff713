// Which presses change the private answer they were pressed on (replace_original through the response_url)
// and which post a new message, through real Bolt over signed loopback HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { contractsImport } from '../../../src/commands/contractsImport.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { EXPIRED, NOT_YOURS } from '../../../src/core/runtime/actions.js';
import { runCommand } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import { type Button, buttonsOf, pressPayload } from './buttons.js';
import { type Harness, messageOf, startHarness, visibleText } from './harness.js';

logger.level = 'silent';

const OWNER = 'U0PLAIN';
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start() {
  const store = memoryStore();
  harness = await startHarness({ deps: { commands, store }, users: { [OWNER]: {}, U0OTHER: {} } });
  return { h: harness, store };
}

const labels = (message: object) => buttonsOf(message).map((b) => b.text.text);

/** Presses `label` on the private answer `ack` and returns the response_url call it made. */
async function press(h: Harness, ack: object, label: string, userId = OWNER, onEphemeral = true) {
  const button = buttonsOf(ack).find((b) => b.text.text === label);
  expect(button).toBeDefined();
  const payload = pressPayload(button as Button, userId);
  if (!onEphemeral) payload.container.is_ephemeral = false;
  const before = h.calls.filter((c) => c.method === 'response_url').length;
  expect((await h.sendPayload(payload)).status).toBe(200);
  return (await h.waitForCalls('response_url', before + 1))[before];
}

describe('a press on a private Slack answer', () => {
  it('Details by the owner replaces the answer with the detailed one, which offers no second Details', async () => {
    const { h } = await start();
    const ack = JSON.parse((await h.send('/fees', '15000')).body);
    expect(labels(ack)).toContain('Details');
    const detailed = JSON.parse((await h.send('/fees', '15000 details:yes')).body);
    const pressed = await press(h, ack, 'Details');
    expect(pressed?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(visibleText(messageOf(pressed))).toBe(visibleText(detailed));
    expect(visibleText(messageOf(pressed)).length).toBeGreaterThan(visibleText(ack).length);
    expect(labels(messageOf(pressed))).toEqual(labels(detailed));
    expect(labels(messageOf(pressed))).not.toContain('Details');
    expect(labels(messageOf(pressed))).toContain('Share in channel');
  });

  it('Share still posts a new public message and leaves the private answer alone', async () => {
    const { h } = await start();
    const ack = JSON.parse((await h.send('/jss', '7 1 8')).body);
    const shared = await press(h, ack, 'Share in channel');
    expect(shared?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
  });

  it('refuses someone else’s press in a new private message, never in place of the answer', async () => {
    const { h } = await start();
    const ack = JSON.parse((await h.send('/fees', '15000')).body);
    const refused = await press(h, ack, 'Details', 'U0OTHER');
    expect(refused?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(messageOf(refused))).toContain(NOT_YOURS);
  });

  it('answers an unknown button in a new private message', async () => {
    const { h } = await start();
    const forged = {
      action_id: 'AAAAAAAAAAAAAAAAAAAAAA.0',
      value: 'AAAAAAAAAAAAAAAAAAAAAA.0',
      text: { text: 'Details' },
    };
    const answer = await press(h, { blocks: [{ type: 'actions', elements: [forged] }] }, 'Details');
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(messageOf(answer))).toContain(EXPIRED);
  });

  it('posts a new message when the pressed message is not an ephemeral answer', async () => {
    const { h } = await start();
    const ack = JSON.parse((await h.send('/fees', '15000')).body);
    const pressed = await press(h, ack, 'Details', OWNER, false);
    expect(pressed?.body.replace_original).toBe(false);
  });

  it('keeps /desk in place when its Chart button answers with /jss', async () => {
    const { h, store } = await start();
    const ctx = { ...testContext({ store }), platform: 'slack' as const, workspaceId: 'T0TEST', userId: OWNER };
    const csv = ['2026-01-05,successful,800,Acme,Logo', '2026-02-01,successful,500,Bolt,Site'].join('\n');
    expect((await runCommand(contractsImport, { csv }, { ...ctx, now: new Date() })).outcome).toBe('ok');
    const desk = JSON.parse((await h.send('/desk', '')).body);
    const pressed = await press(h, desk, 'Chart');
    expect(pressed?.body.replace_original).toBe(false);
    expect(visibleText(messageOf(pressed))).not.toBe(visibleText(desk));
    await h.waitForCalls('files.completeUploadExternal', 1, 30_000);
  }, 40_000);
});
