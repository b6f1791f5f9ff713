// A button that carries its own action: the command line, whose answer it was, where, until when and who
// may press it, signed with HMAC-SHA256 under the server's button secret. Answering writes nothing and a
// press reads nothing; the platform keeps the token in the message, gigdesk keeps no copy.
//
//   <p|r|s><expiry>.<mac>.<owner>.<workspace>.<command line>
//
// p private, r private and answered in place of the message pressed (Action.inPlace), s shared; expiry
// in minutes since 1970, base 36; mac the first 96 bits of the HMAC, in base64url, over the platform, the
// workspace and every field as written; a Discord id as '~' + its 64 bits in base64url; the workspace left
// empty where every press comes from the answer's own workspace (a Discord server), '*' for the owner's
// own Discord DM; text percent-encoded to letters, digits, - and _.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Platform } from './command.js';
import type { Action, Visibility } from './reply.js';

/** Who an answer belongs to and where it was given. */
export interface Owner {
  platform: Platform;
  workspaceId: string;
  userId: string;
}

/** What a verified token says; style is never carried (a button that deletes data is always saved). */
export interface TokenContent {
  owner: Owner;
  visibility: Visibility;
  expiresAt: number;
  action: Pick<Action, 'command' | 'args' | 'inPlace'>;
}

/** How a platform's buttons carry their action; absent: every button is saved. */
export interface ButtonIds {
  /** Characters a button's id holds (Discord custom_id 100, Slack value 2000). */
  room: number;
  /** Every press comes from the workspace the answer was given in, so the token need not name it. */
  pressedWhereAnswered?: boolean;
}

/** 96 bits of HMAC-SHA256: far past online guessing, with room left in Discord's 100 characters. */
const MAC_BYTES = 12;
const MINUTE_MS = 60_000;
const HEAD = /^([prs])([0-9a-z]{1,9})$/;
const ARG = /^([A-Za-z0-9_%-]+)([=:+!])(.*)$/;

let key: Buffer | undefined;

/**
 * Sets the secret buttons are signed with (GIGDESK_BUTTON_SECRET, or GIGDESK_ENCRYPTION_KEY's bytes); the
 * HMAC key is derived from it with HKDF, so it never equals a key used for anything else. Undefined: every
 * button is saved in the store, as without tokens.
 */
export function useButtonSecret(secret: Uint8Array | string | undefined): void {
  key = secret ? Buffer.from(hkdfSync('sha256', secret, '', 'gigdesk button tokens v1', 32)) : undefined;
}

/** The token for one action, or undefined when no secret is set or it would not fit the platform's id. */
export function mintToken(content: TokenContent, ids: ButtonIds): string | undefined {
  if (!key) return undefined;
  const line = commandLine(content.action);
  if (line === undefined) return undefined;
  const { owner } = content;
  const kind = content.visibility === 'public' ? 's' : content.action.inPlace ? 'r' : 'p';
  const head = `${kind}${Math.ceil(content.expiresAt / MINUTE_MS).toString(36)}`;
  const ownDm = owner.platform === 'discord' && owner.workspaceId === `dm-${owner.userId}`;
  const where = ownDm ? '*' : ids.pressedWhereAnswered ? '' : idPart(owner.workspaceId);
  const fields = [head, idPart(owner.userId), where, line];
  const token = [head, macOf(owner.platform, owner.workspaceId, fields, key), ...fields.slice(1)].join('.');
  return token.length <= ids.room ? token : undefined;
}

/**
 * What a genuine token says, or undefined when it is forged, changed, malformed, or signed for another
 * platform or workspace. `pressedIn` is where the press came from (the platform event's, never the token's).
 */
export function readToken(token: string, pressedIn: Pick<Owner, 'platform' | 'workspaceId'>): TokenContent | undefined {
  if (!key) return undefined;
  const [head = '', mac = '', owner = '', where = '', ...rest] = token.split('.');
  const fields = [head, owner, where, rest.join('.')];
  const userId = fromIdPart(owner);
  const workspaceId = where === '*' ? `dm-${userId}` : where === '' ? pressedIn.workspaceId : fromIdPart(where);
  if (userId === undefined || workspaceId === undefined) return undefined;
  const { platform } = pressedIn;
  const expected = Buffer.from(macOf(platform, workspaceId, fields, key));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const [, kind, minutes = ''] = HEAD.exec(head) ?? [];
  const action = fromCommandLine(fields[3] ?? '');
  if (!kind || !action) return undefined;
  return {
    owner: { platform, workspaceId, userId },
    visibility: kind === 's' ? 'public' : 'private',
    expiresAt: Number.parseInt(minutes, 36) * MINUTE_MS,
    action: kind === 'r' ? { ...action, inPlace: true } : action,
  };
}

/** The workspace is signed by name even where the token leaves it out; newlines cannot occur in either. */
function macOf(platform: Platform, workspaceId: string, fields: string[], secret: Buffer): string {
  return createHmac('sha256', secret)
    .update(`${platform}\n${encode(workspaceId)}\n${fields.join('.')}`)
    .digest()
    .subarray(0, MAC_BYTES)
    .toString('base64url');
}

/** Text with only letters, digits, '-', '_' and percent escapes: never a separator or a marker. */
const encode = (text: string) =>
  encodeURIComponent(text).replace(/[.~*!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const SNOWFLAKE = /^[1-9]\d{0,19}$/;

/** A Discord id (a number below 2^64) in 12 characters instead of up to 20; anything else encoded. */
function idPart(id: string): string {
  if (!SNOWFLAKE.test(id) || BigInt(id) >= 2n ** 64n) return encode(id);
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(id));
  return `~${bytes.subarray(bytes.findIndex((b) => b !== 0)).toString('base64url')}`;
}

function fromIdPart(part: string): string | undefined {
  if (!part.startsWith('~')) return decode(part);
  const bytes = Buffer.from(part.slice(1), 'base64url');
  return bytes.length > 0 && bytes.length <= 8 ? BigInt(`0x${bytes.toString('hex')}`).toString() : undefined;
}

/** `fees amount=15000 details+`: the command, then each argument with its type (= number, : text, + yes, ! no). */
function commandLine(action: TokenContent['action']): string | undefined {
  const args: string[] = [];
  for (const [name, value] of Object.entries(action.args)) {
    if (typeof value === 'boolean') args.push(`${encode(name)}${value ? '+' : '!'}`);
    else if (typeof value === 'string') args.push(`${encode(name)}:${encode(value)}`);
    else if (Number.isFinite(value)) args.push(`${encode(name)}=${String(value)}`);
    else return undefined;
  }
  return [encode(action.command), ...args].join(' ');
}

function fromCommandLine(line: string): TokenContent['action'] | undefined {
  const [name = '', ...parts] = line.split(' ');
  const command = decode(name);
  const args: [string, string | number | boolean][] = [];
  for (const part of parts) {
    const [, rawName = '', type = '', raw = ''] = ARG.exec(part) ?? [];
    const argName = decode(rawName);
    const value = argValue(type, raw);
    if (argName === undefined || value === undefined) return undefined;
    args.push([argName, value]);
  }
  return command ? { command, args: Object.fromEntries(args) } : undefined;
}

function argValue(type: string, raw: string): string | number | boolean | undefined {
  if (type === ':') return decode(raw);
  if (type === '=') return raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  if (raw !== '') return undefined;
  return type === '+' ? true : type === '!' ? false : undefined;
}
