// /followup list's Done and Snooze buttons: a press on your own list answers in its place with the list as
// it now stands (no button left for a stopped ladder), and an error from a press has no usage line.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { pressAction, saveActions } from '../../src/core/runtime/actions.js';
import type { Context } from '../../src/core/runtime/command.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

async function press(reply: Reply, label: string, ctx: Context) {
  const saved = await saveActions(reply, ctx, ctx.store, ctx.now);
  const ref = saved.actions.find((a) => a.label === label)?.ref;
  if (!ref) throw new Error(`no ${label} among ${saved.actions.map((a) => a.label).join(', ')}`);
  return pressAction(ref, ctx, commands);
}

async function twoLadders() {
  const ctx = testContext();
  for (const line of ['/followup start Dana today', '/followup start Eve today']) await runText(line, commands, ctx);
  return { ctx, list: (await runText('/followup list', commands, ctx)).reply };
}

describe('/followup list presses', () => {
  it('#1 Done takes the list’s place: the ladder stopped, the list without it and without its buttons', async () => {
    const { ctx, list } = await twoLadders();
    const done = await press(list, '#1 Done', ctx);
    expect(done.outcome).toBe('ok');
    expect(done.inPlace).toBe(true);
    expect(done.reply.lead).toMatch(/^Stopped follow-up #1 with Dana/);
    const labels = done.reply.actions.map((a) => a.label);
    expect(labels.some((l) => l.startsWith('#1 '))).toBe(false);
    expect(labels).toContain('#2 Done');
    expect(replyText(done.reply)).toContain('You have 1 follow-up');
    // The new list's buttons work the same way.
    const again = await press(done.reply, '#2 Snooze 1 week', ctx);
    expect(again.inPlace).toBe(true);
    expect(again.reply.lead).toMatch(/^Follow-up #2 with Eve moved 7 days later/);
  });

  it('a press on an old list for a stopped ladder says so without a usage line', async () => {
    const { ctx, list } = await twoLadders();
    await press(list, '#1 Done', ctx);
    const stale = await press(list, '#1 Done', ctx);
    expect(stale.outcome).toBe('user_error');
    expect(replyText(stale.reply)).not.toContain('Usage:');
  });

  it('typed, /followup done still answers with the usage line on a mistake', async () => {
    const { ctx } = await twoLadders();
    const typed = await runText('/followup done 9', commands, ctx);
    expect(typed.outcome).toBe('user_error');
    expect(replyText(typed.reply)).toContain('Usage: /followup done');
  });
});
