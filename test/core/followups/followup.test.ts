import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { zonedInstant } from '../../../src/core/dates.js';
import {
  buildFollowup,
  dayIn,
  type Followup,
  ladderDays,
  type NewFollowup,
  parseDay,
  snoozeSteps,
} from '../../../src/core/followups/ladders.js';
import { loadFollowups } from '../../../src/core/followups/reminders.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { UserError } from '../../../src/core/runtime/errors.js';
import { type Block, type Reply, text } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';

/** Everything an answer shows, the lead and the details included. */
const everything = (r: Reply): Block[] => [text(r.lead), ...r.blocks, ...r.details];

const days = (delivered: string) => ladderDays(delivered).map((s) => s.day);

describe('ladder dates (calendar days)', () => {
  it.each([
    ['2026-01-31', ['2026-01-31', '2026-02-07', '2026-02-21', '2026-02-28']],
    ['2026-02-25', ['2026-02-25', '2026-03-04', '2026-03-18', '2026-03-25']],
    ['2028-02-01', ['2028-02-01', '2028-02-08', '2028-02-22', '2028-02-29']],
    ['2027-02-01', ['2027-02-01', '2027-02-08', '2027-02-22', '2027-03-01']],
    ['2026-03-31', ['2026-03-31', '2026-04-07', '2026-04-21', '2026-04-28']],
    ['2026-12-20', ['2026-12-20', '2026-12-27', '2027-01-10', '2027-01-17']],
  ])('delivered %s', (delivered, expected) => {
    expect(days(delivered)).toEqual(expected);
  });

  const savedTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedTz;
  });

  // Across both daylight-saving switches: a naive "UTC midnight + local days" would slip a day here.
  it.each(['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe'])(
    'do not depend on the server time zone (%s)',
    (tz) => {
      process.env.TZ = tz;
      expect(days('2026-03-05')).toEqual(['2026-03-05', '2026-03-12', '2026-03-26', '2026-04-02']);
      expect(days('2026-10-29')).toEqual(['2026-10-29', '2026-11-05', '2026-11-19', '2026-11-26']);
    },
  );
});

describe('time zones', () => {
  it.each([
    ['2026-03-07', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['2026-03-09', 'America/New_York', '2026-03-09T13:00:00.000Z'],
    ['2026-03-30', 'Europe/Berlin', '2026-03-30T07:00:00.000Z'],
    ['2026-03-27', 'Europe/Berlin', '2026-03-27T08:00:00.000Z'],
    ['2026-04-06', 'Pacific/Auckland', '2026-04-05T21:00:00.000Z'],
    ['2026-06-01', 'Asia/Kolkata', '2026-06-01T03:30:00.000Z'],
    ['2026-06-01', 'UTC', '2026-06-01T09:00:00.000Z'],
  ])('09:00 on %s in %s is %s', (day, tz, iso) => {
    expect(zonedInstant(day, 9, tz).toISOString()).toBe(iso);
  });

  it('"today" depends on the zone asked about', () => {
    const lateInLA = new Date('2026-03-01T23:30:00-08:00');
    expect(dayIn(lateInLA, 'America/Los_Angeles')).toBe('2026-03-01');
    expect(dayIn(lateInLA)).toBe('2026-03-02');
    expect(parseDay('today', lateInLA, 'America/Los_Angeles')).toBe('2026-03-01');
    expect(parseDay('yesterday', lateInLA)).toBe('2026-03-01');
  });

  it('reads the same dates as /contracts add, and a planned delivery day ahead', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(parseDay('2 weeks ago', now)).toBe('2026-02-24');
    expect(parseDay('14 Mar 2026', now)).toBe('2026-03-14');
    expect(parseDay('tomorrow', now)).toBe('2026-03-11');
  });

  it.each(['2026-02-30', '2026-2-3', 'soon', '03/01/2026', '2026-13-01'])('refuses the date %j', (raw) => {
    expect(() => parseDay(raw, new Date())).toThrow(UserError);
  });
});

describe('buildFollowup', () => {
  const input = (delivered: string, tz = 'UTC'): NewFollowup => ({ client: 'Acme', tone: 'warm', delivered, tz });
  const now = new Date('2026-03-10T12:00:00Z');
  const statuses = (f: Followup) => f.steps.map((s) => s.status);

  it('delivered today: the five-star question is shown now, the rest wait for reminders', () => {
    const f = buildFollowup(1, input('2026-03-10'), now);
    expect(statuses(f)).toEqual(['shown', 'pending', 'pending', 'pending']);
    expect(f.steps[1]?.dueAt).toBe('2026-03-17T09:00:00.000Z');
  });

  it('delivered ten days ago: the nudge is due now, the first step is past', () => {
    expect(statuses(buildFollowup(1, input('2026-02-28'), now))).toEqual(['past', 'shown', 'pending', 'pending']);
  });

  it('in the future: every step waits', () => {
    expect(statuses(buildFollowup(1, input('2026-04-01'), now))).toEqual(['pending', 'pending', 'pending', 'pending']);
  });

  it('dues follow the user zone', () => {
    const f = buildFollowup(1, input('2026-03-10', 'America/New_York'), now);
    expect(f.steps.map((s) => s.dueAt)).toEqual([
      '2026-03-10T13:00:00.000Z',
      '2026-03-17T13:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
      '2026-04-07T13:00:00.000Z',
    ]);
  });

  it('refuses a delivery past the whole ladder, or more than a year ahead', () => {
    expect(() => buildFollowup(1, input('2026-02-09'), now)).toThrow(/past the whole ladder/);
    expect(() => buildFollowup(1, input('2027-03-12'), now)).toThrow(/more than a year ahead/);
  });

  it('snoozing moves the next pending step and the later ones, keeping the gaps', () => {
    const f = snoozeSteps(buildFollowup(1, input('2026-02-28'), now), 3);
    // Started late, the nudge is shown today (2026-03-10) and the later steps keep their gaps from it.
    expect(f.steps.map((s) => s.day)).toEqual(['2026-02-28', '2026-03-10', '2026-03-27', '2026-04-03']);
    expect(f.steps[2]?.dueAt).toBe('2026-03-27T09:00:00.000Z');
    const done = { ...f, steps: f.steps.map((s) => ({ ...s, status: 'sent' as const })) };
    expect(() => snoozeSteps(done, 3)).toThrow(/no step left/);
  });
});

