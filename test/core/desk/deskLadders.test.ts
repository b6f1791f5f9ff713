// /desk and /followup list read one ladder state, on a real SQLite file: a step already shown or sent is
// never listed as due again, a finished ladder is not on the desk, and the digest (same desk) agrees.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { digestReply } from '../../../src/core/desk/digest.js';
import { type Deliver, deliverDue } from '../../../src/core/followups/delivery.js';
import { loadDesk } from '../../../src/core/followups/desk.js';
import type { Reply } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { openStore, type Store } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import { replyText } from '../../support/replyText.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-desk-ladders-'));
const stores: Store[] = [];
afterAll(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
function fileStore(): Store {
  const store = openStore({ sqlitePath: join(dir, `db${++files}.sqlite`) });
  stores.push(store);
  return store;
}

async function ask(store: Store, line: string, now: Date): Promise<Reply> {
  const answer = await runText(line, commands, testContext({ store, now }));
  expect(answer.outcome, JSON.stringify(answer.reply)).toBe('ok');
  return answer.reply;
}

/** The rows of the "#, Client, Next step, Due" table in a reply, as [id, client, step, day]. */
function ladderRows(reply: Reply): string[][] {
  const table = [...reply.blocks, ...reply.details].find(
    (b) => b.type === 'table' && b.columns.join('|') === '#|Client|Next step|Due',
  );
  return table?.type === 'table' ? table.rows : [];
}

const NOW = new Date('2026-12-05T12:00:00Z');

describe('/desk shows what /followup list shows as next', () => {
  it('a ladder started today and one started 28 days ago (finished): only the next pending step', async () => {
    const store = fileStore();
    await ask(store, '/followup start Anna today', NOW);
    await ask(store, '/followup start Ian "28 days ago"', NOW);

    const list = await ask(store, '/followup list', NOW);
    // Anna's five-star question went out with the start; her closing nudge is a week on. Ian's last step went out.
    expect(ladderRows(list)).toEqual([
      ['1', 'Anna', 'Closing nudge', '2026-12-12'],
      ['2', 'Ian', 'finished', '-'],
    ]);

    const desk = await ask(store, '/desk', NOW);
    expect(ladderRows(desk)).toEqual([['1', 'Anna', 'Closing nudge', '2026-12-12']]);
    const all = replyText(desk);
    expect(all).not.toContain('Ian');
    expect(all).not.toMatch(/five-star/i);
    // Nothing is due today, and the desk is not called empty while it lists a follow-up.
    expect(desk.lead).not.toMatch(/due|today|empty/);
    expect(desk.lead).toBe(
      'No contracts in your log yet; next: add your contracts with /contracts add or /contracts import.',
    );
  });

  it('a step due today shows until its reminder goes out, then neither the desk nor the digest lists it', async () => {
    const store = fileStore();
    const weekAgo = new Date('2026-11-28T12:00:00Z');
    await ask(store, '/followup start Dana today', weekAgo);
    const morning = new Date('2026-12-05T08:00:00Z');

    const before = await ask(store, '/desk', morning);
    expect(ladderRows(before)).toEqual([['1', 'Dana', 'Closing nudge', '2026-12-05']]);
    expect(before.lead).toBe('No contracts in your log yet; next: nudge Dana to close the contract today.');

    const sent: Reply[] = [];
    const deliver: Deliver = async (_to, reply) => {
      sent.push(reply);
      return true;
    };
    const nine = new Date('2026-12-05T09:00:00Z');
    expect(await deliverDue(store, nine, deliver)).toEqual({ ran: 1 });
    expect(sent).toHaveLength(1);

    const list = await ask(store, '/followup list', nine);
    expect(ladderRows(list)).toEqual([['1', 'Dana', 'Ping once more if silent', '2026-12-19']]);
    const after = await ask(store, '/desk', nine);
    // The ping is two weeks away: past the desk's seven days.
    expect(ladderRows(after)).toEqual([]);
    expect(replyText(after)).not.toContain('Dana');
    const scope = testContext({ store, now: nine });
    const digest = digestReply(await loadDesk(scope, nine));
    expect(digest.lead).toBe(after.lead);
    expect(replyText(digest)).not.toContain('Dana');
  });

  it('a step the worker has not sent yet is overdue on both, with the contract log scored', async () => {
    const store = fileStore();
    await ask(store, '/contracts add 2026-10-01 successful 500 Bo', new Date('2026-11-20T12:00:00Z'));
    await ask(store, '/followup start Dana today', new Date('2026-11-20T12:00:00Z'));
    // No worker ran since: the closing nudge of 2026-11-27 still waits.
    const desk = await ask(store, '/desk', new Date('2026-11-29T12:00:00Z'));
    expect(ladderRows(desk)).toEqual([['1', 'Dana', 'Closing nudge', '2026-11-27']]);
    expect(desk.lead).toMatch(/; next: nudge Dana to close the contract \(2 days overdue\)\.$/);
    const list = await ask(store, '/followup list', new Date('2026-11-29T12:00:00Z'));
    expect(ladderRows(list)).toEqual([['1', 'Dana', 'Closing nudge', '2026-11-27']]);
  });
});
