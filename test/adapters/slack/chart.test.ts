// Charts on Slack through real Bolt over loopback HTTP: the answer first, then files.uploadV2 to the
// place the answer went (the user's DM for a private answer, the channel when shared).
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { pngSize } from '../../support/png.js';
import { type Harness, startHarness, UPLOAD_URL } from './harness.js';

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
  it.each([
    ['private', '15000', 'DU0PLAIN', true],
    ['shared', '15000 share:yes', 'C0GENERAL', false],
  ])('/fees %s: uploads the PNG with files.uploadV2 after the answer', async (_, text, channel, opensDm) => {
    const h = await start();
    const sent = await h.send('/fees', text);
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body).text).toContain('15,000'); // the answer went out in the ack
    const [complete] = await h.waitForCalls('files.completeUploadExternal', 1, CHART_WAIT_MS);
    expect(complete?.body.channel_id).toBe(channel);
    expect(complete?.body.initial_comment).toContain('of $15,000 under');
    expect(JSON.parse(String(complete?.body.files))).toEqual([{ id: 'F1', title: 'fees.png' }]);

    const order = methods(h).filter((m) => m.startsWith('files.') || m === 'file_upload' || m === 'conversations.open');
    expect(order).toEqual([
      ...(opensDm ? ['conversations.open'] : []),
      'files.getUploadURLExternal',
      'file_upload',
      'files.completeUploadExternal',
    ]);
    const ask = h.calls.find((c) => c.method === 'files.getUploadURLExternal');
    expect(ask?.body.filename).toBe('fees.png');
    expect(String(ask?.body.alt_text)).toMatch(/^Bar chart of what you keep/);
    const upload = h.calls.find((c) => c.method === 'file_upload' && c.url.startsWith(UPLOAD_URL));
    const bytes = upload?.data as Buffer;
    expect(Number(ask?.body.length)).toBe(bytes.length);
    expect(pngSize(bytes).width).toBeGreaterThanOrEqual(600);
    if (opensDm) expect(h.calls.find((c) => c.method === 'conversations.open')?.body.users).toBe('U0PLAIN');
  });

  it('uploads nothing with chart:off, or after a workspace admin turned charts off', async () => {
    const h = await start();
    await h.send('/fees', '15000 chart:off');
    await h.send('/settings', 'charts:off', { userId: 'U0PLAIN' }); // refused: not an admin
    await h.send('/fees', '15000');
    await h.waitForCalls('files.completeUploadExternal', 1, CHART_WAIT_MS);
    await h.send('/settings', 'charts:off', { userId: 'U0ADMIN' });
    await h.send('/fees', '16000');
    // Back on: the next chart arrives, and none came for the answers while charts were off.
    await h.send('/settings', 'charts:on', { userId: 'U0ADMIN' });
    await h.send('/fees', '17000');
    const done = await h.waitForCalls('files.completeUploadExternal', 2, CHART_WAIT_MS);
    expect(done.map((c) => String(c.body.initial_comment).match(/of (\$[\d,]+)/)?.[1])).toEqual(['$15,000', '$17,000']);
    expect(h.calls.filter((c) => c.method === 'files.getUploadURLExternal')).toHaveLength(2);
  });
});
