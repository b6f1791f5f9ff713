// Speed of the message tools (the feedback checker, template filling) and of reminders at scale:
// with 100,000 reminders scheduled in a SQLite file, the cost of one more /followup start and of
// firing the due ones, next to the old shape (every pending reminder in one JSON value, rewritten
// on each change) modelled here on a SQLite file of its own with as many entries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commands } from '../src/commands/index.js';
import { deliverDue } from '../src/core/followups/delivery.js';
import { dayIn } from '../src/core/followups/ladders.js';
import { startFollowup } from '../src/core/followups/reminders.js';
import { checkMessage } from '../src/core/messages/feedbackCheck.js';
import { BUILT_IN_TEMPLATES, fillTemplate } from '../src/core/messages/templates.js';
import type { Context } from '../src/core/runtime/command.js';
import { runText } from '../src/core/runtime/run.js';
import type { ScheduledJob } from '../src/core/store/jobs.js';
import { openStore, type Store } from '../src/core/store/store.js';
import { type BenchRow, measure, timingRow } from './lib.js';

const SCHEDULED = 100_000;
const DUE = 200;
const STARTS = 30;
const DAY = 86_400_000;

const userCtx = (store: Store, userId: string, now = new Date()): Context => ({
  platform: 'slack',
  workspaceId: 'T1',
  userId,
  isAdmin: false,
  now,
  store,
});

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Fills the schedule with reminders due weeks from now (three per ladder, as a ladder raises). */
async function fillSchedule(store: Store): Promise<void> {
  const jobs: ScheduledJob[] = [];
  for (let i = 0; i < SCHEDULED; i++) {
    const to = { platform: 'slack' as const, workspaceId: 'T1', userId: `filler${Math.floor(i / 3)}` };
    const data = { to, followupId: 1, step: 1 + (i % 3) };
    jobs.push({ id: `slack|T1|filler${i}`, queue: 'slack', dueAt: Date.now() + (7 + (i % 60)) * DAY, data });
  }
  for (let i = 0; i < jobs.length; i += 5000) await store.schedule.add(jobs.slice(i, i + 5000));
}

async function scheduleRows(dir: string): Promise<BenchRow[]> {
  const store = openStore({ sqlitePath: join(dir, 'new.sqlite') });
  const startAll = async (prefix: string) => {
    const times: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const ctx = userCtx(store, `${prefix}${i}`);
      times.push(await timed(() => runText('/followup start Acme today', commands, ctx)));
    }
    return times;
  };
  // The same starts on an almost empty schedule first (after a warm-up): the cost should not grow
  // with what is scheduled.
  await startAll('warm');
  const empty = await startAll('first');
  await fillSchedule(store);
  const starts = await startAll('new');
  // DUE ladders delivered 8 days ago: each has its closing nudge due now, among the 100,000 waiting.
  const past = new Date(Date.now() - 8 * DAY);
  for (let i = 0; i < DUE; i++) {
    await startFollowup(userCtx(store, `due${i}`, past), {
      client: 'Acme',
      tone: 'brief',
      delivered: dayIn(past),
      tz: 'UTC',
    });
  }
  let sent = 0;
  const fire = await timed(() =>
    deliverDue(store, new Date(), async () => {
      sent++;
      return true;
    }),
  );
  await store.close();
  return [
    {
      what: `/followup start with ${SCHEDULED.toLocaleString('en-US')} reminders scheduled`,
      value: `p50 ${median(starts).toFixed(1)} ms (${(median(starts) / median(empty)).toFixed(2)}x nearly empty)`,
      note: `SQLite file, due-time index; ${STARTS} starts, whole command; ${median(empty).toFixed(1)} ms at ${STARTS * 6} scheduled`,
    },
    {
      what: `fire ${sent} due reminders among ${SCHEDULED.toLocaleString('en-US')}`,
      value: `${fire.toFixed(0)} ms, ${(fire / Math.max(1, sent)).toFixed(2)} ms each`,
      note: 'SQLite file; each claimed, sent (no-op adapter) and recorded',
    },
  ];
}

interface OldEntry {
  to: { platform: string; workspaceId: string; userId: string };
  followupId: number;
  step: number;
  dueAt: number;
}

/** The old shape: one JSON value holds every pending reminder; a start reads, filters and rewrites it. */
async function oldIndexRows(dir: string): Promise<BenchRow[]> {
  const store = openStore({ sqlitePath: join(dir, 'old.sqlite') });
  // As many entries as the new schedule holds, DUE of them due now.
  const entries: OldEntry[] = Array.from({ length: SCHEDULED + DUE }, (_, i) => ({
    to: { platform: 'slack', workspaceId: 'T1', userId: `filler${Math.floor(i / 3)}` },
    followupId: 1,
    step: 1 + (i % 3),
    dueAt: i < DUE ? Date.now() - DAY : Date.now() + (7 + (i % 60)) * DAY,
  }));
  await store.set('reminders:pending', entries);
  const reindex = async (userId: string) => {
    const index = (await store.get<OldEntry[]>('reminders:pending')) ?? [];
    const others = index.filter((e) => !(e.to.userId === userId && e.followupId === 1));
    const mine = [1, 2, 3].map((step) => ({
      to: { platform: 'slack', workspaceId: 'T1', userId },
      followupId: 1,
      step,
      dueAt: Date.now(),
    }));
    await store.set('reminders:pending', [...others, ...mine]);
  };
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) starts.push(await timed(() => reindex(`old${i}`)));
  // Firing DUE reminders: find them in the whole value, then rewrite it once per claimed batch of 25.
  const key = (e: OldEntry) => `${e.to.userId}/${e.followupId}/${e.step}`;
  const fire = await timed(async () => {
    const index = (await store.get<OldEntry[]>('reminders:pending')) ?? [];
    const due = index.filter((e) => e.dueAt <= Date.now()).sort((a, b) => a.dueAt - b.dueAt);
    for (let i = 0; i < due.length; i += 25) {
      const claimed = new Set(due.slice(i, i + 25).map(key));
      const current = (await store.get<OldEntry[]>('reminders:pending')) ?? [];
      await store.set(
        'reminders:pending',
        current.filter((e) => !claimed.has(key(e))),
      );
    }
  });
  await store.close();
  return [
    {
      what: `old: index rewrite of one start, ${SCHEDULED.toLocaleString('en-US')} in one JSON value`,
      value: `p50 ${median(starts).toFixed(0)} ms`,
      note: 'modelled here; the issue measured 5.6 s for a whole start at 300,000',
    },
    {
      what: `old: find ${DUE} due and rewrite the value per batch of 25`,
      value: `${fire.toFixed(0)} ms`,
      note: 'modelled here, without the sends',
    },
  ];
}

export async function bench(): Promise<BenchRow[]> {
  const letter = 'Hi Alex, thanks for the work on the project. Please leave me 5 stars! Email me at a@b.co. '.repeat(
    44,
  );
  const hostile = 'a.'.repeat(2000);
  const fiveStar = BUILT_IN_TEMPLATES[0]?.text.warm ?? '';
  const rows = [
    timingRow(await measure('check 4,000-char message', () => checkMessage(letter), 200), 'many findings'),
    timingRow(await measure('check 4,000 chars of "a."', () => checkMessage(hostile), 200), 'backtracking guard'),
    timingRow(await measure('fill five-star template', () => fillTemplate(fiveStar, { client: 'Acme', you: 'Sam' }))),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-bench-reminders-'));
  try {
    rows.push(...(await scheduleRows(dir)), ...(await oldIndexRows(dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
