import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand } from '../../../src/core/runtime/command.js';
import { drainCommands } from '../../../src/core/runtime/lifecycle.js';
import { reply } from '../../../src/core/runtime/reply.js';
import { runCommand } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';

// Module state: this file runs in its own worker, so draining here does not affect other test files.
describe('graceful shutdown', () => {
  it('refuses new commands, finishes the one in flight, then reports drained', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = defineCommand({
      name: 'slow',
      description: 'waits',
      options: z.object({}),
      run: async () => {
        await gate;
        return reply({ lead: 'finished' });
      },
    });
    const ctx = {
      platform: 'console' as const,
      workspaceId: 'w',
      userId: 'u',
      isAdmin: false,
      now: new Date(),
      store: memoryStore(),
    };
    const inFlight = runCommand(slow, {}, ctx);
    let drained = false;
    const draining = drainCommands(5000).then((ok) => {
      drained = ok;
    });

    const late = await runCommand(slow, {}, ctx);
    expect(late.outcome).toBe('user_error');
    expect(JSON.stringify(late.reply)).toContain('restarting');
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);

    release();
    expect((await inFlight).reply.lead).toBe('finished');
    await draining;
    expect(drained).toBe(true);
  });
});
