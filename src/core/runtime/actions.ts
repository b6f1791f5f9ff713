// Buttons, once for every platform: a sent reply's actions are saved under a random id with their owner;
// a button carries only "<id>.<index>". A press loads the saved action, checks who pressed, and runs the
// command through runCommand as the presser (whose id comes from the platform event, never the button).
import { randomBytes } from 'node:crypto';
import { logger } from '../log.js';
import { readUserData, type Store, type UserScope, updateUserData } from '../store/store.js';
import type { Command, Context, Platform } from './command.js';
import { UserError } from './errors.js';
import { type Action, type Reply, replayable, type Visibility } from './reply.js';
import { type Answer, failedAnswer, runCommand } from './run.js';

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

export interface Owner {
  platform: Platform;
  workspaceId: string;
  userId: string;
}

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
 * Saves the reply's actions for `owner` and returns the reply with each action's `ref` set. If the store
 * fails, the reply goes out without buttons: an answer matters more than its buttons.
 */
export async function saveActions(reply: Reply, owner: Owner, store: Store, now: Date): Promise<Reply> {
  if (reply.actions.length === 0) return reply;
  const id = randomBytes(16).toString('base64url');
  const actions = reply.actions.map(({ ref: _old, ...action }) => action);
  const ttl = actions.some((a) => a.style === 'danger') ? DESTRUCTIVE_TTL_MS : ACTION_TTL_MS;
  const expiresAt = now.getTime() + ttl;
  try {
    const saved: SavedActions = { owner: ownerOf(owner), visibility: reply.visibility, actions };
    await store.expiring.save(keyOf(id), saved, ttl);
    await listSet({ ...owner, store }, { id, expiresAt }, now);
  } catch (error) {
    logger.warn({ err: error, platform: owner.platform }, 'could not save buttons; answering without them');
    return { ...reply, actions: [] };
  }
  return { ...reply, actions: actions.map((action, i) => ({ ...action, ref: `${id}.${i}` })) };
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
 * `extra` adds arguments the platform collected (the text typed into a form).
 */
export async function pressAction(
  ref: string,
  presser: Context,
  commands: readonly Command[],
  extra: Record<string, string> = {},
): Promise<Answer> {
  let found: { command: Command; args: Action['args']; ctx: Context };
  try {
    found = await findAction(ref, presser, commands, extra);
  } catch (error) {
    return failedAnswer(presser, undefined, error);
  }
  return runCommand(found.command, { ...found.args, ...extra }, found.ctx);
}

async function findAction(ref: string, presser: Context, commands: readonly Command[], extra: Record<string, string>) {
  const [, id = '', index = ''] = REF.exec(ref) ?? [];
  const saved = id ? await presser.store.expiring.get<SavedActions>(keyOf(id)) : undefined;
  if (!saved) throw new UserError('button_expired', EXPIRED);
  const own = saved.owner.platform === presser.platform && saved.owner.userId === presser.userId;
  if (saved.visibility === 'private' && !own) throw new UserError('button_not_yours', NOT_YOURS);
  const action = saved.actions[Number(index)];
  const command = action && commands.find((c) => c.name === action.command);
  if (!action || !command) throw new UserError('button_expired', EXPIRED);
  // A form may add its one long-text field, nothing else.
  if (Object.keys(extra).some((name) => name !== command.longText)) throw new UserError('button_expired', EXPIRED);
  // A button that deletes data is taken with its set: of two presses, even in two processes, one runs.
  if (action.style === 'danger' && !(await presser.store.expiring.take(keyOf(id))))
    throw new UserError('button_expired', EXPIRED);
  // The owner acts in the workspace the answer came from (a reminder DM has none of its own).
  const ctx = own ? { ...presser, workspaceId: saved.owner.workspaceId } : presser;
  return { command, args: action.args, ctx };
}

/** Saves a form's pending command (the arguments given so far) like a one-button answer; returns its ref. */
export async function saveForm(
  command: Command,
  args: Record<string, unknown>,
  owner: Owner,
  store: Store,
  now: Date,
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
  const saved = await saveActions(pending, owner, store, now);
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
