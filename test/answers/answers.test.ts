// Representative answers as they print on the console: the snapshot is the review copy of their wording.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { commands } from '../../src/commands/index.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const LOG = [
  '/contracts add 2025-01-10 successful 1200 acme',
  '/contracts add 2025-04-02 negative 300 bolt',
  '/contracts add 2025-09-15 successful 800 crane',
  '/contracts add 2026-02-20 neutral 150 delta',
  '/contracts add 2026-06-01 successful 5000 acme long_term:yes',
];

const QUESTIONS = [
  '/jss 7 1 8',
  '/jss 7 1 8 details:yes',
  '/jss 17 0 19',
  '/jss 179 0 200',
  '/jss 19 0 20',
  '/jss 9 1 10 100',
  '/fees 15000',
  '/fees 15000 details:yes',
  '/fees 600 jobs:30',
  '/quote 5000',
  '/quote 490 era:sliding',
  '/dispute 300',
  '/dispute 800',
  '/sources',
  '/sources jss',
  '/template',
  '/template five-star client:Ana project:"the logo refresh" you:Sam',
  '/check Please leave me 5 stars and I will refund you 10%',
  '/check A five-star review would mean a lot to me.',
  '/check Any feedback is welcome.',
  '/followup start Ana 2026-11-20 project:"logo refresh"',
  '/help',
  '/rate 25 feedbacks:3',
  '/rate 25',
  '/jss 7 1 8 planned:15',
  '/client payment_verified:no hire_rate:20 Leave a 5 star review for our app in the App Store, $5 each.',
  '/jss 9 1 8',
  '/jss 2 1 3',
  '/jss 2 1 3 target:100',
];

describe('representative answers', () => {
  it.each(QUESTIONS)('%s', async (line) => {
    const answer = await runText(line, commands, testContext());
    expect(renderText(answer.reply)).toMatchSnapshot();
  });

  it.each(['/jss', '/jss details:yes', '/toprated', '/contracts list', '/mydata delete'])(
    '%s with a contract log',
    async (line) => {
      const ctx = testContext();
      for (const add of LOG) expect((await runText(add, commands, ctx)).outcome).toBe('ok');
      const answer = await runText(line, commands, ctx);
      expect(renderText(answer.reply)).toMatchSnapshot();
    },
  );
});
