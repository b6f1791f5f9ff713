// /toprated for a freelancer whose score may not show yet (FACTS.md §3: when a JSS appears is unsettled):
// any count of contracts "to 90 %" is framed as what happens once the score shows, and called an estimate;
// an established log gets its score with the count. Read on a phone: few blocks, nothing past 64 columns.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { commands } from '../../src/commands/index.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';
import { ask, COUNT, established, FRAMED, logOf } from '../support/logs.js';
import { blockText, replyText } from '../support/replyText.js';

const NOT_SHOWN = /may not show|not shown yet|shows no score yet/i;

const threeContracts = () =>
  logOf([
    '/contracts add 2026-09-01 successful 300 ana',
    '/contracts add 2026-10-01 negative 200 ben',
    '/contracts add 2026-11-05 successful 400 cal',
  ]);

describe('/toprated for a new freelancer', () => {
  it('an empty log is told to add contracts, with no count and no score', async () => {
    const answer = await runText('/toprated', commands, testContext());
    expect(answer.code).toBe('log_empty');
    expect(replyText(answer.reply)).not.toMatch(COUNT);
  });

  it('with 3 contracts: the score may not show yet, and every count is framed by when it shows, an estimate', async () => {
    const ctx = await threeContracts();
    for (const line of ['/toprated', '/toprated details:yes', '/toprated rule:best-of details:yes']) {
      const { reply, all } = await ask(line, ctx);
      expect(all, line).toMatch(NOT_SHOWN);
      const counted = all.split('\n').filter((l) => COUNT.test(l));
      expect(counted.length, line).toBeGreaterThan(0);
      for (const l of counted) {
        expect(l, line).toMatch(FRAMED);
        expect(l, line).toMatch(/\bestimate\b/);
        expect(l, line).not.toMatch(/Your score is below/);
      }
      // The short answer never states today's 33 % as a shown score.
      const short = [reply.lead, ...reply.blocks.map(blockText)].join('\n');
      for (const l of short.split('\n').filter((s) => /\b33 %/.test(s))) expect(l, line).toMatch(/\bif it showed\b/i);
      if (line === '/toprated') expect(reply.blocks.length).toBeLessThanOrEqual(6);
    }
  });

  it('with 3 contracts: one line for both JSS rules when they agree, and the course plan in details', async () => {
    // The negative is the newest: no window loses it before the successful ones, so waiting lifts neither
    // rule and both give the same count (with ben's negative first, the older rule's 6-month window would
    // reach 90 % on its own once it left, and the rules would differ).
    const ctx = await logOf([
      '/contracts add 2026-09-01 successful 300 ana',
      '/contracts add 2026-10-01 successful 400 cal',
      '/contracts add 2026-11-05 negative 200 ben',
    ]);
    const { reply } = await ask('/toprated', ctx);
    const short = reply.blocks.map(blockText);
    expect(short.filter((l) => COUNT.test(l))).toHaveLength(1);
    const { all } = await ask('/toprated details:yes', ctx);
    expect(all).toMatch(/hidden score beats a low one/);
  });

  it('a log that could meet it on a score that may not show yet says so, and asks about Rising Talent', async () => {
    // 5 contracts from 4 clients: the best-of rule is at 90 %+, the 24-month rule is not.
    const ctx = await logOf([
      '/contracts add 2025-01-10 successful 1200 acme',
      '/contracts add 2025-04-02 negative 300 bolt',
      '/contracts add 2025-09-15 successful 800 crane',
      '/contracts add 2026-02-20 neutral 150 delta',
      '/contracts add 2026-06-01 successful 5000 acme long_term:yes',
    ]);
    const { all } = await ask('/toprated', ctx);
    expect(all).toMatch(NOT_SHOWN);
    expect(all).toMatch(/if your score shows/);
    expect(all).toMatch(/rising_talent:yes/);
    for (const l of all.split('\n').filter((s) => COUNT.test(s))) expect(l).toMatch(FRAMED);
  });

  it('an established 40-contract log: no word of a hidden score, and the count comes with the score now', async () => {
    const ctx = await established();
    const { reply, all } = await ask('/toprated', ctx);
    expect(all).not.toMatch(NOT_SHOWN);
    expect(all).not.toMatch(FRAMED);
    const newer = all.split('\n').find((l) => /^Newer 24-month/.test(l)) ?? '';
    expect(newer).toMatch(/Your score is \d+ % now/);
    expect(reply.blocks.length).toBeLessThanOrEqual(6);
    for (const l of renderText(reply).split('\n')) expect(l.length, l).toBeLessThanOrEqual(64);
    // The lead dates the older rule; the chart counts weeks on the newer one, and its words must say so.
    expect(reply.lead).toMatch(/best-of/);
    expect(reply.chart?.alt).toMatch(/newer 24-month rule/);
  });
});
