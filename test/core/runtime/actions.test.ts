// Buttons below the adapters: saved with their owner, pressed through runCommand, refused when not yours.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { deleteAllUserData, exportUserData } from '../../../src/core/privacy.js';
import { ACTION_TTL_MS, EXPIRED, NOT_YOURS, pressAction, saveActions } from '../../../src/core/runtime/actions.js';
import { defineCommand } from '../../../src/core/runtime/command.js';
import { reply, text } from '../../../src/core/runtime/reply.js';
import { runCommand } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { TEST_NOW, testContext } from '../../support/context.js';

const counted: string[] = [];
const bump = defineCommand({
  name: 'bump',
  description: 'counts presses, and says who pressed',
  options: z.object({ label: z.string().max(10).describe('what to count') }),
  run: ({ label }, ctx) => {
    counted.push(`${ctx.userId}@${ctx.workspaceId}:${label}`);
    return reply({
      lead: `bumped ${label}`,
      details: [text('the long story')],
      actions: [{ label: 'Again', command: 'bump', args: { label } }],
    });
  },
});
const secret = defineCommand({
  name: 'secret',
  description: 'personal data',
  alwaysPrivate: true,
  options: z.object({}),
  run: () => reply({ lead: 'yours only', details: [text('more')] }),
});
const commands = [bump, secret];

describe('the runner adds the common buttons once', () => {
  it('gives a private answer its own buttons, then Details and Share with the same arguments', async () => {
    const answer = await runCommand(bump, { label: 'a' }, testContext());
    expect(answer.reply.actions).toEqual([
      { label: 'Again', command: 'bump', args: { label: 'a' } },
      { label: 'Details', command: 'bump', args: { label: 'a', details: true }, inPlace: true },
      { label: 'Share in channel', command: 'bump', args: { label: 'a', share: true } },
    ]);
  });

  it('never offers Share on an alwaysPrivate answer, and no Details once they are shown', async () => {
    const answer = await runCommand(secret, { details: true, share: true }, testContext());
    expect(answer.reply.visibility).toBe('private');
    expect(answer.reply.actions).toEqual([]);
  });

  it('keeps only Details on a shared answer: anyone in the channel could press the others', async () => {
    const answer = await runCommand(bump, { label: 'a', share: true }, testContext());
    expect(answer.reply.visibility).toBe('public');
    expect(answer.reply.actions.map((a) => a.label)).toEqual(['Details']);
  });
});

