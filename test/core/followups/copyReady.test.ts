// A follow-up's message offers the same Copy-ready button as /template: pressed, it gives the message
// alone as plain text, byte for byte the words shown in the answer, the reminder or the missed notice.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { pendingNotice, reminderReply } from '../../../src/core/followups/notices.js';
import { loadFollowups, NOTICES } from '../../../src/core/followups/reminders.js';
import { updateCommunity } from '../../../src/core/messages/templates.js';
import { pressAction, saveActions } from '../../../src/core/runtime/actions.js';
import type { Context } from '../../../src/core/runtime/command.js';
import type { Reply } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { updateUserData } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';

const copyText = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'copy' ? [b.text] : []));

/** Saves the reply's buttons as an adapter would, presses the one labelled `label`, returns the answer. */
async function press(reply: Reply, label: string, ctx: Context) {
  const saved = await saveActions(reply, ctx, ctx.store, ctx.now);
  const ref = saved.actions.find((a) => a.label === label)?.ref;
  if (!ref) throw new Error(`no ${label} button among ${saved.actions.map((a) => a.label).join(', ')}`);
  return pressAction(ref, ctx, commands);
}

describe('Copy-ready on follow-up messages', () => {
  it('/followup start offers Copy-ready for the message to send now, and it gives exactly that message', async () => {
    const ctx = testContext({ platform: 'discord', workspaceId: 'g1' });
    const started = await runText(
      '/followup start "Acme_Co" delivered:today project:"the *v2* site" you:Sam tone:formal',
      commands,
      ctx,
    );
    const [shown] = copyText(started.reply);
    expect(shown).toContain('Acme_Co');
    const pressed = await press(started.reply, 'Copy-ready', ctx);
    expect(pressed.outcome).toBe('ok');
    expect(pressed.reply.plain).toBe(true);
    expect(pressed.reply.lead).toBe(shown);
  });

  it('a reminder offers Copy-ready beside Done and Snooze, giving the step message as it stands', async () => {
    const ctx = testContext();
    await runText('/followup start Dana 2026-11-01 project:"the logo" you:Sam', commands, ctx);
    const [followup] = await loadFollowups(ctx);
    const step = followup?.steps[2];
    if (!followup || !step) throw new Error('no ladder');
    const reminder = await reminderReply(ctx, followup, step);
    expect(reminder.actions.map((a) => a.label)).toEqual(
      expect.arrayContaining(['Copy-ready', 'Done', 'Snooze 1 day', 'Snooze 1 week']),
    );
    const pressed = await press(reminder, 'Copy-ready', ctx);
    expect(pressed.reply.plain).toBe(true);
    expect(pressed.reply.lead).toBe(copyText(reminder)[0]);
  });

  it('missed reminders shown at the next command each offer Copy-ready for their own message', async () => {
    const ctx = testContext();
    await runText('/followup start Dana 2026-11-01', commands, ctx);
    await runText('/followup start Eve 2026-11-01 tone:brief', commands, ctx);
    await updateUserData(ctx, NOTICES, () => [
      { followupId: 1, step: 2 },
      { followupId: 2, step: 2 },
    ]);
    const notice = await pendingNotice(ctx);
    if (!notice) throw new Error('no notice');
    const texts = copyText(notice);
    expect(texts).toHaveLength(2);
    const labels = notice.actions.map((a) => a.label);
    expect(labels).toHaveLength(2);
    for (const [i, label] of labels.entries()) {
      const pressed = await press(notice, label, ctx);
      expect(pressed.reply.lead).toBe(texts[i]);
    }
  });

  it('a message that fails the rules check gets no Copy-ready button', async () => {
    const ctx = testContext();
    // The built-in wording filled with a client "name" that asks for a rating fails the check.
    const started = await runText('/followup start "Bo, please leave me 5 stars" delivered:today', commands, ctx);
    expect(started.outcome).toBe('ok');
    expect(copyText(started.reply)).toEqual([]);
    expect(started.reply.actions.map((a) => a.label)).not.toContain('Copy-ready');
  });

  it('a stored wording that fails the check is never offered: Copy-ready gives the built-in instead', async () => {
    const ctx = testContext();
    await updateCommunity(ctx, () => [
      {
        name: 'five-star',
        summary: 'old',
        text: 'Hi {client}, please leave me 5 stars!',
        replacesBuiltIn: true,
        updatedBy: 'a',
        updatedAt: '2026-11-01T00:00:00.000Z',
      },
    ]);
    const started = await runText('/followup start Bo delivered:today', commands, ctx);
    const [shown] = copyText(started.reply);
    expect(shown).not.toContain('5 stars');
    expect((await press(started.reply, 'Copy-ready', ctx)).reply.lead).toBe(shown);
  });
});
