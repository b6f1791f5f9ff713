import { describe, expect, it } from 'vitest';
import { toprated } from '../../../src/commands/toprated.js';
import { dayFromIso, isoOfDay } from '../../../src/core/dates.js';
import type { Contract, Outcome } from '../../../src/core/jss/contracts.js';
import { changeLog } from '../../../src/core/jss/contractsStore.js';
import { topRatedCheck } from '../../../src/core/jss/topRated.js';
import {
  contractsToTarget,
  type ScoreRule,
  scoreOn,
  weeksOfGrace,
  weeksUntilQualified,
} from '../../../src/core/jss/topRatedWeeks.js';
import { indexLog } from '../../../src/core/jss/windows.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runCommand } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { replyText } from '../../support/replyText.js';

const TODAY = dayFromIso('2026-11-22');
let id = 1;
const c = (daysAgo: number, outcome: Outcome, dollars: number, client = `c${id}`): Contract => ({
  id: id++,
  end: isoOfDay(TODAY - daysAgo),
  outcome,
  amountCents: dollars * 100,
  client,
  longTerm: false,
});
const base = { today: TODAY, rule: '24-month' as const, agency: false, largeContractCents: 500_000 };
const status = (result: ReturnType<typeof topRatedCheck>, prefix: string) =>
  result.checks.find((x) => x.item.startsWith(prefix))?.status;

describe('weekly checkpoints', () => {
  it('counts how many more passing weeks reach 13 of 16', () => {
    expect(weeksUntilQualified(Array(16).fill(true))).toBe(0);
    expect(weeksUntilQualified(Array(16).fill(false))).toBe(13);
    // passing only in the 10 most recent weeks: 3 more weeks drop 3 failing ones and add 3 passes
    expect(weeksUntilQualified([...Array(10).fill(true), ...Array(6).fill(false)])).toBe(3);
  });

  it('counts how many more weeks below 90 % keep 13 of 16, none when they are not met', () => {
    expect(weeksOfGrace(Array(16).fill(true))).toBe(3);
    // today and a week ago failed: one more failing week drops a passing one and leaves 13
    expect(weeksOfGrace([false, false, ...Array(14).fill(true)])).toBe(1);
    expect(weeksOfGrace([false, false, false, ...Array(13).fill(true)])).toBe(0);
    expect(weeksOfGrace([...Array(4).fill(false), ...Array(12).fill(true)])).toBeUndefined();
  });
});

describe('topRatedCheck', () => {
  it('passes a steady freelancer on everything the log shows', () => {
    const contracts = [
      c(300, 'successful', 6000),
      ...Array.from({ length: 10 }, (_, i) => c(20 + i * 30, 'successful', 300)),
    ];
    const result = topRatedCheck({
      ...base,
      contracts,
      profileComplete: true,
      availabilityCurrent: true,
      noHolds: true,
    });
    expect(result.weeksAtTarget).toBe(16);
    expect(result.checks.every((x) => x.status === 'met' || x.plusOnly)).toBe(true);
    expect(status(result, 'a large contract')).toBe('met');
    expect(status(result, '$10,000+')).toBe('missing'); // $9,000 in 12 months
    expect(result.earliest).toBe(TODAY);
  });

  it('finds the missing items and the earliest date for a newcomer', () => {
    const contracts = [c(40, 'successful', 700, 'a'), c(10, 'successful', 500, 'b')];
    const result = topRatedCheck({ ...base, contracts });
    expect(status(result, 'First contract')).toBe('missing');
    expect(status(result, 'Profile')).toBe('unknown');
    // A score can show only from b's contract 10 days ago (2 contracts from 2 clients, FACTS §3): the
    // checks of today and a week ago pass, 11 more are needed (day 77), later than the first contract's
    // 90 days (day 51). Counting a's lone weeks too would give 6 and day 51.
    expect(result.weeksAtTarget).toBe(2);
    expect(result.earliest).toBe(TODAY + 7 * 11);
  });

  it('cannot predict a date while the score is below 90 %', () => {
    const contracts = [c(200, 'successful', 2000, 'a'), c(100, 'negative', 500, 'b')];
    const result = topRatedCheck({ ...base, contracts });
    expect(result.earliest).toBeUndefined();
    // (1 - 1) / 2 = 0 %, on a log too short to show a score yet: said as what it would be.
    expect(result.earliestNote).toMatch(/would be 0 %.*\d+ more successful contracts take it to 90 %/);
  });
});