describe('pressing a saved button', () => {
  const owner = { platform: 'discord' as const, workspaceId: 'g1', userId: 'owner' };

  async function saved(visibility: 'private' | 'public' = 'private') {
    const store = memoryStore();
    const answer = await runCommand(bump, { label: 'x' }, { ...testContext({ store }), ...owner });
    const sealed = await saveActions({ ...answer.reply, visibility }, owner, store, TEST_NOW);
    return { store, refs: sealed.actions.map((a) => a.ref ?? '') };
  }

  it('carries only a random id and an index, nothing about the user or the arguments', async () => {
    const { refs } = await saved();
    for (const ref of refs) {
      expect(ref).toMatch(/^[A-Za-z0-9_-]{22}\.\d$/);
      expect(ref).not.toContain('owner');
    }
    expect(new Set(refs.map((r) => r.split('.')[0])).size).toBe(1);
  });

  it('runs the command for the owner, in the workspace of the answer even when pressed in a DM', async () => {
    const { store, refs } = await saved();
    counted.length = 0;
    const presser = testContext({ store, platform: 'discord', workspaceId: 'dm-owner', userId: 'owner' });
    const answer = await pressAction(refs[1] ?? '', presser, commands);
    expect(answer.outcome).toBe('ok');
    expect(counted).toEqual(['owner@g1:x']);
    // Details was pressed: the held-back lines are shown.
    expect(answer.reply.blocks).toEqual([text('the long story')]);
  });

  it('lets only the owner’s Details answer take the private answer’s place', async () => {
    const { store, refs } = await saved();
    const presser = testContext({ store, platform: 'discord', workspaceId: 'g1', userId: 'owner' });
    const [again, details, share] = await Promise.all(refs.map((ref) => pressAction(ref, presser, commands)));
    expect([again, details, share].map((a) => [a?.outcome, a?.inPlace])).toEqual([
      ['ok', undefined],
      ['ok', true],
      ['ok', undefined],
    ]);
    const other = testContext({ store, platform: 'discord', workspaceId: 'g1', userId: 'intruder' });
    expect((await pressAction(refs[1] ?? '', other, commands)).inPlace).toBeUndefined();
    const shared = await saved('public');
    const owned = testContext({ store: shared.store, platform: 'discord', workspaceId: 'g1', userId: 'owner' });
    expect((await pressAction(shared.refs[1] ?? '', owned, commands)).inPlace).toBeUndefined();
  });

  it('never puts a failed press in place of the answer', async () => {
    const store = memoryStore();
    const sealed = await saveActions(
      reply({
        lead: 'x',
        actions: [{ label: 'Bad', command: 'bump', args: { label: 'far too long a label' }, inPlace: true }],
      }),
      owner,
      store,
      TEST_NOW,
    );
    const answer = await pressAction(sealed.actions[0]?.ref ?? '', { ...testContext({ store }), ...owner }, commands);
    expect(answer.outcome).toBe('user_error');
    expect(answer.inPlace).toBeUndefined();
  });

  it('refuses another user on a private answer, privately, and runs nothing', async () => {
    const { store, refs } = await saved();
    counted.length = 0;
    const other = testContext({ store, platform: 'discord', workspaceId: 'g1', userId: 'intruder' });
    const answer = await pressAction(refs[0] ?? '', other, commands);
    expect(answer.outcome).toBe('user_error');
    expect(answer.reply.visibility).toBe('private');
    expect(answer.reply.lead).toBe(NOT_YOURS);
    expect(counted).toEqual([]);
  });

  it('lets anyone press a public answer’s button, as themselves', async () => {
    const { store, refs } = await saved('public');
    counted.length = 0;
    const other = testContext({ store, platform: 'discord', workspaceId: 'g1', userId: 'reader' });
    expect((await pressAction(refs[0] ?? '', other, commands)).outcome).toBe('ok');
    expect(counted).toEqual(['reader@g1:x']);
  });

  it('answers an expired, unknown or forged id clearly and runs nothing', async () => {
    const { store, refs } = await saved();
    counted.length = 0;
    const presser = { ...testContext({ store }), ...owner };
    // The store's clock decides when a button expires.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + ACTION_TTL_MS + 1);
    try {
      for (const ref of [refs[0] ?? '', 'AAAAAAAAAAAAAAAAAAAAAA.0', 'not-a-ref', `${refs[0]?.split('.')[0]}.9`]) {
        const answer = await pressAction(ref, presser, commands);
        expect(answer.outcome).toBe('user_error');
        expect(answer.reply.lead).toBe(EXPIRED);
      }
    } finally {
      vi.useRealTimers();
    }
    expect(counted).toEqual([]);
  });

  it('goes through runCommand: the saved arguments are validated again', async () => {
    const store = memoryStore();
    const forged = await saveActions(
      reply({ lead: 'x', actions: [{ label: 'Bad', command: 'bump', args: { label: 'far too long a label' } }] }),
      owner,
      store,
      TEST_NOW,
    );
    const answer = await pressAction(forged.actions[0]?.ref ?? '', { ...testContext({ store }), ...owner }, commands);
    expect(answer.outcome).toBe('user_error');
  });

  it('is exported with /mydata export and removed by /mydata delete', async () => {
    const { store, refs } = await saved();
    const ctx = { ...testContext({ store }), ...owner };
    const exported = await exportUserData(ctx);
    expect(JSON.stringify(exported.data.buttons)).toContain('"label":"x"');
    await deleteAllUserData(ctx);
    expect((await pressAction(refs[0] ?? '', ctx, commands)).reply.lead).toBe(EXPIRED);
    expect((await exportUserData(ctx)).data).toEqual({});
  });
});
