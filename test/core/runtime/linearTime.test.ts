// The one timing guard in the suite: every parser and checker that reads user text gets the worst
// input we can build at the largest length its path accepts, and must answer within 50 ms. A pattern
// with an ambiguous split (nested or adjacent quantifiers over the same characters) takes seconds here.
import { describe, expect, it } from 'vitest';
import { forDiscord } from '../../../src/adapters/discord/wording.js';
import { commands } from '../../../src/commands/index.js';
import { checkClient } from '../../../src/core/advice/client.js';
import { checkOverview } from '../../../src/core/advice/profile.js';
import { parseDay } from '../../../src/core/dates.js';
import { looksLikeFileName, parseContractsCsv } from '../../../src/core/jss/contractsCsv.js';
import { cellFor, textOfCell } from '../../../src/core/jss/contractsExport.js';
import { checkMessage } from '../../../src/core/messages/feedbackCheck.js';
import { contactDetails, quoteMarks } from '../../../src/core/messages/quotedWords.js';
import { fillTemplate, summaryOf, templateFills, templateProblems } from '../../../src/core/messages/templates.js';
import { parseLine, parseNumber } from '../../../src/core/runtime/textArgs.js';

const BUDGET_MS = 50;
const SAMPLE = { client: 'x', project: 'y', you: 'z' };
const now = new Date('2026-06-01T12:00:00Z');

/** The largest text each path takes: a command line, the zod bound of the option, or a CSV file. */
const MAX = { discord: 6000, line: 8000, check: 4000, profile: 6000, client: 6000, template: 1500, csv: 200_000 };

/** `seed` repeated to `length` characters, ending in a character that makes a match fail at the end. */
const run = (seed: string, length: number, tail = '\u0001') =>
  seed.repeat(Math.ceil(length / seed.length)).slice(0, length - tail.length) + tail;

/** Single characters and short runs that make backtracking patterns try every split. */
const SEEDS = [
  ' ',
  '1',
  '.',
  '!',
  '?',
  'a',
  '“',
  '"',
  '$',
  '@',
  '+',
  '-',
  '\n',
  '{',
  '[',
  ',',
  ';',
  '1,',
  '1 ',
  '$1 ',
  'a@a.',
  '+1 ',
  '!?',
  'a.',
  'my ',
  'rate ',
  'if you ',
  // Moving the work to a payment app: a verb, a bounded gap, then the app ("move this to PayPal").
  'move this ',
  'move to ',
  // A store's buyers before "pay": the look back before each "pay" is bounded.
  'customers can pay ',
  'users now ',
  // A pay app as a verb or after "send …", a private score out of 10, feedback thanked, an offer.
  'PayPal me ',
  'send it ',
  'send via ',
  'a 10 ',
  'a 10',
  '10 on the ',
  'thanks for the ',
  'thanks for your a ',
  'I could ',
  'at no ',
  'Jan 2020 ',
  'experience ',
  // Quotes: many unclosed, alternating straight and curly, pairs that almost close, chat links.
  '"a ',
  '"a b',
  '\u201ca b',
  '"\u201c',
  '"\u201ca b ',
  '"a b"a',
  'a b" ',
  '\u201ca b\u201d"',
  '"email me at a@a.',
  'wa.me/',
  't.me/a.',
  // Attributions next to quotes: each quote reads a bounded window before and after it.
  'you said ',
  'you asked "a b" ',
  '"a b", you said ',
  'Sam said "a ',
  'Sam ',
  'as you put it, "',
  // Quotes before a formula character, as the CSV export escapes them.
  "'",
  "'=",
  // A file name given to /contracts import instead of its lines.
  'a.',
  '.csv',
  // Words that could continue a date typed without quotes ("2 weeks ago", "Mar 14, 2026", "3-weeks").
  '2 weeks ',
  '14 Mar ',
  'Mar 14, ',
  '3-',
  '2026 ',
  // Command lines in an answer, rewritten for Discord: each read over a bounded span.
  '/jss 1 ',
  '/jss',
  '/template a ',
  '/desk digest on ',
  ' /help a:',
  'share:yes ',
  '/fees "a ',
];

const PATHS: [string, number, (text: string) => unknown][] = [
  ['parseNumber', MAX.csv, (t) => parseNumber(t)],
  ['parseLine', MAX.line, (t) => parseLine(`/fees ${t}`.slice(0, MAX.line), commands)],
  [
    'parseLine (a date of several words)',
    MAX.line,
    (t) => parseLine(`/followup start Joy ${t}`.slice(0, MAX.line), commands),
  ],
  ['parseLine (a named date)', MAX.line, (t) => parseLine(`/contracts add date:${t}`.slice(0, MAX.line), commands)],
  ['parseLine (long text)', MAX.line, (t) => parseLine(`/check ${t}`.slice(0, MAX.line), commands)],
  ['CSV import (one cell)', MAX.csv, (t) => parseContractsCsv(`2026-01-01,5,${t},Acme`.slice(0, MAX.csv), now)],
  ['CSV import (date cell)', MAX.csv, (t) => parseContractsCsv(`${t},5,100,Acme`.slice(0, MAX.csv), now)],
  ['CSV cell that would start a formula', MAX.csv, (t) => [cellFor(t), textOfCell(t), textOfCell(`'${t}`)]],
  ['CSV import (whole file)', MAX.csv, (t) => parseContractsCsv(t, now)],
  ['CSV import (a file name instead)', MAX.csv, (t) => looksLikeFileName(t)],
  ['/check', MAX.check, (t) => checkMessage(t)],
  ['/check quotes and contact details', MAX.check, (t) => [quoteMarks(t), contactDetails(t)]],
  ['/profile', MAX.profile, (t) => checkOverview(t)],
  ['/client', MAX.client, (t) => checkClient(t, {})],
  ['template placeholders', MAX.template, (t) => [templateProblems(t), summaryOf(t), fillTemplate(t, { client: 'x' })]],
  // /templates add checks every way a wording fills in: each value given or left out.
  [
    'template check in every branch',
    MAX.template,
    (t) =>
      templateFills(`{client}{project}{you}[{client}|${t}]`.slice(0, MAX.template), SAMPLE).map((f) =>
        checkMessage(f.message),
      ),
  ],
  ['dates', MAX.csv, (t) => parseDay(t, now)],
  ['command lines shown on Discord', MAX.discord, (t) => forDiscord(t)],
];

/**
 * CPU time of the fastest of three runs: other processes on a busy machine do not count, and one
 * garbage collection does not fail a linear parser. A quadratic one stays slow every time.
 */
function bestMs(work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3 && best > BUDGET_MS; i++) {
    const started = process.cpuUsage();
    try {
      work();
    } catch {
      // A UserError is a fine answer; only the time counts here.
    }
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('every parser and checker of user text runs in linear time', () => {
  it(`parseNumber on 40,000 digits and a letter answers within ${BUDGET_MS} ms (was 1.3 s of CPU)`, () => {
    expect(bestMs(() => parseNumber(`${'1'.repeat(40_000)}x`))).toBeLessThan(BUDGET_MS);
  });

  it.each(PATHS)(`%s: the worst input at its largest length answers within ${BUDGET_MS} ms`, (_name, length, parse) => {
    const slow = SEEDS.flatMap((seed) =>
      ['\u0001', 'x', '1'].map((tail) => ({
        seed,
        tail,
        ms: Math.round(bestMs(() => parse(run(seed, length, tail)))),
      })),
    ).filter((probe) => probe.ms >= BUDGET_MS);
    expect(slow).toEqual([]);
  });
});
