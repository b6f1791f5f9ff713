// Button presses (block_actions), form submissions (view_submission) and the "Check this wording" message
// shortcut (message_action): each acks at once, runs through the core, and answers through the response_url.
import type { App, webApi } from '@slack/bolt';
import { logger } from '../../core/log.js';
import { pressAction, saveActions } from '../../core/runtime/actions.js';
import type { Context } from '../../core/runtime/command.js';
import { UserError } from '../../core/runtime/errors.js';
import type { Reply } from '../../core/runtime/reply.js';
import { runCommand, userErrorAnswer } from '../../core/runtime/run.js';
import type { AdminCheck, SlackDeps } from './deps.js';
import { type FileTarget, uploadAttachments, whereFilesGo } from './files.js';
import { originOf } from './forms.js';
import { renderSlack, type SlackMessage, unescapeSlack } from './render.js';

/** The message shortcut's callback id, declared in the manifest. */
export const CHECK_WORDING_CALLBACK = 'check_wording';
/** Saved action refs: a 22-character random id and an index. */
const ACTION_REF = /^[A-Za-z0-9_-]{22}\.\d{1,2}$/;

type Post = (message: SlackMessage) => Promise<unknown>;

/** Saves the reply's buttons, posts its messages, then uploads its files. */
export async function sendReply(
  post: Post,
  client: webApi.WebClient,
  ctx: Context,
  reply: Reply,
  target: FileTarget,
): Promise<void> {
  const sealed = await saveActions(reply, ctx, ctx.store, ctx.now);
  const shown =
    sealed.attachments.length > 0 ? { ...sealed, footer: [...sealed.footer, whereFilesGo(sealed)] } : sealed;
  for (const message of renderSlack(shown)) {
    try {
      await post(message);
    } catch (error) {
      logger.warn({ err: error, platform: 'slack' }, 'could not post the answer');
      return;
    }
  }
  await uploadAttachments(client, sealed, target);
}

export function registerInteractions(app: App, deps: SlackDeps, isAdmin: AdminCheck): void {
  const contextOf = async (client: webApi.WebClient, teamId: string, userId: string): Promise<Context> => ({
    platform: 'slack',
    workspaceId: teamId,
    userId,
    isAdmin: await isAdmin(client, teamId, userId),
    now: deps.now?.() ?? new Date(),
    store: deps.store,
    rateLimits: deps.rateLimits,
  });

  // The presser is body.user, from Slack's signed request; the button's value only names the saved action.
  app.action(ACTION_REF, async ({ ack, body, action, respond, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const ctx = await contextOf(client, teamId, body.user.id);
    const ref = 'action_id' in action ? action.action_id : '';
    const answer = await pressAction(ref, ctx, deps.commands);
    // A new message, never replacing the answer that holds the buttons.
    const post: Post = (m) => respond({ ...m, replace_original: false });
    await sendReply(post, client, ctx, answer.reply, { userId: body.user.id, channelId: body.channel?.id });
  });

  app.view(ACTION_REF, async ({ ack, body, view, client }) => {
    await ack();
    const ctx = await contextOf(client, body.team?.id ?? body.user.team_id ?? '', body.user.id);
    const typed: Record<string, string> = {};
    for (const block of Object.values(view.state.values)) {
      for (const [name, input] of Object.entries(block)) if (typeof input.value === 'string') typed[name] = input.value;
    }
    const answer = await pressAction(view.callback_id, ctx, deps.commands, typed);
    const origin = originOf(view.private_metadata);
    const post: Post = async (m) => {
      if (!origin.responseUrl) throw new Error('the form carries no response_url');
      const res = await (deps.fetch ?? fetch)(origin.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(m),
      });
      if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
    };
    await sendReply(post, client, ctx, answer.reply, { userId: body.user.id, channelId: origin.channelId });
  });

  // Private to the person who used it: /check runs without share, so its answer is ephemeral.
  app.shortcut(CHECK_WORDING_CALLBACK, async ({ ack, shortcut, respond, client }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    const ctx = await contextOf(client, shortcut.team?.id ?? shortcut.user.team_id ?? '', shortcut.user.id);
    const check = deps.commands.find((c) => c.name === 'check');
    const content = unescapeSlack(shortcut.message.text ?? '');
    const answer =
      check && content.trim()
        ? await runCommand(check, { text: content.slice(0, 4000) }, ctx)
        : userErrorAnswer(
            undefined,
            new UserError('nothing_to_check', 'That message has no text to check (only files or blocks).'),
          );
    await sendReply((m) => respond(m), client, ctx, answer.reply, { userId: shortcut.user.id });
  });
}
