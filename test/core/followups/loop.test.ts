import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { startConsole } from '../../../src/adapters/console/console.js';
import { startReminderWorker } from '../../../src/core/followups/loop.js';
import { loadFollowups, startFollowup } from '../../../src/core/followups/reminders.js';
import { memoryStore } from '../../../src/core/store/store.js';

describe('reminder loop (console delivery)', () => {
  it('prints a reminder that fell due while it was off as soon as it starts, once', async () => {
    const store = memoryStore();
    const owner = {
      platform: 'console' as const,
      workspaceId: 'local',
      userId: 'sam',
      isAdmin: true,
      now: new Date('2026-03-10T12:00:00Z'),
      store,
    };
    await startFollowup(owner, { client: 'Acme', tone: 'brief', delivered: '2026-03-10', tz: 'UTC' });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const input = new PassThrough();
    const consoleAdapter = await startConsole({ outDir: './out' }, { store, input, output });
    const stop = await startReminderWorker(store, consoleAdapter.deliver ?? (async () => false), {
      platforms: ['console'],
      pollMs: 5,
      clock: () => new Date('2026-03-18T00:00:00Z'),
    });
    await vi.waitFor(async () => {
      expect((await loadFollowups(owner))[0]?.steps[1]?.status).toBe('sent');
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await stop();
    input.end();
    await consoleAdapter.ended;
    expect(printed.match(/\[reminder\]/g)).toHaveLength(1);
    expect(printed).toContain('Time to nudge Acme to close the contract.');
    expect(printed).toContain('Hi Acme, could you close the contract when you get a moment?');
  });
});
