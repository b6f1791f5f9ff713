// What /followup start and /template say back: a planned delivery's lead, the /followup start a template
// suggests (it must run as printed, and none is suggested that would be refused), time zones as typed.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { checkTimeZone } from '../../src/core/dates.js';
import { digestSetting } from '../../src/core/desk/digest.js';
import { loadFollowups } from '../../src/core/followups/reminders.js';
import { UserError } from '../../src/core/runtime/errors.js';
import { runText } from '../../src/core/runtime/run.js';
import { memoryStore } from '../../src/core/store/store.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

const NOW = new Date('2026-12-05T12:00:00Z');
const fresh = () => testContext({ store: memoryStore(), now: NOW });

describe('/followup start for a delivery still ahead', () => {
  it.each([
    ['2026-12-20', '(in 15 days)'],
    ['tomorrow', '(tomorrow)'],
  ])('%s: the lead says when, once', async (delivered, when) => {
    const answer = await runText(`/followup start Lu ${delivered}`, commands, fresh());
    expect(answer.outcome).toBe('ok');
    const day = delivered === 'tomorrow' ? '2026-12-06' : delivered;
    expect(answer.reply.lead).toBe(
      `Follow-up #1 with Lu is set for a delivery on ${day} ${when}: the first reminder comes that day.`,
    );
  });
});

/** The /followup start line a template answer suggests, as printed. */
const suggested = (text: string) => /(\/followup start .*?) for reminders\./.exec(text)?.[1];

describe('the /followup start a template suggests', () => {
  it.each([
    ['delivered:"3 weeks ago" client:Alex', '/followup start Alex 2026-11-14'],
    ['delivered:today client:"Acme Co" project:"the logo"', '/followup start "Acme Co" 2026-12-05 project:"the logo"'],
    ['delivered:2026-12-20 client:Bo', '/followup start Bo 2026-12-20'],
  ])('%s suggests %s, and it starts a ladder as printed', async (options, line) => {
    const ctx = fresh();
    const answer = await runText(`/template closing-nudge ${options}`, commands, ctx);
    expect(answer.outcome).toBe('ok');
    expect(suggested(replyText(answer.reply))).toBe(line);
    const started = await runText(line, commands, ctx);
    expect(started.outcome, started.reply.lead).toBe('ok');
    expect(await loadFollowups(ctx)).toHaveLength(1);
  });

  it.each([
    // More than a year ahead, and past the whole ladder (its last step is day 28): /followup start refuses both.
    ['delivered:2030-01-01', 'delivery_too_far'],
    ['delivered:"2 months ago"', 'ladder_past'],
  ])('%s suggests no /followup start (it would be refused)', async (options, code) => {
    const ctx = fresh();
    const answer = await runText(`/template closing-nudge ${options}`, commands, ctx);
    expect(answer.outcome).toBe('ok');
    expect(replyText(answer.reply)).not.toContain('/followup start');
    const date = options.replace('delivered:', '');
    const tried = await runText(`/followup start Alex ${date}`, commands, ctx);
    expect(tried.outcome).toBe('user_error');
    expect(tried.code).toBe(code);
  });

  it('with a ladder for that client already running, points to it instead', async () => {
    const ctx = fresh();
    expect((await runText('/followup start Alex today', commands, ctx)).outcome).toBe('ok');
    const answer = await runText('/template closing-nudge client:Alex delivered:today', commands, ctx);
    const all = replyText(answer.reply);
    expect(all).not.toContain('/followup start');
    expect(all).toContain('/followup list');
  });
});

describe('time zones are echoed and stored as typed', () => {
  it('keeps a current name its runtime knows under an older alias, and fixes only the letter case', () => {
    expect(checkTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(checkTimeZone('Asia/Kathmandu')).toBe('Asia/Kathmandu');
    expect(checkTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(checkTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(checkTimeZone('utc')).toBe('UTC');
    let error: unknown;
    try {
      checkTimeZone('Mars/Olympus');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('unknown_time_zone');
  });

  it('/followup start tz:Asia/Kolkata', async () => {
    const ctx = fresh();
    const answer = await runText('/followup start Ravi today tz:Asia/Kolkata', commands, ctx);
    expect(answer.outcome).toBe('ok');
    const all = replyText(answer.reply);
    expect(all).toContain('09:00 Asia/Kolkata');
    expect(all).not.toContain('Calcutta');
    expect((await loadFollowups(ctx)).map((f) => f.tz)).toEqual(['Asia/Kolkata']);
    expect(replyText((await runText('/followup list', commands, ctx)).reply)).not.toContain('Calcutta');
  });

  it('/desk digest on hour:23 tz:Asia/Kathmandu', async () => {
    const ctx = fresh();
    const answer = await runText('/desk digest on hour:23 tz:Asia/Kathmandu', commands, ctx);
    expect(answer.outcome).toBe('ok');
    expect(answer.reply.lead).toContain('23:00 Asia/Kathmandu');
    expect(answer.reply.lead).not.toContain('Katmandu');
    expect((await digestSetting(ctx))?.tz).toBe('Asia/Kathmandu');
    expect((await runText('/desk digest', commands, ctx)).reply.lead).toContain('Asia/Kathmandu');
  });
});
