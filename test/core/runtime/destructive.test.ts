// Buttons that delete data work once, for minutes, and only on what their prompt showed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { EXPIRED, pressAction, saveActions } from '../../../src/core/runtime/actions.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';

afterEach(() => {
  vi.useRealTimers();
});

const addContracts = async (ctx: Context, n: number) => {
  for (let i = 0; i < n; i++) {
    const added = await runText(`/contracts add 2026-11-01 successful 100 Client${i}`, commands, ctx);
    expect(added.outcome).toBe('ok');
  }
};
const count = async (ctx: Context) => (await runText('/contracts list', commands, ctx)).reply.lead;

/** Runs the prompt and saves its buttons as the adapters do; returns the danger button's ref. */
async function prompt(line: string, ctx: Context): Promise<string> {
  const answer = await runText(line, commands, ctx);
  const saved = await saveActions(answer.reply, ctx, ctx.store, ctx.now);
  const danger = saved.actions.find((a) => a.style === 'danger');
  expect(danger?.ref).toBeDefined();
  return danger?.ref ?? '';
}

describe('a button that deletes data', () => {
  it('/contracts clear deletes only what the prompt counted; otherwise it asks again and deletes nothing', async () => {
    const ctx = testContext({ store: memoryStore() });
    await addContracts(ctx, 1);
    const ref = await prompt('/contracts clear', ctx);
    await addContracts(ctx, 3);
    const before = await count(ctx);
    const pressed = await pressAction(ref, ctx, commands);
    expect(pressed.outcome).toBe('ok');
    expect(pressed.reply.lead).toMatch(/^Nothing deleted/);
    expect(pressed.reply.actions.find((a) => a.style === 'danger')?.args).toMatchObject({ count: 4 });
    expect(await count(ctx)).toBe(before);
  });

  it('works once: a second press of the same button deletes nothing', async () => {
    const ctx = testContext({ store: memoryStore() });
    await addContracts(ctx, 1);
    const ref = await prompt('/contracts clear', ctx);
    expect((await pressAction(ref, ctx, commands)).reply.lead).toMatch(/^Deleted/);
    await addContracts(ctx, 1);
    const again = await pressAction(ref, ctx, commands);
    expect(again.reply.lead).toBe(EXPIRED);
    expect(await count(ctx)).toMatch(/1 contract/);
  });

  it('expires within minutes, not days', async () => {
    const ctx = testContext({ store: memoryStore() });
    await addContracts(ctx, 1);
    const ref = await prompt('/contracts clear', ctx);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11 * 60_000);
    expect((await pressAction(ref, ctx, commands)).reply.lead).toBe(EXPIRED);
    vi.useRealTimers();
    expect(await count(ctx)).toMatch(/1 contract/);
  });

  it('/mydata delete asks again when the data changed after its prompt', async () => {
    const ctx = testContext({ store: memoryStore() });
    await addContracts(ctx, 1);
    const ref = await prompt('/mydata delete', ctx);
    await addContracts(ctx, 1);
    const pressed = await pressAction(ref, ctx, commands);
    expect(pressed.reply.lead).toMatch(/^Nothing deleted/);
    expect(await count(ctx)).toMatch(/2 contracts/);
    const fresh = pressed.reply.actions.find((a) => a.style === 'danger');
    const saved = await saveActions({ ...pressed.reply, actions: fresh ? [fresh] : [] }, ctx, ctx.store, ctx.now);
    expect((await pressAction(saved.actions[0]?.ref ?? '', ctx, commands)).reply.lead).toMatch(/^Deleted/);
  });
});
