// gigdesk installed to a person's own account: it answers in the bot's DM and in servers without it,
// with the same data as in a server that installed it, and says why when Discord keeps an answer private.
import { afterEach, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { FORCED_PRIVATE } from '../../../src/adapters/discord/surface.js';
import { forDiscord } from '../../../src/adapters/discord/wording.js';
import { DM_WITH_GIGDESK } from '../../../src/adapters/surface.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { memoryStore, type Store } from '../../../src/core/store/store.js';
import { fakeDiscord, slashPayload, USE_EXTERNAL_APPS, userInstalled, visibleText } from './fake.js';

logger.level = 'silent';
const NOW = new Date('2026-11-22T12:00:00Z');
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function setup() {
  const store = memoryStore();
  stores.push(store);
  const fake = fakeDiscord();
  fake.use(createInteractionHandler({ commands, store, now: () => NOW }));
  /** Dispatches one interaction and returns the body of its one answer. */
  const answer = async (raw: object) => {
    const before = fake.calls.length;
    await fake.dispatch(raw);
    const sent = fake.calls.slice(before).filter((c) => c.path.endsWith('/callback'));
    expect(sent).toHaveLength(1);
    return sent[0]?.body;
  };
  return { answer };
}

// biome-ignore lint/suspicious/noExplicitAny: captured JSON
const buttonLabels = (body: any): string[] =>
  (body.data.components ?? []).flatMap((row: { components: { label: string }[] }) =>
    row.components.map((b) => b.label),
  );

describe('gigdesk installed to a user’s account', () => {
  it('answers in the bot’s DM and in a server without the bot with the same data as where it is installed', async () => {
    const { answer } = setup();
    const add = slashPayload(commands, 'contracts add', {
      date: '2026-10-01',
      outcome: 'successful',
      amount: 1200,
      client: 'Acme',
    });
    expect((await answer(add)).data.flags).toBe(64);
    await answer(
      userInstalled(
        slashPayload(commands, 'contracts add', {
          date: '2026-10-05',
          outcome: 'negative',
          amount: 300,
          client: 'Bolt',
        }),
        'dm',
      ),
    );
    const list = slashPayload(commands, 'contracts list', {});
    const inServer = visibleText(await answer(list));
    const inDm = visibleText(await answer(userInstalled(list, 'dm')));
    const elsewhere = visibleText(await answer(userInstalled(list, 'server without the bot')));
    expect(inServer).toContain('Acme');
    expect(inServer).toContain('Bolt');
    expect(inDm).toEqual(inServer);
    expect(elsewhere).toEqual(inServer);
  });

  it('answers /jss 7 1 8 in a DM (context 1)', async () => {
    const { answer } = setup();
    const body = await answer(
      userInstalled(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }), 'dm'),
    );
    expect(visibleText(body)).toContain('75 %');
  });

  it('offers no Share in the bot’s DM, where the channel is that DM, and says why when share is asked', async () => {
    const { answer } = setup();
    const plain = await answer(
      userInstalled(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }), 'dm'),
    );
    expect(buttonLabels(plain)).toContain('Details');
    expect(buttonLabels(plain)).not.toContain('Share in channel');
    const asked = await answer(
      userInstalled(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8, share: true }), 'dm'),
    );
    expect(asked.data.flags).toBe(64);
    expect(visibleText(asked)).toContain(forDiscord(DM_WITH_GIGDESK));
  });

  it('says why a share stays private where the server keeps members’ own apps private, and offers no Share', async () => {
    const { answer } = setup();
    const jss = slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8, share: true });
    const refused = await answer(userInstalled(jss, 'server without the bot'));
    expect(refused.data.flags).toBe(64);
    expect(visibleText(refused)).toContain(FORCED_PRIVATE);
    expect(visibleText(refused)).toContain('75 %');
    const privately = await answer(
      userInstalled(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }), 'server without the bot'),
    );
    expect(buttonLabels(privately)).not.toContain('Share in channel');
    // Where the server allows external apps, the same share is posted for everyone.
    const shared = await answer(userInstalled(jss, 'server without the bot', USE_EXTERNAL_APPS));
    expect(shared.data.flags ?? 0).toBe(0);
    expect(visibleText(shared)).not.toContain(FORCED_PRIVATE);
  });

  it('does not treat a server admin as a workspace admin where the server has not installed gigdesk', async () => {
    const { answer } = setup();
    const admin = String(32n | (1n << 50n));
    const body = await answer(
      userInstalled(slashPayload(commands, 'settings', { charts: 'off' }), 'server without the bot', admin),
    );
    expect(visibleText(body)).toMatch(/Only server admins can use \/settings/);
  });
});
