// What /template says about the follow-up ladder when given delivered: no made-up client in the
// /followup start it suggests, and the same pointer as /followup start once the whole ladder is past.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { loadFollowups } from '../../src/core/followups/reminders.js';
import { runText } from '../../src/core/runtime/run.js';
import { memoryStore } from '../../src/core/store/store.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

const NOW = new Date('2026-12-05T12:00:00Z');
const fresh = () => testContext({ store: memoryStore(), now: NOW });

describe('/template delivered: without a client', () => {
  it('suggests /followup start with a <client> placeholder, and it runs once a name takes its place', async () => {
    const ctx = fresh();
    const answer = await runText('/template five-star delivered:today project:"the logo"', commands, ctx);
    const all = replyText(answer.reply);
    expect(all).not.toContain('Alex');
    const line = /\/followup start <client> 2026-12-05 project:"the logo"/.exec(all)?.[0];
    expect(line).toBeDefined();
    expect(all).toContain("<client>: your client's name");
    const started = await runText((line ?? '').replace('<client>', 'Bo'), commands, ctx);
    expect(started.outcome, started.reply.lead).toBe('ok');
    expect((await loadFollowups(ctx))[0]?.client).toBe('Bo');
  });

  it('does not claim a ladder already runs for a client nobody named', async () => {
    const ctx = fresh();
    expect((await runText('/followup start Alex today', commands, ctx)).outcome).toBe('ok');
    const all = replyText((await runText('/template five-star delivered:today', commands, ctx)).reply);
    expect(all).not.toContain('You already follow up');
    expect(all).toContain('/followup start <client> 2026-12-05');
  });

  it('with the client named, still points to the ladder already running for them', async () => {
    const ctx = fresh();
    await runText('/followup start Alex today', commands, ctx);
    const all = replyText((await runText('/template five-star client:Alex delivered:today', commands, ctx)).reply);
    expect(all).toContain('You already follow up with Alex');
  });
});

describe('/template delivered: past the whole ladder', () => {
  it.each(['five-star', 'closing-nudge', 'silent-ping'])(
    '%s leads with the pointer /followup start gives for that date',
    async (name) => {
      const ctx = fresh();
      const answer = await runText(`/template ${name} client:Zed delivered:"2 months ago"`, commands, ctx);
      expect(answer.outcome).toBe('ok');
      const refused = await runText('/followup start Zed "2 months ago"', commands, ctx);
      expect(refused.code).toBe('ladder_past');
      const pointer = 'Use /template close-yourself or /template ask-feedback instead.';
      expect(replyText(refused.reply)).toContain(pointer);
      expect(answer.reply.lead).toContain('past the whole ladder');
      expect(answer.reply.lead).toContain(pointer.replace('Use', 'use'));
      expect(answer.reply.lead).not.toContain('ready to copy');
    },
  );

  it.each(['close-yourself', 'ask-feedback'])('%s, the wording it points to, is handed out as usual', async (name) => {
    const answer = await runText(`/template ${name} client:Zed delivered:"2 months ago"`, commands, fresh());
    expect(answer.reply.lead).toBe(`Your ${name} message to Zed is ready to copy.`);
  });

  it('within the ladder, the lead is the message as before', async () => {
    const answer = await runText('/template closing-nudge client:Zed delivered:"2 weeks ago"', commands, fresh());
    expect(answer.reply.lead).toBe('Your closing-nudge message to Zed is ready to copy.');
  });
});
