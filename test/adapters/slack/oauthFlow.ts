// Drives gigdesk's OAuth mode like a browser and like Slack: install pages, signed commands and events.
import type { SlackBot, SlackConfig } from '../../../src/adapters/slack/start.js';
import { sign } from './harness.js';

export const OAUTH_SECRETS = {
  signingSecret: 'oauth-test-signing-secret',
  clientSecret: 'client-secret-0123456789abcdef',
  stateSecret: 'state-secret-0123456789abcdef',
  encryptionKey: 'a1'.repeat(32),
};

export function oauthConfig(over: Partial<SlackConfig> = {}): SlackConfig {
  return {
    botToken: undefined,
    appToken: undefined,
    signingSecret: OAUTH_SECRETS.signingSecret,
    port: 0,
    adminUserIds: [],
    oauth: {
      clientId: '1111.2222',
      clientSecret: OAUTH_SECRETS.clientSecret,
      stateSecret: OAUTH_SECRETS.stateSecret,
      encryptionKey: OAUTH_SECRETS.encryptionKey,
      publicUrl: undefined,
      apiUrl: undefined,
    },
    ...over,
  };
}

export const baseOf = (bot: SlackBot) => `http://127.0.0.1:${bot.port}`;

export interface InstallStart {
  authorizeUrl: URL;
  cookie: string;
  state: string;
  page: string;
}

export async function startInstall(base: string): Promise<InstallStart> {
  const res = await fetch(`${base}/slack/install`);
  const page = await res.text();
  const href = /href="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&') ?? '';
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const authorizeUrl = new URL(href);
  return { authorizeUrl, cookie, state: authorizeUrl.searchParams.get('state') ?? '', page };
}

export async function finishInstall(base: string, code: string, state: string, cookie: string) {
  const res = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
  });
  return { status: res.status, page: await res.text() };
}

export async function install(base: string, teamId: string) {
  const { state, cookie } = await startInstall(base);
  return finishInstall(base, `code-${teamId}`, state, cookie);
}

async function signedPost(base: string, body: string, contentType: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, OAUTH_SECRETS.signingSecret),
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}

export function command(base: string, teamId: string, userId: string, line: string) {
  const [name = '', ...rest] = line.split(' ');
  const body = new URLSearchParams({
    team_id: teamId,
    team_domain: teamId.toLowerCase(),
    channel_id: 'C0GENERAL',
    user_id: userId,
    user_name: 'someone',
    command: name,
    text: rest.join(' '),
    api_app_id: 'A0GIGDESK',
    is_enterprise_install: 'false',
    response_url: `https://hooks.slack.com/commands/${teamId}/1/abc`,
    trigger_id: '1.2.3',
  }).toString();
  return signedPost(base, body, 'application/x-www-form-urlencoded');
}

export function event(base: string, teamId: string, inner: Record<string, unknown>) {
  const body = JSON.stringify({
    team_id: teamId,
    api_app_id: 'A0GIGDESK',
    event: inner,
    type: 'event_callback',
    event_id: `Ev${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, enterprise_id: null, is_enterprise_install: false }],
  });
  return signedPost(base, body, 'application/json');
}

/** Polls until check() is true or 5 s pass (work after an ack runs in the background). */
export async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}
