// Buttons, forms, the message command and files through real discord.js classes: raw payload in, callback out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { discordDeliver } from '../../../src/adapters/discord/deliver.js';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { CHECK_WORDING } from '../../../src/adapters/discord/messageAction.js';
import { commands } from '../../../src/commands/index.js';
import { deliverDue } from '../../../src/core/followups/delivery.js';
import { loadFollowups, startFollowup } from '../../../src/core/followups/reminders.js';
import { logger } from '../../../src/core/log.js';
import { loadCommunity } from '../../../src/core/messages/templates.js';
import { EXPIRED, NOT_YOURS } from '../../../src/core/runtime/actions.js';
import type { Command } from '../../../src/core/runtime/command.js';
import { runCommand } from '../../../src/core/runtime/run.js';
import { memoryStore, type Store } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import {
  type Call,
  fakeDiscord,
  GUILD,
  interactionPayload,
  json,
  MANAGE_GUILD,
  rawMessage,
  slashPayload,
  USER,
  visibleText,
} from './fake.js';

logger.level = 'silent';

function named(name: string): Command {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new Error(`no command ${name}`);
  return command;
}

const OTHER = '200000000000000099';
const CHANNEL = '500000000000000005';
const DM_CHANNEL = '910000000000000001';
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function setup(now = () => new Date(), responder?: (call: Call) => Response | undefined) {
  const store = memoryStore();
  stores.push(store);
  const fake = fakeDiscord(responder);
  fake.use(createInteractionHandler({ commands, store, now }));
  return { fake, store };
}

const callbacks = (calls: Call[]) => calls.filter((c) => c.path.endsWith('/callback'));
// biome-ignore lint/suspicious/noExplicitAny: walks captured JSON
const buttonsIn = (body: any): { label: string; custom_id: string; style: number }[] =>
  (body?.data?.components ?? body?.components ?? []).flatMap((row: { components: unknown[] }) => row.components);

const message = (id: string, content = '') => rawMessage(id, CHANNEL, content);

/** A button press by `userId` (a guild member), as Discord sends it. */
// biome-ignore lint/suspicious/noExplicitAny: raw gateway JSON, edited per case
type Raw = Record<string, any>;

function pressPayload(customId: string, userId = USER): object {
  const raw = interactionPayload(3, { custom_id: customId, component_type: 2 }) as Raw;
  raw.member.user.id = userId;
  raw.message = message('700000000000000007');
  return raw;
}

