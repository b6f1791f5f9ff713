// /jss and /desk for a freelancer whose score may not show yet read like /toprated (FACTS.md §3): the
// answer says so in its first lines, and any count "to 90 %" says when the score should show, or "once
// it shows". An established log and /jss from counts read as before.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { testContext } from '../support/context.js';
import { ask, COUNT, established, FRAMED, logOf } from '../support/logs.js';
import { blockText, replyText } from '../support/replyText.js';

const NOT_SHOWN = /may not (be )?show|not shown yet|shows no score yet/i;

const threeContracts = () =>
  logOf([
    '/contracts add 2026-09-01 successful 800 Ana',
    '/contracts add 2026-10-01 negative 500 Ben',
    '/contracts add 2026-11-01 successful 900 Cal',
  ]);

/** Each line of the answer (details included) that counts contracts to the target. */
const countLines = (all: string) => all.split('\n').filter((l) => COUNT.test(l));

describe('a 3-contract log whose score may not show yet', () => {
  it('/desk says so in its first line or right after it, and frames its next step by when it shows', async () => {
    const ctx = await threeContracts();
    const { reply, all } = await ask('/desk', ctx);
    expect([reply.lead, blockText(reply.blocks[0] ?? { type: 'text', text: '' })].join('\n')).toMatch(NOT_SHOWN);
    expect(reply.lead).toMatch(COUNT);
    expect(reply.lead).toMatch(FRAMED);
    expect(reply.lead).toMatch(/\bestimate\b/);
    // The bare count /desk used to give, with nothing on when the score shows.
    expect(reply.lead).not.toMatch(/to 90 %\.$/);
    for (const l of countLines(all)) expect(l).toMatch(FRAMED);
    // No count of weekly Top Rated checks of a score that may not exist, stated as if it did.
    expect(all).not.toMatch(/\d+ of 16 at 90 %\+/);
    expect(all).not.toMatch(/Top Rated count stays at/);
    expect(reply.blocks.length).toBeLessThanOrEqual(6);
    for (const l of renderText(reply).split('\n')) expect(l.length, l).toBeLessThanOrEqual(64);
  });

  it('/desk with details: a weekly check counts only on a day a score could show', async () => {
    const ctx = await threeContracts();
    const { all } = await ask('/desk details:yes', ctx);
    // A check counts only on a day a score could show (the newer help's 2 contracts from 2 clients).
    expect(all).toMatch(/weekly Top Rated checks.*a score could show/i);
    for (const l of countLines(all)) expect(l).toMatch(FRAMED);
  });

  it('/jss frames its count like /toprated: when the score should show, and the same clause', async () => {
    const ctx = await threeContracts();
    const jss = await ask('/jss', ctx);
    expect(jss.reply.lead).toMatch(NOT_SHOWN);
    const short = [jss.reply.lead, ...jss.reply.blocks.map(blockText)].join('\n');
    expect(countLines(short).length).toBeGreaterThan(0);
    for (const l of countLines(short)) expect(l).toMatch(FRAMED);
    // With no new work only Cal's contract is left in 2028: a score then is what it would be if it showed.
    expect(short.replace(/\n/g, ' ')).not.toMatch(/\bit is \d+ % from then/);
    expect(short.replace(/\n/g, ' ')).toMatch(/\d+ % from then if it showed/);
    const top = await ask('/toprated', ctx);
    const clause = (text: string) => text.replace(/\n/g, ' ').match(FRAMED)?.[0];
    expect(clause(short)).toBe(clause(top.all));
  });

  it('/jss details: every count says when the score shows or that it may not show', async () => {
    const ctx = await threeContracts();
    const { all } = await ask('/jss details:yes', ctx);
    for (const l of countLines(all)) expect(l).toMatch(new RegExp(`${FRAMED.source}|${NOT_SHOWN.source}`, 'i'));
  });

  it('/desk, /jss and /toprated give the same score and the same count', async () => {
    const ctx = await threeContracts();
    const answers = await Promise.all(['/desk', '/jss', '/toprated'].map((l) => ask(l, ctx)));
    const counts = answers.map(({ all }) => all.replace(/\n/g, ' ').match(/(\d+) more successful contracts take/)?.[1]);
    expect(new Set(counts).size).toBe(1);
    for (const { all } of answers) expect(all).toMatch(/\b33 %/);
  });
});

describe('answers that must read as before', () => {
  it('/jss 7 1 8 from counts, with no log', async () => {
    const { reply } = await ask('/jss 7 1 8', testContext());
    expect(reply.lead).toBe('Your JSS is 75 %. 12 more successful contracts take it to 90 %.');
    expect(replyText(reply)).not.toMatch(FRAMED);
  });

  it('an established 40-contract log: no hidden-score words on /desk or /jss, bare counts with the score', async () => {
    const ctx = await established();
    for (const line of ['/desk', '/desk details:yes', '/jss', '/jss details:yes']) {
      const { reply, all } = await ask(line, ctx);
      expect(all, line).not.toMatch(NOT_SHOWN);
      expect(all, line).not.toMatch(FRAMED);
      expect(all, line).not.toMatch(/if (it|your score) showed/i);
      if (line === '/desk') {
        expect(reply.lead).toMatch(
          /^Your JSS estimate is \d+ %; next: with no new work it reaches 90 % on \d{4}-\d\d-\d\d, as negatives leave the window; or \d+ more successful contracts take it there[,;.]/,
        );
        expect(all).toMatch(/Top Rated weeks, oldest first:/);
        expect(all).toMatch(/\d+ of 16 at 90 %\+/);
      }
      if (line === '/jss')
        expect(reply.lead).toMatch(/^Your JSS from your log is \d+ %\. With no new work .*; or \d+ more successful/);
    }
  });
});
