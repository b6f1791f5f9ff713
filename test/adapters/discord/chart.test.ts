// Charts on Discord through real discord.js classes: the text answer first, then the PNG in the same message.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { pngSize } from '../../support/png.js';
import { APP, type Call, fakeDiscord, json, MANAGE_GUILD, slashPayload } from './fake.js';

logger.level = 'silent';

const stores: ReturnType<typeof memoryStore>[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function setup(responder?: Parameters<typeof fakeDiscord>[0]) {
  const store = memoryStore();
  stores.push(store);
  const fake = fakeDiscord(responder);
  fake.use(createInteractionHandler({ commands, store }));
  return fake;
}

const edits = (calls: Call[]) => calls.filter((c) => c.method === 'PATCH' && c.path.includes('/messages/'));

async function attachedPng(call: Call | undefined): Promise<Uint8Array> {
  const file = call?.form?.get('files[0]');
  if (!(file instanceof Blob)) throw new Error('no file in the edit');
  return new Uint8Array(await file.arrayBuffer());
}

describe('discord charts', { timeout: 60_000 }, () => {
  it.each([
    ['private', false, 64],
    ['shared', true, 0],
  ])(
    '/fees 15000 (%s): the text callback first, then the PNG in the embed of the same message',
    async (_, share, flags) => {
      const fake = setup();
      await fake.dispatch(slashPayload(commands, 'fees', { amount: 15000, share }));
      const callback = fake.calls.findIndex((c) => c.path.endsWith('/callback'));
      const edit = fake.calls.findIndex((c) => c.method === 'PATCH');
      expect(callback).toBeGreaterThanOrEqual(0);
      expect(edit).toBeGreaterThan(callback);
      expect(fake.calls[callback]?.body.data.flags ?? 0).toBe(flags);
      expect(fake.calls[callback]?.body.data.attachments).toBeUndefined();

      const call = fake.calls[edit];
      expect(call?.path).toMatch(new RegExp(`^/webhooks/${APP}/token-\\d+/messages/@original$`));
      expect(call?.body.embeds.at(-1).image).toEqual({ url: 'attachment://fees.png' });
      expect((call?.form?.get('files[0]') as File | undefined)?.name).toBe('fees.png');
      expect(call?.body.attachments[0].description).toMatch(/^Bar chart of what you keep/);
      expect(call?.body.allowed_mentions).toEqual({ parse: [] });
      const size = pngSize(await attachedPng(call));
      expect(size.width).toBeGreaterThanOrEqual(600);
      expect(size.height).toBeGreaterThanOrEqual(300);
    },
  );

  it('sends no picture with chart:off, or once an admin turned charts off for the server', async () => {
    const fake = setup();
    await fake.dispatch(slashPayload(commands, 'fees', { amount: 15000, chart: 'off' }));
    expect(edits(fake.calls)).toEqual([]);

    await fake.dispatch(slashPayload(commands, 'settings', { charts: 'off' }, { permissions: '0' }));
    await fake.dispatch(slashPayload(commands, 'fees', { amount: 15000 }));
    expect(edits(fake.calls)).toHaveLength(1); // a member cannot turn them off

    await fake.dispatch(slashPayload(commands, 'settings', { charts: 'off' }, { permissions: MANAGE_GUILD }));
    await fake.dispatch(slashPayload(commands, 'fees', { amount: 15000 }));
    expect(edits(fake.calls)).toHaveLength(1);
    const callbacks = fake.calls.filter((c) => c.path.endsWith('/callback'));
    expect(callbacks.at(-1)?.body.data.content).toContain('15,000');
  });

  it("a chart Discord refuses is one short log line, without the picture's bytes", async () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const fake = setup((call) =>
      call.method === 'PATCH' ? json(400, { code: 50035, message: 'Invalid Form Body' }) : undefined,
    );
    await fake.dispatch(slashPayload(commands, 'fees', { amount: 15000 }));
    expect(edits(fake.calls)).toHaveLength(1);
    expect(logged).toHaveBeenCalledTimes(1);
    const [fields, message] = logged.mock.calls[0] ?? [];
    expect(message).toBe('chart not sent');
    const line = JSON.stringify(fields);
    expect(line).toContain('Invalid Form Body');
    expect(line.length).toBeLessThan(400);
    logged.mockRestore();
  });
});