describe('discord buttons', () => {
  it('puts Share on a private /jss answer, carrying only an opaque id; pressing it posts publicly', async () => {
    const { fake } = setup();
    await fake.dispatch(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
    const answer = callbacks(fake.calls)[0]?.body;
    expect(answer.data.flags).toBe(64);
    const share = buttonsIn(answer).find((b) => b.label === 'Share in channel');
    expect(share?.custom_id).toMatch(/^[A-Za-z0-9_-]{22}\.\d$/);
    expect(share?.custom_id).not.toContain(USER);
    await fake.dispatch(pressPayload(share?.custom_id ?? ''));
    const shared = callbacks(fake.calls)[1]?.body;
    expect(shared.type).toBe(4);
    expect(shared.data.flags ?? 0).toBe(0);
    expect(visibleText(shared)).toContain('75 %');
    expect(shared.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('refuses a press by another member privately, and runs nothing', async () => {
    const { fake, store } = setup();
    const ctx = { ...testContext({ store }), platform: 'discord' as const, workspaceId: GUILD, userId: USER };
    await runCommand(named('followup start'), { client: 'Ana', delivered: 'today' }, ctx);
    await fake.dispatch(slashPayload(commands, 'followup list', {}));
    const list = callbacks(fake.calls)[0]?.body;
    const labels = buttonsIn(list).map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining(['#1 Done', '#1 Snooze 1 day', '#1 Snooze 1 week']));
    const done = buttonsIn(list).find((b) => b.label === '#1 Done');
    await fake.dispatch(pressPayload(done?.custom_id ?? '', OTHER));
    const refused = callbacks(fake.calls)[1]?.body;
    expect(refused.data.flags).toBe(64);
    expect(visibleText(refused)).toContain(NOT_YOURS);
    expect((await loadFollowups(ctx))[0]?.steps.some((s) => s.status === 'pending')).toBe(true);
    // The owner's press works.
    await fake.dispatch(pressPayload(done?.custom_id ?? ''));
    expect(visibleText(callbacks(fake.calls)[2]?.body)).toContain('Stopped follow-up #1 with Ana');
  });

  it('answers an expired button with a clear message', async () => {
    const { fake } = setup();
    await fake.dispatch(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
    const [button] = buttonsIn(callbacks(fake.calls)[0]?.body);
    // The store's clock decides when saved buttons expire: eight days on.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 8 * 86_400_000);
      await fake.dispatch(pressPayload(button?.custom_id ?? ''));
    } finally {
      vi.useRealTimers();
    }
    expect(visibleText(callbacks(fake.calls)[1]?.body)).toContain(EXPIRED);
  });

  it('sends a reminder DM with Done and Snooze, which work when pressed in the DM', async () => {
    const { fake, store } = setup(undefined, (call) => {
      if (call.path === '/users/@me/channels') return json(200, { id: DM_CHANNEL, type: 1, recipients: [] });
      if (call.path === `/channels/${DM_CHANNEL}/messages`)
        return json(200, { ...message('920000000000000001'), channel_id: DM_CHANNEL });
      return undefined;
    });
    const scope = {
      ...testContext({ store, now: new Date() }),
      platform: 'discord' as const,
      workspaceId: GUILD,
      userId: USER,
    };
    const today = new Date().toISOString().slice(0, 10);
    await startFollowup(scope, { client: 'Ana', delivered: today, tone: 'warm', tz: 'UTC' });
    // The closing nudge falls due a week after delivery.
    await deliverDue(store, new Date(Date.now() + 8 * 86_400_000), discordDeliver(fake.client, store));
    const dm = fake.calls.find((c) => c.path === `/channels/${DM_CHANNEL}/messages`);
    const snooze = buttonsIn(dm?.body).find((b) => b.label === 'Snooze 1 week');
    expect(snooze).toBeDefined();
    const raw = interactionPayload(3, { custom_id: snooze?.custom_id, component_type: 2 }) as Raw;
    const { member } = raw;
    raw.guild_id = undefined;
    raw.member = undefined;
    raw.user = member.user;
    raw.channel = { id: DM_CHANNEL, type: 1 };
    raw.channel_id = DM_CHANNEL;
    raw.context = 1;
    raw.message = { ...message('920000000000000001'), channel_id: DM_CHANNEL };
    await fake.dispatch(raw);
    expect(visibleText(callbacks(fake.calls)[0]?.body)).toContain('7 days later');
  });
});

describe('discord forms, message command and files', () => {
  it('opens a form for /templates add without text and saves the typed lines with their breaks', async () => {
    const { fake, store } = setup();
    await fake.dispatch(slashPayload(commands, 'templates add', { name: 'thanks' }, { permissions: MANAGE_GUILD }));
    const modal = callbacks(fake.calls)[0]?.body;
    expect(modal.type).toBe(9);
    const input = modal.data.components[0].components[0];
    expect(input).toMatchObject({ type: 4, style: 2, custom_id: 'text' });
    const submit = interactionPayload(
      5,
      {
        custom_id: modal.data.custom_id,
        components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: 'Hi {client},\nThank you!' }] }],
      },
      MANAGE_GUILD,
    );
    await fake.dispatch(submit);
    expect(visibleText(callbacks(fake.calls)[1]?.body)).toContain('Added /template name:thanks');
    const saved = await loadCommunity({ platform: 'discord', workspaceId: GUILD, store });
    expect(saved.find((t) => t.name === 'thanks')?.text).toBe('Hi {client},\nThank you!');
  });

  it('checks a message with "Check this wording", privately', async () => {
    const { fake } = setup();
    const target = '710000000000000001';
    const raw = interactionPayload(2, {
      id: '600000000000000009',
      name: CHECK_WORDING,
      type: 3,
      target_id: target,
      resolved: {
        messages: {
          [target]: {
            ...message(target, 'Please leave me a 5 star review!'),
            author: { id: OTHER, username: 'writer', discriminator: '0' },
          },
        },
      },
    });
    await fake.dispatch(raw);
    const answer = callbacks(fake.calls)[0]?.body;
    expect(answer.data.flags).toBe(64);
    expect(visibleText(answer).toLowerCase()).toContain('5 star');
    // Someone else's posted message: no Share (it would quote them in public), worded for a sent message.
    expect(buttonsIn(answer).map((b) => b.label)).not.toContain('Share in channel');
    expect(answer.data.content).toMatch(/^This message would need one change/);
    expect(visibleText(answer)).not.toContain('before you send this');
  });

  it('sends /mydata export as a complete JSON file, however much is stored', async () => {
    const { fake, store } = setup();
    const ctx = { ...testContext({ store }), platform: 'discord' as const, workspaceId: GUILD, userId: USER };
    const lines = Array.from(
      { length: 1500 },
      (_, i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')},successful,${i + 1},Client ${i},Project ${i}`,
    );
    const imported = await runCommand(named('contracts import'), { csv: lines.join('\n') }, ctx);
    expect(imported.outcome).toBe('ok');
    await fake.dispatch(slashPayload(commands, 'mydata export', { share: true }));
    const call = callbacks(fake.calls)[0];
    expect(call?.body.data.flags).toBe(64);
    expect(call?.files?.[0]?.name).toBe('gigdesk-my-data.json');
    const exported = JSON.parse(String(call?.files?.[0]?.data));
    expect(exported.data.contracts.contracts).toHaveLength(1500);
    expect(call?.files?.[0]?.data.length).toBeGreaterThan(100_000);
  });

  it('gives /contracts export a CSV that /contracts import reads back to the same log', async () => {
    const { fake, store } = setup();
    const ctx = { ...testContext({ store }), platform: 'discord' as const, workspaceId: GUILD, userId: USER };
    const csv = '2026-01-05,4.5,1200.50,"Acme, Inc.","Logo, v2",yes\n2026-02-01,negative,80,Bob,,no';
    await runCommand(named('contracts import'), { csv }, ctx);
    await fake.dispatch(slashPayload(commands, 'contracts export', {}));
    const file = callbacks(fake.calls)[0]?.files?.[0];
    expect(file?.name).toBe('contracts.csv');
    const other = { ...ctx, userId: OTHER };
    const again = await runCommand(named('contracts import'), { csv: String(file?.data) }, other);
    expect(again.outcome).toBe('ok');
    const strip = (log: { contracts: object[] }) => log.contracts;
    const { loadLog } = await import('../../../src/core/jss/contractsStore.js');
    expect(strip(await loadLog(other))).toEqual(strip(await loadLog(ctx)));
  });
});
