// Slash commands in, answered by the shared respond (../respond.ts) through the Slack surface: in the ack
// when quick. Buttons, forms and the message shortcut are in interactions.ts; long-text forms in forms.ts;
// route.ts hands each event to its handler.
import type { App, SlashCommand } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import { logger } from '../../core/log.js';
import type { Command } from '../../core/runtime/command.js';
import { UserError } from '../../core/runtime/errors.js';
import { optionSpecs } from '../../core/runtime/options.js';
import { parseText, userErrorAnswer } from '../../core/runtime/run.js';
import { admitted } from '../admit.js';
import { respond } from '../respond.js';
import type { AdminCheck, SlackDeps } from './deps.js';
import { formFor, openForm } from './forms.js';
import { homeOpened, refreshHome } from './home.js';
import { interactionRoutes } from './interactions.js';
import { unescapeSlack } from './render.js';
import { type CommandArgs, type Routes, route } from './route.js';
import { type SlackOrigin, slackSurface } from './surface.js';

export type { SlackDeps } from './deps.js';

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

/**
 * Wires gigdesk into Bolt through one router (route.ts); `events` adds Events API handlers by type
 * (OAuth mode's uninstall events).
 */
export function register(app: App, deps: SlackDeps, events: Routes['events'] = {}): void {
  const isAdmin = adminChecker(deps.adminUserIds ?? []);
  route(app, {
    commands: new Set(slashNames(deps.commands).map((name) => `/${name}`)),
    command: (args) => onCommand(args, deps, isAdmin),
    ...interactionRoutes(deps, isAdmin),
    events: { app_home_opened: homeOpened(deps, isAdmin), ...events },
  });
}

async function onCommand({ command, ack, respond: reply, client }: CommandArgs, deps: SlackDeps, isAdmin: AdminCheck) {
  const name = command.command.slice(1);
  const origin: SlackOrigin = {
    client,
    teamId: command.team_id,
    userId: command.user_id,
    channelId: command.channel_id,
    post: (message) => reply(message),
    ack: (message) => ack(message),
  };
  const surface = await admitted(slackSurface(deps, isAdmin, origin));
  if (!surface) return;
  // Parsed once: the same parse decides the form and answers the command.
  const typed = `${name} ${unescapeSlack(command.text ?? '').trim()}`;
  const parsed = parseText(typed, deps.commands);
  const form = formFor(parsed);
  if (form) {
    await ack();
    await answerWithForm(form, command, deps, isAdmin, { ...origin, ack: undefined });
    return;
  }
  const line = lineFor(name, command.text ?? '', deps.commands);
  await respond(surface, line === typed ? { parsed } : { line, commands: deps.commands });
  // The Home tab may be stale after a command that reads or writes the person's data.
  if (line === typed && 'command' in parsed && parsed.command.usesStore) await refreshHome(deps, isAdmin, origin);
}

/** Opens the form for the missing long text; when Slack will not open it, says so with the usage line. */
async function answerWithForm(
  form: NonNullable<ReturnType<typeof formFor>>,
  command: SlashCommand,
  deps: SlackDeps,
  isAdmin: AdminCheck,
  origin: SlackOrigin,
): Promise<void> {
  const surface = slackSurface(deps, isAdmin, origin);
  const where = { triggerId: command.trigger_id, responseUrl: command.response_url, channelId: command.channel_id };
  const opened = await openForm(origin.client, form, await surface.context(), where).catch((error: unknown) => {
    logger.warn({ err: error, platform: 'slack' }, 'views.open failed');
    return false;
  });
  if (opened) return;
  const usage = userErrorAnswer(
    form.command,
    new UserError('form_unavailable', 'The form could not be opened just now; type the text after the command.'),
  );
  await respond(surface, { answer: usage });
}

const ADMIN_TTL_MS = 10 * 60_000;
const ADMIN_CACHE_MAX = 10_000;

/** Workspace admins and owners from users.info, cached per team and user; config ids count everywhere. */
export function adminChecker(configIds: readonly string[], ttlMs = ADMIN_TTL_MS): AdminCheck {
  const cache = new LRUCache<string, Promise<boolean>>({ max: ADMIN_CACHE_MAX, ttl: ttlMs });
  return (client, teamId, userId) => {
    if (configIds.includes(userId)) return Promise.resolve(true);
    const key = `${teamId}:${userId}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const value = client.users.info({ user: userId }).then(
      (res) => Boolean(res.user?.is_admin || res.user?.is_owner),
      (error: unknown) => {
        // Not cached: the next command asks Slack again.
        cache.delete(key);
        logger.warn({ err: error, platform: 'slack' }, 'users.info failed; treating the user as not an admin');
        return false;
      },
    );
    cache.set(key, value);
    return value;
  };
}
