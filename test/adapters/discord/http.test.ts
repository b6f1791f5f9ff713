// Discord over HTTP, end to end on loopback: signed POSTs in, the first answer in the HTTP response,
// later calls to a fake Discord REST API, and no gateway connection at any point.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INTERACTIONS_PATH, type startDiscordHttp } from '../../../src/adapters/discord/http.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { loadCommunity } from '../../../src/core/messages/templates.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { APP, GUILD, interactionPayload, MANAGE_GUILD, slashPayload, visibleText } from './fake.js';
import { signed, startSignedHttp } from './signed.js';

logger.level = 'silent';

const restCalls: string[] = [];
/** The same calls with their method and body, for the ones a test reads. */
const restRequests: { url: string; method: string; body: RequestInit['body'] }[] = [];
const store = memoryStore();
// The classes discord.js itself loads (CommonJS), so the spies sit where a login would go.
const load = createRequire(import.meta.url);
const { Client } = load('discord.js') as typeof import('discord.js');
const { WebSocketManager } = load('@discordjs/ws') as typeof import('@discordjs/ws');
const login = vi.spyOn(Client.prototype, 'login');
const gateway = vi.spyOn(WebSocketManager.prototype, 'connect');
let bot: Awaited<ReturnType<typeof startDiscordHttp>>;
let url: string;
beforeAll(async () => {
  bot = await startSignedHttp({
    store,
    // Later calls (edits, follow-ups) would go to Discord; here they are recorded and answered 204.
    upstream: async (target, init) => {
      restCalls.push(String(target));
      restRequests.push({ url: String(target), method: String(init?.method), body: init?.body });
      return new Response(null, { status: 204 });
    },
    deferAfterMs: 20_000,
  });
  url = `http://127.0.0.1:${bot.port}${INTERACTIONS_PATH}`;
});
afterAll(async () => {
  await bot.stop();
  await store.close();
});

async function post(payload: object, headers?: Record<string, string>) {
  const body = JSON.stringify(payload);
  const response = await fetch(url, { method: 'POST', body, headers: headers ?? signed(body) });
  return { status: response.status, json: await response.json() };
}

// biome-ignore lint/suspicious/noExplicitAny: captured JSON
const buttons = (answer: any): { label: string; custom_id: string }[] =>
  (answer.data.components ?? []).flatMap((row: { components: unknown[] }) => row.components);

