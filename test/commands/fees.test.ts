import { describe, expect, it } from 'vitest';
import { fees } from '../../src/commands/fees.js';
import { quote } from '../../src/commands/quote.js';
import { type Block, type Reply, tableToText } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const ctx = (now = '2026-11-22T12:00:00Z') => testContext({ now: new Date(now) });

const ask = (line: string, now?: string) => runText(line, [fees], ctx(now));

function tableOf(reply: Reply): Extract<Block, { type: 'table' }> {
  const found = [...reply.blocks, ...reply.details].find((b) => b.type === 'table');
  if (found?.type !== 'table') throw new Error('no table in the reply');
  return found;
}

/** The cells of the row whose rule-set name starts with `name`, keyed by column. */
function row(reply: Reply, name: string): Record<string, string> {
  const t = tableOf(reply);
  const cells = t.rows.find((r) => r[0]?.startsWith(name));
  if (!cells) throw new Error(`no row for ${name}`);
  return Object.fromEntries(t.columns.map((c, i) => [c, cells[i] ?? '']));
}

const allText = (reply: Reply) => JSON.stringify(reply);

describe('/fees worked figures', () => {
  it('15000: sliding $1,300 fee and $13,700 kept; 30 new clients $3,000; flat $1,500', async () => {
    const { reply, outcome } = await ask('/fees 15000');
    expect(outcome).toBe('ok');
    const sliding = row(reply, 'Sliding');
    expect(sliding.Fee).toBe('$1,300.00');
    expect(sliding['You keep']).toBe('$13,700.00');
    expect(sliding['Fee, 30 new']).toBe('$3,000.00');
    expect(reply.lead).toBe("You keep an estimated $13,500 of $15,000 under today's 10 % Upwork fee.");
    expect(row(reply, 'Flat').Fee).toBe('$1,500.00');
    expect(allText(reply)).toContain('30 jobs of $500.00 from 30 different new clients costs $3,000.00');
    expect(allText(reply)).toContain('same 30 jobs from one client cost the same as one contract');
  });

  it('600 with a new client nets $490 under sliding, and there is nothing to split', async () => {
    const { reply } = await ask('/fees 600');
    expect(row(reply, 'Sliding')['You keep']).toBe('$490.00');
    expect(tableOf(reply).columns).toHaveLength(3);
  });

  it('marks the era in force today, labels the third-party rule and states the rounding', async () => {
    const { reply } = await ask('/fees 1000');
    const marked = tableOf(reply).rows.filter((r) => r[0]?.includes('in force'));
    expect(marked.map((r) => r[0])).toEqual(['Variable 10 % (in force)']);
    expect(reply.footer.join('\n')).toMatch(/stated only by third parties .* so an estimate/);
    expect(allText(reply)).toMatch(/rounded once to the nearest cent/);
    expect(reply.footer.join('\n')).toMatch(/from 2025-05-01/);
    expect(reply.visibility).toBe('private');
  });

  it('jobs: compares with that many new clients and spreads odd cents', async () => {
    const { reply } = await ask('/fees 1000 jobs:3');
    // Each job's fee is rounded on its own: 20 % of $333.34 and of $333.33 both round to $66.67.
    expect(row(reply, 'Sliding')['Fee, 3 new']).toBe('$200.01');
    expect(allText(reply)).toContain('1 job of $333.34 and 2 jobs of $333.33');
  });

  it('rate: sets the variable-era percentage', async () => {
    const { reply } = await ask('/fees 1000 rate:12.5%');
    const variable = row(reply, 'Variable');
    expect(variable['Rule set']).toContain('Variable 12.5 %');
    expect(reply.lead).toContain("under today's 12.5 % Upwork fee");
    expect(variable.Fee).toBe('$125.00');
  });
});

describe('/fees tier boundaries, with and without billed:', () => {
  it.each([
    ['/fees 500', '$100.00'],
    ['/fees 500.01', '$100.00'],
    ['/fees 10000', '$1,050.00'],
    ['/fees 10000.01', '$1,050.00'],
    ['/fees 500 billed:500', '$50.00'],
    ['/fees 500.01 billed:499.99', '$50.00'],
    ['/fees 9500 billed:500', '$950.00'],
    ['/fees 9500.01 billed:500', '$950.00'], // the last cent at 5 % adds 0.05 cent
    ['/fees 10000 billed:500', '$975.00'], // $9,500 at 10 % + $500 at 5 %
    ['/fees 10000 billed:10000', '$500.00'],
    ['/fees 10000.01 billed:10000', '$500.00'],
    ['/fees 1000 billed:9500', '$75.00'],
  ])('%s: sliding fee %s', async (line, expected) => {
    const { reply } = await ask(line);
    expect(row(reply, 'Sliding').Fee).toBe(expected);
  });

  it('billed: does not move the comparison with new clients', async () => {
    const { reply } = await ask('/fees 15000 billed:20000');
    expect(row(reply, 'Sliding').Fee).toBe('$750.00');
    expect(row(reply, 'Sliding')['Fee, 30 new']).toBe('$3,000.00');
    expect(allText(reply)).toContain('already paid you $20,000');
  });
});

