// Which presses update the ephemeral answer they were pressed on (callback type 7) and which answer with a
// new message (type 4), through real discord.js classes: raw payload in, captured REST calls out.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createInteractionHandler, type HandlerOptions } from '../../../src/adapters/discord/handler.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { NOT_YOURS } from '../../../src/core/runtime/actions.js';
import { type Command, defineCommand } from '../../../src/core/runtime/command.js';
import { reply, text } from '../../../src/core/runtime/reply.js';
import { memoryStore, type Store } from '../../../src/core/store/store.js';
import {
  APP,
  type Call,
  fakeDiscord,
  interactionPayload,
  rawMessage,
  slashPayload,
  USER,
  visibleText,
} from './fake.js';

logger.level = 'silent';

// The press waits on `hold` when a test sets it, so the answer comes after the defer.
let hold: Promise<void> | undefined;
const mine = defineCommand({
  name: 'mine',
  description: 'private to its asker, with details',
  alwaysPrivate: true,
  usesStore: true,
  options: z.object({}),
  run: async () => {
    await hold;
    return reply({ lead: 'Yours: 3 items', details: [text('item one, item two, item three')] });
  },
});
const all: Command[] = [...commands, mine];

const OTHER = '200000000000000099';
const stores: Store[] = [];
afterEach(async () => {
  hold = undefined;
  for (const store of stores.splice(0)) await store.close();
});

function setup(options: Partial<HandlerOptions> = {}) {
  const store = memoryStore();
  stores.push(store);
  const fake = fakeDiscord();
  fake.use(createInteractionHandler({ commands: all, store, ...options }));
  return fake;
}

const callbacks = (calls: Call[]) => calls.filter((c) => c.path.endsWith('/callback'));
// biome-ignore lint/suspicious/noExplicitAny: walks captured JSON
const buttonsIn = (body: any): { label: string; custom_id: string }[] =>
  (body?.data?.components ?? body?.components ?? []).flatMap((row: { components: unknown[] }) => row.components);
// biome-ignore lint/suspicious/noExplicitAny: walks captured JSON
const labels = (body: any) => buttonsIn(body).map((b) => b.label);

/** `label` pressed by `userId` on the message that carries `answer` (ephemeral when `flags` is 64). */
// biome-ignore lint/suspicious/noExplicitAny: raw gateway JSON
function press(answer: any, label: string, { userId = USER, flags = 64 } = {}): object {
  const button = buttonsIn(answer).find((b) => b.label === label);
  expect(button).toBeDefined();
  // biome-ignore lint/suspicious/noExplicitAny: raw gateway JSON, edited per case
  const raw = interactionPayload(3, { custom_id: button?.custom_id, component_type: 2 }) as Record<string, any>;
  raw.member.user.id = userId;
  raw.message = { ...rawMessage('700000000000000007', raw.channel_id), flags };
  return raw;
}

/** The first answer to `values` of /fees, and the callback a press of `label` on it made. */
async function feesPress(label: string, options: { userId?: string; flags?: number; share?: boolean } = {}) {
  const fake = setup();
  await fake.dispatch(slashPayload(all, 'fees', { amount: 15000, ...(options.share ? { share: true } : {}) }));
  const answer = callbacks(fake.calls)[0]?.body;
  await fake.dispatch(press(answer, label, options));
  return { fake, answer, pressed: callbacks(fake.calls)[1]?.body };
}

describe('a press on a private Discord answer', () => {
  it('Details updates the ephemeral answer in place with the detailed one, which offers no second Details', async () => {
    const { fake, answer, pressed } = await feesPress('Details');
    expect(answer.data.flags).toBe(64);
    expect(pressed.type).toBe(7);
    expect(pressed.data.flags ?? 0).toBe(0);
    expect(pressed.data.allowed_mentions).toEqual({ parse: [] });
    await fake.dispatch(slashPayload(all, 'fees', { amount: 15000, details: true }));
    const detailed = callbacks(fake.calls)[2]?.body;
    expect(visibleText(pressed)).toBe(visibleText(detailed));
    expect(labels(pressed)).toEqual(labels(detailed));
    expect(labels(pressed)).not.toContain('Details');
    expect(labels(pressed)).toContain('Share in channel');
    // The old picture is dropped with the update; the new one goes into the same message.
    expect(pressed.data.attachments).toEqual([]);
    const token = callbacks(fake.calls)[1]?.path.split('/')[3];
    const chart = fake.calls.find((c) => c.method === 'PATCH' && c.path.includes(`/${token}/messages/@original`));
    expect(chart?.files?.map((f) => f.name)).toEqual(['fees.png']);
  });

  it('Share answers with a new public message', async () => {
    const { pressed } = await feesPress('Share in channel');
    expect(pressed.type).toBe(4);
    expect(pressed.data.flags ?? 0).toBe(0);
  });

  it('Details on a shared answer answers with a new private message', async () => {
    const { pressed } = await feesPress('Details', { share: true, flags: 0 });
    expect(pressed.type).toBe(4);
    expect(pressed.data.flags).toBe(64);
  });

  it('refuses someone else’s press with a new private message', async () => {
    const { pressed } = await feesPress('Details', { userId: OTHER });
    expect(pressed.type).toBe(4);
    expect(pressed.data.flags).toBe(64);
    expect(visibleText(pressed)).toContain(NOT_YOURS);
  });

  it('clears the buttons of an updated answer that has none left', async () => {
    const fake = setup();
    await fake.dispatch(slashPayload(all, 'mine', {}));
    const answer = callbacks(fake.calls)[0]?.body;
    expect(labels(answer)).toEqual(['Details']);
    await fake.dispatch(press(answer, 'Details'));
    const pressed = callbacks(fake.calls)[1]?.body;
    expect(pressed.type).toBe(7);
    expect(pressed.data.components).toEqual([]);
    expect(visibleText(pressed)).toContain('item three');
  });

  it('a slow press defers as an update, then edits the message it was pressed on', async () => {
    const fake = setup({ deferAfterMs: 0 });
    await fake.dispatch(slashPayload(all, 'mine', {}));
    // The command itself may have deferred too: its answer is the last call carrying buttons.
    const answer = [...fake.calls].reverse().find((c) => buttonsIn(c.body).length > 0)?.body;
    const before = fake.calls.length;
    let release = () => {};
    hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const done = fake.dispatch(press(answer, 'Details'));
    for (let i = 0; i < 200 && fake.calls.length === before; i++) await new Promise((r) => setTimeout(r, 5));
    release();
    await done;
    const [deferral, edit, ...more] = fake.calls.slice(before);
    expect(deferral?.body).toEqual({ type: 6 });
    expect(edit?.method).toBe('PATCH');
    expect(edit?.path).toMatch(new RegExp(`^/webhooks/${APP}/token-\\d+/messages/@original$`));
    expect(edit?.body.components).toEqual([]);
    expect(visibleText(edit?.body)).toContain('item three');
    expect(more).toEqual([]);
  });
});
