// The desk model on the three logs every answer is read against: none, a newcomer's, an established one.
// Expected scores come from the published formula counted by hand here, not from the jss functions.
import { describe, expect, it } from 'vitest';
import { type Day, dayFromIso, isoOfDay } from '../../../src/core/dates.js';
import { type DeskFollowup, deskFor } from '../../../src/core/desk/desk.js';
import { deskReply, stripText } from '../../../src/core/desk/deskReply.js';
import type { Contract, Outcome } from '../../../src/core/jss/contracts.js';
import { MONO_WIDTH, tableToText } from '../../../src/core/runtime/reply.js';
import { replyText } from '../../support/replyText.js';

const TODAY = dayFromIso('2026-11-22');
const contract = (id: number, end: string, outcome: Outcome, dollars: number, client: string): Contract => ({
  id,
  end,
  outcome,
  amountCents: dollars * 100,
  client,
  longTerm: false,
});

const NEWCOMER = [
  contract(1, '2026-09-01', 'successful', 500, 'Ana'),
  contract(2, '2026-10-15', 'negative', 200, 'Bolt'),
  contract(3, '2026-11-10', 'successful', 800, 'Crane'),
];

/** 38 successful contracts every 18 days back from today, a negative about to leave 24 months, one recent. */
const ESTABLISHED = [
  ...Array.from({ length: 38 }, (_, i) =>
    contract(i + 1, isoOfDay(TODAY - 18 * i), 'successful', 600, `client${i % 12}`),
  ),
  contract(39, '2024-11-25', 'negative', 400, 'Acme'),
  contract(40, '2026-08-01', 'negative', 300, 'Beta'),
];

/** The 24-month score on `day` by counting: (successful - negative) / total, rounded half up. */
function scoreByHand(log: Contract[], day: Day): number | undefined {
  const from = dayFromIso(`${Number(isoOfDay(day).slice(0, 4)) - 2}${isoOfDay(day).slice(4)}`);
  const inside = log.filter((c) => dayFromIso(c.end) > from && dayFromIso(c.end) <= day);
  if (inside.length === 0) return undefined;
  const net =
    inside.filter((c) => c.outcome === 'successful').length - inside.filter((c) => c.outcome === 'negative').length;
  return Math.floor((Math.max(0, net) / inside.length) * 100 + 0.5);
}

const followup = ({ id = 1, ...over }: Partial<DeskFollowup>): DeskFollowup => ({
  id,
  client: 'Ana',
  step: 'Closing nudge',
  task: 'nudge Ana to close the contract',
  day: '2026-11-22',
  inDays: 0,
  actions: [{ label: `#${id} Done`, command: 'followup done', args: { which: String(id) } }],
  ...over,
});

/** The last 16 weekly checks by hand, oldest first. */
const weeksByHand = (log: Contract[]) => Array.from({ length: 16 }, (_, i) => scoreByHand(log, TODAY - 7 * (15 - i)));

function monoLines(reply: ReturnType<typeof deskReply>) {
  return [...reply.blocks, ...reply.details].flatMap((b) =>
    b.type === 'pre' ? b.text.split('\n') : b.type === 'table' ? tableToText(b.columns, b.rows).split('\n') : [],
  );
}

