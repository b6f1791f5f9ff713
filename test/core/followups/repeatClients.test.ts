// Issue 25: follow-ups keyed by client and project, hints that name ladders that exist, a late
// start that keeps the FACTS.md §5 cadence, and dates that say when things happened.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { loadFollowups } from '../../../src/core/followups/reminders.js';
import type { Context } from '../../../src/core/runtime/command.js';
import type { Reply } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';

const contextAt = (now: string, store = memoryStore()): Context => ({
  platform: 'console',
  workspaceId: 'local',
  userId: 'sam',
  isAdmin: false,
  now: new Date(now),
  store,
});
const run = (line: string, ctx: Context) => runText(line, commands, ctx);
const tableRows = (reply: Reply): string[][] =>
  [...reply.blocks, ...reply.details].flatMap((b) => (b.type === 'table' ? b.rows : []));

describe('several ladders with one client', () => {
  it('a second project with Bob starts its own ladder; the same project again is refused', async () => {
    const ctx = contextAt('2026-03-10T12:00:00Z');
    expect((await run('/followup start Bob today project:"the site"', ctx)).outcome).toBe('ok');
    const second = await run('/followup start Bob today project:"the app"', ctx);
    expect(second.outcome).toBe('ok');
    expect(second.reply.lead).toContain('#2');
    const again = await run('/followup start bob today project:"The site"', ctx);
    expect(again.code).toBe('followup_exists');
    expect(again.reply.lead).toContain('#1');
    expect((await loadFollowups(ctx)).map((f) => [f.client, f.project])).toEqual([
      ['Bob', 'the site'],
      ['Bob', 'the app'],
    ]);
  });

  it('done by client name asks which when two ladders share the client, and takes client and project', async () => {
    const ctx = contextAt('2026-03-10T12:00:00Z');
    await run('/followup start Bob today project:"the site"', ctx);
    await run('/followup start Bob today project:"the app"', ctx);
    const ambiguous = await run('/followup done bob', ctx);
    expect(ambiguous.code).toBe('ambiguous_followup');
    expect(ambiguous.reply.lead).toMatch(/#1[^#]*the site[^#]*#2[^#]*the app/);
    expect((await loadFollowups(ctx)).length).toBe(2);
    const done = await run('/followup done bob the app', ctx);
    expect(done.outcome).toBe('ok');
    expect((await loadFollowups(ctx)).map((f) => f.project)).toEqual(['the site']);
  });
});

describe('hints name ladders that exist', () => {
  it('after /followup done alex, the list suggests the ladder that is left, not #1', async () => {
    const ctx = contextAt('2026-03-10T12:00:00Z');
    await run('/followup start Alex today', ctx);
    await run('/followup start Dana today', ctx);
    await run('/followup done alex', ctx);
    const list = await run('/followup list', ctx);
    const hint = list.reply.footer.join(' ');
    expect(hint).toContain('/followup done 2');
    expect(hint).not.toMatch(/\/followup (done|snooze) 1\b/);
  });
});

describe('a late start keeps the cadence', () => {
  it('delivered 2 weeks ago: the closing nudge now, the next ping about two weeks later, not one', async () => {
    const ctx = contextAt('2026-03-10T12:00:00Z');
    const answer = await run('/followup start Alex "2 weeks ago"', ctx);
    expect(answer.outcome).toBe('ok');
    const [ladder] = await loadFollowups(ctx);
    const pending = ladder?.steps.filter((s) => s.status === 'pending').map((s) => [s.template, s.day]);
    // FACTS.md §5: ping about two weeks after the nudge, close about a week after the ping.
    expect(pending).toEqual([
      ['silent-ping', '2026-03-24'],
      ['close-yourself', '2026-03-31'],
    ]);
    expect(answer.reply.lead).toContain('next reminder on 2026-03-24');
  });
});

describe('dates shown are the dates things happened', () => {
  it('after a late start and a snooze, the nudge is listed on the day it was shown, not its ladder day', async () => {
    const store = memoryStore();
    await run('/followup start Alex "2 weeks ago"', contextAt('2026-03-10T12:00:00Z', store));
    const snoozed = await run('/followup snooze alex 3', contextAt('2026-03-12T12:00:00Z', store));
    const rows = tableRows(snoozed.reply);
    const nudge = rows.find((r) => r[1] === 'Closing nudge');
    expect(nudge?.[0]).toBe('2026-03-10');
    expect(rows.find((r) => r[1] === 'Ask the five-star question')?.[2]).not.toBe('shown to you');
  });
});