describe('/fees eras by date', () => {
  it.each([
    ['2023-05-02', 'Upwork sliding'],
    ['2023-05-03', 'Upwork flat'],
    ['2025-04-30', 'Upwork flat'],
    ['2025-05-01', 'Upwork variable'],
  ])('date:%s puts %s in force', async (day, name) => {
    name = name
      .replace('Upwork sliding', 'Sliding')
      .replace('Upwork flat', 'Flat')
      .replace('Upwork variable', 'Variable');
    const { reply } = await ask(`/fees 1000 date:${day}`);
    expect(row(reply, name)['Rule set']).toContain('in force');
    expect(tableOf(reply).rows.filter((r) => r[0]?.includes('in force'))).toHaveLength(1);
    expect(allText(reply)).toContain(`in force on ${day}`);
  });

  it('ctx.now decides when no date is given', async () => {
    const { reply } = await ask('/fees 1000', '2024-01-15T08:00:00Z');
    expect(row(reply, 'Flat')['Rule set']).toContain('in force');
  });

  it('before the sliding fee began, no Upwork era is in force', async () => {
    const { reply } = await ask('/fees 1000 date:2015-01-01');
    expect(allText(reply)).toContain('No Upwork fee era we know of was in force on 2015-01-01');
    expect(reply.lead).toBe('gigdesk knows no Upwork fee for 2015-01-01: the sliding fee began on 2016-06-21.');
    expect(tableOf(reply).rows.some((r) => r[0]?.includes('in force'))).toBe(false);
  });

  it('the flat era kept 5 % in 2023 for a client already past $10,000', async () => {
    const in2023 = await ask('/fees 1000 billed:10000 date:2023-06-01');
    expect(row(in2023.reply, 'Flat').Fee).toBe('$50.00');
    expect(allText(in2023.reply)).toContain('keeps the 5 % rate');
    const in2024 = await ask('/fees 1000 billed:10000 date:2024-01-01');
    expect(row(in2024.reply, 'Flat').Fee).toBe('$100.00');
  });
});

describe('/fees bad input', () => {
  it.each([
    ['/fees 0', /"amount" must be at least 0.01/],
    ['/fees -5', /"amount" must be at least 0.01/],
    ['/fees abc', /"amount" must be a number \(got "abc"\)/],
    ['/fees', /"amount" is missing/],
    ['/fees 100000000.01', /"amount" must be at most 100000000/],
    ['/fees $200m', /"amount" must be at most 100000000/],
    ['/fees 1000 billed:-1', /"billed" must be at least 0/],
    ['/fees 1000 rate:16', /"rate" must be at most 15/],
    ['/fees 1000 rate:-1', /"rate" must be at least 0/],
    ['/fees 1000 rate:12.345', /"rate" can have at most two decimals/],
    ['/fees 10.001', /fraction of a cent/],
    ['/fees 1000 date:2023-02-30', /"2023-02-30" is not a date I can read/],
    ['/fees 1000 date:someday', /"someday" is not a date I can read/],
    ['/fees 1000 jobs:2000', /would each be under \$1/],
    ['/fees 1000 jobs:0', /"jobs" must be at least 1/],
    ['/fees 1000 jobs:2.5', /"jobs" must be a whole number/],
  ])('%s is refused with a clear message', async (line, message) => {
    const { reply, outcome } = await ask(line);
    expect(outcome).toBe('user_error');
    expect(reply.lead).toMatch(message);
  });

  it('accepts the largest amount', async () => {
    const { reply, outcome } = await ask('/fees 100000000');
    expect(outcome).toBe('ok');
    expect(row(reply, 'Flat').Fee).toBe('$10,000,000.00');
  });
});

describe('/fees next step', () => {
  const hinted = (reply: Reply) =>
    reply.footer.find((l) => l.startsWith('Try /quote'))?.match(/\/quote [^ ]+( [a-z]+:[^ ]+)*/)?.[0];

  it.each([
    ['/fees 500 rate:15', '/quote 500 rate:15'],
    ['/fees 15000 billed:8000', '/quote 15000 billed:8000'],
    ['/fees 1000 date:2023-06-01 billed:12000', '/quote 1000 era:flat billed:12000'],
    ['/fees 600 date:2020-01-01', '/quote 600 era:sliding'],
    ['/fees 500', '/quote 500'],
  ])('%s suggests %s: the same case, with the options it was given', async (line, expected) => {
    const { reply } = await ask(line);
    expect(hinted(reply)).toBe(expected);
    const run = await runText(expected, [quote], ctx());
    expect(run.outcome).toBe('ok');
  });
});

describe('/fees comparison with new clients', () => {
  it.each([
    ['/fees 10000 jobs:10000', 'Fee, 10,000 new'],
    ['/fees 15000 date:2020-01-01', 'Fee, 30 new'],
    ['/fees 15000 rate:12.25', 'Fee, 30 new'],
  ])('%s names the column by what it holds, within 64 characters', async (line, column) => {
    const { reply } = await ask(line);
    const t = tableOf(reply);
    expect(t.columns.at(-1)).toBe(column);
    for (const row of tableToText(t.columns, t.rows).split('\n')) expect(row.length, row).toBeLessThanOrEqual(64);
    expect(allText(reply)).toContain(`${column}: the fee when`);
  });
});
