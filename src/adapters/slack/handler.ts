// Slash commands in, shared text parser and runner, Block Kit out: answered in the ack when quick.
// Buttons, forms and the message shortcut are in interactions.ts; long-text forms in forms.ts.
import type { App, RespondFn, SlashCommand, webApi } from '@slack/bolt';
import { logger } from '../../core/log.js';
import { saveActions } from '../../core/runtime/actions.js';
import type { Command, Context } from '../../core/runtime/command.js';
import { UserError } from '../../core/runtime/errors.js';
import { optionSpecs } from '../../core/runtime/options.js';
import type { Reply } from '../../core/runtime/reply.js';
import { runText, userErrorAnswer } from '../../core/runtime/run.js';
import { TIMED_OUT, within } from '../../core/waits.js';
import { uploadChart } from './chart.js';
import type { AdminCheck, SlackDeps } from './deps.js';
import { uploadAttachments, whereFilesGo } from './files.js';
import { formFor, openForm } from './forms.js';
import { registerInteractions } from './interactions.js';
import { renderSlack, type SlackMessage, unescapeSlack } from './render.js';

export type { SlackDeps } from './deps.js';

/** Slack wants the ack within 3 s; 2 s leaves room for the network on the way back. */
export const ACK_BUDGET_MS = 2000;

/** The Slack slash command names: the first word of every command name, once each, in list order. */
export function slashNames(commands: readonly Command[]): string[] {
  return [...new Set(commands.map((c) => c.name.split(' ')[0] ?? c.name))];
}

/** "/jss help", or nothing after a command that needs arguments, shows the usage instead of an error. */
export function lineFor(name: string, typed: string, commands: readonly Command[]): string {
  const rest = unescapeSlack(typed).trim();
  if (/^help$/i.test(rest)) return `help ${name}`;
  if (rest === '') {
    const bare = commands.find((c) => c.name === name);
    if (!bare || optionSpecs(bare).some((o) => o.required)) return `help ${name}`;
  }
  return `${name} ${rest}`;
}

export function register(app: App, deps: SlackDeps): void {
  const isAdmin = adminChecker(deps.adminUserIds ?? []);
  const budget = deps.ackBudgetMs ?? ACK_BUDGET_MS;
  // One listener for every command: Bolt runs each registered listener's matcher on every request.
  const names = slashNames(deps.commands).map((n) => n.replace(/[^a-z0-9_-]/g, ''));
  app.command(new RegExp(`^/(?:${names.join('|')})$`), async ({ command, ack, respond, client }) => {
    const name = command.command.slice(1);
    const form = formFor(`${name} ${unescapeSlack(command.text ?? '')}`, deps.commands);
    if (form) {
      await ack();
      await answerWithForm(client, respond, form, command, await contextFor(command, client, deps, isAdmin));
      return;
    }
    const pending = answer(name, command, client, deps, isAdmin);
    const quick = await within(pending, budget);
    const target = { userId: command.user_id, channelId: command.channel_id };
    let final: Reply;
    if (quick !== TIMED_OUT) {
      const [first, ...rest] = renderSlack(quick);
      await ack(first);
      await sendAll(respond, rest, name);
      final = quick;
    } else {
      await ack();
      final = await pending;
      await sendAll(respond, renderSlack(final), name);
    }
    await uploadAttachments(client, final, target);
    await uploadChart(client, final, target, { workspaceId: command.team_id, store: deps.store });
  });
  registerInteractions(app, deps, isAdmin);
}

async function contextFor(
  command: SlashCommand,
  client: webApi.WebClient,
  deps: SlackDeps,
  isAdmin: AdminCheck,
): Promise<Context> {
  return {
    platform: 'slack',
    workspaceId: command.team_id,
    userId: command.user_id,
    isAdmin: await isAdmin(client, command.team_id, command.user_id),
    now: deps.now?.() ?? new Date(),
    store: deps.store,
    rateLimits: deps.rateLimits,
  };
}

/** The answer with its buttons saved, and a line saying where its files go. */
async function answer(
  name: string,
  command: SlashCommand,
  client: webApi.WebClient,
  deps: SlackDeps,
  isAdmin: AdminCheck,
): Promise<Reply> {
  const ctx = await contextFor(command, client, deps, isAdmin);
  const result = await runText(lineFor(name, command.text ?? '', deps.commands), deps.commands, ctx);
  const sealed = await saveActions(result.reply, ctx, ctx.store, ctx.now);
  return sealed.attachments.length > 0 ? { ...sealed, footer: [...sealed.footer, whereFilesGo(sealed)] } : sealed;
}

async function answerWithForm(
  client: webApi.WebClient,
  respond: RespondFn,
  form: NonNullable<ReturnType<typeof formFor>>,
  command: SlashCommand,
  ctx: Context,
): Promise<void> {
  const origin = { triggerId: command.trigger_id, responseUrl: command.response_url, channelId: command.channel_id };
  const opened = await openForm(client, form, ctx, origin).catch((error: unknown) => {
    logger.warn({ err: error, platform: 'slack' }, 'views.open failed');
    return false;
  });
  if (opened) return;
  const usage = userErrorAnswer(
    form.command,
    new UserError('form_unavailable', 'The form could not be opened just now; type the text after the command.'),
  );
  await sendAll(respond, renderSlack(usage.reply), command.command);
}

async function sendAll(respond: RespondFn, messages: SlackMessage[], name: string): Promise<void> {
  for (const message of messages) {
    try {
      await respond(message);
    } catch (error) {
      logger.warn({ err: error, command: name, platform: 'slack' }, 'respond() failed');
      return;
    }
  }
}

const ADMIN_TTL_MS = 10 * 60_000;
const ADMIN_CACHE_MAX = 10_000;

/** Workspace admins and owners from users.info, cached per user; config ids count everywhere. */
export function adminChecker(configIds: readonly string[], ttlMs = ADMIN_TTL_MS): AdminCheck {
  const cache = new Map<string, { value: Promise<boolean>; expires: number }>();
  return (client, teamId, userId) => {
    if (configIds.includes(userId)) return Promise.resolve(true);
    const key = `${teamId}:${userId}`;
    const hit = cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = client.users.info({ user: userId }).then(
      (res) => Boolean(res.user?.is_admin || res.user?.is_owner),
      (error: unknown) => {
        // Not cached: the next command asks Slack again.
        cache.delete(key);
        logger.warn({ err: error, platform: 'slack' }, 'users.info failed; treating the user as not an admin');
        return false;
      },
    );
    cache.delete(key);
    cache.set(key, { value, expires: Date.now() + ttlMs });
    if (cache.size > ADMIN_CACHE_MAX) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return value;
  };
}
