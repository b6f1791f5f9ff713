// Signed buttons through real discord.js classes: an answer with buttons writes nothing to the store, a
// press runs as the presser, and forged, changed, expired or someone else's buttons get today's answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordDeliver } from '../../../src/adapters/discord/deliver.js';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { commands } from '../../../src/commands/index.js';
import { deliverDue } from '../../../src/core/followups/delivery.js';
import { startFollowup } from '../../../src/core/followups/reminders.js';
import { logger } from '../../../src/core/log.js';
import { EXPIRED, NOT_YOURS } from '../../../src/core/runtime/actions.js';
import { useButtonSecret } from '../../../src/core/runtime/buttonTokens.js';
import type { Store } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import { countingStore } from '../../support/writes.js';
import {
  type Call,
  fakeDiscord,
  GUILD,
  interactionPayload,
  json,
  rawMessage,
  slashPayload,
  USER,
  visibleText,
} from './fake.js';

logger.level = 'silent';

const OTHER = '200000000000000099';
/** A saved button's custom_id: a random id and an index. */
const SAVED = /^[A-Za-z0-9_-]{22}\.\d$/;
const DM_CHANNEL = '910000000000000001';
const DAY_MS = 86_400_000;
const stores: Store[] = [];
beforeEach(() => useButtonSecret('a-test-secret-of-at-least-32-characters'));
afterEach(async () => {
  useButtonSecret(undefined);
  for (const store of stores.splice(0)) await store.close();
});

function setup(responder?: (call: Call) => Response | undefined) {
  const { store, writes } = countingStore();
  stores.push(store);
  const clock = { now: new Date() };
  const fake = fakeDiscord(responder);
  fake.use(createInteractionHandler({ commands, store, now: () => clock.now }));
  return { fake, store, writes, clock };
}

const callbacks = (calls: Call[]) => calls.filter((c) => c.path.endsWith('/callback'));
// biome-ignore lint/suspicious/noExplicitAny: walks captured JSON
const buttonsIn = (body: any): { label: string; custom_id: string }[] =>
  (body?.data?.components ?? body?.components ?? []).flatMap((row: { components: unknown[] }) => row.components);

// biome-ignore lint/suspicious/noExplicitAny: raw gateway JSON, edited per case
type Raw = Record<string, any>;

function pressPayload(customId: string, userId = USER): object {
  const raw = interactionPayload(3, { custom_id: customId, component_type: 2 }) as Raw;
  raw.member.user.id = userId;
  raw.message = rawMessage('700000000000000007', '500000000000000005');
  return raw;
}

