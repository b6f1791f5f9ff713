// Discord signs every interaction it POSTs with the application's Ed25519 key over timestamp + raw
// body. Checked with Node's own crypto; Discord sends bad signatures on purpose and drops an endpoint
// that accepts them.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The DER header that makes a raw 32-byte Ed25519 key an SPKI public key Node can import. */
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
/** A request signed longer ago (or further ahead) than this is refused as a replay. */
export const MAX_AGE_SECONDS = 300;

/** The portal's "Public Key" (64 hex characters) as a key; throws on anything else. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** Whether the request is Discord's: a valid signature over timestamp + body, signed within the last minutes. */
export function isSignedByDiscord(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  rawBody: Buffer,
  now = Date.now(),
): boolean {
  if (!signature || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > MAX_AGE_SECONDS) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp), rawBody]), key, Buffer.from(signature, 'hex'));
}
