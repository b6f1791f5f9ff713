// Speed of the message tools: the feedback checker on long and hostile input, template filling,
// and one reminder pass over many due reminders (memory store).
import { performance } from 'node:perf_hooks';
import { deliverDue } from '../src/core/followups/delivery.js';
import { startFollowup } from '../src/core/followups/reminders.js';
import { checkMessage } from '../src/core/messages/feedbackCheck.js';
import { BUILT_IN_TEMPLATES, fillTemplate } from '../src/core/messages/templates.js';
import { memoryStore } from '../src/core/store/store.js';
import { type BenchRow, measure, timingRow } from './lib.js';

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
  const users = 200;
  const store = memoryStore();
  const now = new Date('2026-03-10T12:00:00Z');
  for (let i = 0; i < users; i++) {
    const ctx = { platform: 'console' as const, workspaceId: 'local', userId: `u${i}`, isAdmin: false, now, store };
    await startFollowup(ctx, { client: 'Acme', tone: 'warm', delivered: '2026-03-10', tz: 'UTC' });
  }
  // Timed by hand: measure() warms up first, which would deliver everything before the timed run.
  const start = performance.now();
  const report = await deliverDue(store, new Date('2026-03-18T00:00:00Z'), async () => true);
  const ms = performance.now() - start;
  rows.push({
    what: `deliver ${report.delivered} due reminders (${users} users)`,
    value: `${ms.toFixed(1)} ms, ${(ms / report.delivered).toFixed(3)} ms each`,
    note: 'one pass, memory store; each claimed and recorded',
  });
  return rows;
}
