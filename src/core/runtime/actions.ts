// Buttons, once for every platform. A button whose action fits the platform's id field carries it in a
// signed token (buttonTokens.ts: nothing is written); any other, and every set with a button that deletes
// data (single use needs state), is saved under a random id with its owner and carries "<id>.<index>".
// A press checks who pressed and runs the command through runCommand as the presser (whose id comes from
// the platform event, never the button).
import { randomBytes } from 'node:crypto';
import { logger } from '../log.js';
import { readUserData, type Store, type UserScope, updateUserData } from '../store/store.js';
import { type ButtonIds, mintToken, type Owner, readToken } from './buttonTokens.js';
import { CHART_SENT } from './chart.js';
import type { Command, Context } from './command.js';
import { UserError } from './errors.js';
import { type Action, type Reply, replayable, type Visibility } from './reply.js';
import { type Answer, failedAnswer, runCommand } from './run.js';

export type { Owner } from './buttonTokens.js';

/** How long a button keeps working. */
export const ACTION_TTL_MS = 7 * 24 * 60 * 60_000;
/** A set with a button that deletes data (style danger) works for minutes, and once. */
export const DESTRUCTIVE_TTL_MS = 10 * 60_000;
/** Saved button sets listed per user (for export and delete); older ones are dropped with their records. */
const MAX_SETS_PER_USER = 500;
/** The user data item listing a user's saved button sets. */
export const BUTTONS = 'buttons';

export const NOT_YOURS = "This button belongs to someone else's answer. Run the command yourself to get your own.";
export const EXPIRED =
  'This button has expired (buttons work for 7 days) or is not one of gigdesk’s. Run the command again.';

interface SavedActions {
  owner: Owner;
  visibility: Visibility;
  actions: Action[];
}

interface SetEntry {
  id: string;
  expiresAt: number;
}

/** 128 random bits in base64url: 22 characters, unguessable, no personal data. */
const REF = /^([A-Za-z0-9_-]{22})\.(\d{1,2})$/;
const keyOf = (id: string) => `actions:${id}`;

/**
 * Gives each of the reply's actions its `ref` for `owner`: a signed token when one fits the platform's
 * button id (`ids`; absent: always saved), otherwise saved. If the store fails, the saved ones are left
 * out: an answer matters more than its buttons.
 */
export async function saveActions(
  reply: Reply,
  owner: Owner,
  store: Store,
  now: Date,
  ids?: ButtonIds,
): Promise<Reply> {
  if (reply.actions.length === 0) return reply;
  const actions = reply.actions.map(({ ref: _old, ...action }) => action);
  const destructive = actions.some((a) => a.style === 'danger');
  const ttl = destructive ? DESTRUCTIVE_TTL_MS : ACTION_TTL_MS;
  const expiresAt = now.getTime() + ttl;
  const content = { owner: ownerOf(owner), visibility: reply.visibility, expiresAt };
  const minted = actions.map((action) => (destructive ? undefined : ids && mintToken({ ...content, action }, ids)));
  // Two identical buttons would share an id, which Discord refuses: the second is saved.
  const tokens = minted.map((token, i) => (token && minted.indexOf(token) === i ? token : undefined));
  const rest = actions.filter((_, i) => !tokens[i]);
  const refs = rest.length > 0 ? await saveSet(rest, { ...content, ttl }, store, now) : [];
  let next = 0;
  const withRefs = actions.map((action, i) => ({ ...action, ref: tokens[i] ?? refs[next++] }));
  return { ...reply, actions: withRefs.filter((action) => action.ref !== undefined) };
}

/** Saves actions as one set; their refs, or none when the store failed. */
async function saveSet(
  actions: Action[],
  { owner, visibility, expiresAt, ttl }: Omit<SavedActions, 'actions'> & { expiresAt: number; ttl: number },
  store: Store,
  now: Date,
): Promise<string[]> {
  const id = randomBytes(16).toString('base64url');
  try {
    await store.expiring.save(keyOf(id), { owner, visibility, actions } satisfies SavedActions, ttl);
    await listSet({ ...owner, store }, { id, expiresAt }, now);
  } catch (error) {
    logger.warn({ err: error, platform: owner.platform }, 'could not save buttons; answering without them');
    return [];
  }
  return actions.map((_, i) => `${id}.${i}`);
}

/** Lists the set for the user; sets dropped from the list (expired, or past the limit) are deleted too. */
async function listSet(scope: UserScope, entry: SetEntry, now: Date): Promise<void> {
  let dropped: SetEntry[] = [];
  await updateUserData<SetEntry[]>(scope, BUTTONS, (current = []) => {
    const live = [...current.filter((e) => e.expiresAt > now.getTime()), entry];
    const kept = live.slice(Math.max(0, live.length - MAX_SETS_PER_USER));
    dropped = current.filter((e) => !kept.includes(e));
    return kept;
  });
  for (const old of dropped) await scope.store.expiring.delete(keyOf(old.id));
}

/**
 * Runs the action a button names, as the presser. A private answer's buttons work for its owner alone;
 * `extra` adds arguments the platform collected (the text typed into a form). The answer is marked
 * inPlace only when the owner pressed an in-place button of a private answer and it is a private success,
 * so no one's answer is ever replaced by an error or a refusal.
 */
