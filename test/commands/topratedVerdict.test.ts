// /toprated's verdict agrees with its checklist and its rule lines (FACTS.md §4, §7): Top Rated needs a
// score of 90 %+ now as well as 13 of the last 16 weekly checks; Rising Talent stands in for both only
// before a score shows; a log with no scored contract says why (unpaid, $0 contracts are left out).
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { CHECKPOINTS, WEEKS_NEEDED } from '../../src/core/jss/topRatedWeeks.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { ask, established, logOf } from '../support/logs.js';
import { blockText } from '../support/replyText.js';

const ALL_YES = 'profile:yes availability:yes no_holds:yes';
const flat = (s: string) => s.replace(/\n/g, ' ');
const short = (r: Reply) => flat([r.lead, ...r.blocks.map(blockText)].join('\n'));
const checklistLines = (all: string, mark: string) =>
  flat(all)
    .split(/(?=\b(?:Met|Missing|Not in your log): )/)
    .filter((l) => l.startsWith(`${mark}: `));

/** Every line of the answer on a 64-column console. */
const fits = (r: Reply) => {
  for (const l of renderText(r).split('\n')) expect(l.length, l).toBeLessThanOrEqual(64);
};

// Test day 2026-11-22. Eight successful contracts in April 2026 (inside 12 months, outside 6), then
// negatives a week ago and today: 12 and 24 months (8 - 2) / 10 = 60 %, 6 months 0 %, so the best of
// them is 60 % today; a week ago (8 - 1) / 9 = 78 %; every earlier weekly check was 100 %.
const droppedLog = () =>
  logOf([
    ...Array.from({ length: 8 }, (_, i) => `/contracts add 2026-04-0${i + 1} successful 400 client${i}`),
    '/contracts add 2026-11-15 negative 100 late1',
    '/contracts add 2026-11-22 negative 100 late2',
  ]);

describe('/toprated: a score that dropped after many good weeks', () => {
  it('the lead names what is missing (the score now), never an empty list, on either rule', async () => {
    const ctx = await droppedLog();
    for (const line of [`/toprated rule:best-of ${ALL_YES} details:yes`, `/toprated ${ALL_YES} details:yes`]) {
      const { reply, all } = await ask(line, ctx);
      expect(reply.lead, line).not.toMatch(/missing\s*[.;]|:\s*\./);
      expect(reply.lead, line).toMatch(/^Not Top Rated/);
      // The score today is named in the lead, as the checklist gives it.
      expect(reply.lead, line).toMatch(/\b60 %/);
      // Weekly checks: 14 of 16 (today and a week ago below 90 %) are met, the score now is not.
      expect(checklistLines(all, 'Met').join('\n'), line).toMatch(
        new RegExp(`JSS 90 %\\+ in ${WEEKS_NEEDED} of the last ${CHECKPOINTS} weekly checks 14 of ${CHECKPOINTS}`),
      );
      expect(checklistLines(all, 'Missing').join('\n'), line).toMatch(/JSS 90 %\+ now\b.*60 %/);
      fits(reply);
    }
  });

  it('the rule line does not ask again for the weekly checks already met; it says how long they hold', async () => {
    const ctx = await droppedLog();
    const { reply } = await ask(`/toprated rule:best-of ${ALL_YES}`, ctx);
    const text = short(reply);
    expect(text).not.toMatch(/then 13 of the last 16 weekly checks must be/);
    // 14 of 16 met: one more week below 90 % leaves 13 of 16, a second leaves 12.
    expect(text).toMatch(/14 of the last 16 weekly checks were at 90 %\+[^.;]*\b1 more week\b/);
  });
});

describe('/toprated: a log with no scored contract', () => {
  it('gives the true reason (unpaid, $0) and one count on both rules, with no negative named', async () => {
    const ctx = await logOf(['/contracts add 2026-11-20 successful 0 a']);
    const { reply, all } = await ask('/toprated details:yes', ctx);
    expect(all).not.toMatch(/negative leaves/);
    expect(all).not.toMatch(/would be no score/);
    expect(short(reply)).toMatch(/unpaid|\$0/);
    const counts = [...flat(all).matchAll(/(\d+) more successful contracts? takes? it to 90 %/g)].map((m) => m[1]);
    expect(counts.length).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
    // The visibility line would say "0 contracts with feedback" of a contract that had feedback.
    expect(all).not.toMatch(/0 contracts with feedback/);
    expect(reply.lead).not.toMatch(/missing\s*[.;]/);
    fits(reply);
  });
});

