// /jss findings from review: a derived figure refused as if typed, and a rounded 100 % or target beside
// "never 100 %" or "not reached" (which rule, and unrounded).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { MAX_COUNT } from '../../src/core/jss/score.js';
import { answer, logOf, narrow } from '../support/logs.js';

describe('counts at the top of the accepted range', () => {
  it.each(['/jss 900000 0 1000000', '/jss 999999 0 1000000', '/jss 1000000 0 1000000'])(
    '%s is answered, never refused with a count the user did not type',
    async (line) => {
      const a = await answer(line);
      expect(a.outcome, a.all).toBe('ok');
      expect(a.all).not.toMatch(/1,?000,?001/);
    },
  );

  it('any valid counts, target and planned are answered (derived counts may pass the cap)', async () => {
    const counts = fc
      .record({ total: fc.integer({ min: MAX_COUNT - 600, max: MAX_COUNT }), s: fc.nat(), n: fc.nat() })
      .map(({ total, s, n }) => {
        const successful = s % (total + 1);
        return { successful, negative: n % (total - successful + 1), total };
      });
    await fc.assert(
      fc.asyncProperty(
        counts,
        fc.integer({ min: 1, max: 100 }),
        fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        async (c, target, planned) => {
          const line = `/jss ${c.successful} ${c.negative} ${c.total} target:${target}${planned ? ` planned:${planned}` : ''}`;
          const a = await answer(line);
          expect(a.outcome, `${line}\n${a.all}`).toBe('ok');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a negative too small to move the shown score is said so, not "take it to" the same figure', async () => {
    const a = await answer('/jss 1000000 0 1000000');
    expect(a.outcome).toBe('ok');
    expect(a.all).toMatch(/One more negative/);
    expect(a.all).not.toMatch(/would take it to 100 %/);
  });
});

describe('what-if scores that only round to 100 % or to the target', () => {
  it('an unrounded score is never given rounded up onto the whole percent it is under', async () => {
    // 999,998 / 1,000,000 is 99.9998 %: two decimals rounded would read "100 %, which shows as 100 %".
    const a = await answer('/jss 999999 1 1000000 target:100 details:yes');
    expect(a.reply.lead).toMatch(/99\.99 %, which shows as 100 %/);
    expect(a.all).not.toMatch(/= 100 %, shown rounded/);
  });

  it('/jss 7 1 8 planned:500 does not end "to 100 %" beside "never reaches 100 %"', async () => {
    const a = await answer('/jss 7 1 8 planned:500 details:yes');
    expect(a.outcome).toBe('ok');
    // 500 more successful: (507 - 1) / 508, under 100 % unrounded.
    const exact = String(Math.round(((507 - 1) / 508) * 10000) / 100);
    expect(a.reply.lead).toContain(`${exact} %, which shows as 100 %`);
    expect(a.reply.lead).not.toMatch(/to 100 %[;.]/);
    narrow(renderText(a.reply));
  });

  it('/jss 7 1 8 target:100 planned:500 says 100 % is never reached by new work, not "within these 500"', async () => {
    const a = await answer('/jss 7 1 8 target:100 planned:500');
    expect(a.reply.lead).not.toMatch(/within these 500/);
    expect(a.reply.lead).toMatch(/never/);
    expect(a.reply.lead).not.toMatch(/to 100 %[;.]/);
  });

  it('a score at 100 % is not "100 % or more"', async () => {
    const a = await answer('/jss 10 0 10 target:100 planned:2');
    expect(a.reply.lead).toMatch(/already at 100 %/);
    expect(a.all).not.toMatch(/100 % or more/);
  });

  it('/jss 179 0 200 planned:3 does not say "from 90 % to 90 %; 90 % is not reached"', async () => {
    const a = await answer('/jss 179 0 200 planned:3');
    expect(a.reply.lead).not.toMatch(/from 90 % to 90 %/);
    expect(a.reply.lead).toMatch(/89\.5 %/);
  });

  it('/jss planned on a log names the rule its "not reached" is about, and the best-of rule beside it', async () => {
    // 24 months: (6 - 1) / 7 = 71 %; the older best-of rule has a 6-month window without the negative.
    const ctx = await logOf([
      '/contracts add 2026-01-10 successful 800 Ana',
      '/contracts add 2026-03-01 successful 500 Ben',
      '/contracts add 2026-04-01 negative 300 Cal',
      '/contracts add 2026-06-01 successful 900 Dan',
      '/contracts add 2026-08-01 successful 900 Eve',
      '/contracts add 2026-10-01 successful 400 Fay',
      '/contracts add 2026-11-01 successful 600 Gus',
    ]);
    const a = await answer('/jss planned:5', ctx);
    expect(a.reply.lead).toMatch(/24-month/);
    expect(a.reply.lead).toMatch(/90 % is not reached within these 5/);
    expect(a.short).toMatch(/older best-of rule.*(90 % or more|already)/i);
    narrow(renderText(a.reply));
  });
});
