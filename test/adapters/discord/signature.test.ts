// Ed25519 over timestamp + raw body, with a key pair made here: Discord's recipe, Node's crypto.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSignedByDiscord, MAX_AGE_SECONDS, publicKeyFromHex } from '../../../src/adapters/discord/signature.js';

const pair = generateKeyPairSync('ed25519');
/** The portal shows the raw 32-byte key as hex: the last 32 bytes of the SPKI encoding. */
const publicHex = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const key = publicKeyFromHex(publicHex);
const NOW = Date.parse('2026-12-05T02:00:00Z');
const body = Buffer.from('{"type":1}');
const signed = (timestamp: string, raw = body) =>
  sign(null, Buffer.concat([Buffer.from(timestamp), raw]), pair.privateKey).toString('hex');

describe('Discord request signatures', () => {
  const ts = String(NOW / 1000);

  it('accepts a signature over timestamp + body made with the application key', () => {
    expect(isSignedByDiscord(key, signed(ts), ts, body, NOW)).toBe(true);
  });

  it('refuses another body, another timestamp, another key, and garbage', () => {
    expect(isSignedByDiscord(key, signed(ts), ts, Buffer.from('{"type":2}'), NOW)).toBe(false);
    expect(isSignedByDiscord(key, signed(ts), String(NOW / 1000 - 1), body, NOW)).toBe(false);
    const other = generateKeyPairSync('ed25519');
    const forged = sign(null, Buffer.concat([Buffer.from(ts), body]), other.privateKey).toString('hex');
    expect(isSignedByDiscord(key, forged, ts, body, NOW)).toBe(false);
    for (const bad of [undefined, '', 'zz', '00'.repeat(64), signed(ts).slice(2)]) {
      expect(isSignedByDiscord(key, bad, ts, body, NOW)).toBe(false);
    }
    expect(isSignedByDiscord(key, signed(ts), undefined, body, NOW)).toBe(false);
  });

  it('refuses a correctly signed request older (or newer) than five minutes', () => {
    const old = String(NOW / 1000 - MAX_AGE_SECONDS - 1);
    const ahead = String(NOW / 1000 + MAX_AGE_SECONDS + 1);
    expect(isSignedByDiscord(key, signed(old), old, body, NOW)).toBe(false);
    expect(isSignedByDiscord(key, signed(ahead), ahead, body, NOW)).toBe(false);
    const recent = String(NOW / 1000 - MAX_AGE_SECONDS + 5);
    expect(isSignedByDiscord(key, signed(recent), recent, body, NOW)).toBe(true);
  });

  it('refuses a public key that is not 64 hex characters, at start', () => {
    expect(() => publicKeyFromHex('abc')).toThrow(/64 hex characters/);
    expect(() => publicKeyFromHex(`${publicHex.slice(0, 62)}zz`)).toThrow(/64 hex characters/);
  });
});
