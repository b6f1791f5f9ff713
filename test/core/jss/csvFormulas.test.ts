// A contract log exported as CSV never hands a spreadsheet a formula: a client or title starting with
// = + - @ (or a tab or CR) is written after a single quote, which /contracts import takes off again.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import type { Contract } from '../../../src/core/jss/contracts.js';
import { parseContractsCsv } from '../../../src/core/jss/contractsCsv.js';
import { contractsToCsv } from '../../../src/core/jss/contractsExport.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { TEST_NOW, testContext } from '../../support/context.js';

const run = (line: string, ctx: Context) => runText(line, commands, ctx);
const FORMULA = /^[=+\-@\t\r]/;

/** Values a spreadsheet would run, and values that already start with the quote the export adds. */
const RISKY = ['@evil', '=HYPERLINK("x")', '+1 555', '-5 off', "'=x", "''@y", "'plain", 'a=b', "O'Brien"];

const contract = (id: number, client: string, title?: string): Contract => ({
  id,
  end: '2026-10-02',
  outcome: 'successful',
  stars: 5,
  amountCents: 10_000 + id,
  client,
  longTerm: false,
  ...(title === undefined ? {} : { title }),
});

describe('the CSV export is safe to open in a spreadsheet', () => {
  it('the QA line: no cell of the file starts with a formula character', async () => {
    const ctx = testContext();
    const imported = await run('/contracts import 2026-10-02,5,100,@evil,"=HYPERLINK(""x"")"', ctx);
    expect(imported.outcome).toBe('ok');
    const answer = await run('/contracts export', ctx);
    const csv = new TextDecoder().decode(answer.reply.attachments[0]?.data);
    const cells = (parse(csv) as string[][]).flat();
    expect(cells.filter((cell) => FORMULA.test(cell))).toEqual([]);
    expect(cells).toContain("'@evil");
    expect(cells).toContain('\'=HYPERLINK("x")');
  });

  it('export -> import -> export is byte-identical, risky values included', () => {
    const log = RISKY.map((value, i) => contract(i + 1, value, RISKY[RISKY.length - 1 - i]));
    const first = contractsToCsv(log);
    const { contracts, errors } = parseContractsCsv(first, TEST_NOW);
    expect(errors).toEqual([]);
    expect(contracts.map((c) => [c.client, c.title])).toEqual(log.map((c) => [c.client, c.title]));
    const second = contractsToCsv(contracts.map((c, i) => ({ id: i + 1, ...c })));
    expect(second).toBe(first);
  });

  it('number, date and yes/no columns are written as they are', () => {
    const csv = contractsToCsv([contract(1, '-dash')]);
    const [, row] = parse(csv) as string[][];
    expect(row).toEqual(['2026-10-02', '5', '100.01', "'-dash", '', 'no', 'no']);
  });
});
