// Each answer that once contradicted itself or the project's facts, pinned so it cannot come back.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { parseOutcome } from '../../src/core/jss/contracts.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

async function ask(line: string, ctx = testContext()) {
  const answer = await runText(line, commands, ctx);
  return { ...answer, all: replyText(answer.reply) };
}

describe('contradictions that must stay fixed', () => {
  it('(a) a score that rounds up to the target is said plainly, never both met and short', async () => {
    // 179 of 200 is 89.5 %, which Upwork's whole-percent display shows as 90 %.
    const { reply, all } = await ask('/jss 179 0 200 details:yes');
    expect(reply.lead).toMatch(/89\.5 %.*shows as 90 %/);
    const saysMet = /\bmeets\b|already at or above/i.test(all);
    const saysShort = /\bmore successful contracts?\b/.test(all);
    expect(saysMet && saysShort).toBe(false);
  });

  it('(b) an exactly unreachable 100 % gets no count at all (a display rounding Upwork does not publish)', async () => {
    const { reply, all } = await ask('/jss 9 1 10 100 details:yes');
    expect(all).not.toMatch(/cannot be reached/);
    expect(reply.lead).not.toMatch(/\d+ more/);
    expect(all).not.toMatch(/\b390\b|99\.5 %/);
  });

  it('(c) /toprated rule:best-of counts the contracts for the best-of rule', async () => {
    const ctx = testContext();
    const lines = [
      ...Array.from({ length: 8 }, (_, i) => `/contracts add 2026-09-0${i + 1} successful 500 c${i}`),
      '/contracts add 2026-10-01 negative 500 n1',
      '/contracts add 2025-06-01 successful 500 old1',
      '/contracts add 2025-06-02 negative 500 old2',
      '/contracts add 2025-06-03 negative 500 old3',
    ];
    for (const line of lines) expect((await runText(line, commands, ctx)).outcome).toBe('ok');
    // 6 months: (8 - 1) / 9 = 78 %, 11 more to 90 %; 24 months: (9 - 3) / 12 = 50 %, 48 more.
    // Both rules are weighed; each line carries its own rule's count.
    const { all } = await ask('/toprated rule:best-of details:yes', ctx);
    const line = (rule: RegExp) => all.split('\n').find((l) => rule.test(l)) ?? '';
    expect(line(/^Older best-of/)).toMatch(/\b11 more successful contracts\b/);
    expect(line(/^Newer 24-month/)).toMatch(/\b48 more successful contracts\b/);
  });

  it('(d) 4 stars counts as successful; below that is labelled the project’s estimate', async () => {
    expect(parseOutcome('4')).toEqual({ outcome: 'successful', stars: 4 });
    expect(parseOutcome('4 stars').outcome).toBe('successful');
    expect(parseOutcome('3.9').outcome).not.toBe('successful');
    const { reply } = await ask('/contracts add 2026-10-01 3.5 500 acme');
    expect(replyText(reply)).toMatch(/4 stars or more.*successful/i);
    expect(replyText(reply)).toMatch(/estimate/i);
  });

  it('(e) /sources says the feedback-removal perk ended on 2024-09-03 and that sources disagree on how often', async () => {
    const { all } = await ask('/sources jss details:yes');
    const perk = all.slice(all.indexOf('feedback removal'));
    expect(perk).toContain('2024-09-03');
    expect(perk).toMatch(/every 3 months/);
    expect(perk).toMatch(/ten weeks/);
    expect(perk).toMatch(/Project Catalog/);
    expect(perk).toMatch(/disagree/);
  });

  it('(f) /followup start reads every date /contracts add reads', async () => {
    for (const date of ['today', 'yesterday', '2 weeks ago', '3-days-ago', '14 Nov 2026', '2026-11-20']) {
      const added = await ask(`/contracts add "${date}" successful 100 acme`);
      expect(added.outcome, date).toBe('ok');
      const started = await ask(`/followup start Ana "${date}"`);
      expect(started.outcome, `${date}: ${started.all}`).toBe('ok');
    }
  });
});
