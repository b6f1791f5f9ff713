// AES-256-GCM for what must not sit in a store in clear (workspace tokens). The store key is bound in
// as associated data, so a sealed value copied under another workspace's key does not open. Each value
// names the key that sealed it by a short id (a hash of the key), so a rotated key can still read it.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v2';
/** Values sealed before key ids: "v1:" + base64(iv | tag | ciphertext), opened with whichever key works. */
const LEGACY = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The current key seals and opens; the previous one (GIGDESK_ENCRYPTION_KEY_PREVIOUS) only opens. */
export interface Keys {
  current: Buffer;
  previous?: Buffer;
}

/** Thrown when no configured key opens a value: the key changed and the old one is not given. */
export class WrongKeyError extends Error {
  override name = 'WrongKeyError';
  constructor(readonly sealedWith: string | undefined) {
    super(
      'cannot decrypt: wrong or rotated key. If GIGDESK_ENCRYPTION_KEY was changed, set ' +
        'GIGDESK_ENCRYPTION_KEY_PREVIOUS to the old key (values are re-encrypted under the new key as ' +
        'they are read), or install the app in this workspace again.',
    );
  }
}

/** The key from GIGDESK_ENCRYPTION_KEY: 64 hex characters, 32 bytes. */
export function encryptionKey(hex: string, name = 'GIGDESK_ENCRYPTION_KEY'): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`${name} must be 64 hex characters`);
  return Buffer.from(hex, 'hex');
}

/** 8 hex characters of a hash of the key: names it in a sealed value and in logs without revealing it. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('gigdesk sealed key id\0').update(key).digest('hex').slice(0, 8);
}

/** "v2:" + key id + ":" + base64(iv | tag | ciphertext); a fresh random iv every time. */
export function seal(plain: string, key: Buffer, boundTo: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}:${keyId(key)}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The plain text, and whether it should be sealed again under the current key (old key or old format). */
export interface Opened {
  plain: string;
  stale: boolean;
}

/**
 * Opens a value with the key its id names (or, for the old format, whichever key works). Throws
 * WrongKeyError when no configured key is the one, and another error when the value was changed or
 * was sealed for another store key.
 */
export function openSealed(sealed: string, keys: Keys, boundTo: string): Opened {
  const all = keys.previous ? [keys.current, keys.previous] : [keys.current];
  if (sealed.startsWith(`${LEGACY}:`)) {
    const raw = Buffer.from(sealed.slice(LEGACY.length + 1), 'base64');
    for (const key of all) {
      const plain = tryOpen(raw, key, boundTo);
      if (plain !== undefined) return { plain, stale: true };
    }
    throw new WrongKeyError(undefined);
  }
  const [version, id, body] = sealed.split(':');
  if (version !== VERSION || id === undefined || body === undefined) throw new Error('not a sealed value');
  const key = all.find((k) => keyId(k) === id);
  if (!key) throw new WrongKeyError(id);
  const plain = tryOpen(Buffer.from(body, 'base64'), key, boundTo);
  if (plain === undefined) throw new Error('a sealed value does not open: changed, or sealed for another store key');
  return { plain, stale: key !== keys.current };
}

function tryOpen(raw: Buffer, key: Buffer, boundTo: string): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
