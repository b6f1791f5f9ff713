// Real Bolt over real HTTP on loopback, with every outbound Slack call captured by a fake fetch.
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { register, type SlackDeps } from '../../../src/adapters/slack/handler.js';
import { type SlackBlock, type SlackMessage, unescapeSlack } from '../../../src/adapters/slack/render.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const RESPONSE_URL = 'https://hooks.slack.com/commands/T0TEST/1/abc';
/** Where the fake files.getUploadURLExternal tells the client to send file bytes. */
export const UPLOAD_URL = 'https://files.slack.com/upload/v1/test-upload';

export interface Call {
  url: string;
  /** The Slack API method ("users.info") or "response_url". */
  method: string;
  body: Record<string, unknown>;
}

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
}

export interface Sent {
  status: number;
  body: string;
}

export interface Harness {
  app: App;
  calls: Call[];
  send: (command: string, text: string, options?: SendOptions) => Promise<Sent>;
  waitForCalls: (method: string, count: number, timeoutMs?: number) => Promise<Call[]>;
  close: () => Promise<void>;
}

export interface SendOptions {
  userId?: string;
  signature?: string;
  timestamp?: number;
}

const json = (value: unknown) =>
  new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } });

function fakeSlack(calls: Call[], options: HarnessOptions): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    const raw = String(init?.body ?? '');
    if (url.startsWith('https://hooks.slack.com/')) {
      calls.push({ url, method: 'response_url', body: JSON.parse(raw) });
      return new Response('ok', { status: 200 });
    }
    if (url === UPLOAD_URL && init?.body instanceof FormData) {
      const file = init.body.get('body');
      const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : undefined;
      calls.push({ url, method: 'file_upload', body: { bytes } });
      return new Response('OK - 1234', { status: 200 });
    }
    const method = url.replace('https://slack.com/api/', '');
    const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
    if (typeof body.blocks === 'string') body.blocks = JSON.parse(body.blocks);
    calls.push({ url, method, body });
    const user = String(body.user ?? body.users ?? '');
    switch (method) {
      case 'users.info': {
        const flags = options.users?.[user];
        return json(flags ? { ok: true, user: { id: user, ...flags } } : { ok: false, error: 'user_not_found' });
      }
      case 'conversations.open':
        return json(
          options.closedDms?.includes(user)
            ? { ok: false, error: 'cannot_dm_bot' }
            : { ok: true, channel: { id: `D${user}` } },
        );
      case 'files.getUploadURLExternal':
        return json({ ok: true, upload_url: UPLOAD_URL, file_id: 'F0CHART' });
      case 'files.completeUploadExternal':
        return json({ ok: true, files: [{ id: 'F0CHART' }] });
      case 'chat.postMessage':
        return json({ ok: true, channel: body.channel, ts: '1700000000.000100' });
      default:
        return json({ ok: true });
    }
  };
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function commandBody(command: string, text: string, userId = 'U0PLAIN'): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0TEST',
    team_domain: 'freelancers',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
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
    clientOptions: { fetch: fakeSlack(calls, options), retryConfig: { retries: 0 } },
  });
  if (options.setup) options.setup(app);
  else if (options.deps) register(app, options.deps);
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo | string | null };
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}/slack/events`;

  const send = async (command: string, text: string, opts: SendOptions = {}): Promise<Sent> => {
    const body = commandBody(command, text, opts.userId);
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': opts.signature ?? sign(body, timestamp),
      },
      body,
    });
    return { status: res.status, body: await res.text() };
  };

  const waitForCalls = async (method: string, count: number, timeoutMs = 5000): Promise<Call[]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = calls.filter((c) => c.method === method);
      if (matching.length >= count || Date.now() > deadline) return matching;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  return { app, calls, send, waitForCalls, close: async () => void (await app.stop()) };
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
