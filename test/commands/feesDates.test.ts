// /fees reads its payment day with the one date parser every command uses: "14 Mar 2023" and
// "2 weeks ago" as well as 2023-03-14, typed without quotes, by name or by position.
import { describe, expect, it } from 'vitest';
import { fees } from '../../src/commands/fees.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const ask = (line: string) => runText(line, [fees], testContext({ now: new Date('2026-11-22T12:00:00Z') }));
/** The answer without its buttons, which carry the date as typed. */
const shown = async (line: string) => {
  const { reply, code } = await ask(line);
  return { code, reply: { ...reply, actions: [] } };
};

describe('/fees date in words', () => {
  it.each([
    ['/fees 1000 date:14 Mar 2023', '/fees 1000 date:2023-03-14'],
    ['/fees 1000 date:May 3, 2023 billed:12000', '/fees 1000 date:2023-05-03 billed:12000'],
    ['/fees 1000 date:2 weeks ago', '/fees 1000 date:2026-11-08'],
    ['/fees 1000 date:yesterday', '/fees 1000 date:2026-11-21'],
    ['/fees 1000 0 2 10 14 Mar 2023', '/fees 1000 billed:0 jobs:2 rate:10 date:2023-03-14'],
  ])('%s answers as %s', async (words, iso) => {
    const [given, expected] = [await shown(words), await shown(iso)];
    expect(given.code).toBeUndefined();
    expect(given.reply).toEqual(expected.reply);
  });

  it("a day after today still gets today's rule, said so", async () => {
    const given = await shown('/fees 1000 date:tomorrow');
    expect(given.code).toBeUndefined();
    expect(given.reply).toEqual((await shown('/fees 1000 date:2026-11-23')).reply);
  });

  it('words that start a date but are none name them all', async () => {
    const given = await ask('/fees 1000 date:14 Mar');
    expect(given.code).toBe('date_without_year');
    expect(given.reply.lead).toContain('"14 Mar"');
  });
});
