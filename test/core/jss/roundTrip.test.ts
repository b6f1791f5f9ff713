// Issue 25: /contracts export -> /contracts import reproduces the log, marks included; imports
// skip lines already in the log unless duplicates:keep; /contracts remove takes ranges and lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import type { Contract } from '../../../src/core/jss/contracts.js';
import { outcomeFromStars } from '../../../src/core/jss/contracts.js';
import { parseContractsCsv } from '../../../src/core/jss/contractsCsv.js';
import { contractsToCsv } from '../../../src/core/jss/contractsExport.js';
import { loadLog } from '../../../src/core/jss/contractsStore.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const run = (line: string, ctx: Context) => runText(line, commands, ctx);
const withoutId = ({ id: _id, ...rest }: Contract) => rest;
/** The order an export writes: oldest first, ties by id. */
const exportOrder = (contracts: Contract[]) =>
  [...contracts].sort((a, b) => (a.end === b.end ? a.id - b.id : a.end < b.end ? -1 : 1));

// Names and titles as stored: trimmed, single spaces, with the characters CSV must quote.
const words = (max: number) =>
  fc
    .array(fc.constantFrom('a', 'Z', 'é', '7', ' ', ',', '"', ';', "'", ':', '-', '#', '=', '&', '中', '@', '+'), {
      minLength: 1,
      maxLength: max,
    })
    .map((cs) => cs.join('').replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);

const contractArb = fc
  .record({
    day: fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2026, 10, 22) / 86_400_000 }),
    outcome: fc.constantFrom('successful', 'neutral', 'negative', 'none') as fc.Arbitrary<Contract['outcome']>,
    stars: fc.option(
      fc.integer({ min: 100, max: 500 }).map((h) => h / 100),
      { nil: undefined },
    ),
    amountCents: fc.integer({ min: 0, max: 10_000_000_000 }),
    client: words(80),
    title: fc.option(words(120), { nil: undefined }),
    longTerm: fc.boolean(),
    clientRemoved: fc.boolean(),
  })
  .map((r): Omit<Contract, 'id'> => {
    const c: Omit<Contract, 'id'> = {
      end: new Date(r.day * 86_400_000).toISOString().slice(0, 10),
      outcome: r.stars === undefined ? r.outcome : outcomeFromStars(r.stars),
      amountCents: r.amountCents,
      client: r.client,
      longTerm: r.longTerm,
    };
    if (r.stars !== undefined) c.stars = r.stars;
    if (r.title !== undefined) c.title = r.title;
    if (r.clientRemoved) c.clientRemoved = true;
    return c;
  });

const logArb = fc.array(contractArb, { minLength: 1, maxLength: 12 }).chain((list) =>
  fc
    .shuffledSubarray(
      list.map((_, i) => i + 1),
      { minLength: list.length, maxLength: list.length },
    )
    .map((ids) => list.map((c, i): Contract => ({ id: ids[i] ?? i + 1, ...c }))),
);

describe('export -> import round trip', () => {
  it('reproduces 1,000 random logs field for field, marks (client_removed) and stars included', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const { contracts, errors } = parseContractsCsv(contractsToCsv(log), NOW);
        expect(errors).toEqual([]);
        expect(contracts).toEqual(exportOrder(log).map(withoutId));
      }),
      { numRuns: 1_000 },
    );
  });

  it('through the commands: a contract marked client_removed comes back marked, and the score with it', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-01-10 successful 1200 acme', ctx);
    await run('/contracts add 2026-02-10 negative 300 bob', ctx);
    await run('/contracts add 2026-03-10 5 800 carol title:"Logo, v2"', ctx);
    await run('/contracts edit 2 client_removed:yes', ctx);
    const before = (await run('/jss', ctx)).reply.lead;
    const exported = await run('/contracts export', ctx);
    const csv = new TextDecoder().decode(exported.reply.attachments[0]?.data);
    const fresh = testContext({ store: testContext().store });
    expect((await run(`/contracts import ${csv}`, fresh)).outcome).toBe('ok');
    expect((await loadLog(fresh)).contracts.map(withoutId)).toEqual((await loadLog(ctx)).contracts.map(withoutId));
    expect((await run('/jss', fresh)).reply.lead).toBe(before);
  });
});

describe('imports are idempotent by default', () => {
  const CSV = '2026-01-10,successful,500,Acme\n2026-02-11,5,1200,Bob\n2026-03-12,negative,300,Carol';

  it('importing the same lines again adds nothing and says how many were already there', async () => {
    const ctx = testContext();
    await run(`/contracts import ${CSV}`, ctx);
    const score = (await run('/jss', ctx)).reply.lead;
    const again = await run(`/contracts import ${CSV}`, ctx);
    expect(again.outcome).toBe('ok');
    expect(again.reply.lead).toMatch(/^Imported 0 new contracts; 3 were already in your log/);
    expect((await loadLog(ctx)).contracts.length).toBe(3);
    expect((await run('/jss', ctx)).reply.lead).toBe(score);
  });

  it('only the new lines of a longer file are added, and duplicates:keep keeps the repeats', async () => {
    const ctx = testContext();
    await run(`/contracts import ${CSV}`, ctx);
    const more = await run(`/contracts import ${CSV}\n2026-04-01,4.5,900,Dana`, ctx);
    expect(more.reply.lead).toMatch(/^Imported 1 new contract \(#4\); 3 were already in your log/);
    const kept = await run(`/contracts import duplicates:keep ${CSV}`, ctx);
    expect(kept.outcome).toBe('ok');
    expect((await loadLog(ctx)).contracts.length).toBe(7);
  });

  it('two equal lines in one file against one in the log: one is new', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-01-10 successful 500 Acme', ctx);
    await run('/contracts import 2026-01-10,successful,500,Acme\n2026-01-10,successful,500,Acme', ctx);
    expect((await loadLog(ctx)).contracts.length).toBe(2);
  });
});

describe('/contracts remove takes ranges and lists', () => {
  it('81-120 style ranges and 3,5,7 lists', async () => {
    const ctx = testContext();
    const lines = Array.from(
      { length: 12 },
      (_, i) => `2026-01-${String(i + 1).padStart(2, '0')},successful,100,c${i}`,
    );
    await run(`/contracts import ${lines.join('\n')}`, ctx);
    const ranged = await run('/contracts remove 4-9', ctx);
    expect(ranged.outcome).toBe('ok');
    expect(ranged.reply.lead).toContain('#4-#9');
    const listed = await run('/contracts remove 1,3 11', ctx);
    expect(listed.outcome).toBe('ok');
    expect((await loadLog(ctx)).contracts.map((c) => c.id)).toEqual([2, 10, 12]);
  });

  it('a range reaching past the log removes nothing and says which ids are missing', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-01-10 successful 500 Acme', ctx);
    const answer = await run('/contracts remove 1-3', ctx);
    expect(answer.code).toBe('unknown_contract');
    expect((await loadLog(ctx)).contracts.length).toBe(1);
  });

  it('a backwards or huge range is refused', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-01-10 successful 500 Acme', ctx);
    expect((await run('/contracts remove 9-3', ctx)).code).toBe('bad_contract_ids');
    expect((await run('/contracts remove 1-99999999', ctx)).code).toBe('bad_contract_ids');
  });
});
