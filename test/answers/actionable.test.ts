// Issue 23's numbered items: advice a freelancer can act on, each pinned by the answer it once got wrong.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

async function ask(line: string, ctx = testContext()) {
  const answer = await runText(line, commands, ctx);
  return { ...answer, all: replyText(answer.reply) };
}

describe('advice a freelancer can act on', () => {
  it('(1) a new freelancer hears the score may not be shown yet, and the course plan for it', async () => {
    const { reply, all } = await ask('/jss 2 1 3 details:yes');
    expect(reply.lead).toMatch(/33 %/);
    expect(reply.lead).toMatch(/not (be )?shown yet/);
    const plan = replyText({ ...reply, details: [] });
    expect(plan).toMatch(/hidden score/i);
    expect(plan).toMatch(/\b12\b[^.]*jobs?/);
    expect(plan).toMatch(/leav(e|ing) feedback/);
    expect(all).toMatch(/2 different clients/);
    expect(all).toMatch(/4-6 contracts/);
    // An established count is not told it may be hidden.
    expect((await ask('/jss 40 1 41')).reply.lead).not.toMatch(/shown yet/);
  });

  it('(2) no count of new contracts "to show 100 %": it rests on a rounding Upwork does not publish', async () => {
    for (const line of ['/jss 7 1 8', '/jss 2 1 3', '/jss 7 1 8 target:100 details:yes', '/jss 9 1 10 100']) {
      const { all } = await ask(line);
      expect(all, line).not.toMatch(/\b3\d\d\b/);
      expect(all, line).not.toMatch(/contracts? (would make it )?(to )?show/);
    }
    const { reply } = await ask('/jss 7 1 8');
    const revise = replyText({ ...reply, details: [] });
    expect(revise).toMatch(/revises[^.]*100 %/);
    expect(revise).toMatch(/new work alone (never|cannot)[^.]*100 %/i);
  });

  it('(3) exactly 100 % names every window, the 6-month one first as the quickest', async () => {
    const { reply } = await ask('/jss 2 1 3 target:100');
    const shown = replyText({ ...reply, details: [] });
    const six = shown.search(/6-month|6 months/);
    const twentyFour = shown.search(/24-month|24 months/);
    expect(six).toBeGreaterThanOrEqual(0);
    expect(twentyFour).toBeGreaterThan(six);
    expect(shown).toMatch(/older/);
    expect(shown).toMatch(/newer/);
  });
});