export async function pressAction(
  ref: string,
  presser: Context,
  commands: readonly Command[],
  extra: Record<string, string> = {},
): Promise<Answer> {
  let found: { command: Command; args: Action['args']; ctx: Context; inPlace: boolean };
  try {
    found = await findAction(ref, presser, commands, extra);
  } catch (error) {
    return failedAnswer(presser, undefined, error);
  }
  // chart:sent runs as chart:on (the text says where the picture went); the picture is not sent again.
  const sent = found.args.chart === CHART_SENT;
  const args = sent ? { ...found.args, chart: 'on' } : found.args;
  const ran = await runCommand(found.command, { ...args, ...extra }, found.ctx);
  // A button filled the arguments, so the command's usage line would answer a question nobody typed.
  const answer = ran.outcome === 'user_error' ? { ...ran, reply: { ...ran.reply, footer: [] } } : ran;
  const inPlace = found.inPlace && answer.outcome === 'ok' && answer.reply.visibility === 'private';
  return { ...answer, ...(inPlace ? { inPlace } : {}), ...(sent ? { chartSent: true } : {}) };
}

async function findAction(ref: string, presser: Context, commands: readonly Command[], extra: Record<string, string>) {
  const found = REF.test(ref) ? await savedAction(ref, presser.store) : tokenAction(ref, presser);
  const own = found.owner.platform === presser.platform && found.owner.userId === presser.userId;
  if (found.visibility === 'private' && !own) throw new UserError('button_not_yours', NOT_YOURS);
  const { action } = found;
  const command = action && commands.find((c) => c.name === action.command);
  if (!action || !command) throw new UserError('button_expired', EXPIRED);
  // A form may add its one long-text field, nothing else.
  if (Object.keys(extra).some((name) => name !== command.longText)) throw new UserError('button_expired', EXPIRED);
  // A button that deletes data is taken with its set: of two presses, even in two processes, one runs.
  if (action.style === 'danger' && !(await presser.store.expiring.take(keyOf(found.id ?? ''))))
    throw new UserError('button_expired', EXPIRED);
  // The owner acts in the workspace the answer came from (a reminder DM has none of its own).
  const ctx = own ? { ...presser, workspaceId: found.owner.workspaceId } : presser;
  const inPlace = own && found.visibility === 'private' && action.inPlace === true;
  return { command, args: action.args, ctx, inPlace };
}

interface Found {
  owner: Owner;
  visibility: Visibility;
  action: Pick<Action, 'command' | 'args' | 'style' | 'inPlace'> | undefined;
  /** The saved set's id; a token has none. */
  id?: string;
}

async function savedAction(ref: string, store: Store): Promise<Found> {
  const [, id = '', index = ''] = REF.exec(ref) ?? [];
  const saved = await store.expiring.get<SavedActions>(keyOf(id));
  if (!saved) throw new UserError('button_expired', EXPIRED);
  return { owner: saved.owner, visibility: saved.visibility, action: saved.actions[Number(index)], id };
}

/** A forged, changed or expired token gets the answer an unknown saved id gets. */
function tokenAction(token: string, presser: Context): Found {
  const content = readToken(token, presser);
  if (!content || content.expiresAt <= presser.now.getTime()) throw new UserError('button_expired', EXPIRED);
  return content;
}

/**
 * A form's pending command (the arguments given so far), kept like a one-button answer: signed into the
 * form's id when it fits the platform's field (`ids`), otherwise saved. Its ref, or undefined.
 */
export async function saveForm(
  command: Command,
  args: Record<string, unknown>,
  owner: Owner,
  store: Store,
  now: Date,
  ids?: ButtonIds,
): Promise<string | undefined> {
  const pending: Reply = {
    lead: '',
    blocks: [],
    details: [],
    footer: [],
    visibility: 'private',
    attachments: [],
    actions: [{ label: command.name, command: command.name, args: replayable(args) }],
  };
  const saved = await saveActions(pending, owner, store, now, ids);
  return saved.actions[0]?.ref;
}

/** Every saved button set of the user, for /mydata export. */
export async function savedActionsOf(scope: UserScope): Promise<SavedActions[]> {
  const sets = (await readUserData<SetEntry[]>(scope, BUTTONS)) ?? [];
  const found = await Promise.all(sets.map((s) => scope.store.expiring.get<SavedActions>(keyOf(s.id))));
  return found.filter((s): s is SavedActions => s !== undefined);
}

/** Removes every saved button set of the user (their arguments can name clients); for /mydata delete. */
export async function forgetActions(scope: UserScope): Promise<number> {
  const sets = (await readUserData<SetEntry[]>(scope, BUTTONS)) ?? [];
  for (const set of sets) await scope.store.expiring.delete(keyOf(set.id));
  await updateUserData(scope, BUTTONS, () => undefined);
  return sets.length;
}

const ownerOf = (o: Owner): Owner => ({ platform: o.platform, workspaceId: o.workspaceId, userId: o.userId });