describe('/followup commands', () => {
  const store = memoryStore();
  const ctx = (over: Partial<Context> = {}): Context => ({
    platform: 'console',
    workspaceId: 'local',
    userId: 'sam',
    isAdmin: true,
    now: new Date('2026-03-10T12:00:00Z'),
    store,
    ...over,
  });
  const run = (line: string, c = ctx()) => runText(line, commands, c);
  const shown = (blocks: Block[]) => JSON.stringify(blocks);
  const texts = (blocks: Block[]) => blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

  it('start shows the dates and today’s message, and stores the ladder', async () => {
    const answer = await run('/followup start client:Acme delivered:today project:"the logo" you:Sam');
    expect(answer.outcome).toBe('ok');
    expect(answer.reply.lead).toBe(
      'Follow-up #1 with Acme started: ask the five-star question now (below); next reminder on 2026-03-17.',
    );
    const body = shown(everything(answer.reply));
    expect(body).toContain('["2026-03-17","Closing nudge","reminder 09:00"]');
    expect(body).toContain('Hi Acme,\\n\\nThe final delivery for the logo is in.');
    expect(answer.reply.footer.join(' ')).toContain('calendar days in UTC');
    expect((await loadFollowups(ctx())).map((f) => f.client)).toEqual(['Acme']);
  });

  it.each([
    [
      '/followup start client:acme delivered:today project:"The logo"',
      /already follow up with Acme on the logo \(#1\)/,
    ],
    ['/followup start client:Beta delivered:2026-02-30', /not a date I can read/],
    ['/followup start client:Beta delivered:today tz:Mars/Olympus', /not a time zone I know/],
    ['/followup start client:"  " delivered:today', /"client" is missing/],
    ['/followup snooze 9 3', /No follow-up matches "9". Yours: #1 \(Acme, the logo\)/],
    ['/followup snooze 1 0', /"days" must be at least 1/],
  ])('%s is refused and changes nothing', async (line, message) => {
    const answer = await run(line);
    expect(answer.outcome).toBe('user_error');
    expect(texts(everything(answer.reply))).toMatch(message);
    expect((await loadFollowups(ctx())).map((f) => f.client)).toEqual(['Acme']);
  });

  it('start with tz: uses that zone for today and the reminder hour', async () => {
    const late = ctx({ now: new Date('2026-03-10T03:00:00Z') });
    const answer = await run('/followup start Beta today tz:America/Los_Angeles', late);
    expect(shown(everything(answer.reply))).toContain('["2026-03-09","Ask the five-star question","shown to you"]');
    expect(answer.reply.footer[0]).toContain('09:00 America/Los_Angeles');
  });

  it('takes tz: (its last option) before the others too', async () => {
    const answer = await run(
      '/followup start tz:Europe/Berlin client:Zed delivered:2026-03-12',
      ctx({ userId: 'zed' }),
    );
    expect(answer.outcome).toBe('ok');
    expect(answer.reply.footer[0]).toContain('09:00 Europe/Berlin');
  });

  it('list, snooze by client name, and done', async () => {
    const listed = await run('/followup list');
    expect(listed.reply.lead).toBe('You have 2 follow-ups; next: closing nudge on 2026-03-16 (in 6 days) with Beta.');
    expect(shown(everything(listed.reply))).toContain('["1","Acme, the logo","Closing nudge","2026-03-17"]');
    const snoozed = await run('/followup snooze acme 4');
    expect(snoozed.reply.lead).toBe(
      'Follow-up #1 with Acme moved 4 days later: closing nudge on 2026-03-21 (in 11 days).',
    );
    const done = await run('/followup done Acme');
    expect(done.reply.lead).toBe('Stopped follow-up #1 with Acme (the logo): no more reminders for it.');
    expect((await loadFollowups(ctx())).map((f) => f.client)).toEqual(['Beta']);
  });

  it('keeps each user’s ladders apart', async () => {
    const other = await run('/followup list', ctx({ userId: 'kim' }));
    expect(other.reply.lead).toBe('You have no follow-ups running.');
  });
});
