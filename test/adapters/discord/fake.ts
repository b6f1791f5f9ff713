// A real discord.js Client that never connects: REST calls are captured and answered locally, and
// interactions are raw API payloads fed through the client's own dispatch (InteractionCreate action).
import { type APIApplicationCommandOption, Client, ClientUser, Events, type Interaction } from 'discord.js';
import { buildCommandJson } from '../../../src/adapters/discord/commands.js';
import { BARE_SUBCOMMAND, groupCommands } from '../../../src/adapters/discord/groups.js';
import type { Command } from '../../../src/core/runtime/command.js';

export interface Call {
  method: string;
  /** Path after /api/v10, e.g. /interactions/1/token/callback */
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: captured JSON is inspected loosely by the tests
  body: any;
  /** A multipart body (a message with files): payload_json plus files[n]. */
  form?: FormData;
  /** Files of a multipart request, with their bytes. */
  files?: { name: string; type: string; data: Buffer }[];
}

export type Responder = (call: Call) => Response | undefined;

export const GUILD = '100000000000000001';
export const USER = '200000000000000002';
export const APP = '300000000000000003';
export const BOT = '930000000000000001';
/** Manage Server, the permission admin commands need. */
export const MANAGE_GUILD = '32';

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function fakeDiscord(responder: Responder = () => undefined) {
  const calls: Call[] = [];
  const client = new Client({
    intents: [],
    rest: {
      makeRequest: async (url: string, init: RequestInit) => {
        const call: Call = {
          method: String(init.method),
          path: decodeURIComponent(new URL(url).pathname.replace('/api/v10', '')),
          body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        };
        if (init.body instanceof FormData) await readMultipart(init.body, call);
        calls.push(call);
        return responder(call) ?? new Response(null, { status: 204 });
      },
      // biome-ignore lint/suspicious/noExplicitAny: discord.js types makeRequest with undici's own Response type
    } as any,
  });
  client.rest.setToken('test-token');
  // A logged-in client knows its own user; DM lookups need it.
  client.user = Reflect.construct(ClientUser, [
    client,
    { id: BOT, username: 'gigdesk', discriminator: '0', bot: true },
  ]);
  const pending: Promise<unknown>[] = [];
  return {
    client,
    calls,
    /** Routes every interaction to `handle` and remembers the work so `dispatch` can wait for it. */
    use(handle: (interaction: Interaction) => Promise<unknown>) {
      client.on(Events.InteractionCreate, (interaction) => void pending.push(handle(interaction)));
    },
    /** Feeds a raw gateway INTERACTION_CREATE payload through discord.js and waits for the handler. */
    async dispatch(raw: object) {
      // biome-ignore lint/suspicious/noExplicitAny: the actions manager is internal to discord.js
      (client as any).actions.InteractionCreate.handle(raw);
      await Promise.all(pending.splice(0));
    },
  };
}

/** A message with files goes as multipart: the JSON in payload_json, each file as files[n]. */
async function readMultipart(form: FormData, call: Call): Promise<void> {
  call.body = JSON.parse(String(form.get('payload_json')));
  call.form = form;
  call.files = [];
  for (const [key, value] of form.entries()) {
    if (!key.startsWith('files[') || typeof value === 'string') continue;
    call.files.push({ name: value.name, type: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
}

let nextId = 400000000000000000n;

/** A gateway interaction payload from a guild member with the given permissions. */
export function interactionPayload(type: number, data: object, permissions = '0'): object {
  nextId += 1n;
  return {
    id: String(nextId),
    application_id: APP,
    type,
    token: `token-${nextId}`,
    version: 1,
    guild_id: GUILD,
    channel_id: '500000000000000005',
    channel: { id: '500000000000000005', type: 0 },
    member: {
      user: { id: USER, username: 'tester', discriminator: '0', avatar: null, global_name: null },
      roles: [],
      permissions,
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { 0: GUILD },
    context: 0,
    data,
  };
}

/**
 * A slash command as Discord would send it for `name` ("jss", "contracts add"), with option types taken
 * from the generated registration so the payload matches what users can actually send.
 */
export function slashPayload(
  commands: readonly Command[],
  name: string,
  values: Record<string, unknown>,
  extra: { permissions?: string; resolved?: object; focused?: string } = {},
): object {
  const [top = '', named] = name.split(' ');
  const registered = buildCommandJson(commands).find((c) => c.name === top);
  if (!registered) throw new Error(`no registered command ${top}`);
  const group = groupCommands(commands).find((g) => g.name === top);
  const sub = named ?? (group && group.subs.length > 0 ? BARE_SUBCOMMAND : undefined);
  const defs = (sub ? registered.options?.find((o) => o.name === sub) : registered) as {
    options?: APIApplicationCommandOption[];
  };
  const leaf = Object.entries(values).map(([option, value]) => {
    const def = defs.options?.find((o) => o.name === option);
    if (!def) throw new Error(`/${name} has no option ${option}`);
    return { name: option, type: def.type, value, ...(option === extra.focused ? { focused: true } : {}) };
  });
  const options = sub ? [{ type: 1, name: sub, options: leaf }] : leaf;
  const type = extra.focused ? 4 : 2;
  return interactionPayload(
    type,
    { id: '600000000000000006', name: top, type: 1, options, resolved: extra.resolved },
    extra.permissions,
  );
}

/** Every string a user would see in an interaction response or message body, markdown escapes resolved. */
// biome-ignore lint/suspicious/noExplicitAny: walks captured JSON
export function visibleText(body: any): string {
  const data = body?.data ?? body;
  // biome-ignore lint/suspicious/noExplicitAny: embed JSON
  const embeds: any[] = data?.embeds ?? [];
  return [
    data?.content ?? '',
    ...embeds.flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      // biome-ignore lint/suspicious/noExplicitAny: embed JSON
      ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]),
      e.footer?.text ?? '',
    ]),
  ]
    .join('\n')
    .replace(/\\([^\w\s])/g, '$1');
}

/** A raw message as Discord's API returns it, sent by the bot. */
export function rawMessage(id: string, channelId: string, content = '') {
  return {
    id,
    channel_id: channelId,
    type: 0,
    content,
    author: { id: BOT, username: 'gigdesk', discriminator: '0', bot: true },
    timestamp: '2026-01-01T00:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
  };
}

/** A server that has not installed gigdesk. */
export const OTHER_GUILD = '100000000000000077';
/** "Use External Apps": a member's own apps may answer publicly in a server that lacks them. */
export const USE_EXTERNAL_APPS = String(1n << 50n);

/**
 * The same interaction as Discord sends it to a user-installed gigdesk: in the bot's DM (context 1), or
 * in a server without gigdesk (context 0), where only the user's install authorises it.
 */
// biome-ignore lint/suspicious/noExplicitAny: reshapes raw JSON
export function userInstalled(payload: any, where: 'dm' | 'server without the bot', permissions = '0'): object {
  const owners = { 1: USER };
  if (where === 'dm') {
    const { guild_id: _guild, member, guild_locale: _locale, ...rest } = payload;
    return {
      ...rest,
      user: member.user,
      channel_id: '910000000000000001',
      channel: { id: '910000000000000001', type: 1 },
      context: 1,
      authorizing_integration_owners: owners,
    };
  }
  return {
    ...payload,
    guild_id: OTHER_GUILD,
    member: { ...payload.member, permissions },
    context: 0,
    authorizing_integration_owners: owners,
  };
}
