// At most 25 follow-ups run at once; a finished one (every step done) gives its place to a new one.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { MAX_LADDERS } from '../../../src/core/followups/reminders.js';
import { runText } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';

const NOW = new Date('2026-12-05T12:00:00Z');

async function ladders(delivered: string) {
  const ctx = testContext({ store: memoryStore(), now: NOW });
  for (let i = 1; i <= MAX_LADDERS; i++) {
    const started = await runText(`/followup start Client${i} ${delivered}`, commands, ctx);
    expect(started.outcome).toBe('ok');
  }
  return ctx;
}

describe('the follow-up limit', () => {
  it('refuses a 26th while all 25 run, and changes nothing', async () => {
    const ctx = await ladders('today');
    const refused = await runText('/followup start Extra today', commands, ctx);
    expect(refused.code).toBe('too_many_followups');
    expect(refused.reply.lead).toBe(
      'You have 25 follow-ups running, the most kept at once; stop some with /followup done.',
    );
    expect((await runText('/followup list', commands, ctx)).reply.lead).toMatch(/^You have 25 follow-ups;/);
  });

  it('lets a new one take the place of the oldest finished one', async () => {
    // Delivered 28 days ago: the last step is shown today and nothing is left to send.
    const ctx = await ladders('2026-11-07');
    const started = await runText('/followup start Extra today', commands, ctx);
    expect(started.outcome).toBe('ok');
    const list = (await runText('/followup list', commands, ctx)).reply;
    expect(list.lead).toMatch(/^You have 25 follow-ups;/);
    const rows = list.blocks.find((b) => b.type === 'table');
    const clients = rows?.type === 'table' ? rows.rows.map((r) => r[1]) : [];
    expect(clients).not.toContain('Client1');
    expect(clients).toContain('Client2');
    expect(clients).toContain('Extra');
  });
});
