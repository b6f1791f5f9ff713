// Several follow-ups at once: stopping one says which, and names another still running with the same
// client; a list whose ladders run in different time zones says which zone each date is in.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runText } from '../../src/core/runtime/run.js';
import { memoryStore } from '../../src/core/store/store.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

const NOW = new Date('2026-12-05T12:00:00Z');

async function withLadders(lines: string[]) {
  const ctx = testContext({ store: memoryStore(), now: NOW });
  for (const line of lines) expect((await runText(line, commands, ctx)).outcome, line).toBe('ok');
  return ctx;
}

describe('/followup done with two ladders for one client', () => {
  it('names the ladder stopped and the one still running', async () => {
    const ctx = await withLadders([
      '/followup start Alex today project:"the logo"',
      '/followup start Alex today project:"the site"',
    ]);
    const answer = await runText('/followup done 1', commands, ctx);
    expect(answer.reply.lead).toBe('Stopped follow-up #1 with Alex (the logo): no more reminders for it.');
    expect(replyText(answer.reply)).toContain('#2 with Alex (the site) still runs: /followup done 2 stops it.');
    const list = await runText('/followup list', commands, ctx);
    expect(list.reply.lead).toMatch(/^You have 1 follow-up;/);
  });

  it('says nothing of other ladders when none runs for that client', async () => {
    const ctx = await withLadders(['/followup start Alex today', '/followup start Bo today']);
    const answer = await runText('/followup done Alex', commands, ctx);
    expect(answer.reply.lead).toBe('Stopped follow-up #1 with Alex: no more reminders for it.');
    expect(replyText(answer.reply)).not.toMatch(/still runs/);
  });
});

describe('/followup list across time zones', () => {
  it('one line names each ladder’s zone; one zone keeps the plain line', async () => {
    const ctx = await withLadders([
      '/followup start Ann today',
      '/followup start Bo today tz:Pacific/Kiritimati',
      '/followup start Cy today tz:Pacific/Honolulu',
    ]);
    const { footer } = (await runText('/followup list', commands, ctx)).reply;
    const zones = footer.filter((line) => /time zone|calendar days/.test(line));
    expect(zones).toEqual([
      "Dates are calendar days in each follow-up's own time zone: #1 UTC, #2 Pacific/Kiritimati, #3 Pacific/Honolulu. Each reminder is due at 09:00 there.",
    ]);
    const single = await withLadders(['/followup start Ann today']);
    const plain = (await runText('/followup list', commands, single)).reply.footer;
    expect(plain).toContain('Dates are calendar days in UTC; each reminder is due at 09:00 UTC on its day.');
  });
});
