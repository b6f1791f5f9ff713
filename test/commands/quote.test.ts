import { describe, expect, it } from 'vitest';
import { fees } from '../../src/commands/fees.js';
import { quote } from '../../src/commands/quote.js';
import { FEE_RULES } from '../../src/core/fees/rules.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const ask = (line: string) => runText(line, [quote], testContext());
const allText = (reply: Reply) => JSON.stringify(reply);

function field(reply: Reply, label: string): string {
  for (const b of [...reply.blocks, ...reply.details]) {
    if (b.type !== 'fields') continue;
    const f = b.fields.find((x) => x.label.startsWith(label));
    if (f) return f.value;
  }
  throw new Error(`no field ${label}`);
}

describe('/quote with one rule set', () => {
  it('keep $490 under sliding -> charge $600, with the one-cent-less check', async () => {
    const { reply, outcome } = await ask('/quote 490 era:sliding');
    expect(outcome).toBe('ok');
    expect(reply.lead).toBe('Charge $600 to keep $490 under the Upwork sliding fee 20/10/5 %.');
    expect(field(reply, 'Fee')).toBe('20 % of $500.00 = $100.00 + 10 % of $100.00 = $10.00: $110.00');
    expect(field(reply, 'Check')).toBe('charging $599.99 would leave $489.99, less than $490.00');
    expect(allText(reply)).toContain('not in force on 2026-11-22');
  });

  it('keep $13,700 under sliding -> charge $15,000', async () => {
    const { reply } = await ask('/quote 13700 era:sliding');
    expect(field(reply, 'Charge')).toBe('$15,000.00');
  });

  it('billed: moves the sliding tiers', async () => {
    const { reply } = await ask('/quote 950 era:sliding billed:10000');
    expect(field(reply, 'Charge')).toBe('$1,000.00');
  });

  it('counts VAT on the fee, the withdrawal and Connects, and still leaves the net', async () => {
    const { reply } = await ask('/quote 1000 era:flat withdrawal:instant connects:10 vat:20');
    expect(field(reply, 'Withdrawal')).toBe('$2.00');
    expect(field(reply, 'Connects (10 x $0.15)')).toBe('$1.50');
    // $1,140.34: fee $114.03 (114.034 rounded), VAT $22.81 (22.806), costs $3.50 -> exactly $1,000.00 left.
    expect(field(reply, 'Charge')).toBe('$1,140.34');
    expect(field(reply, 'VAT on the fee (20 %)')).toBe('$22.81');
    expect(field(reply, 'You keep')).toBe('$1,000.00');
  });

  it('shows both published wire costs', async () => {
    const { reply } = await ask('/quote 1000 era:variable withdrawal:wire');
    expect(field(reply, 'Withdrawal, wire transfer')).toBe('$50.00');
    expect(field(reply, 'Charge')).toBe('$1,166.67');
    expect(allText(reply)).toContain('two wire costs, $30.00 and $50.00');
    // $1,144.44 - $114.44 (10 % of it, 114.444 rounded down) - $30 = $1,000.00.
    expect(allText(reply)).toContain('At $30.00, charge $1,144.44');
  });

  it('says the PayPal fee is not counted', async () => {
    const { reply } = await ask('/quote 1000 era:fiverr withdrawal:paypal');
    expect(field(reply, 'Charge')).toBe('$1,250.00');
    expect(field(reply, 'Withdrawal, PayPal')).toBe('not counted (no figure in our sources)');
    expect(allText(reply)).toContain('our sources give no figure, so it is not counted');
  });

  it('labels the third-party variable era and honours rate:', async () => {
    const { reply } = await ask('/quote 850 era:variable rate:15');
    expect(field(reply, 'Charge')).toBe('$1,000.00');
    expect(reply.lead).toBe('Charge an estimated $1,000 to keep $850 under the Upwork variable fee 0-15 %, at 15 %.');
    expect(reply.footer.join('\n')).toContain('stated only by third parties');
  });

  it('the Freelancer.com $5 minimum', async () => {
    const { reply } = await ask('/quote 10 era:freelancer-fixed');
    expect(field(reply, 'Charge')).toBe('$15.00');
    expect(field(reply, 'Fee')).toContain('minimum');
  });
});

describe('/quote across every rule set', () => {
  it('lists every rule set and marks the era in force', async () => {
    const { reply } = await ask('/quote 1000');
    expect(reply.lead).toBe("Charge an estimated $1,111.11 to keep $1,000 under today's 10 % Upwork fee.");
    const t = reply.details.find((b) => b.type === 'table');
    if (t?.type !== 'table') throw new Error('no table');
    expect(t.rows).toHaveLength(FEE_RULES.length);
    expect(t.rows.filter((r) => r[0]?.includes('(in force)')).map((r) => r[0])).toEqual(['Variable 10 % (in force)']);
    for (const r of t.rows) expect(r[3]).toBe('$1,000.00');
  });
});

