// A reminder that could not reach its user (DMs closed) is shown once, privately, after their next
// answer: on Slack (real Bolt over loopback) and on the console too, not only on Discord.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsole } from '../../src/adapters/console/console.js';
import { consoleContext } from '../../src/adapters/console/context.js';
import { commands } from '../../src/commands/index.js';
import { deliverDue } from '../../src/core/followups/delivery.js';
import { loadFollowups, startFollowup } from '../../src/core/followups/reminders.js';
import { logger } from '../../src/core/log.js';
import type { Context } from '../../src/core/runtime/command.js';
import { memoryStore, type Store } from '../../src/core/store/store.js';
import { messageOf, startHarness, visibleText } from './slack/harness.js';

logger.level = 'silent';

const MISSED = 'This follow-up reminder could not reach you as a direct message (are your DMs closed?).';

/** A ladder whose closing nudge fell due while the user's DMs were closed: kept as a notice. */
async function missedReminder(ctx: Context): Promise<void> {
  // Started 8 days ago: the closing nudge is due now.
  const then = new Date(ctx.now.getTime() - 8 * 86_400_000);
  const delivered = then.toISOString().slice(0, 10);
  await startFollowup({ ...ctx, now: then }, { client: 'Acme', delivered, tone: 'warm', tz: 'UTC' });
  await deliverDue(ctx.store, ctx.now, async () => false, { platforms: [ctx.platform] });
  expect((await loadFollowups(ctx))[0]?.steps.some((s) => s.status === 'undelivered')).toBe(true);
}

const slackUser = (store: Store): Context => ({
  platform: 'slack',
  workspaceId: 'T0TEST',
  userId: 'U0PLAIN',
  isAdmin: false,
  now: new Date(),
  store,
});

describe('missed-reminder notices', () => {
  it('reach a Slack user after their next answer, privately, once', async () => {
    const store = memoryStore();
    await missedReminder(slackUser(store));
    const h = await startHarness({ deps: { commands, store }, users: { U0PLAIN: {} } });
    try {
      const ack = JSON.parse((await h.send('/jss', '7 1 8')).body);
      expect(visibleText(ack)).toContain('75 %');
      const [notice] = await h.waitForCalls('response_url', 1);
      expect(messageOf(notice).response_type).toBe('ephemeral');
      expect(messageOf(notice).text).toBe(MISSED);
      expect(visibleText(messageOf(notice))).toContain('Acme: closing nudge');
      // Shown once: the next answer comes alone.
      const before = h.calls.length;
      await h.send('/jss', '7 1 8');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(h.calls.slice(before).filter((c) => c.method === 'response_url')).toEqual([]);
    } finally {
      await h.close();
      await store.close();
    }
  });

  it('reach a console user after their next answer, once', async () => {
    const store = memoryStore();
    await missedReminder(consoleContext(store));
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
    });
    const adapter = await startConsole({ outDir: './out' }, { store, input, output });
    input.end('/jss 7 1 8\n/jss 7 1 8\n');
    await adapter.ended;
    await store.close();
    const answer = shown.indexOf('75 %');
    // The console wraps at 64 characters: look for the lead's first words.
    const start = MISSED.slice(0, 40);
    const notice = shown.indexOf(start);
    expect(answer).toBeGreaterThan(0);
    expect(notice).toBeGreaterThan(answer);
    expect(shown.slice(notice)).toContain('Acme: closing nudge');
    expect(shown.split(start)).toHaveLength(2);
  });
});