describe('Discord interactions over HTTP', () => {
  it('answers a signed PING with type 1', async () => {
    expect(await post({ id: '1', type: 1, application_id: APP, token: 't', version: 1 })).toEqual({
      status: 200,
      json: { type: 1 },
    });
  });

  it('refuses a bad signature and a stale timestamp with 401', async () => {
    const ping = { id: '1', type: 1, application_id: APP, token: 't', version: 1 };
    const body = JSON.stringify(ping);
    const other = JSON.stringify({ ...ping, id: '2' });
    expect((await post(ping, signed(other))).status).toBe(401);
    const stale = String(Math.floor(Date.now() / 1000) - 600);
    expect((await post(ping, signed(body, stale))).status).toBe(401);
    expect((await post(ping, { 'content-type': 'application/json' })).status).toBe(401);
  });

  it('puts the /jss 7 1 8 answer (type 4, 75 %) in the HTTP response itself', async () => {
    const before = restCalls.length;
    const { status, json } = await post(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
    expect(status).toBe(200);
    expect(json.type).toBe(4);
    expect(visibleText(json)).toContain('75 %');
    expect(json.data.flags).toBe(64);
    // The chart follows as an edit over REST, never as a second callback.
    expect(restCalls.slice(before).every((u) => !u.includes('/callback'))).toBe(true);
  });

  it('answers a button press through HTTP: Share posts the answer publicly', async () => {
    const first = await post(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
    const share = buttons(first.json).find((b) => b.label === 'Share in channel');
    expect(share).toBeDefined();
    const press = interactionPayload(3, { custom_id: share?.custom_id, component_type: 2 }) as Record<string, unknown>;
    const { json } = await post({ ...press, message: { id: '700000000000000007', channel_id: '500000000000000005' } });
    expect(json.type).toBe(4);
    expect(json.data.flags ?? 0).toBe(0);
    expect(visibleText(json)).toContain('75 %');
  });

  it('answers a Details press on the ephemeral answer with an update of it (type 7) in the HTTP response', async () => {
    const first = await post(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
    const details = buttons(first.json).find((b) => b.label === 'Details');
    expect(details).toBeDefined();
    const press = interactionPayload(3, { custom_id: details?.custom_id, component_type: 2 }) as Record<
      string,
      unknown
    >;
    const message = { id: '700000000000000007', channel_id: '500000000000000005', flags: 64 };
    const { json } = await post({ ...press, message });
    expect(json.type).toBe(7);
    expect(json.data.flags ?? 0).toBe(0);
    expect(visibleText(json)).toContain('75 %');
    expect(buttons(json).map((b) => b.label)).not.toContain('Details');
  });

  it('opens a form (type 9) and takes its submission through HTTP', async () => {
    const open = await post(slashPayload(commands, 'templates add', { name: 'thanks' }, { permissions: MANAGE_GUILD }));
    expect(open.json.type).toBe(9);
    const submit = interactionPayload(
      5,
      {
        custom_id: open.json.data.custom_id,
        components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: 'Hi {client},\nThank you!' }] }],
      },
      MANAGE_GUILD,
    );
    const { json } = await post(submit);
    expect(json.type).toBe(4);
    expect(visibleText(json)).toContain('Added /template name:thanks');
    const saved = await loadCommunity({ platform: 'discord', workspaceId: GUILD, store });
    expect(saved.find((t) => t.name === 'thanks')?.text).toBe('Hi {client},\nThank you!');
  });

  it('answers autocomplete with type 8 suggestions', async () => {
    const { json } = await post(slashPayload(commands, 'help', { command: 'js' }, { focused: 'command' }));
    expect(json.type).toBe(8);
    expect(json.data.choices.map((c: { value: string }) => c.value)).toContain('jss');
  });

  it('defers a first answer that carries a file, then sends it with its file over REST (/mydata export)', async () => {
    await post(
      slashPayload(commands, 'contracts add', {
        date: '2026-10-01',
        outcome: 'successful',
        amount: 500,
        client: 'acme',
      }),
    );
    const payload = slashPayload(commands, 'mydata export', {}) as { token: string };
    // Discord takes no files in the HTTP response: a deferral (type 5), private as the answer is.
    const { status, json } = await post(payload);
    expect(status).toBe(200);
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    // Then the answer and its file replace the "thinking" message: PATCH @original, multipart.
    const original = `/webhooks/${APP}/${payload.token}/messages/@original`;
    const edit = () => restRequests.find((r) => r.method === 'PATCH' && r.url.endsWith(original));
    await vi.waitFor(() => expect(edit()).toBeDefined());
    const form = edit()?.body as FormData;
    const message = JSON.parse(String(form.get('payload_json')));
    expect(visibleText(message)).toContain('gigdesk stores');
    // Private already by the deferral; an edit carries no visibility flag.
    expect(message.flags).toBeUndefined();
    // Each attachment entry names its part: id n is files[n].
    expect(message.attachments.map((a: { id: string }) => String(a.id))).toEqual(['0']);
    const file = form.get('files[0]') as File;
    expect(file.name).toBe('gigdesk-my-data.json');
    expect(JSON.parse(await file.text()).data).toHaveProperty('contracts');
  });

  it('never logs in and never opens a gateway WebSocket', async () => {
    expect(login).not.toHaveBeenCalled();
    expect(gateway).not.toHaveBeenCalled();
    // The spies do watch what a gateway start calls: a client that logs in is seen.
    const probe = new Client({ intents: [] });
    await probe.login('not-a-token').catch(() => undefined);
    await probe.destroy();
    expect(login).toHaveBeenCalledTimes(1);
  });
});