describe('the desk model', () => {
  it('an empty log is a start page: add or import contracts, or try /jss 7 1 8', () => {
    const desk = deskFor({ contracts: [], followups: [], today: TODAY });
    expect(desk.empty).toBe(true);
    expect(desk.lead).toBe('Your desk is empty; next: add your contracts with /contracts add or /contracts import.');
    const reply = deskReply(desk);
    const all = replyText(reply);
    expect(all).toContain('/contracts add');
    expect(all).toContain('/contracts import');
    expect(all).toContain('/jss 7 1 8');
    // No strip, no chart and no numbers for a log that has none.
    expect(all).not.toContain('of 16');
    expect(reply.actions).toEqual([]);
    expect(reply.details).toEqual([]);
  });

  it("a newcomer's log (3 contracts, one negative): the score and the contracts to 90 %", () => {
    const desk = deskFor({ contracts: NEWCOMER, followups: [], today: TODAY });
    expect(desk.twentyFour).toBe(scoreByHand(NEWCOMER, TODAY));
    expect(desk.counts).toEqual({ successful: 2, negative: 1, total: 3 });
    // (2 + k - 1) / (3 + k) >= 0.9 first holds at k = 17: 18 / 20.
    // Three contracts may not show a score yet: the count says it should show by then (3 + 17 >= 8).
    expect(desk.lead).toBe(
      'Your JSS would be 33 % if it showed today, an estimate; next: 17 more successful contracts take it to 90 %, and it should show by then.',
    );
    // Between Ana's contract (2026-09-01) and Bolt's negative (2026-10-15) the score was 100 %, but from
    // one contract of one client: no score could show (FACTS §3), so none of those checks passed.
    const scores = weeksByHand(NEWCOMER);
    expect(scores.some((s) => s === 100)).toBe(true);
    expect(desk.weeks.map((w) => w.score)).toEqual(scores);
    expect(desk.weeks.every((w) => !w.passes)).toBe(true);
    expect(desk.weeksAtTarget).toBe(0);
    expect(desk.changes).toEqual([]);
    expect(stripText(desk)).toMatch(/^·{16} {2}0 of 16 at 90 %\+$/);
    const reply = deskReply(desk);
    expect(replyText(reply)).toContain('Nothing changes this week');
    expect(reply.actions.map((a) => a.label)).toEqual(['Chart']);
  });

  it('a follow-up due today comes first; later ones in the week are listed with Done and Snooze', () => {
    const due = [
      followup({
        id: 2,
        client: 'Bolt',
        step: 'Ping once more if silent',
        task: 'ping Bolt once more if they are still silent',
        day: '2026-11-27',
        inDays: 5,
      }),
      followup({ id: 1 }),
      followup({ id: 3, client: 'Far', day: '2026-12-20', inDays: 28 }),
    ];
    const desk = deskFor({ contracts: NEWCOMER, followups: due, today: TODAY });
    expect(desk.lead).toBe(
      'Your JSS would be 33 % if it showed today, an estimate; next: nudge Ana to close the contract today.',
    );
    expect(desk.followups.map((f) => f.id)).toEqual([1, 2]);
    const reply = deskReply(desk);
    expect(replyText(reply)).toMatch(/2\s+Bolt\s+Ping once more if silent\s+2026-11-27/);
    expect(replyText(reply)).not.toContain('Far');
    expect(reply.actions.map((a) => a.label)).toEqual(['#1 Done', '#2 Done', 'Chart']);
  });

  it('an overdue step leads, counted in days; an empty log with follow-ups is not called an empty desk', () => {
    const late = followup({ day: '2026-11-20', inDays: -2 });
    expect(deskFor({ contracts: NEWCOMER, followups: [late], today: TODAY }).lead).toBe(
      'Your JSS would be 33 % if it showed today, an estimate; next: nudge Ana to close the contract (2 days overdue).',
    );
    const ahead = followup({ day: '2026-11-25', inDays: 3 });
    const desk = deskFor({ contracts: [], followups: [ahead], today: TODAY });
    expect(desk.lead).toBe(
      'No contracts in your log yet; next: add your contracts with /contracts add or /contracts import.',
    );
    expect(replyText(deskReply(desk))).toMatch(/1\s+Ana\s+Closing nudge\s+2026-11-25/);
    // A ladder whose next step is weeks away is not listed, and the desk is still not empty.
    const later = followup({ day: '2026-12-20', inDays: 28 });
    expect(deskFor({ contracts: [], followups: [later], today: TODAY }).lead).toMatch(/^No contracts in your log yet;/);
  });

  it('a negative leaving a window this week is listed with the score it leaves behind', () => {
    // Ended 2026-05-25: inside the 6-month window until 2026-11-24, out from 2026-11-25.
    const log = [...NEWCOMER, contract(4, '2026-05-25', 'negative', 100, 'Dune')];
    const desk = deskFor({ contracts: log, followups: [], today: TODAY });
    const leave = desk.changes.find((c) => c.kind === 'leave');
    expect(leave?.day).toBe(dayFromIso('2026-11-25'));
    expect(leave?.text).toMatch(/^2026-11-25: the negative with Dune \(#4\) leaves the 6-month window/);
    // The 24-month score does not move: Dune stays in that window.
    expect(leave?.text).toContain(`24-month score then ${scoreByHand(log, dayFromIso('2026-11-25'))} %`);
  });

  it('a 40-contract log: the weekly checks, the strip, and the negative leaving 24 months this week', () => {
    const desk = deskFor({ contracts: ESTABLISHED, followups: [], today: TODAY });
    expect(desk.counts).toEqual({ successful: 38, negative: 2, total: 40 });
    expect(desk.twentyFour).toBe(90);
    const byHand = weeksByHand(ESTABLISHED);
    expect(desk.weeks.map((w) => w.score)).toEqual(byHand);
    const passes = byHand.map((s) => (s ?? 0) >= 90);
    const passed = passes.filter(Boolean).length;
    expect(desk.weeksAtTarget).toBe(passed);
    expect(stripText(desk)).toBe(`${passes.map((p) => (p ? '█' : '·')).join('')}  ${passed} of 16 at 90 %+`);

    // Acme (ended 2024-11-25) leaves the 24-month window on 2026-11-25: 37 / 39 = 94.9 %.
    const leave = desk.changes.find((c) => c.kind === 'leave');
    expect(leave?.text).toMatch(
      /^2026-11-25: the negative with Acme \(#39\) leaves the 24-month window; 24-month score then 95 %/,
    );
    // Next week's check passes at 95 %; the oldest week drops off.
    const then = passed - (passes[0] ? 1 : 0) + 1;
    const check = desk.changes.find((c) => c.kind === 'top-rated');
    expect(check?.text).toBe(
      `2026-11-29: weekly Top Rated check at 95 % passes; weeks at 90 %+ go from ${passed} to ${then} of 16.`,
    );

    // Still short of 13 of 16: the weeks it takes if every coming check passes.
    let weeks = 0;
    while (passes.slice(weeks).filter(Boolean).length + weeks < 13) weeks++;
    expect(passed).toBeLessThan(13);
    expect(desk.lead).toBe(
      `Your JSS estimate is 90 %; next: keep it at 90 %+ for ${weeks} more week${weeks === 1 ? '' : 's'} to pass 13 of 16 Top Rated checks.`,
    );
    const reply = deskReply(desk);
    expect(reply.visibility).toBe('private');
    expect(monoLines(reply).length).toBeGreaterThan(16);
    expect(monoLines(reply).filter((l) => [...l].length > MONO_WIDTH)).toEqual([]);
  });
});
