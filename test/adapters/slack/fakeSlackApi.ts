// A fake Slack Web API for OAuth tests: installs workspaces by code, rotates tokens, and records which
// token every call carried. Usable as a fetch (in-process) or as a loopback HTTP server (child process).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  params: Record<string, string>;
  /** The bearer token the call carried (undefined for oauth.v2.access). */
  token?: string;
}

export interface FakeWorkspace {
  teamId: string;
  name: string;
  /** Slack returns a refresh token and a short expiry when the app has token rotation on. */
  rotation?: boolean;
}

export const botTokenOf = (teamId: string, n = 0) =>
  n === 0 ? `xoxb-${teamId}-bot-secret` : `xoxe.xoxb-${teamId}-r${n}`;
export const refreshTokenOf = (teamId: string, n = 0) => `xoxe-1-${teamId}-refresh-${n}`;

export interface FakeSlackApi {
  calls: ApiCall[];
  fetch: typeof fetch;
  /** Starts a loopback server; resolves to its base URL ending in /api/. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Workspaces install with code `code-<teamId>`. */
export function fakeSlackApi(workspaces: FakeWorkspace[]): FakeSlackApi {
  const calls: ApiCall[] = [];
  const rotations = new Map<string, number>();
  const byToken = (token?: string) => workspaces.find((w) => token?.includes(`-${w.teamId}-`));

  const answer = (method: string, params: Record<string, string>, token?: string): Record<string, unknown> => {
    calls.push({ method, params, token });
    switch (method) {
      case 'oauth.v2.access': {
        if (params.grant_type === 'refresh_token') {
          const ws = workspaces.find((w) => params.refresh_token === refreshTokenOf(w.teamId, rotations.get(w.teamId)));
          if (!ws) return { ok: false, error: 'invalid_refresh_token' };
          const n = (rotations.get(ws.teamId) ?? 0) + 1;
          rotations.set(ws.teamId, n);
          const pair = { access_token: botTokenOf(ws.teamId, n), refresh_token: refreshTokenOf(ws.teamId, n) };
          return { ok: true, token_type: 'bot', ...pair, expires_in: 43_200 };
        }
        const ws = workspaces.find((w) => params.code === `code-${w.teamId}`);
        if (!ws) return { ok: false, error: 'invalid_code' };
        return {
          ok: true,
          app_id: 'A0GIGDESK',
          authed_user: { id: `U${ws.teamId}ADMIN` },
          scope: 'commands,chat:write,im:write,users:read',
          token_type: 'bot',
          access_token: botTokenOf(ws.teamId),
          bot_user_id: `U${ws.teamId}BOT`,
          team: { id: ws.teamId, name: ws.name },
          enterprise: null,
          is_enterprise_install: false,
          ...(ws.rotation ? { refresh_token: refreshTokenOf(ws.teamId), expires_in: 3600 } : {}),
        };
      }
      case 'auth.test': {
        const ws = byToken(token);
        return ws
          ? {
              ok: true,
              team_id: ws.teamId,
              user_id: `U${ws.teamId}BOT`,
              bot_id: `B${ws.teamId}`,
              url: 'https://x.slack.com/',
            }
          : { ok: false, error: 'invalid_auth' };
      }
      case 'users.info':
        return { ok: true, user: { id: params.user, is_admin: false, is_owner: false } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${params.users}` } };
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts: '1700000000.000100' };
      default:
        return { ok: true };
    }
  };

  const bearer = (header: string | null | undefined) => header?.replace(/^Bearer /, '') || undefined;
  const headerOf = (init: RequestInit | undefined, name: string) => new Headers(init?.headers).get(name);

  const fakeFetch: typeof fetch = async (input, init) => {
    const url = String(input);
    if (url.startsWith('https://hooks.slack.com/')) {
      calls.push({ method: 'response_url', params: { body: String(init?.body ?? '') } });
      return new Response('ok');
    }
    const method = url.replace(/^.*\/api\//, '');
    const params = Object.fromEntries(new URLSearchParams(String(init?.body ?? '')));
    return Response.json(answer(method, params, bearer(headerOf(init, 'authorization'))));
  };

  let server: Server | undefined;
  return {
    calls,
    fetch: fakeFetch,
    listen: () =>
      new Promise((resolve) => {
        const listening = createServer((req, res) => {
          let body = '';
          req.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          req.on('end', () => {
            const method = (req.url ?? '').replace(/^\/api\//, '');
            const params = Object.fromEntries(new URLSearchParams(body));
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify(answer(method, params, bearer(req.headers.authorization))));
          });
        });
        server = listening;
        listening.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/api/`),
        );
      }),
    close: () => new Promise((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}