async function jssAnswer(fake: ReturnType<typeof setup>['fake']) {
  await fake.dispatch(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
  const buttons = buttonsIn(callbacks(fake.calls)[0]?.body);
  const byLabel = (label: string) => buttons.find((b) => b.label === label)?.custom_id ?? '';
  return { buttons, details: byLabel('Details'), share: byLabel('Share in channel') };
}

describe('discord buttons without a write', () => {
  it('answers /jss with Details and Share and writes nothing to the store; Share then posts publicly', async () => {
    const { fake, writes } = setup();
    const { buttons, share } = await jssAnswer(fake);
    expect(buttons.map((b) => b.label)).toEqual(['Details', 'Share in channel']);
    for (const b of buttons) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    expect(writes).toEqual([]);
    await fake.dispatch(pressPayload(share));
    const shared = callbacks(fake.calls)[1]?.body;
    expect(shared.data.flags ?? 0).toBe(0);
    expect(visibleText(shared)).toContain('75 %');
    expect(writes).toEqual([]);
  });

  it('runs a press as the presser: Details shows the held-back lines to the owner', async () => {
    const { fake } = setup();
    const { details } = await jssAnswer(fake);
    expect(details).not.toMatch(SAVED);
    const short = visibleText(callbacks(fake.calls)[0]?.body);
    await fake.dispatch(pressPayload(details));
    const shown = callbacks(fake.calls)[1]?.body;
    expect(shown.data.flags).toBe(64);
    expect(visibleText(shown).length).toBeGreaterThan(short.length);
    expect(buttonsIn(shown).map((b) => b.label)).not.toContain('Details');
  });

  it('refuses another member’s press on a private answer with today’s words', async () => {
    const { fake } = setup();
    const { share } = await jssAnswer(fake);
    expect(share).not.toMatch(SAVED);
    await fake.dispatch(pressPayload(share, OTHER));
    const refused = callbacks(fake.calls)[1]?.body;
    expect(refused.data.flags).toBe(64);
    expect(visibleText(refused)).toContain(NOT_YOURS);
  });

  it('answers a forged, changed or expired button as expired, and posts nothing publicly', async () => {
    const { fake, clock } = setup();
    const { share } = await jssAnswer(fake);
    const [head = '', mac = '', ...rest] = share.split('.');
    const forged = [head, `${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`, ...rest].join('.');
    const changed = share.replace('successful=7', 'successful=8');
    const foreignOwner = share.replace(rest[0] ?? '', '~AsaK8LsUAGM');
    expect(changed).not.toBe(share);
    for (const id of [forged, changed, foreignOwner]) await fake.dispatch(pressPayload(id));
    clock.now = new Date(clock.now.getTime() + 8 * DAY_MS);
    await fake.dispatch(pressPayload(share));
    const answers = callbacks(fake.calls).slice(1);
    expect(answers).toHaveLength(4);
    for (const answer of answers) {
      expect(visibleText(answer.body)).toContain(EXPIRED);
      expect(answer.body.data.flags).toBe(64);
    }
  });

  it('saves a button whose action is too long for a custom_id, and it works; the next answer writes nothing', async () => {
    const { fake, writes } = setup();
    const client = 'A client with a rather long name, Ltd.';
    await fake.dispatch(slashPayload(commands, 'template', { name: 'five-star', client, project: 'the redesign' }));
    const copy = buttonsIn(callbacks(fake.calls)[0]?.body).find((b) => b.label === 'Copy-ready');
    expect(copy?.custom_id).toMatch(SAVED);
    expect(writes.some((w) => w.startsWith('expiring save'))).toBe(true);
    await fake.dispatch(pressPayload(copy?.custom_id ?? ''));
    expect(visibleText(callbacks(fake.calls)[1]?.body)).toContain(client);
    const before = writes.length;
    await fake.dispatch(slashPayload(commands, 'template', { name: 'five-star', client: 'Ana' }));
    expect(buttonsIn(callbacks(fake.calls)[2]?.body).length).toBeGreaterThan(0);
    expect(writes.slice(before)).toEqual([]);
  });

  it('sends a reminder DM whose Snooze works when pressed in the DM, with no write for its buttons', async () => {
    const { fake, store, writes } = setup((call) => {
      if (call.path === '/users/@me/channels') return json(200, { id: DM_CHANNEL, type: 1, recipients: [] });
      if (call.path === `/channels/${DM_CHANNEL}/messages`)
        return json(200, { ...rawMessage('920000000000000001', DM_CHANNEL), channel_id: DM_CHANNEL });
      return undefined;
    });
    const scope = { ...testContext({ store, now: new Date() }), platform: 'discord' as const, workspaceId: GUILD };
    await startFollowup(
      { ...scope, userId: USER },
      {
        client: 'Ana',
        delivered: new Date().toISOString().slice(0, 10),
        tone: 'warm',
        tz: 'UTC',
      },
    );
    await deliverDue(store, new Date(Date.now() + 8 * DAY_MS), discordDeliver(fake.client, store));
    const dm = fake.calls.find((c) => c.path === `/channels/${DM_CHANNEL}/messages`);
    expect(buttonsIn(dm?.body).map((b) => b.label)).toContain('Copy-ready');
    const snooze = buttonsIn(dm?.body).find((b) => b.label === 'Snooze 1 week');
    expect(snooze?.custom_id).not.toMatch(SAVED);
    expect(writes.filter((w) => w.includes('actions:') || w.endsWith(':buttons'))).toEqual([]);
    const raw = interactionPayload(3, { custom_id: snooze?.custom_id, component_type: 2 }) as Raw;
    const { member } = raw;
    raw.guild_id = undefined;
    raw.member = undefined;
    raw.user = member.user;
    raw.channel = { id: DM_CHANNEL, type: 1 };
    raw.channel_id = DM_CHANNEL;
    raw.context = 1;
    raw.message = { ...rawMessage('920000000000000001', DM_CHANNEL), channel_id: DM_CHANNEL };
    await fake.dispatch(raw);
    expect(visibleText(callbacks(fake.calls)[0]?.body)).toContain('7 days later');
  });

  it('opens a form for /check without text and writes nothing; the submission is checked as the person', async () => {
    const { fake, writes } = setup();
    await fake.dispatch(slashPayload(commands, 'check', {}));
    const modal = callbacks(fake.calls)[0]?.body;
    expect(modal?.type).toBe(9);
    expect(modal.data.custom_id).not.toMatch(SAVED);
    expect(modal.data.custom_id.length).toBeLessThanOrEqual(100);
    expect(writes).toEqual([]);
    const submit = (userId: string, customId = modal.data.custom_id) => {
      const raw = interactionPayload(5, {
        custom_id: customId,
        components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: 'Please leave me 5 stars.' }] }],
      }) as Raw;
      raw.member.user.id = userId;
      return raw;
    };
    await fake.dispatch(submit(USER));
    expect(visibleText(callbacks(fake.calls)[1]?.body).toLowerCase()).toContain('5 stars');
    const [head = '', mac = '', ...rest] = modal.data.custom_id.split('.');
    await fake.dispatch(submit(USER, [head, `${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`, ...rest].join('.')));
    await fake.dispatch(submit(OTHER));
    const [forged, other] = callbacks(fake.calls).slice(2);
    expect(visibleText(forged?.body)).toContain(EXPIRED);
    expect(visibleText(other?.body)).toContain(NOT_YOURS);
    expect(writes.filter((w) => w.includes('actions:') || w.endsWith(':buttons'))).toEqual([]);
  });
});
