import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { deliverDue } from '../../src/core/followups/delivery.js';
import { runText } from '../../src/core/runtime/run.js';
import { openStore } from '../../src/core/store/store.js';
import { testContext } from '../support/context.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-mydata-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = openStore({ sqlitePath: join(dir, 'db.sqlite') });
const as = (userId: string) => testContext({ platform: 'slack', workspaceId: 'T1', userId, store });
const ask = async (line: string, userId = 'U1') => {
  const answer = await runText(line, commands, as(userId));
  expect(answer.outcome, JSON.stringify(answer.reply)).toBe('ok');
  return answer.reply;
};
const exported = async (userId = 'U1') => {
  const reply = await ask('/mydata export', userId);
  const file = reply.attachments.find((a) => a.contentType === 'application/json');
  return JSON.parse(new TextDecoder().decode(file?.data));
};

describe('/mydata', () => {
  it('exports everything stored about the caller, privately even when asked to share', async () => {
    await ask('/contracts add 2026-10-01 successful 1200 Acme');
    await ask('/followup start Acme 2026-11-20');
    await ask('/contracts add 2026-10-02 negative 300 Other', 'U2');

    const reply = await ask('/mydata export share:yes');
    expect(reply.visibility).toBe('private');
    const data = await exported();
    expect(data).toMatchObject({ platform: 'slack', workspaceId: 'T1', userId: 'U1' });
    expect(Object.keys(data.data).sort()).toEqual(['contracts', 'followups']);
    expect(JSON.stringify(data.data.contracts)).toContain('Acme');
    expect(JSON.stringify(data)).not.toContain('Other');
    expect(data.pendingReminders.length).toBeGreaterThan(0);
  });

  it('asks for confirmation and changes nothing without it', async () => {
    const reply = await ask('/mydata delete');
    expect(JSON.stringify(reply)).toContain('confirm:yes');
    expect(Object.keys((await exported()).data)).toHaveLength(2);
  });

  it('deletes every item and pending reminder of the caller, and nobody else’s', async () => {
    const before = (await exported()).pendingReminders.length;
    expect(before).toBeGreaterThan(0);
    const reply = await ask('/mydata delete confirm:yes');
    expect(JSON.stringify(reply)).toContain(`${before} pending reminder${before === 1 ? '' : 's'}`);
    const after = await exported();
    expect(after.data).toEqual({});
    expect(after.pendingReminders).toEqual([]);
    const sent: string[] = [];
    const report = await deliverDue(store, new Date('2027-12-31'), async (to) => {
      sent.push(to.userId);
      return true;
    });
    expect(report.ran).toBe(0);
    expect(sent).toEqual([]);
    expect(Object.keys((await exported('U2')).data)).toEqual(['contracts']);
    expect(JSON.stringify((await runText('/jss', commands, as('U1'))).reply)).toContain('contract log is empty');
  });
});
