// A date typed without quotes ("2 weeks ago", "14 Mar 2026") fills its one option on the console
// and Slack, leaves the later options their own words, and words that start a date but are none get
// an error that names all of them.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { isoOfDay, parseDay } from '../../../src/core/dates.js';
import { loadFollowups } from '../../../src/core/followups/reminders.js';
import { loadLog } from '../../../src/core/jss/contractsStore.js';
import { runText } from '../../../src/core/runtime/run.js';
import { parseLine } from '../../../src/core/runtime/textArgs.js';
import { testContext } from '../../support/context.js';

const NOW = new Date('2026-03-21T12:00:00Z');
const argsOf = (line: string) => parseLine(line, commands).args;
const day = (text: string) => isoOfDay(parseDay(text, NOW, { future: true }));

const DATES = [
  '2 weeks ago',
  '3 days ago',
  '1 month ago',
  '14 Mar 2026',
  'Mar 14, 2026',
  '1 March, 2026',
  'March 14, 2026',
  '3-weeks ago',
];

describe('a date of several words, without quotes, fills the date option by position', () => {
  it.each(DATES)('/followup start Joy %s', async (date) => {
    expect(argsOf(`/followup start Joy ${date}`)).toEqual({ client: 'Joy', delivered: date });
    const ctx = testContext({ now: NOW });
    const answer = await runText(`/followup start Joy ${date}`, commands, ctx);
    expect(answer.code).toBeUndefined();
    expect((await loadFollowups(ctx))[0]?.delivered).toBe(day(date));
  });

  it.each(DATES)('/contracts add %s successful 100 acme', async (date) => {
    const args = argsOf(`/contracts add ${date} successful 100 acme`);
    expect(args).toEqual({ date, outcome: 'successful', amount: 100, client: 'acme' });
    const ctx = testContext({ now: NOW });
    const answer = await runText(`/contracts add ${date} 4.5 100 acme`, commands, ctx);
    expect(answer.code).toBeUndefined();
    expect((await loadLog(ctx)).contracts[0]?.end).toBe(day(date));
  });

  it('the options after the date keep their own words', () => {
    expect(argsOf('/followup start Joy 2 weeks ago logo Sam formal')).toEqual({
      client: 'Joy',
      delivered: '2 weeks ago',
      project: 'logo',
      you: 'Sam',
      tone: 'formal',
    });
    expect(argsOf('/contracts add 14 Mar 2026 5 2026 acme yes big job')).toEqual({
      date: '14 Mar 2026',
      outcome: '5',
      amount: 2026,
      client: 'acme',
      long_term: true,
      title: 'big job',
    });
    expect(argsOf('/template five-star Alex logo Sam warm 3 days ago yes')).toMatchObject({
      delivered: '3 days ago',
      plain: true,
    });
  });

  it('a date that is one word by itself never takes the next word', () => {
    expect(argsOf('/followup start Joy today March')).toEqual({ client: 'Joy', delivered: 'today', project: 'March' });
    expect(argsOf('/followup start Joy 2026-03-14 May 2026')).toMatchObject({
      delivered: '2026-03-14',
      project: 'May',
    });
    expect(argsOf('/contracts add 3-weeks-ago 5 100 acme')).toMatchObject({ date: '3-weeks-ago', outcome: '5' });
  });

  it('in quotes, or given by name, a date still reads the same', () => {
    expect(argsOf('/followup start Joy "2 weeks ago" logo')).toMatchObject({
      delivered: '2 weeks ago',
      project: 'logo',
    });
    expect(argsOf('/followup start Joy delivered:2 weeks ago logo')).toMatchObject({
      delivered: '2 weeks ago',
      project: 'logo',
    });
    expect(argsOf('/contracts add date:14 Mar 2026 successful 100 acme')).toMatchObject({
      date: '14 Mar 2026',
      client: 'acme',
    });
    // A quoted word after the date is the next option's, even when it could continue the date.
    expect(argsOf('/followup start Joy 14 Mar "2026"')).toMatchObject({ delivered: '14 Mar', project: '2026' });
  });
});

describe('words that start a date but are none: one error that names them all, nothing saved', () => {
  it.each([
    ['/followup start Joy 2 weeks', 'date_without_ago', '"2 weeks"'],
    ['/followup start Joy 2 weeks logo', 'date_without_ago', '"2 weeks"'],
    ['/contracts add 14 Mar successful 100 acme', 'date_without_year', '"14 Mar"'],
    ['/contracts add Mar 14 4.5 100 acme', 'date_without_year', '"Mar 14"'],
    ['/followup start Joy 2 wks ago', 'bad_date', '"2 wks ago"'],
    ['/followup start Joy 31 Feb 2026', 'bad_date', '"31 Feb 2026"'],
    ['/followup start Joy 2 weeks since', 'date_without_ago', '"2 weeks"'],
  ])('%s', async (line, code, quoted) => {
    const ctx = testContext({ now: NOW });
    const answer = await runText(line, commands, ctx);
    expect(answer.code).toBe(code);
    expect(answer.reply.lead).toContain(quoted);
    expect(await loadFollowups(ctx)).toEqual([]);
    expect((await loadLog(ctx)).contracts).toEqual([]);
  });
});
