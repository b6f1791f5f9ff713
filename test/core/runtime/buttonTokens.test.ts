// Buttons that carry their action in a signed token: no store write when answering, and every forged,
// changed, expired or someone else's token answered exactly as a saved button would be.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands as gigdeskCommands } from '../../../src/commands/index.js';
import {
  ACTION_TTL_MS,
  EXPIRED,
  NOT_YOURS,
  pressAction,
  saveActions,
  savedActionsOf,
} from '../../../src/core/runtime/actions.js';
import { type ButtonIds, mintToken, readToken, useButtonSecret } from '../../../src/core/runtime/buttonTokens.js';
import { type Context, defineCommand } from '../../../src/core/runtime/command.js';
import { type Action, reply } from '../../../src/core/runtime/reply.js';
import { runCommand, runText } from '../../../src/core/runtime/run.js';
import type { Store } from '../../../src/core/store/store.js';
import { TEST_NOW, testContext } from '../../support/context.js';
import { countingStore } from '../../support/writes.js';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const DISCORD = { room: 100, pressedWhereAnswered: true };
const DISCORD_ROOM = DISCORD.room;
const GUILD = '100000000000000001';
const OWNER = '200000000000000002';

/** A saved button's ref: a random id and an index. */
const SAVED = /^[A-Za-z0-9_-]{22}\.\d+$/;

const pressed: string[] = [];
const bump = defineCommand({
  name: 'bump',
  description: 'says who pressed, where, with what',
  options: z.object({ label: z.string().max(200).describe('what to count') }),
  run: ({ label }, ctx) => {
    pressed.push(`${ctx.userId}@${ctx.workspaceId}:${label}`);
    return reply({ lead: `bumped ${label}`, actions: [{ label: 'Again', command: 'bump', args: { label } }] });
  },
});
const commands = [bump];

const stores: Store[] = [];
beforeEach(() => {
  useButtonSecret(SECRET);
  pressed.length = 0;
});
afterEach(async () => {
  useButtonSecret(undefined);
  for (const store of stores.splice(0)) await store.close();
});

function counting() {
  const counted = countingStore();
  stores.push(counted.store);
  return counted;
}

const owner = { platform: 'discord' as const, workspaceId: GUILD, userId: OWNER };
const asPresser = (store: Store, over: Partial<Context> = {}): Context => ({
  ...testContext({ store }),
  ...owner,
  ...over,
});

async function answered(visibility: 'private' | 'public' = 'private', label = 'x', ids: ButtonIds = DISCORD) {
  const { store, writes } = counting();
  const answer = reply({ lead: 'ok', visibility, actions: [{ label: 'Bump', command: 'bump', args: { label } }] });
  const sent = await saveActions(answer, owner, store, TEST_NOW, ids);
  return { store, writes, ref: sent.actions[0]?.ref ?? '' };
}

