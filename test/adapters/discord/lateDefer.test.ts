// Discord's 3-second first answer: any command whose answer is not ready by the deadline defers (type 5),
// privately unless shared, and its answer then replaces the deferral. Through real discord.js (gateway
// payloads) and through the HTTP endpoint on loopback, with a command that waits until the test releases it.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { INTERACTIONS_PATH, type startDiscordHttp } from '../../../src/adapters/discord/http.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { defineCommand } from '../../../src/core/runtime/command.js';
import { reply } from '../../../src/core/runtime/reply.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { APP, fakeDiscord, slashPayload } from './fake.js';
import { postSigned, startSignedHttp } from './signed.js';

logger.level = 'silent';

const waiting: (() => void)[] = [];
/** No storage work (so no early deferral): slow only because it waits for the test. */
const hold = defineCommand({
  name: 'hold',
  description: 'waits until the test releases it',
  options: z.object({}),
  run: async () => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return reply({ lead: 'Held answer' });
  },
});
/** Personal data: private even when the caller asks to share, so its deferral is private too. */
const holdPrivate = { ...hold, name: 'holdprivate', alwaysPrivate: true };
const all = [...commands, hold, holdPrivate];
const releaseAll = () => {
  for (const resolve of waiting.splice(0)) resolve();
};
afterEach(releaseAll);

describe('a slow command over the gateway', () => {
  const store = memoryStore();
  afterAll(() => store.close());

  async function deferredThenEdited(options: Record<string, unknown>, name = 'hold') {
    const fake = fakeDiscord();
    // Storage work would defer only after a minute here: what defers is the deadline for every command.
    fake.use(createInteractionHandler({ commands: all, store, deferAfterMs: 60_000, lateDeferAfterMs: 0 }));
    const done = fake.dispatch(slashPayload(all, name, options));
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    const [deferral] = fake.calls;
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    releaseAll();
    await done;
    return { deferral, rest: fake.calls.slice(1) };
  }

  it('defers privately (type 5, ephemeral), then edits the deferral into the answer', async () => {
    const { deferral, rest } = await deferredThenEdited({});
    expect(deferral?.path).toMatch(/\/interactions\/\d+\/[^/]+\/callback$/);
    expect(deferral?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(rest.map((c) => c.method)).toEqual(['PATCH']);
    expect(rest[0]?.path).toMatch(new RegExp(`^/webhooks/${APP}/[^/]+/messages/@original$`));
    expect(rest[0]?.body.content).toBe('Held answer');
  });

  it('defers publicly when the answer is shared, and the public answer replaces it', async () => {
    const { deferral, rest } = await deferredThenEdited({ share: true });
    expect(deferral?.body.type).toBe(5);
    expect(deferral?.body.data?.flags ?? 0).toBe(0);
    expect(rest.map((c) => c.method)).toEqual(['PATCH']);
    expect(rest[0]?.body.content).toBe('Held answer');
  });

  it('defers privately a command that is always private, even when asked to share', async () => {
    const { deferral, rest } = await deferredThenEdited({ share: true }, 'holdprivate');
    expect(deferral?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(rest.map((c) => c.method)).toEqual(['PATCH']);
    expect(rest[0]?.body.content).toBe('Held answer');
  });

  it('answers a quick command directly, with no deferral', async () => {
    const fake = fakeDiscord();
    fake.use(createInteractionHandler({ commands: all, store }));
    await fake.dispatch(slashPayload(all, 'jss', { successful: 7, negative: 1, total: 8 }));
    expect(fake.calls.map((c) => c.body.type)).toEqual([4]);
  });
});

describe('a slow command over HTTP', () => {
  const store = memoryStore();
  const rest: { url: string; method: string; body: RequestInit['body'] }[] = [];
  let bot: Awaited<ReturnType<typeof startDiscordHttp>>;
  let url: string;
  beforeAll(async () => {
    bot = await startSignedHttp({
      store,
      commands: all,
      upstream: async (target, init) => {
        rest.push({ url: decodeURIComponent(String(target)), method: String(init?.method), body: init?.body });
        return new Response(null, { status: 204 });
      },
      deferAfterMs: 60_000,
      lateDeferAfterMs: 0,
    });
    url = `http://127.0.0.1:${bot.port}${INTERACTIONS_PATH}`;
  });
  afterAll(async () => {
    releaseAll();
    await bot.stop();
    await store.close();
  });

  it('gets a private type-5 deferral as the HTTP response (no 500), then the answer as an edit over REST', async () => {
    const payload = slashPayload(all, 'hold', {}) as { token: string };
    const { status, json } = await postSigned(url, payload);
    expect(status).toBe(200);
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    expect(rest).toHaveLength(0);
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    releaseAll();
    const original = `/webhooks/${APP}/${payload.token}/messages/@original`;
    await vi.waitFor(() => expect(rest.find((r) => r.method === 'PATCH' && r.url.endsWith(original))).toBeDefined());
    const edit = rest.find((r) => r.url.endsWith(original));
    expect(JSON.parse(String(edit?.body)).content).toBe('Held answer');
  });
});
