// AES-256-GCM for what must not sit in a store in clear (workspace tokens). The store key is bound in
// as associated data, so a sealed value copied under another workspace's key does not open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key from GIGDESK_ENCRYPTION_KEY: 64 hex characters, 32 bytes. */
export function encryptionKey(hex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('GIGDESK_ENCRYPTION_KEY must be 64 hex characters');
  return Buffer.from(hex, 'hex');
}

/** "v1:" + base64(iv | tag | ciphertext); a fresh random iv every time. */
export function seal(plain: string, key: Buffer, boundTo: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** Throws when the value was changed, sealed with another key, or sealed for another store key. */
export function unseal(sealed: string, key: Buffer, boundTo: string): string {
  if (!sealed.startsWith(`${VERSION}:`)) throw new Error('not a sealed value');
  const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