describe('a button whose action fits carries it, signed', () => {
  it('answers without writing to the store, every ref within Discord’s 100 characters', async () => {
    const { writes, ref } = await answered();
    expect(writes).toEqual([]);
    expect(ref.length).toBeGreaterThan(0);
    expect(ref.length).toBeLessThanOrEqual(DISCORD_ROOM);
    expect(ref).not.toMatch(SAVED);
  });

  it('fits the buttons of typical gigdesk answers in Discord’s 100 characters: no write for them', async () => {
    const { store, writes } = counting();
    const ctx = asPresser(store);
    await runText('/followup start client:Ana delivered:today', gigdeskCommands, ctx);
    const lines = ['/jss 7 1 8', '/jss 37 2 41 target:95', '/fees 15000', '/followup list', '/template five-star'];
    for (const line of lines) {
      const answer = await runText(line, gigdeskCommands, ctx);
      expect(answer.reply.actions.length, line).toBeGreaterThan(0);
      const before = writes.length;
      const sent = await saveActions(answer.reply, owner, store, TEST_NOW, DISCORD);
      expect(writes.slice(before), line).toEqual([]);
      expect(sent.actions.map((a) => a.ref?.length ?? 0).every((n) => n > 0 && n <= DISCORD_ROOM)).toBe(true);
    }
  });

  it('runs the action for its owner, as the owner, where the answer was given', async () => {
    const { store, writes, ref } = await answered();
    expect((await pressAction(ref, asPresser(store), commands)).outcome).toBe('ok');
    expect(pressed).toEqual([`${OWNER}@${GUILD}:x`]);
    expect(writes).toEqual([]);
  });

  it('runs a delivered reminder’s button in the workspace of the reminder when pressed in a DM', async () => {
    const { store, writes, ref } = await answered('private', 'x', { room: DISCORD_ROOM });
    const answer = await pressAction(ref, asPresser(store, { workspaceId: `dm-${OWNER}` }), commands);
    expect(answer.outcome).toBe('ok');
    expect(pressed).toEqual([`${OWNER}@${GUILD}:x`]);
    expect(writes).toEqual([]);
  });

  it('keeps a reminder DM’s own workspace: the owner’s DM, written in one character', async () => {
    const { store } = counting();
    const dm = { ...owner, workspaceId: `dm-${OWNER}` };
    const sent = await saveActions(
      reply({ lead: 'due', actions: [{ label: 'Bump', command: 'bump', args: { label: 'd' } }] }),
      dm,
      store,
      TEST_NOW,
      DISCORD,
    );
    await pressAction(sent.actions[0]?.ref ?? '', asPresser(store, dm), commands);
    expect(pressed).toEqual([`${OWNER}@dm-${OWNER}:d`]);
  });

  it('carries an in-place button’s kind, signed: only its owner’s press on a private answer is in place', async () => {
    const { store, writes } = counting();
    const answer = reply({
      lead: 'ok',
      actions: [
        { label: 'Details', command: 'bump', args: { label: 'x' }, inPlace: true },
        { label: 'Bump', command: 'bump', args: { label: 'y' } },
      ],
    });
    const [inPlace = '', plain = ''] = (await saveActions(answer, owner, store, TEST_NOW, DISCORD)).actions.map(
      (a) => a.ref ?? '',
    );
    expect(writes).toEqual([]);
    expect((await pressAction(inPlace, asPresser(store), commands)).inPlace).toBe(true);
    expect((await pressAction(plain, asPresser(store), commands)).inPlace).toBeUndefined();
    // The kind is signed: turning a plain token into an in-place one makes it a forgery.
    const changed = await pressAction(`r${plain.slice(1)}`, asPresser(store), commands);
    expect(changed.reply.lead).toBe(EXPIRED);
  });

  it('refuses someone else on a private answer with the same words as a saved button', async () => {
    const { store, ref } = await answered();
    expect(ref).not.toMatch(SAVED);
    const answer = await pressAction(ref, asPresser(store, { userId: '200000000000000099' }), commands);
    expect(answer.outcome).toBe('user_error');
    expect(answer.reply.lead).toBe(NOT_YOURS);
    expect(answer.reply.visibility).toBe('private');
    expect(pressed).toEqual([]);
  });

  it('lets anyone press a shared answer’s button, as themselves', async () => {
    const { store, ref } = await answered('public');
    expect(ref).not.toMatch(SAVED);
    const reader = asPresser(store, { userId: '200000000000000099' });
    expect((await pressAction(ref, reader, commands)).outcome).toBe('ok');
    expect(pressed).toEqual([`200000000000000099@${GUILD}:x`]);
  });

  it('answers a forged, changed, expired or misplaced token as an expired button, and runs nothing', async () => {
    const { store, ref } = await answered();
    const [head = '', mac = '', who = '', where = '', ...line] = ref.split('.');
    const rest = line.join('.');
    const flip = (s: string) => (s.startsWith('A') ? `B${s.slice(1)}` : `A${s.slice(1)}`);
    const other = '200000000000000099';
    const otherPart = `~${Buffer.from(BigInt(other).toString(16).padStart(16, '0'), 'hex').toString('base64url')}`;
    const cases: [string, string, Context][] = [
      ['forged signature', [head, flip(mac), who, where, rest].join('.'), asPresser(store)],
      ['changed arguments', [head, mac, who, where, rest.replace('label:x', 'label:y')].join('.'), asPresser(store)],
      // Someone writes their own id in as the owner to pass the owner check.
      ['changed owner', [head, mac, otherPart, where, rest].join('.'), asPresser(store, { userId: other })],
      ['made public', [`s${head.slice(1)}`, mac, who, where, rest].join('.'), asPresser(store, { userId: other })],
      ['later expiry', [`${head}0`, mac, who, where, rest].join('.'), asPresser(store)],
      ['expired', ref, asPresser(store, { now: new Date(TEST_NOW.getTime() + ACTION_TTL_MS + 60_001) })],
      ['pressed on another platform', ref, asPresser(store, { platform: 'slack' })],
      ['pressed in another server', ref, asPresser(store, { workspaceId: '100000000000000077' })],
      ['not a token at all', 'p1.2.3.4.bump', asPresser(store)],
      ['empty', '', asPresser(store)],
    ];
    expect(rest).toContain('label:x');
    for (const [what, token, presser] of cases) {
      const answer = await pressAction(token, presser, commands);
      expect(answer.reply.lead, what).toBe(EXPIRED);
      expect(answer.outcome, what).toBe('user_error');
    }
    expect(pressed).toEqual([]);
    // The untouched token still works within its lifetime.
    expect((await pressAction(ref, asPresser(store), commands)).outcome).toBe('ok');
  });

  it('stops working when the secret changes', async () => {
    const { store, ref } = await answered();
    useButtonSecret('another-secret-of-at-least-32-characters');
    expect((await pressAction(ref, asPresser(store), commands)).reply.lead).toBe(EXPIRED);
    expect(pressed).toEqual([]);
  });

  it('validates the carried arguments again when pressed', async () => {
    const { store, ref } = await answered('private', 'y'.repeat(60));
    expect((await pressAction(ref, asPresser(store), commands)).outcome).toBe('ok');
    const { ref: long } = await answered('private', 'z'.repeat(201));
    expect((await pressAction(long, asPresser(store), commands)).outcome).toBe('user_error');
  });

  it('carries any command line exactly: names, text, numbers and yes/no round-trip', () => {
    const value = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.dictionary(fc.string({ minLength: 1 }), value), (command, args) => {
        const action = { command, args: { ...args } };
        const content = { owner, visibility: 'private' as const, expiresAt: TEST_NOW.getTime() + 60_000, action };
        const read = readToken(mintToken(content, { room: Number.POSITIVE_INFINITY }) ?? '', owner);
        expect(read?.action.command).toBe(command);
        // -0 is written as 0, the one value the line does not keep apart.
        const plain = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, Object.is(v, -0) ? 0 : v]));
        expect(read?.action.args).toEqual(plain);
        expect(read?.owner).toEqual(owner);
      }),
    );
  });
});

