// The /jss picture's subtitle dates the target the way the text answer does: only from a day a score
// could show (2 contracts from 2 clients in 24 months, FACTS §3), on the same day the lead gives.
import { describe, expect, it } from 'vitest';
import { answer, logOf } from '../support/logs.js';

const importLine = (rows: string[]) => `/contracts import "${rows.join('\n')}"`;
/** A negative from kilo leaving the 24-month window on 2027-01-10, and successful work from acme. */
const ROWS = ['2025-01-10,1,500,kilo', '2025-06-01,5,500,acme'];

describe('/jss chart:on, the subtitle beside the text answer', () => {
  it('with one contract left once the negative leaves, it gives no plain date at 90 %, as the lead does', async () => {
    const ctx = await logOf([importLine(ROWS)]);
    const a = await answer('/jss chart:on', ctx);
    expect(a.reply.lead, a.all).not.toMatch(/reaches 90 % on/);
    expect(a.all).toMatch(/On 2027-01-10 .* if it showed/s);
    const subtitle = a.reply.chart?.subtitle ?? '';
    expect(subtitle).toMatch(/^0 % today; 90 %\+ from 2027-01-10 if it showed,/);
    expect(a.reply.chart?.marker?.label).toMatch(/2027-01-10/);
  });

  it('with two clients left once the negative leaves, it gives the lead\u2019s day', async () => {
    const ctx = await logOf([importLine([...ROWS, '2026-03-01,5,500,bolt'])]);
    const a = await answer('/jss chart:on', ctx);
    const day = a.reply.lead.match(/reaches 90 % on (\d{4}-\d{2}-\d{2})/)?.[1];
    expect(day, a.all).toBe('2027-01-10');
    expect(a.reply.chart?.subtitle).toContain(`90 % or more from ${day},`);
  });

  it('with planned contracts, the day the what-if lead gives: the first planned day a score could show', async () => {
    const ctx = await logOf([importLine(['2025-01-10,1,500,kilo'])]);
    const a = await answer('/jss chart:on planned:3', ctx);
    const day = a.reply.lead.match(/90 % is first reached on (\d{4}-\d{2}-\d{2})/)?.[1];
    expect(day, a.all).toBeDefined();
    expect(a.reply.chart?.subtitle).toContain(`90 % or more from ${day},`);
    expect(a.reply.chart?.marker?.label).toContain(`${day}`);
  });

  it('with planned contracts after a log older than 24 months, neither says 90 % on the day one contract counts', async () => {
    const ctx = await logOf([importLine(['2023-06-01,5,500,old'])]);
    const a = await answer('/jss chart:on planned:3', ctx);
    const day = a.reply.lead.match(/90 % is first reached on (\d{4}-\d{2}-\d{2}) \(contract (\d+)\)/);
    expect(day?.[2], a.all).toBe('2');
    expect(a.reply.chart?.subtitle).toContain(`90 % or more from ${day?.[1]},`);
    const one = await answer('/jss planned:1', ctx);
    expect(one.reply.lead, one.all).not.toMatch(/is first reached|not reached/);
    expect(one.reply.lead).toMatch(/if it showed/);
  });
});
