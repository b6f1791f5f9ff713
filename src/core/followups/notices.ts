// What a reminder says: the step's ready-to-send message, and missed reminders shown at the next command.

import { LRUCache } from 'lru-cache';
import { handOut } from '../messages/rules.js';
import { cleanValues, fillTemplate, wordingFor } from '../messages/templates.js';
import { findTemplate } from '../messages/workspaceTemplates.js';
import type { Context } from '../runtime/command.js';
import { type Action, type Block, type Reply, replayable, reply, text } from '../runtime/reply.js';
import {
  personalScope,
  readUserData,
  type Store,
  type UserScope,
  updateUserData,
  userItemKey,
} from '../store/store.js';
import { dueSentence, type Followup, type FollowupStep, labelOf } from './ladders.js';
import { LADDERS, loadFollowups, NOTICES, type Notice, type Scope } from './reminders.js';

/** The step's message as it is shown, and the button that gives it alone as plain text (when it passed). */
export interface StepMessage {
  blocks: Block[];
  actions: Action[];
}

/**
 * The step's message, filled from the ladder (a workspace's own wording wins, never a draft), as
 * copy-ready blocks with /template's Copy-ready button when it passes the rules check, and as what to
 * change when it does not.
 */
export async function stepMessage(
  scope: Scope,
  followup: Followup,
  step: FollowupStep,
  label: string,
  button = 'Copy-ready',
): Promise<StepMessage> {
  const { platform, workspaceId, store } = scope;
  const none = { blocks: [], actions: [] };
  const template = await findTemplate({ platform, workspaceId, store }, step.template);
  if (!template) return none;
  const values = cleanValues({ client: followup.client, project: followup.project, you: followup.you });
  try {
    const handed = handOut(fillTemplate(wordingFor(template, followup.tone), values), label);
    if (handed.findings.length > 0) return { blocks: handed.blocks, actions: [] };
    // The same words again through /template plain:yes, the one way a message is handed out to copy.
    const args = { name: step.template, ...replayable(values), tone: followup.tone, plain: true };
    return { blocks: handed.blocks, actions: [{ label: button, command: 'template', args }] };
  } catch {
    // A workspace template may need a value the ladder lacks; the reminder still names the step.
    return none;
  }
}

export async function reminderReply(scope: Scope, followup: Followup, step: FollowupStep): Promise<Reply> {
  const message = await stepMessage(scope, followup, step, 'Ready to copy');
  return reply({
    lead: dueSentence(step.template, followup.client),
    blocks: [
      ...message.blocks,
      text(`Due ${step.day}, delivery was ${followup.delivered}. Only you get this; send it yourself if it fits.`),
    ],
    actions: [...message.actions, ...ladderActions(followup)],
  });
}

/**
 * Done and Snooze buttons for one ladder; `prefix` tells ladders apart in a list ("#2 "). From /followup
 * list they carry list:yes and answer in the list's place with the list as it then stands.
 */
export function ladderActions(followup: Pick<Followup, 'id'>, prefix = '', fromList = false): Action[] {
  const which = String(followup.id);
  const action = (label: string, command: string, args: Action['args'], style?: 'primary'): Action => ({
    label: `${prefix}${label}`,
    ...(style ? { style } : {}),
    command,
    ...(fromList ? { args: { ...args, list: true }, inPlace: true } : { args }),
  });
  return [
    action('Done', 'followup done', { which }, 'primary'),
    action('Snooze 1 day', 'followup snooze', { which, days: 1 }),
    action('Snooze 1 week', 'followup snooze', { which, days: 7 }),
  ];
}

/**
 * Reminders that could not be sent (DMs closed), shown once at the user's next command; the runner
 * shows the Reply privately, apart from the command's own answer. Undefined when there are none.
 */
export async function pendingNotice(
  ctx: Pick<Context, 'platform' | 'workspaceId' | 'userId' | 'store'> & { now?: Date },
): Promise<Reply | undefined> {
  // Nearly every command ends here with nothing to show: look before taking the notices, and remember
  // a person found with none for a while.
  const none = noneFound(ctx.store);
  const key = userItemKey(personalScope(ctx), NOTICES);
  if (none.has(key)) return undefined;
  if (!(await readUserData<Notice[]>(ctx, NOTICES))?.length) {
    none.set(key, true);
    return undefined;
  }
  // Taken and removed in one step, so two commands at once cannot both show them.
  const notices = (await updateUserData<Notice[]>(ctx, NOTICES, () => undefined)).before ?? [];
  const list = await loadFollowups(ctx);
  const blocks: Block[] = [];
  const actions: Action[] = [];
  let missed = 0;
  for (const notice of notices) {
    const followup = list.find((f) => f.id === notice.followupId);
    const step = followup?.steps[notice.step];
    if (!followup || !step) continue;
    missed++;
    blocks.push(text(`${followup.client}: ${labelOf(step.template).toLowerCase()}, due ${step.day}.`));
    const message = await stepMessage(
      ctx,
      followup,
      step,
      `/template ${step.template}`,
      `Copy-ready: ${followup.client}`,
    );
    blocks.push(...message.blocks);
    actions.push(...message.actions);
  }
  const at = (ctx.now ?? new Date()).toISOString();
  const shown = (f: Followup, i: number) => notices.some((n) => n.followupId === f.id && n.step === i);
  await updateUserData<Followup[]>(ctx, LADDERS, (current) =>
    current?.map((f) => ({
      ...f,
      steps: f.steps.map((s, i) => (s.status === 'undelivered' && shown(f, i) ? { ...s, status: 'shown', at } : s)),
    })),
  );
  if (missed === 0) return undefined;
  const these = missed === 1 ? 'This follow-up reminder' : `These ${missed} follow-up reminders`;
  return reply({
    lead: `${these} could not reach you as a direct message (are your DMs closed?).`,
    blocks,
    actions: actions.slice(0, MAX_COPY_BUTTONS),
  });
}

/** Copy-ready buttons on one notice of missed reminders (a platform shows at most 25 buttons). */
const MAX_COPY_BUTTONS = 10;

/**
 * How long a person found with no missed reminders is not looked up again. A notice recorded in this
 * process clears the mark at once (noticeRecorded); one recorded by another process on the same store
 * waits in the store and shows at the first command after this, never lost.
 */
export const NONE_FOUND_TTL_MS = 60_000;
const noneFoundByStore = new WeakMap<Store, LRUCache<string, true>>();

function noneFound(store: Store): LRUCache<string, true> {
  let cache = noneFoundByStore.get(store);
  if (!cache) {
    cache = new LRUCache<string, true>({ max: 10_000, ttl: NONE_FOUND_TTL_MS });
    noneFoundByStore.set(store, cache);
  }
  return cache;
}

/** Every writer of NOTICES calls this after writing, so the person's next command looks again. */
export function noticeRecorded(scope: UserScope): void {
  noneFoundByStore.get(scope.store)?.delete(userItemKey(personalScope(scope), NOTICES));
}
