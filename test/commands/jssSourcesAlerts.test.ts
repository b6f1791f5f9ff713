// /sources and /contracts alerts beside the JSS answers, from a QA sweep: every rule an answer uses has
// an entry with its source (or says it is gigdesk's own), and alerts name contracts and windows as /jss does.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { answer, logOf, narrow } from '../support/logs.js';

describe('/sources jss details:yes', () => {
  it("has the star mapping: 4 stars and up from the course, below 4 as gigdesk's own estimate", async () => {
    const a = await answer('/sources jss details:yes');
    const entry = a.all.split('\n').find((l) => /\bstars?\b/i.test(l) && /\b4\b/.test(l)) ?? '';
    expect(entry, a.all).not.toBe('');
    expect(a.all).toMatch(/4 stars (and|or) (up|above|more)[^\n]*successful/i);
    expect(a.all).toMatch(/below 4[^\n]*gigdesk's own estimate|gigdesk's own estimate[^\n]*below 4/i);
  });

  it('has the rule that feedback Upwork removed no longer counts, with its source', async () => {
    const a = await answer('/sources jss details:yes');
    expect(a.all).toMatch(/removes?d?[^\n]*no longer counts?|no longer counts?[^\n]*removed/i);
  });

  it("labels the 0 % floor as gigdesk's assumption, not a sourced rule", async () => {
    const a = await answer('/sources jss details:yes');
    const floor = a.all.match(/[^.]*\b0 %[^.]*\./g) ?? [];
    expect(floor.length).toBeGreaterThan(0);
    for (const sentence of floor) expect(sentence).toMatch(/assum/);
  });

  it('/jss with more negatives than successes does not say Upwork never shows less than 0 %', async () => {
    const a = await answer('/jss 1 3 4 details:yes');
    expect(a.all).not.toMatch(/Upwork never shows/);
    expect(a.all).toMatch(/= -50 %, shown as 0 %[^.\n]*assum/);
    narrow(renderText(a.reply));
  });
});

const LOG = [
  `/contracts import "${['2025-09-01,2,500,kilo', '2026-01-10,5,300,acme', '2026-03-01,5,800,bolt', '2026-06-01,5,1200,cato', '2026-10-01,1,200,dune'].join('\n')}"`,
];

describe('/contracts alerts beside /jss', () => {
  it('names a contract as /jss does (client and number)', async () => {
    const ctx = await logOf(LOG);
    const jss = await answer('/jss details:yes', ctx);
    expect(jss.all).toMatch(/kilo #1/);
    for (const line of ['/contracts alerts on', '/contracts alerts']) {
      const a = await answer(line, ctx);
      expect(a.all, line).toMatch(/kilo #1 leaves/);
      expect(a.all, line).toMatch(/dune #5 leaves/);
      narrow(renderText(a.reply));
    }
  });

  it('never says only the 6-, 12- and 24-month windows move a score while /jss details shows a 3-month one', async () => {
    const ctx = await logOf(LOG);
    const jss = await answer('/jss details:yes', ctx);
    expect(jss.all).toMatch(/3 months/);
    expect(jss.all).toMatch(/Trending/);
    const on = await answer('/contracts alerts on', ctx);
    expect(on.all).not.toMatch(/Only the 6-, 12- and 24-month windows move a score/);
    expect(on.all).toMatch(/3-month/);
  });
});
