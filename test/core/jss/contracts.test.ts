import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { parseOutcome } from '../../../src/core/jss/contracts.js';
import { parseContractsCsv } from '../../../src/core/jss/contractsCsv.js';
import { loadLog } from '../../../src/core/jss/contractsStore.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { memoryStore, openStore, type Store, userDataNames } from '../../../src/core/store/store.js';
import { replyText } from '../../support/replyText.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const ctx = (store: Store = memoryStore(), userId = 'u1'): Context => ({
  platform: 'console',
  workspaceId: 'w',
  userId,
  isAdmin: false,
  now: NOW,
  store,
});
const ask = async (line: string, c: Context) => {
  const answer = await runText(line, commands, c);
  return {
    ...answer,
    text: replyText(answer.reply),
  };
};

describe('outcomes and stars', () => {
  it('maps words and stars, and says what it cannot read', () => {
    expect(parseOutcome('No feedback')).toEqual({ outcome: 'none' });
    expect(parseOutcome('4.5 stars')).toEqual({ outcome: 'successful', stars: 4.5 });
    expect(parseOutcome('4')).toEqual({ outcome: 'successful', stars: 4 });
    expect(parseOutcome('3.9')).toEqual({ outcome: 'neutral', stars: 3.9 });
    expect(parseOutcome('2.9')).toEqual({ outcome: 'negative', stars: 2.9 });
    expect(() => parseOutcome('7')).toThrow(/between 1 and 5/);
    expect(() => parseOutcome('great')).toThrow(/not an outcome/);
  });
});

describe('CSV parsing', () => {
  it('refuses a line longer than any contract before parsing it, naming the line', () => {
    const long = `2026-03-14,successful,100,${'A'.repeat(1000)}`;
    const refused = (csv: string) => {
      try {
        parseContractsCsv(csv, NOW);
      } catch (error) {
        return error;
      }
    };
    expect(refused(`2026-03-14,successful,100,Acme\n${long}`)).toMatchObject({
      code: 'csv_line_too_long',
      message: /^Line 2 /,
    });
    expect(refused(`2026-03-14,successful,100,Acme;${long}`)).toMatchObject({
      code: 'csv_line_too_long',
      message: /^Record 2 /,
    });
  });
  it('reports a date cell longer than any date as a bad line', () => {
    const result = parseContractsCsv(`${'1'.repeat(41)},successful,100,Acme`, NOW);
    expect(result.errors).toEqual([{ where: 'Record 1', message: expect.stringMatching(/too long to be a date/) }]);
  });
  it('reads lines with or without a header, quoted commas and dollar amounts', () => {
    const plain = parseContractsCsv('2026-03-14,successful,"$1,200",Acme,"Logo, v2"\n14 Mar 2026,3,250,Beta', NOW);
    expect(plain.errors).toEqual([]);
    expect(plain.contracts.map((c) => [c.end, c.outcome, c.amountCents, c.client, c.title])).toEqual([
      ['2026-03-14', 'successful', 120_000, 'Acme', 'Logo, v2'],
      ['2026-03-14', 'neutral', 25_000, 'Beta', undefined],
    ]);
    const headed = parseContractsCsv('client,amount,date,outcome,long_term\nAcme,900,today,negative,yes', NOW);
    expect(headed.contracts[0]).toMatchObject({
      client: 'Acme',
      amountCents: 90_000,
      end: '2026-11-22',
      outcome: 'negative',
      longTerm: true,
    });
  });

  it('reports each bad line by its number', () => {
    const { contracts, errors } = parseContractsCsv(
      'date,outcome,amount,client\n2026-01-01,successful,10,A\nnope,successful,10,B\n2026-01-02,meh,10,C\n2026-01-03,successful,10',
      NOW,
    );
    expect(contracts).toHaveLength(1);
    expect(errors.map((e) => e.where)).toEqual(['Line 3', 'Line 4', 'Line 5']);
    expect(errors[2]?.message).toBe('Missing client.');
  });
});

