// Real Bolt over real HTTP on loopback, with every outbound Slack call captured by a fake fetch.
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { register, type SlackDeps } from '../../../src/adapters/slack/handler.js';
import { type SlackBlock, type SlackMessage, unescapeSlack } from '../../../src/adapters/slack/render.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const RESPONSE_URL = 'https://hooks.slack.com/commands/T0TEST/1/abc';

export interface Call {
  url: string;
  /** The Slack API method ("users.info"), "response_url", or "file_upload" (bytes to an upload URL). */
  method: string;
  body: Record<string, unknown>;
  /** The bytes sent to an upload URL. */
  data?: Buffer;
}

export const UPLOAD_URL = 'https://files.slack.com/upload/v1/fake';

export interface SlackUserFlags {
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface HarnessOptions {
  /** Wires listeners onto the app; the default is gigdesk's register() with `deps`. */
  setup?: (app: App) => void;
  deps?: SlackDeps;
  /** users.info answers by user id; a missing id gets an error from the fake Slack. */
  users?: Record<string, SlackUserFlags>;
  /** User ids whose DMs are closed: conversations.open fails for them. */
  closedDms?: string[];
  /** users.info answers after this many ms: a slow Slack API. */
  usersInfoDelayMs?: number;
  /** Channel ids the bot is not a member of: an upload to them fails with not_in_channel. */
  notInChannel?: string[];
}

export interface Sent {
  status: number;
  body: string;
}

export interface Harness {
  app: App;
  calls: Call[];
  send: (command: string, text: string, options?: SendOptions) => Promise<Sent>;
  /** Posts an interactivity payload (block_actions, view_submission, message_action), signed. */
  sendPayload: (payload: object) => Promise<Sent>;
  /** Posts an Events API callback (JSON), signed. */
  sendEvent: (body: object) => Promise<Sent>;
  waitForCalls: (method: string, count: number, timeoutMs?: number) => Promise<Call[]>;
  close: () => Promise<void>;
}

export interface SendOptions {
  userId?: string;
  /** Where the command was typed: a channel (the default, C0GENERAL) or a DM (an id starting with D). */
  channelId?: string;
  signature?: string;
  timestamp?: number;
}

const json = (value: unknown) =>
  new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } });

/** Bytes of an upload body, whatever shape the Web API client sent it in. */
async function bytesOf(body: unknown): Promise<Buffer> {
  if (body instanceof FormData) {
    const file = [...body.values()].find((v): v is File => typeof v !== 'string');
    return Buffer.from(file ? await file.arrayBuffer() : new ArrayBuffer(0));
  }
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  return Buffer.from(String(body ?? ''));
}

function fakeSlack(calls: Call[], options: HarnessOptions): typeof fetch {
  let uploads = 0;
  return async (input, init) => {
    const url = String(input);
    if (url.startsWith(UPLOAD_URL)) {
      calls.push({ url, method: 'file_upload', body: {}, data: await bytesOf(init?.body) });
      return new Response('OK', { status: 200 });
    }
    const raw = String(init?.body ?? '');
    if (url.startsWith('https://hooks.slack.com/')) {
      calls.push({ url, method: 'response_url', body: JSON.parse(raw) });
      return new Response('ok', { status: 200 });
    }
    const method = url.replace('https://slack.com/api/', '');
    const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
    if (typeof body.blocks === 'string') body.blocks = JSON.parse(body.blocks);
    calls.push({ url, method, body });
    const user = String(body.user ?? body.users ?? '');
    switch (method) {
      case 'users.info': {
        if (options.usersInfoDelayMs) await new Promise((resolve) => setTimeout(resolve, options.usersInfoDelayMs));
        const flags = options.users?.[user];
        return json(flags ? { ok: true, user: { id: user, ...flags } } : { ok: false, error: 'user_not_found' });
      }
      case 'conversations.open':
        return json(
          options.closedDms?.includes(user)
            ? { ok: false, error: 'cannot_dm_bot' }
            : { ok: true, channel: { id: `D${user}` } },
        );
      case 'chat.postMessage':
        return json({ ok: true, channel: body.channel, ts: '1700000000.000100' });
      case 'files.getUploadURLExternal':
        uploads++;
        return json({ ok: true, upload_url: `${UPLOAD_URL}/${uploads}`, file_id: `F${uploads}` });
      case 'files.completeUploadExternal':
        if (options.notInChannel?.includes(String(body.channel_id)))
          return json({ ok: false, error: 'not_in_channel' });
        return json({ ok: true, files: [{ id: 'F1' }] });
      default:
        return json({ ok: true });
    }
  };
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** A signed slash command POSTed to a Bolt HTTP receiver on loopback, as Slack sends it. */
export async function postSlash(
  port: number,
  command: string,
  text: string,
): Promise<{ status: number; body: string }> {
  const body = commandBody(command, text);
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp),
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}