describe('what still goes through the store', () => {
  it('saves only the action too large for the platform’s id, and both still work', async () => {
    const { store, writes } = counting();
    const long = 'w'.repeat(90);
    const actions: Action[] = [
      { label: 'Short', command: 'bump', args: { label: 'x' } },
      { label: 'Long', command: 'bump', args: { label: long } },
    ];
    const sent = await saveActions(reply({ lead: 'two', actions }), owner, store, TEST_NOW, DISCORD);
    const [short = '', saved = ''] = sent.actions.map((a) => a.ref ?? '');
    expect(short).not.toMatch(SAVED);
    expect(saved).toMatch(/^[A-Za-z0-9_-]{22}\.0$/);
    // One saved set (and its listing for /mydata), holding the long action alone.
    expect(writes.filter((w) => w.startsWith('expiring save'))).toHaveLength(1);
    const exported = JSON.stringify(await savedActionsOf({ ...owner, store }));
    expect(exported).toContain(long);
    expect(exported).not.toContain('"Short"');
    for (const ref of [short, saved]) expect((await pressAction(ref, asPresser(store), commands)).outcome).toBe('ok');
    expect(pressed).toEqual([`${OWNER}@${GUILD}:x`, `${OWNER}@${GUILD}:${long}`]);
  });

  it('keeps a set with a button that deletes data saved, and single-use', async () => {
    const { store, writes } = counting();
    const actions: Action[] = [
      { label: 'Delete', style: 'danger', command: 'bump', args: { label: 'gone' } },
      { label: 'Bump', command: 'bump', args: { label: 'x' } },
    ];
    const sent = await saveActions(reply({ lead: 'sure?', actions }), owner, store, TEST_NOW, DISCORD);
    expect(sent.actions.map((a) => a.ref)).toEqual([expect.stringMatching(/\.0$/), expect.stringMatching(/\.1$/)]);
    expect(writes.some((w) => w.startsWith('expiring save'))).toBe(true);
    const ref = sent.actions[0]?.ref ?? '';
    expect((await pressAction(ref, asPresser(store), commands)).outcome).toBe('ok');
    expect((await pressAction(ref, asPresser(store), commands)).reply.lead).toBe(EXPIRED);
    expect(pressed).toEqual([`${OWNER}@${GUILD}:gone`]);
  });

  it('saves every button when no secret is set', async () => {
    useButtonSecret(undefined);
    const { writes, ref } = await answered();
    expect(ref).toMatch(/^[A-Za-z0-9_-]{22}\.0$/);
    expect(writes.length).toBeGreaterThan(0);
  });

  it('saves every button where no room is given (a surface without a platform id field)', async () => {
    const { store, writes } = counting();
    const answer = await runCommand(bump, { label: 'x' }, asPresser(store));
    const sent = await saveActions(answer.reply, owner, store, TEST_NOW);
    expect(sent.actions[0]?.ref).toMatch(SAVED);
    expect(writes.length).toBeGreaterThan(0);
  });
});