describe('/toprated with Rising Talent on a short log', () => {
  const threeContracts = () =>
    logOf([
      '/contracts add 2026-07-01 successful 300 ana',
      '/contracts add 2026-10-01 negative 200 ben',
      '/contracts add 2026-11-05 successful 400 cal',
    ]);

  it('Rising Talent stands in for the score: no count of contracts for the badge, and what to watch', async () => {
    const ctx = await threeContracts();
    const { reply, all } = await ask(`/toprated rising_talent:yes ${ALL_YES} details:yes`, ctx);
    // Only $900 earned: that is all the lead may name as missing.
    expect(reply.lead).toMatch(/\$1,000/);
    expect(reply.lead).not.toMatch(/JSS/);
    expect(checklistLines(all, 'Missing').filter((l) => !l.includes('Plus,'))).toHaveLength(1);
    const text = short(reply);
    expect(text).not.toMatch(/no date yet/);
    expect(text).not.toMatch(/more successful contracts? takes? it to 90 %/);
    // Once the score shows, Rising Talent no longer stands in: (2 - 1) / 3 = 33 % would not do.
    expect(text).toMatch(/Rising Talent/);
    expect(text).toMatch(/33 %/);
    fits(reply);
  });
});

describe('/toprated on a log that meets it', () => {
  const steady = () =>
    logOf(
      Array.from(
        { length: 10 },
        (_, i) => `/contracts add 2026-${String(i + 1).padStart(2, '0')}-15 successful 300 client${i}`,
      ),
    );

  it('both rules agree: the lead says so instead of naming one rule, and Plus does not ask for Top Rated', async () => {
    const ctx = await steady();
    const { reply } = await ask(`/toprated ${ALL_YES} large:5000`, ctx);
    expect(reply.lead).toMatch(/both JSS rules/);
    expect(reply.lead).not.toMatch(/newer|older/);
    const plus = reply.blocks.map(blockText).find((l) => l.startsWith('Top Rated Plus')) ?? '';
    expect(plus).not.toMatch(/needs Top Rated\b/);
    fits(reply);
  });

  it('Plus with everything but the size of a $7,000 contract: asks for the size, not for Top Rated', async () => {
    const ctx = await steady();
    await ask('/contracts add 2026-11-01 successful 7000 bigco', ctx);
    const { reply } = await ask(`/toprated ${ALL_YES}`, ctx);
    expect(reply.lead).toMatch(/meets/);
    const plus = reply.blocks.map(blockText).find((l) => l.startsWith('Top Rated Plus')) ?? '';
    expect(plus).toMatch(/large:/);
    expect(plus).not.toMatch(/needs Top Rated\b/);
  });
});

describe('/toprated asks only for what it was not told', () => {
  it('an item already answered is not asked again, and activity (no option) is not offered one', async () => {
    // The last contract ended 2026-07-15, more than 90 days before the test day: activity is not in the log.
    const ctx = await logOf([
      '/contracts add 2026-06-15 successful 800 ana',
      '/contracts add 2026-07-15 successful 700 ben',
    ]);
    const { reply } = await ask('/toprated profile:no availability:yes', ctx);
    const asked = short(reply).match(/Tell me with ([^.]*)\./)?.[1] ?? '';
    expect(asked).toMatch(/no_holds:yes/);
    expect(asked).not.toMatch(/profile:|availability:/);
    expect(short(reply)).toMatch(/Not in your log: [^.]*activity/);
  });
});

describe('/toprated: a 40-contract log with a fresh negative, no date on either rule', () => {
  it('the score in the lead names its rule when the two rules give different scores', async () => {
    const ctx = await established();
    await ask('/contracts add 2026-11-22 negative 300 zed', ctx);
    for (const [line, rule] of [
      ['/toprated', /newer 24-month/],
      ['/toprated rule:best-of', /older best-of/],
    ] as const) {
      const { reply } = await ask(line, ctx);
      const scores = [...short(reply).matchAll(/Your score is (\d+) % now/g)].map((m) => m[1]);
      expect(new Set(scores).size, line).toBe(2);
      expect(reply.lead, line).toMatch(/^Not Top Rated/);
      expect(reply.lead, line).toMatch(rule);
      fits(reply);
    }
  });
});
