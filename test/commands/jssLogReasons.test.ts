// /jss on a log, findings from review: advice to reach a target already met, and a log whose only
// feedback does not count (unpaid, or removed by Upwork) called "no feedback".
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { answer, COUNT, logOf, narrow } from '../support/logs.js';

describe('a target already met on the log', () => {
  it('/jss target:50 at 50 % gives no count to reach 50 %, and says when it would fall under', async () => {
    // 24 months on 2026-11-22: (3 - 1) / 4 = 50 %; Ana's contract leaves on 2027-05-01, then (2 - 1) / 3.
    const ctx = await logOf([
      '/contracts add 2025-05-01 successful 800 Ana',
      '/contracts add 2025-06-01 successful 500 Ben',
      '/contracts add 2026-11-15 successful 900 Dan',
      '/contracts add 2026-11-20 negative 300 Cal',
    ]);
    const a = await answer('/jss target:50', ctx);
    expect(a.reply.lead).toMatch(/at or above your 50 % target/);
    expect(a.short).not.toMatch(COUNT);
    expect(a.short).not.toMatch(/enough for 50 %/);
    expect(a.short).toMatch(/under 50 % on 2027-05-01/);
    narrow(renderText(a.reply));
  });
});

describe('a log with feedback that does not count', () => {
  it('an unpaid contract with feedback is named as the reason, not "no feedback"', async () => {
    const ctx = await logOf(['/contracts add 2026-10-01 successful 0 Ana']);
    const a = await answer('/jss', ctx);
    expect(a.outcome).toBe('ok');
    expect(a.reply.lead).not.toMatch(/no contract with feedback/);
    expect(a.reply.lead).toMatch(/unpaid/);
    narrow(renderText(a.reply));
  });

  it('feedback Upwork removed is named as the reason', async () => {
    const ctx = await logOf(['/contracts add 2026-10-01 negative 300 Ana', '/contracts edit 1 client_removed:yes']);
    const a = await answer('/jss', ctx);
    expect(a.reply.lead).not.toMatch(/no contract with feedback/);
    expect(a.reply.lead).toMatch(/removed/);
  });

  it('a log with no feedback at all still says so', async () => {
    const ctx = await logOf(['/contracts add 2026-10-01 none 300 Ana']);
    const a = await answer('/jss', ctx);
    expect(a.reply.lead).toMatch(/no contract with feedback in the last 24 months/);
  });
});
