// Reminder texts go through the same rules check as /template: a failing stored wording is shown with
// what to change, never as copy-ready text, and a draft never reaches a reminder.
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
  it('a stored wording that fails today is shown with the findings, not as ready to copy', async () => {
    const ctx = testContext();
    await updateCommunity(ctx, () => [stored({})]);
    const started = await runText('/followup start Bo delivered:today', commands, ctx);
    const shown = JSON.stringify(started.reply.blocks);
    expect(shown).toContain('Not ready to send: it asks for a rating');
    expect(started.reply.blocks.some((b) => b.type === 'copy')).toBe(false);
    const [followup] = await loadFollowups(ctx);
    const step = followup?.steps[0];
    if (!followup || !step) throw new Error('no ladder');
    const reminder = await reminderReply(ctx, followup, step);
    expect(reminder.blocks.some((b) => b.type === 'copy')).toBe(false);
    expect(JSON.stringify(reminder.blocks)).toContain('leave me 5 stars');
  });

  it('a draft never replaces the built-in in a reminder, even for the admin who saved it', async () => {
    const ctx = testContext({ isAdmin: true });
    await updateCommunity(ctx, () => [stored({ draft: true })]);
    const started = await runText('/followup start Bo delivered:today', commands, ctx);
    const copy = started.reply.blocks.find((b) => b.type === 'copy');
    expect(copy?.type === 'copy' && copy.text).toMatch(/^Hi Bo,\n\nThe final delivery is in/);
  });
});
