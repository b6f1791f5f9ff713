// Charts on Slack through real Bolt over loopback HTTP: the answer first, then files.uploadV2 to the
// place the answer went: the channel when shared; a private answer offers a Chart button that brings it to the DM.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { pngSize } from '../../support/png.js';
import { type Button, buttonsOf, pressPayload } from './buttons.js';
import { type Harness, messageOf, startHarness, UPLOAD_URL, visibleText } from './harness.js';

logger.level = 'silent';
/** The first chart loads echarts and resvg; on a busy shared machine that takes seconds. */
const CHART_WAIT_MS = 30_000;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start() {
  harness = await startHarness({
    deps: { commands, store: memoryStore() },
    users: { U0PLAIN: {}, U0ADMIN: { is_admin: true } },
  });
  return harness;
}

const methods = (h: Harness) => h.calls.map((c) => c.method);

describe('slack charts', { timeout: 60_000 }, () => {
  it('/fees shared: uploads the PNG to the channel with files.uploadV2 after the answer', async () => {
    const h = await start();
    const sent = await h.send('/fees', '15000 share:yes');
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body).text).toContain('15,000'); // the answer went out in the ack
    const [complete] = await h.waitForCalls('files.completeUploadExternal', 1, CHART_WAIT_MS);
    expect(complete?.body.channel_id).toBe('C0GENERAL');
    expect(complete?.body.initial_comment).toContain('of $15,000 under');
    expect(JSON.parse(String(complete?.body.files))).toEqual([{ id: 'F1', title: 'fees.png' }]);

    const order = methods(h).filter((m) => m.startsWith('files.') || m === 'file_upload' || m === 'conversations.open');
    expect(order).toEqual(['files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal']);
    const ask = h.calls.find((c) => c.method === 'files.getUploadURLExternal');
    expect(ask?.body.filename).toBe('fees.png');
    expect(String(ask?.body.alt_text)).toMatch(/^Bar chart of what you keep/);
    const upload = h.calls.find((c) => c.method === 'file_upload' && c.url.startsWith(UPLOAD_URL));
    const bytes = upload?.data as Buffer;
    expect(Number(ask?.body.length)).toBe(bytes.length);
    expect(pngSize(bytes).width).toBeGreaterThanOrEqual(600);
  });

  it('/fees private: no upload, a Chart button; pressing it uploads once, to the DM, and updates the answer', async () => {
    const h = await start();
    const answer = JSON.parse((await h.send('/fees', '15000')).body);
    expect(methods(h).filter((m) => m.startsWith('files.') || m === 'conversations.open')).toEqual([]);
    const chart = buttonsOf(answer).find((b) => b.text.text === 'Chart');
    expect(chart).toBeDefined();

    const pressed = await h.sendPayload(pressPayload(chart as Button, 'U0PLAIN'));
    expect(pressed.status).toBe(200);
    const [mine] = await h.waitForCalls('files.completeUploadExternal', 1, CHART_WAIT_MS);
    expect(mine?.body.channel_id).toBe('DU0PLAIN');
    expect(String(mine?.body.initial_comment)).toContain('of $15,000 under');
    expect(h.calls.find((c) => c.method === 'conversations.open')?.body.users).toBe('U0PLAIN');
    // The press's own answer takes the private answer's place, says where the picture went and offers no second Chart button.
    const replies = h.calls.filter((c) => c.method === 'response_url');
    expect(replies.map((c) => c.body.replace_original)).toEqual([true]);
    const after = replies.map((c) => messageOf(c));
    expect(after.some((m) => visibleText(m).includes('Chart: sent to you in a direct message'))).toBe(true);
    expect(after.flatMap((m) => buttonsOf(m)).some((b) => b.text.text === 'Chart')).toBe(false);
    expect(visibleText(after[0] ?? {}).split('\n')[0]).toBe(visibleText(answer).split('\n')[0]);
    expect(visibleText(after[0] ?? {})).not.toContain('Press Chart');

    // A shared answer after it uploads to the channel; the private answer itself never uploaded.
    await h.send('/fees', '16000 share:yes');
    const done = await h.waitForCalls('files.completeUploadExternal', 2, CHART_WAIT_MS);
    expect(done.map((c) => [c.body.channel_id, String(c.body.initial_comment).match(/of (\$[\d,]+)/)?.[1]])).toEqual([
      ['DU0PLAIN', '$15,000'],
      ['C0GENERAL', '$16,000'],
    ]);
    expect(h.calls.filter((c) => c.method === 'files.getUploadURLExternal')).toHaveLength(2);
  });

  it('a shared chart in a channel gigdesk is not in goes to the asker’s DM, which says why', async () => {
    harness = await startHarness({
      deps: { commands, store: memoryStore() },
      users: { U0PLAIN: {} },
      notInChannel: ['C0GENERAL'],
    });
    const h = harness;
    await h.send('/fees', '15000 share:yes');
    const [refused, moved] = await h.waitForCalls('files.completeUploadExternal', 2, CHART_WAIT_MS);
    expect(refused?.body.channel_id).toBe('C0GENERAL');
    expect(moved?.body.channel_id).toBe('DU0PLAIN');
    const said = String(moved?.body.initial_comment);
    expect(said).toContain('of $15,000 under');
    expect(said).toContain('not a member of that channel');
  });

  it('uploads nothing with chart:off, or after a workspace admin turned charts off', async () => {
    const h = await start();
    await h.send('/fees', '15000 chart:off share:yes');
    await h.send('/settings', 'charts:off', { userId: 'U0PLAIN' }); // refused: not an admin
    await h.send('/fees', '15000 share:yes');
    await h.waitForCalls('files.completeUploadExternal', 1, CHART_WAIT_MS);
    await h.send('/settings', 'charts:off', { userId: 'U0ADMIN' });
    await h.send('/fees', '16000 share:yes');
    const mine = JSON.parse((await h.send('/fees', '16000')).body);
    expect(buttonsOf(mine).map((b) => b.text.text)).not.toContain('Chart');
    expect(visibleText(mine)).not.toContain('Chart');
    // Back on: the next chart arrives, and none came for the answers while charts were off.
    await h.send('/settings', 'charts:on', { userId: 'U0ADMIN' });
    await h.send('/fees', '17000 share:yes');
    const done = await h.waitForCalls('files.completeUploadExternal', 2, CHART_WAIT_MS);
    expect(done.map((c) => String(c.body.initial_comment).match(/of (\$[\d,]+)/)?.[1])).toEqual(['$15,000', '$17,000']);
    expect(h.calls.filter((c) => c.method === 'files.getUploadURLExternal')).toHaveLength(2);
  });

  it('a private answer says Chart brings the picture to the DM; a shared one says the channel', async () => {
    const h = await start();
    const mine = JSON.parse((await h.send('/fees', '15000')).body);
    const said = visibleText(mine);
    expect(said).toContain('Press Chart to get the picture in a direct message from gigdesk.');
    expect(said.split('\n')[0]).not.toContain('Chart');
    const shared = JSON.parse((await h.send('/fees', '15000 share:yes')).body);
    expect(visibleText(shared)).toContain('Chart: posted in this channel');
    expect(buttonsOf(shared).map((b) => b.text.text)).toEqual(['Details']);
    const plain = JSON.parse((await h.send('/fees', '15000 chart:off')).body);
    expect(visibleText(plain)).not.toContain('Chart');
    expect(buttonsOf(plain).map((b) => b.text.text)).not.toContain('Chart');
    await h.waitForCalls('files.completeUploadExternal', 1, CHART_WAIT_MS);
  });

  it('a Share press on a private /fees answer posts the text and the chart in the channel', async () => {
    const h = await start();
    const answer = JSON.parse((await h.send('/fees', '15000')).body);
    const share = buttonsOf(answer).find((b) => b.text.text === 'Share in channel');
    expect(share).toBeDefined();
    const pressed = await h.sendPayload(pressPayload(share as Button, 'U0PLAIN'));
    expect(pressed.status).toBe(200);
    const [posted] = await h.waitForCalls('files.completeUploadExternal', 1, CHART_WAIT_MS);
    expect(posted?.body.channel_id).toBe('C0GENERAL');
    expect(String(posted?.body.initial_comment)).toContain('of $15,000 under');
    const text = h.calls.filter((c) => c.method === 'response_url').map((c) => messageOf(c));
    expect(text.some((m) => m.response_type === 'in_channel' && visibleText(m).includes('15,000'))).toBe(true);
  });
});