describe('contracts to 90 %', () => {
  const logs: Contract[][] = [
    [c(5, 'successful', 0, 'a')], // unpaid: left out, so no window holds a scored contract
    [c(300, 'successful', 500, 'a'), c(250, 'negative', 500, 'b')], // the 6-month window is empty
    [c(20, 'negative', 300, 'a'), c(300, 'successful', 500, 'b'), c(400, 'successful', 500, 'c')],
  ];
  it.each(logs.map((log, i) => [i, log] as const))('log %i: the count lifts each rule to 90 %+', (_, log) => {
    for (const rule of ['24-month', 'best-of'] as ScoreRule[]) {
      const k = contractsToTarget(indexLog(log), TODAY, rule);
      expect(k, rule).toBeDefined();
      const more = Array.from({ length: k ?? 0 }, (_, j) => c(0, 'successful', 100, `new${j}`));
      expect(scoreOn(indexLog([...log, ...more]), TODAY, rule), rule).toBeGreaterThanOrEqual(90);
    }
  });

  it('a log with no scored contract needs the same one contract on both rules', () => {
    const index = indexLog(logs[0] ?? []);
    expect(contractsToTarget(index, TODAY, 'best-of')).toBe(contractsToTarget(index, TODAY, '24-month'));
  });
});

describe('Top Rated Plus: the large contract', () => {
  it('needs feedback, no negative and the last 12 months, at the size the user gives', () => {
    const old = c(400, 'successful', 9000);
    const silent = c(30, 'none', 9000);
    const removed = { ...c(30, 'successful', 9000), clientRemoved: true };
    const result = topRatedCheck({ ...base, contracts: [old, silent, removed, c(10, 'successful', 100)] });
    expect(status(result, 'a large contract')).toBe('missing');
    const good = topRatedCheck({ ...base, contracts: [c(60, 'neutral', 5200)] });
    expect(status(good, 'a large contract')).toBe('met');
  });

  it('without a size, names the category rule: met only past $30,000, otherwise asked', () => {
    const { largeContractCents: _size, ...noSize } = base;
    const mid = topRatedCheck({ ...noSize, contracts: [c(60, 'successful', 7000)] });
    expect(status(mid, 'a large contract')).toBe('unknown');
    expect(mid.checks.find((x) => x.item.startsWith('a large'))?.detail).toMatch(/design and writing[\s\S]*large:/);
    expect(status(topRatedCheck({ ...noSize, contracts: [c(60, 'successful', 31_000)] }), 'a large')).toBe('met');
  });
});

describe('/toprated command', () => {
  it('answers from the log with a checklist, rules footer and private visibility', async () => {
    const ctx: Context = {
      platform: 'console',
      workspaceId: 'w',
      userId: 'u',
      isAdmin: false,
      now: new Date('2026-11-22T09:00:00Z'),
      store: memoryStore(),
    };
    const empty = await runCommand(toprated, {}, ctx);
    expect(empty.outcome).toBe('user_error');
    await changeLog(ctx, () => ({
      nextId: 3,
      contracts: [c(300, 'successful', 800, 'a'), c(30, 'successful', 400, 'b')],
    }));
    const answer = await runCommand(toprated, { profile: true, rule: 'best-of' }, ctx);
    expect(answer.outcome).toBe('ok');
    const text = replyText(answer.reply);
    expect(text).toMatch(/Met: Profile 100 % complete you said yes/);
    expect(text).toMatch(/best-of-6\/12\/24-months rule/);
    expect(text).toContain('Top Rated Plus also needs');
    expect(answer.reply.footer.join(' ')).toContain('115006099287');
    expect(answer.reply.visibility).toBe('private');
  });
});
