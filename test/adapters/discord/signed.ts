// Discord's side of HTTP interactions in tests: an Ed25519 key pair, its public key as the application
// shows it (64 hex), and requests signed over timestamp + raw body as Discord signs them.
import { generateKeyPairSync, sign } from 'node:crypto';
import { type HttpOptions, startDiscordHttp } from '../../../src/adapters/discord/http.js';
import { APP } from './fake.js';

const pair = generateKeyPairSync('ed25519');
export const PUBLIC_KEY = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

/** The headers Discord sends with `body`, signed now (or at `timestamp`). */
export function signed(body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  const signature = sign(null, Buffer.from(timestamp + body), pair.privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp, 'content-type': 'application/json' };
}

/** POSTs a signed interaction to `url`; the status and the JSON answer. */
// biome-ignore lint/suspicious/noExplicitAny: answers are inspected loosely by the tests
export async function postSigned(url: string, payload: object): Promise<{ status: number; json: any }> {
  const body = JSON.stringify(payload);
  const response = await fetch(url, { method: 'POST', body, headers: signed(body) });
  return { status: response.status, json: await response.json() };
}

/** gigdesk's HTTP interactions endpoint on 127.0.0.1 (a free port unless given), checking this file's key. */
export function startSignedHttp(
  options: Omit<HttpOptions, 'token' | 'applicationId' | 'publicKey' | 'port'> & { port?: number },
) {
  return startDiscordHttp({
    token: 'test-token',
    applicationId: APP,
    publicKey: PUBLIC_KEY,
    port: 0,
    host: '127.0.0.1',
    ...options,
  });
}