describe('/contracts', () => {
  it('adds, lists, removes and keeps each user private', async () => {
    const store = memoryStore();
    const me = ctx(store);
    const added = await ask('/contracts add 2026-03-14 4.8 $1,200 Acme long_term:yes Logo design', me);
    expect(added.outcome).toBe('ok');
    expect(added.text).toContain(
      'Added #1: 2026-03-14, successful (from 4.8 stars), $1,200.00, Acme, "Logo design", long-term',
    );
    expect(added.text).toContain('4 stars or more count as successful');
    await ask('/contracts add "3 weeks ago" negative 300 Beta', me);
    const list = await ask('/contracts list', me);
    expect(list.text).toMatch(/#2\s+2026-11-01\s+negative\s+\$300\.00\s+Beta/);
    expect(list.reply.visibility).toBe('private');
    expect((await ask('/contracts list', ctx(store, 'someone-else'))).text).toContain('empty');
    const removed = await ask('/contracts remove 1', me);
    expect(removed.reply.lead).toBe('Removed #1 from your log; 1 contract left.');
    expect((await loadLog(me)).contracts.map((c) => c.id)).toEqual([2]);
    expect(await userDataNames(me)).toContain('contracts');
  });

  it('rejects bad input and changes nothing', async () => {
    const me = ctx();
    await ask('/contracts add today successful 100 Acme', me);
    for (const line of [
      '/contracts add tomorrowish successful 100 Acme',
      '/contracts add today great 100 Acme',
      '/contracts add today successful -5 Acme',
      '/contracts remove 1 9',
    ]) {
      const answer = await ask(line, me);
      expect(answer.outcome, line).toBe('user_error');
    }
    expect((await ask('/contracts remove 1 9', me)).text).toContain('No contract #9');
    expect((await loadLog(me)).contracts).toHaveLength(1);
  });

  it('imports nothing when a line is bad, unless asked to skip bad lines', async () => {
    const me = ctx();
    const csv = '2026-01-01,successful,500,A;2026-13-01,successful,500,B;2026-02-01,negative,200,C';
    const refused = await ask(`/contracts import ${csv}`, me);
    expect(refused.outcome).toBe('user_error');
    expect(refused.text).toContain('Nothing was imported');
    expect(refused.text).toContain('Record 2:');
    expect((await loadLog(me)).contracts).toHaveLength(0);
    const partial = await ask(`/contracts import skip_bad:yes ${csv}`, me);
    expect(partial.outcome).toBe('ok');
    expect(partial.text).toContain('Imported 2 new contracts (#1, #2)');
    expect(partial.text).toContain('Skipped 1 bad line');
    expect((await loadLog(me)).contracts.map((c) => c.client)).toEqual(['A', 'C']);
  });

  it('asks before clearing, then clears', async () => {
    const me = ctx();
    await ask('/contracts add today successful 100 Acme', me);
    const asked = await ask('/contracts clear', me);
    expect(asked.text).toContain('confirm:yes');
    expect((await loadLog(me)).contracts).toHaveLength(1);
    const cleared = await ask('/contracts clear confirm:yes', me);
    expect(cleared.reply.lead).toBe('Deleted the one contract in your log.');
    expect((await loadLog(me)).contracts).toHaveLength(0);
    expect(await userDataNames(me)).not.toContain('contracts');
  });

  it('feeds /jss with no numbers from the log', async () => {
    const me = ctx();
    await ask(
      '/contracts import 2026-01-01,successful,500,A;2026-02-01,successful,500,B;2026-03-01,negative,500,C',
      me,
    );
    const answer = await ask('/jss target:80 details:yes', me);
    expect(answer.outcome).toBe('ok');
    expect(answer.reply.lead).toMatch(/^Your JSS from your log is 33 %/);
    expect(answer.text).toContain('To 80 % on the 24-month rule');
    expect(answer.text).toContain('2028-03-01'); // the negative leaves the 24-month window
  });
});

describe('persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-contracts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the log in SQLite across store reopenings', async () => {
    const path = join(dir, 'db.sqlite');
    const first = openStore({ sqlitePath: path });
    await ask('/contracts add 2026-05-01 successful 700 Acme', ctx(first));
    await first.close();
    const second = openStore({ sqlitePath: path });
    const list = await ask('/contracts list', ctx(second));
    expect(list.text).toContain('Acme');
    await second.close();
  });
});
