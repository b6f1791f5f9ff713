// CSV pasted on one line keeps its quotes: a long text that takes the rest of the line is the slice
// as typed (only quotes around the whole text are dropped), so an exported line imports back.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import type { Contract } from '../../../src/core/jss/contracts.js';
import { loadLog } from '../../../src/core/jss/contractsStore.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { parseLine } from '../../../src/core/runtime/textArgs.js';
import { testContext } from '../../support/context.js';

const run = (line: string, ctx: Context) => runText(line, commands, ctx);
const withoutId = ({ id: _id, ...rest }: Contract) => rest;
const LINE = '2026-10-01,5,100,"Smith, Jones",t';

async function exported(ctx: Context): Promise<string> {
  const answer = await run('/contracts export', ctx);
  return new TextDecoder().decode(answer.reply.attachments[0]?.data);
}

describe('a one-line CSV reaches the importer as typed', () => {
  it.each([
    ['positional', `/contracts import ${LINE}`],
    ['named csv:', `/contracts import csv:${LINE}`],
    ['after other options', `/contracts import skip_bad:yes ${LINE}`],
  ])('%s', (_name, line) => {
    expect(parseLine(line, commands).args.csv).toBe(LINE);
  });

  it('quotes around the whole text are still dropped, as before', () => {
    expect(parseLine('/contracts import "2026-10-01,5,100,Acme"', commands).args.csv).toBe('2026-10-01,5,100,Acme');
    expect(parseLine('/contracts import csv:"2026-10-01,5,100,Acme"', commands).args.csv).toBe('2026-10-01,5,100,Acme');
  });

  it('a quoted client with a comma imports as one field', async () => {
    const ctx = testContext();
    const answer = await run('/contracts import csv:2026-10-01,5,100,"Smith, Jones",Logo,yes', ctx);
    expect(answer.outcome).toBe('ok');
    const [contract] = (await loadLog(ctx)).contracts;
    expect(contract?.client).toBe('Smith, Jones');
    expect(contract?.longTerm).toBe(true);
  });
});

describe('an export pasted on one line (records joined by ";") imports back', () => {
  it('the header and the first row, quoted comma and semicolon included', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-03-10 5 800 "Smith, Jones" title:"Logo; v2, final"', ctx);
    await run('/contracts add 2026-03-11 successful 300 "A; B"', ctx);
    const lines = (await exported(ctx)).trim().split('\n');
    const fresh = testContext({ store: testContext().store });
    const answer = await run(`/contracts import ${lines.join(';')}`, fresh);
    expect(answer.code).toBeUndefined();
    expect(answer.outcome).toBe('ok');
    expect((await loadLog(fresh)).contracts.map(withoutId)).toEqual((await loadLog(ctx)).contracts.map(withoutId));
  });

  it('the export quotes every field that holds a ";"', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-03-11 successful 300 "A; B" title:x;y', ctx);
    const rows = (await exported(ctx)).trim().split('\n');
    expect(rows[1]).toContain('"A; B"');
    expect(rows[1]).toContain('"x;y"');
    expect(parse(rows.join(';'), { record_delimiter: ';' })).toHaveLength(2);
  });
});
