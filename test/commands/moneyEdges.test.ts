// Edges of /fees, /quote and /dispute where one line once said something another line (or the input) contradicted.
import { describe, expect, it } from 'vitest';
import { dispute } from '../../src/commands/dispute.js';
import { fees } from '../../src/commands/fees.js';
import { quote } from '../../src/commands/quote.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

const ask = async (line: string, now = '2026-11-22T12:00:00Z') => {
  const answer = await runText(line, [fees, quote, dispute], testContext({ now: new Date(now) }));
  return { ...answer, all: replyText(answer.reply) };
};

describe('rate: in /fees and /quote', () => {
  it('/fees with rate: given does not ask for rate: again, and names the rate used', async () => {
    const { reply, all } = await ask('/fees 1000 rate:0');
    expect(reply.lead).toMatch(/keep an estimated \$1,000 of \$1,000/);
    const perContract = all.split('\n').find((l) => l.includes('set per contract')) ?? '';
    expect(perContract).not.toMatch(/add rate:/);
    expect(perContract).toMatch(/\b0 % you gave/);
  });

  it('/fees on a day before the variable fee says rate: did not change the answer', async () => {
    const { reply, all } = await ask('/fees 1000 rate:15 date:2024-01-01');
    expect(reply.lead).toMatch(/under the 10 % Upwork fee/);
    expect(all).toMatch(/rate:15 %? ?applies only to the Upwork variable fee/);
  });

  it('/quote with rate: and another rule set says rate: did not apply', async () => {
    const { reply, all } = await ask('/quote 1000 rate:12 era:flat');
    expect(reply.lead).toMatch(/^Charge \$1,111\.11/);
    expect(all).toMatch(/rate:12 %? ?applies only to the Upwork variable fee/);
  });

  it('/quote for the variable fee alone says estimate in its lead', async () => {
    const { reply } = await ask('/quote 1000 era:variable rate:15');
    expect(reply.lead).toMatch(/^Charge an estimated \$1,176\.47/);
    const flat = await ask('/quote 1000 era:flat');
    expect(flat.reply.lead).not.toMatch(/estimate/);
  });
});

describe('Direct Contracts on a day before its 5 %', () => {
  it('/fees in 2022 names the day the 5 % began instead of a bare "you keep"', async () => {
    const blocks = async (line: string) => replyText({ ...(await ask(line)).reply, details: [], footer: [] });
    expect(await blocks('/fees 15000 date:2022-01-01')).toMatch(
      /Direct Contracts[^.]*from 2024-04-22\): you would keep/,
    );
    expect(await blocks('/fees 15000')).toMatch(/Direct Contracts, 5 %\): you keep/);
  });
});

describe('/dispute names an estimated service fee as one', () => {
  it('today (third-party variable fee) the lead says estimated; in 2022 (sliding, official) it does not', async () => {
    expect((await ask('/dispute 800')).reply.lead).toMatch(/estimated 10 %/);
    expect((await ask('/dispute 800', '2022-06-01T12:00:00Z')).reply.lead).not.toMatch(/estimate/);
  });
});

describe('/quote wire note under the variable fee', () => {
  it('names the agreed rate the other wire figure was worked at', async () => {
    // $1,000 + $30 wire at 5 %: $1,030 / 0.95 = $1,084.21 (fee $54.21 leaves $1,030.00).
    const { all } = await ask('/quote 1000 era:variable rate:5 withdrawal:wire');
    expect(all).toMatch(/At \$30\.00, charge \$1,084\.21 under the Upwork variable fee 0-15 %, at 5 %/);
  });
});
