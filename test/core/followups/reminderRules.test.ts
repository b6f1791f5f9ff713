// Reminder texts go through the same rules check as /template: a stored wording that fails today, like
// a draft, never reaches a reminder, which keeps the built-in wording of its step.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { reminderReply } from '../../../src/core/followups/notices.js';
import { loadFollowups } from '../../../src/core/followups/reminders.js';
import { type CommunityTemplate, updateCommunity } from '../../../src/core/messages/templates.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

const stored = (over: Partial<CommunityTemplate>): CommunityTemplate => ({
  name: 'five-star',
  summary: 'old wording',
  text: 'Hi {client}, all delivered. Please leave me 5 stars!',
  replacesBuiltIn: true,
  updatedBy: 'admin1',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

describe('follow-up reminders and the rules check', () => {
  it('a stored wording that fails today is never shown: the reminder keeps the built-in wording', async () => {
    const ctx = testContext();
    await updateCommunity(ctx, () => [stored({})]);
    const started = await runText('/followup start Bo delivered:today', commands, ctx);
    expect(JSON.stringify(started.reply.blocks)).not.toContain('leave me 5 stars');
    const copy = started.reply.blocks.find((b) => b.type === 'copy');
    expect(copy?.type === 'copy' && copy.text).toMatch(/^Hi Bo,\n\nThe final delivery is in/);
    const [followup] = await loadFollowups(ctx);
    const step = followup?.steps[0];
    if (!followup || !step) throw new Error('no ladder');
    const reminder = await reminderReply(ctx, followup, step);
    expect(JSON.stringify(reminder.blocks)).not.toContain('leave me 5 stars');
    expect(reminder.blocks.some((b) => b.type === 'copy')).toBe(true);
  });

  it('a draft never replaces the built-in in a reminder, even for the admin who saved it', async () => {
    const ctx = testContext({ isAdmin: true });
    await updateCommunity(ctx, () => [stored({ draft: true })]);
    const started = await runText('/followup start Bo delivered:today', commands, ctx);
    const copy = started.reply.blocks.find((b) => b.type === 'copy');
    expect(copy?.type === 'copy' && copy.text).toMatch(/^Hi Bo,\n\nThe final delivery is in/);
  });
});
