// A weekly Top Rated check passes only on a day Upwork could show a score (FACTS.md §3, §4: the newer
// help's 2 contracts from 2 clients), in /toprated's text, its chart and /desk alike.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { testContext } from '../support/context.js';
import { ask } from '../support/logs.js';
import { blockText } from '../support/replyText.js';

const flat = (s: string) => s.replace(/\n/g, ' ');
const fits = (lines: string) => {
  for (const l of lines.split('\n')) expect(l.length, l).toBeLessThanOrEqual(64);
};

/** Today 2026-12-05; weekly checks on 2026-08-22, 08-29, ..., 12-05. */
const onDec5 = () => testContext({ now: new Date('2026-12-05T12:00:00Z') });

async function importLog(csv: string) {
  const ctx = onDec5();
  await ask(`/contracts import csv:"${csv}"`, ctx);
  return ctx;
}

// acme alone from 10-01: one contract from one client, so no score shows on the checks of 10-03 to 10-31;
// bolt on 11-01 makes two from two (cato's $0 contract is left out): the checks of 11-07 to 12-05 count.
const newcomer = () => importLog('2026-10-01,5,200,acme\n2026-11-01,5,300,bolt\n2026-11-20,5,0,cato');

describe('/toprated: weeks before a score could show do not count', () => {
  it('counts 5 of 16 checks, 8 more needed: 2027-01-30 on both rules', async () => {
    const ctx = await newcomer();
    const { reply, all } = await ask('/toprated details:yes', ctx);
    const text = flat(all);
    expect(text).toMatch(/weekly checks[^.]*\b5 of 16 weekly checks/);
    expect(text).not.toMatch(/\b10 of (the last )?16\b/);
    expect(text).toMatch(/Both JSS rules: from 2027-01-30\b/);
    expect(reply.chart?.subtitle).toMatch(/^5 of the last 16 weekly checks at 90 % or more/);
    expect(reply.chart?.subtitle).toMatch(/\b8 more weeks\b/);
    fits(renderText(reply));
  });

  it('/desk agrees: the checks count now, 8 more weeks, not "once it shows"', async () => {
    const ctx = await newcomer();
    const { reply } = await ask('/desk', ctx);
    expect(reply.lead).not.toMatch(/once it shows/);
    expect(reply.lead).toMatch(/\b8 more weeks\b/);
    fits(renderText(reply));
  });
});

describe('/toprated chart: a score below 90 % today', () => {
  it('does not read as one week away when the score is not back at 90 %', async () => {
    // Two 5-star contracts then a 3-star (neutral): (2 - 0) / 3 = 67 % today, 100 % on the earlier checks.
    const ctx = await importLog('2026-08-01,5,400,ana\n2026-08-20,5,400,ben\n2026-12-01,3,400,cal');
    const { reply } = await ask('/toprated', ctx);
    const subtitle = reply.chart?.subtitle ?? '';
    expect(subtitle).not.toMatch(/\b1 more week\b/);
    expect(subtitle).not.toMatch(/score part is met/);
    expect(subtitle).toMatch(/67 %/);
    const short = flat([reply.lead, ...reply.blocks.map(blockText)].join('\n'));
    // 15 of 16 checks passed, but the score today is under 90 %: the text says so too.
    expect(short).toMatch(/67 %/);
  });
});
