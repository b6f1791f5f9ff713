// /jss on a short log, from a QA sweep: the short answer says why its count differs from what was logged
// and when its score rests on gigdesk's own star estimate; the footer says how many rules it shows.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { answer, established, logOf, narrow } from '../support/logs.js';

const imported = (rows: string[]) => logOf([`/contracts import "${rows.join('\n')}"`]);

describe('contracts the score leaves out', () => {
  it('a new freelancer with an unpaid contract hears it is left out without asking for details', async () => {
    const ctx = await imported(['2026-10-01,5,200,acme', '2026-11-01,5,300,bolt', '2026-11-20,5,0,cato']);
    const a = await answer('/jss', ctx);
    expect(a.reply.lead).toMatch(/2 contracts/);
    const notes = a.reply.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(notes).toMatch(/\b3 contracts\b/);
    expect(notes).toMatch(/unpaid/);
    expect(notes).toMatch(/left out/);
    narrow(renderText(a.reply));
  });

  it('feedback Upwork removed is named among what is left out', async () => {
    const ctx = await imported(['2026-10-01,5,200,acme', '2026-11-01,1,300,bolt', '2026-11-20,5,400,cato']);
    await answer('/contracts edit 2 client_removed:yes', ctx);
    const a = await answer('/jss', ctx);
    expect(a.short).toMatch(/removed/);
    expect(a.short).toMatch(/left out/);
  });

  it('a log where every contract counts says nothing is left out', async () => {
    const ctx = await imported(['2026-10-01,5,200,acme', '2026-11-01,5,300,bolt', '2026-11-20,5,400,cato']);
    const a = await answer('/jss', ctx);
    expect(a.short).not.toMatch(/left out/);
  });
});

describe("a score that rests on gigdesk's star estimate", () => {
  it('5, 5 and 3 stars: the short answer says 3 stars counts neutral by estimate, and 33 % if negative', async () => {
    const ctx = await imported(['2026-10-01,5,200,acme', '2026-11-01,5,300,bolt', '2026-11-20,3,400,cato']);
    const a = await answer('/jss', ctx);
    expect(a.reply.lead).toMatch(/67 %/);
    expect(a.short).toMatch(/estimate/);
    expect(a.short).toMatch(/neutral/);
    // (2 - 1) / 3, were the 3 stars a negative.
    expect(a.short).toMatch(/\b33 %/);
    narrow(renderText(a.reply));
  });

  it('a 2-star rating counted negative says what it would be if neutral', async () => {
    const ctx = await imported(['2026-10-01,5,200,acme', '2026-11-01,5,300,bolt', '2026-11-20,2,400,cato']);
    const a = await answer('/jss', ctx);
    expect(a.reply.lead).toMatch(/33 %/);
    expect(a.short).toMatch(/\b67 %/);
  });

  it('outcomes logged as words carry no star note', async () => {
    const ctx = await logOf([
      '/contracts add 2026-10-01 successful 200 acme',
      '/contracts add 2026-11-01 neutral 300 bolt',
    ]);
    const a = await answer('/jss', ctx);
    expect(a.short).not.toMatch(/stars/);
  });
});

describe('the footer on the two rules', () => {
  it('says both are shown only when both scores are in the short answer and differ', async () => {
    const one = await answer(
      '/jss',
      await imported(['2026-10-01,5,200,acme', '2026-11-01,5,300,bolt', '2026-11-20,3,400,cato']),
    );
    const oneText = [...one.reply.blocks.map((b) => ('text' in b ? b.text : '')), ...one.reply.footer].join('\n');
    expect(oneText).not.toMatch(/both are shown/);
    const forty = await answer('/jss', await established());
    expect(forty.short).toMatch(/older rule[^.]*gives \d+ %/);
    expect(forty.reply.footer.join('\n')).toMatch(/both are shown/);
  });

  it('says both rules agree when they give the same score', async () => {
    const ctx = await logOf([
      '/contracts add 2026-05-01 successful 200 acme',
      '/contracts add 2026-06-01 successful 300 bolt',
      '/contracts add 2026-07-01 successful 300 cato',
      '/contracts add 2026-08-01 successful 300 dune',
      '/contracts add 2026-09-01 successful 300 echo',
      '/contracts add 2026-10-01 successful 300 fern',
      '/contracts add 2026-11-01 successful 300 gale',
    ]);
    const a = await answer('/jss', ctx);
    expect(a.reply.footer.join('\n')).not.toMatch(/both are shown/);
    expect(a.reply.footer.join('\n')).toMatch(/both give 100 %/);
  });
});