export function commandBody(command: string, text: string, userId = 'U0PLAIN', channelId = 'C0GENERAL'): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0TEST',
    team_domain: 'freelancers',
    channel_id: channelId,
    channel_name: channelId.startsWith('D') ? 'directmessage' : 'general',
    user_id: userId,
    user_name: 'someone',
    command,
    text,
    api_app_id: 'A0GIGDESK',
    is_enterprise_install: 'false',
    response_url: RESPONSE_URL,
    trigger_id: '1.2.3',
  }).toString();
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const calls: Call[] = [];
  const app = new App({
    receiver: new HTTPReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR }),
    token: 'xoxb-test-token',
    botId: 'B0GIGDESK',
    botUserId: 'U0GIGDESK',
    tokenVerificationEnabled: false,
    // As in startSlack: gigdesk reads no conversation context.
    convoStore: false,
    logLevel: LogLevel.ERROR,
    clientOptions: { fetch: (...args) => fake(...args), retryConfig: { retries: 0 } },
  });
  const fake = fakeSlack(calls, options);
  if (options.setup) options.setup(app);
  else if (options.deps) register(app, { fetch: fake, ...options.deps });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo | string | null };
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}/slack/events`;

  const post = async (
    body: string,
    opts: SendOptions = {},
    type = 'application/x-www-form-urlencoded',
  ): Promise<Sent> => {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': type,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': opts.signature ?? sign(body, timestamp),
      },
      body,
    });
    return { status: res.status, body: await res.text() };
  };
  const send = (command: string, text: string, opts: SendOptions = {}) =>
    post(commandBody(command, text, opts.userId, opts.channelId), opts);
  const sendPayload = (payload: object) => post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  const sendEvent = (event: object) => post(JSON.stringify(event), {}, 'application/json');

  const waitForCalls = async (method: string, count: number, timeoutMs = 5000): Promise<Call[]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = calls.filter((c) => c.method === method);
      if (matching.length >= count || Date.now() > deadline) return matching;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  return { app, calls, send, sendPayload, sendEvent, waitForCalls, close: async () => void (await app.stop()) };
}

/** A captured response_url or chat.postMessage body, read as the message it carries. */
export const messageOf = (call?: Call) => (call?.body ?? {}) as unknown as SlackMessage;

interface MessageLike {
  text?: string;
  response_type?: string;
  blocks?: SlackBlock[];
}

/** Every string Slack would display from a message's blocks, in order, still escaped. */
export function blockStrings(message: MessageLike): string[] {
  return (message.blocks ?? []).flatMap((block): string[] => {
    switch (block.type) {
      case 'header':
        return [block.text.text];
      case 'section':
        return [...(block.text ? [block.text.text] : []), ...(block.fields ?? []).map((f) => f.text)];
      case 'context':
        return block.elements.map((e) => ('text' in e ? e.text : ''));
      default:
        return [];
    }
  });
}

/** What the user reads: the block strings with Slack's three escapes decoded. */
export function visibleText(message: MessageLike): string {
  return unescapeSlack(blockStrings(message).join('\n'));
}
