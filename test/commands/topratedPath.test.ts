// The way to 90 % counts the negatives leaving the 24-month window (FACTS.md §3), the same in /jss,
// /toprated and /desk: no count "to 90 %" for today alone when waiting gets there, and a /toprated date
// on the newer rule 13 weekly checks after the day the score reaches 90 %.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { dayFromIso, isoOfDay } from '../../src/core/dates.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { testContext } from '../support/context.js';
import { ask } from '../support/logs.js';
import { blockText } from '../support/replyText.js';

const flat = (s: string) => s.replace(/\n/g, ' ');
const fits = (text: string) => {
  for (const l of text.split('\n')) expect(l.length, l).toBeLessThanOrEqual(64);
};
const TODAY = '2026-12-05';
const onDec5 = () => testContext({ now: new Date(`${TODAY}T12:00:00Z`) });
const short = (r: { lead: string; blocks: Parameters<typeof blockText>[0][] }) =>
  flat([r.lead, ...r.blocks.map(blockText)].join('\n'));
/** The newer-rule line of /toprated. */
const newerLine = (r: Reply) => flat(r.blocks.map(blockText).find((b) => b.startsWith('Newer 24-month rule:')) ?? '');
/** The 13th weekly check (checks fall on today and every 7 days) counted from the first one on or after `day`. */
const thirteenthCheck = (day: string) => {
  const today = dayFromIso(TODAY);
  const first = Math.ceil((dayFromIso(day) - today) / 7);
  return isoOfDay(today + 7 * (first + 12));
};

// A and B's negatives: A left the window today, B leaves tomorrow; (5 - 1) / 6 = 67 % today, 5 / 5 = 100 %
// from 2026-12-06.
const leavingTomorrow = async () => {
  const ctx = onDec5();
  const csv = [
    '2024-12-05,negative,500,A',
    '2024-12-06,negative,500,B',
    '2025-06-01,5,500,C',
    '2025-12-01,5,500,D',
    '2026-06-01,5,500,E',
    '2026-11-01,5,500,F',
    '2026-11-20,5,500,G',
  ].join('\n');
  await ask(`/contracts import csv:"${csv}"`, ctx);
  return ctx;
};

const established = async () => {
  const ctx = onDec5();
  const csv = readFileSync(new URL('../fixtures/established40.csv', import.meta.url), 'utf8');
  await ask(`/contracts import "${csv}"`, ctx);
  return ctx;
};

describe('a negative leaves the window tomorrow', () => {
  it('/toprated gives the newer rule a date: 13 weekly checks from 2026-12-06', async () => {
    const ctx = await leavingTomorrow();
    const { reply } = await ask('/toprated', ctx);
    const line = newerLine(reply);
    expect(line).not.toMatch(/no date yet/);
    expect(line).toContain(`from ${thirteenthCheck('2026-12-06')}`);
    expect(line).toMatch(/reaches 90 % on 2026-12-06/);
    // The chart dates the weekly checks the same way, on the same assumption: the score stays at 90 %+.
    expect(reply.chart?.subtitle).toMatch(new RegExp(`13 of 16 by ${thirteenthCheck('2026-12-06')} if it stays`));
    fits(renderText(reply));
  });

  it('/jss and /desk lead with the same day, and every count to 90 % names it', async () => {
    const ctx = await leavingTomorrow();
    for (const line of ['/jss', '/desk', '/toprated']) {
      const { reply } = await ask(line, ctx);
      const text = short(reply);
      if (line !== '/toprated') expect(reply.lead, line).toMatch(/reaches 90 % on 2026-12-06/);
      // A day of waiting beats any count of new contracts: the lead names the day alone.
      if (line !== '/toprated') expect(reply.lead, line).not.toMatch(/more successful/);
      // A count to 90 % that leaves out the negative leaving would contradict "100 % from 2026-12-06".
      for (const count of text.match(/\d+ more successful contracts? takes? it to 90 %[^.]*/g) ?? [])
        expect(count, line).toMatch(/2026-12-06/);
      expect(text, line).toMatch(/2026-12-06/);
      fits(renderText(reply));
    }
  });
});

describe('an established 40-contract log with negatives leaving later', () => {
  it('/jss, /desk and /toprated give the same counts and the same day it reaches 90 %', async () => {
    const ctx = await established();
    const jss = await ask('/jss details:yes', ctx);
    // The day /jss's own catch-up list gives for "no new contract needed".
    const zero = flat(jss.all).match(/no new contract needed by (\d{4}-\d\d-\d\d)/)?.[1] ?? '';
    expect(zero).toMatch(/^\d{4}/);
    const top = await ask('/toprated', ctx);
    expect(newerLine(top.reply)).toContain(`from ${thirteenthCheck(zero)}`);
    const desk = await ask('/desk', ctx);
    const figures = (text: string) => text.match(/\d+ more successful contracts take it there[^;.]*/)?.[0];
    const leads = [jss.reply.lead, desk.reply.lead, newerLine(top.reply)];
    for (const lead of leads) expect(flat(lead)).toContain(`reaches 90 % on ${zero}`);
    const said = leads.map((l) => figures(flat(l)));
    expect(said[0]).toBeDefined();
    expect(new Set(said).size).toBe(1);
    for (const r of [jss.reply, top.reply, desk.reply]) fits(renderText(r));
  });
});

describe('small wording', () => {
  it('Plus names "a large contract", and /jss mentions leaving negatives only when there are some', async () => {
    const ctx = onDec5();
    await ask('/contracts import csv:"2026-06-01,5,500,A\n2026-09-01,3,500,B"', ctx);
    const top = await ask('/toprated', ctx);
    expect(flat(top.all)).toMatch(/Top Rated Plus also needs [^.]*\ba large contract\b/);
    const jss = await ask('/jss details:yes', ctx);
    expect(jss.all).not.toMatch(/negative leaves the window/);
  });
});
