// /jss from a log names the older best-of rule beside the 24-month score. When that rule's way to 90 % is
// shorter (an empty 6-month window: one new contract is all of it), /jss says its count as /toprated
// does, instead of "gives the same", which read as the same count.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { ask, logOf, narrow } from '../support/logs.js';
import { blockText } from '../support/replyText.js';

/** Ten contracts 13 to 23 months before 2026-11-22, two negative: 60 % on both rules, nothing in 12 months. */
const quietYear = () =>
  logOf(
    [
      '2024-12-28 successful 800 Ana',
      '2025-01-10 successful 500 Ben',
      '2025-02-10 negative 300 Cal',
      '2025-03-10 successful 900 Dan',
      '2025-05-10 successful 900 Eve',
      '2025-06-10 successful 400 Fay',
      '2025-07-10 negative 600 Gus',
      '2025-08-10 successful 700 Hal',
      '2025-09-10 successful 650 Ida',
      '2025-10-10 successful 720 Jo',
    ].map((l) => `/contracts add ${l}`),
  );

const oneLine = (s: string) => s.replace(/\n/g, ' ');

describe('/jss on a log beside the older rule', () => {
  it('gives the older rule’s own count when it differs, the same as /toprated rule:best-of', async () => {
    const ctx = await quietYear();
    const jss = await ask('/jss', ctx);
    const top = await ask('/toprated rule:best-of', ctx);
    const olderBlock = top.reply.blocks.map(blockText).find((b) => b.startsWith('Older best-of')) ?? '';
    const older = oneLine(olderBlock).match(/\bor about (\d+) more successful contracts? takes?\b/);
    expect(older?.[1]).toBeDefined();
    const said = jss.reply.blocks.map(blockText).find((b) => /older/i.test(b)) ?? '';
    expect(oneLine(said)).not.toMatch(/gives the same\.$/);
    expect(oneLine(said)).toMatch(new RegExp(`\\b${older?.[1]} more successful contracts? reach`));
    narrow(renderText(jss.reply));
  });

  it('says "the same score" when only the score is the same, and no count when the counts agree', async () => {
    // Every contract within 6 months: all three windows hold the same log.
    const ctx = await logOf(
      [
        '2026-06-10 successful 800 Ana',
        '2026-07-10 negative 500 Ben',
        '2026-07-20 successful 300 Cal',
        '2026-08-10 successful 900 Dan',
        '2026-08-20 successful 900 Eve',
        '2026-09-10 successful 900 Fay',
        '2026-09-20 successful 900 Gus',
        '2026-10-10 successful 900 Hal',
        '2026-11-10 successful 900 Ida',
      ].map((l) => `/contracts add ${l}`),
    );
    const { reply } = await ask('/jss', ctx);
    const said = oneLine(reply.blocks.map(blockText).find((b) => /older/i.test(b)) ?? '');
    expect(said).toMatch(/older best-of-windows rule gives the same score/);
    expect(said).not.toMatch(/more successful contracts? reach/);
  });
});