describe('/quote era autocomplete', () => {
  it('suggests fee rule ids matching what was typed', async () => {
    expect(await quote.autocomplete?.('era', 'fr', testContext())).toEqual(['freelancer-fixed', 'freelancer-hourly']);
    expect(await quote.autocomplete?.('era', '', testContext())).toEqual(FEE_RULES.map((r) => r.id));
    expect(await quote.autocomplete?.('withdrawal', 'w', testContext())).toEqual([]);
  });
});

describe('/quote bad input', () => {
  it.each([
    ['/quote 0', /"net" must be at least 0.01/],
    ['/quote -10', /"net" must be at least 0.01/],
    ['/quote lots', /"net" must be a number/],
    ['/quote 100000001', /"net" must be at most 100000000/],
    ['/quote 1000 era:upwork', /no fee rule set "upwork".*sliding, flat, variable/],
    ['/quote 1000 withdrawal:bitcoin', /"withdrawal" must be one of: ach, local, wire, instant, paypal, none/],
    ['/quote 1000 vat:31', /"vat" must be at most 30/],
    ['/quote 1000 connects:-1', /"connects" must be at least 0/],
    ['/quote 1000 billed:-5', /"billed" must be at least 0/],
    ['/quote 1000 rate:15.5', /"rate" must be at most 15/],
  ])('%s is refused with a clear message', async (line, message) => {
    const { reply, outcome } = await ask(line);
    expect(outcome).toBe('user_error');
    expect(reply.lead).toMatch(message);
  });
});

describe('/quote billed: under a rule set it does not move', () => {
  const both = [quote, fees];

  it("era:flat past $10,000 gives the 2023 carry-over's charge, which /fees on a 2023 day confirms", async () => {
    const { reply, outcome } = await ask('/quote 1000 era:flat billed:12000');
    expect(outcome).toBe('ok');
    expect(field(reply, 'Charge')).toBe('$1,111.11');
    const note = [...reply.blocks]
      .map((b) => (b.type === 'text' ? b.text : ''))
      .find((t) => t.includes('already paid you $12,000'));
    const charge = note?.match(/needed (\$[0-9,.]+)/)?.[1];
    expect(note).toMatch(/5 %/);
    expect(note).toMatch(/2023-12-31/);
    if (!charge) throw new Error(`no 2023 charge in: ${note}`);
    const check = await runText(
      `/fees ${charge.replace(/[$,]/g, '')} date:2023-06-01 billed:12000`,
      both,
      testContext(),
    );
    expect(check.reply.lead).toMatch(/you kept \$1,000(\.00)? of/);
  });

  it.each([
    '/quote 1000 era:flat billed:8000',
    '/quote 1000 era:fiverr billed:12000',
    '/quote 1000 era:variable billed:500',
  ])('%s says billed: does not change it', async (line) => {
    const { reply } = await ask(line);
    expect(allText(reply)).toMatch(/billed:[0-9]+ moves only the sliding/);
  });

  it('says nothing of billed: where it moves the tiers', async () => {
    const { reply } = await ask('/quote 950 era:sliding billed:10000');
    expect(allText(reply)).not.toMatch(/moves only/);
  });
});

describe('/quote next step keeps the options given', () => {
  const hint = (reply: Reply) =>
    reply.footer.find((l) => l.startsWith('Try /quote'))?.match(/\/quote [^ ]+( [a-z]+:[^ ]+)*/)?.[0];

  it.each([
    ['/quote 1000 billed:12000', '/quote 1000 billed:12000 withdrawal:wire vat:20'],
    ['/quote 1000 era:sliding billed:8000', '/quote 1000 billed:8000'],
    ['/quote 1000 era:variable rate:12 withdrawal:ach', '/quote 1000 withdrawal:ach rate:12'],
    ['/quote 1000 rate:12 vat:20 connects:4', '/quote 1000 era:variable connects:4 vat:20 rate:12'],
  ])('%s suggests %s', async (line, expected) => {
    const { reply } = await ask(line);
    expect(hint(reply)).toBe(expected);
    expect((await ask(expected)).outcome).toBe('ok');
  });

  it('across every rule set, says billed: moves only the sliding tiers, as /fees does', async () => {
    const { reply } = await ask('/quote 1000 billed:12000');
    expect(allText(reply)).toContain('This client has already paid you $12,000; that moves only the sliding tiers.');
  });
});
