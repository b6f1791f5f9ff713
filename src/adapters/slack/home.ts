// The App Home tab as a surface (../surface.ts): /desk's answer, published with views.publish for one
// person when they open the tab and again after anything they do with gigdesk may have changed their data
// (only for people who have opened it: opening always publishes afresh).
// A press on the tab has no response_url: its answer (a chart too) goes to their DM with the bot.
import type { types, webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Reply } from '../../core/runtime/reply.js';
import { respond } from '../respond.js';
import type { Surface } from '../surface.js';
import { ACTION_LIMITS } from './actions.js';
import type { AdminCheck, SlackDeps } from './deps.js';
import { renderSlack, type SlackMessage } from './render.js';
import type { EventArgs } from './route.js';
import { type SlackOrigin, slackContext } from './surface.js';

/** Slack's cap on the blocks of one view. */
export const HOME_BLOCKS = 100;
export const DESK_COMMAND = 'desk';

export interface HomeView {
  type: 'home';
  blocks: types.KnownBlock[];
}

/** The reply's messages, laid end to end on one tab (their lead, blocks and buttons, as in a message). */
export function homeView(reply: Reply): HomeView {
  return {
    type: 'home',
    blocks: renderSlack(reply)
      .flatMap((m) => m.blocks)
      .slice(0, HOME_BLOCKS),
  };
}

/** Posts messages to the person's DM with the bot, where answers to presses on the tab go. */
export function directMessage(client: webApi.WebClient, userId: string): (message: SlackMessage) => Promise<void> {
  let channel: string | undefined;
  return async (message) => {
    channel ??= (await client.conversations.open({ users: userId })).channel?.id;
    if (!channel) throw new Error('Slack opened no DM channel');
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  };
}

function homeSurface(deps: SlackDeps, isAdmin: AdminCheck, origin: SlackOrigin): Surface {
  return {
    platform: 'slack',
    context: () => slackContext(deps, isAdmin, origin),
    buttonIds: { room: ACTION_LIMITS.value },
    send: async (reply) => {
      await origin.client.views.publish({ user_id: origin.userId, view: homeView(reply) });
    },
  };
}

type Person = Pick<SlackOrigin, 'client' | 'teamId' | 'userId'>;

/** Most people remembered as tab viewers per app; past it the longest-unseen is forgotten. */
const MAX_VIEWERS = 50_000;
const viewersOf = new WeakMap<SlackDeps, LRUCache<string, true>>();

/** Remembers that the person has their tab (opened it, pressed on it); true when they had been seen already. */
function seen(deps: SlackDeps, person: Person, remember: boolean): boolean {
  const viewers = viewersOf.get(deps) ?? new LRUCache<string, true>({ max: MAX_VIEWERS });
  viewersOf.set(deps, viewers);
  const key = `${person.teamId}:${person.userId}`;
  // get() also marks them recently seen.
  const known = viewers.get(key) === true;
  if (remember) viewers.set(key, true);
  return known;
}

/** Publishes the person's desk on their Home tab; never throws (respond logs a failure once). */
export async function publishHome(deps: SlackDeps, isAdmin: AdminCheck, person: Person): Promise<void> {
  const desk = deps.commands.find((c) => c.name === DESK_COMMAND);
  if (!desk) return;
  seen(deps, person, true);
  const origin: SlackOrigin = { ...person, post: directMessage(person.client, person.userId) };
  await respond(homeSurface(deps, isAdmin, origin), { command: desk, args: {} });
}

/**
 * After a change, republishes the tab of someone who has opened it since the app started: only theirs
 * can be on screen, and opening the tab publishes it afresh anyway, so nobody else's needs the work.
 */
export async function refreshHome(deps: SlackDeps, isAdmin: AdminCheck, person: Person): Promise<void> {
  if (seen(deps, person, false)) await publishHome(deps, isAdmin, person);
}

/** Opening the tab publishes it afresh. */
export function homeOpened(deps: SlackDeps, isAdmin: AdminCheck) {
  return async ({ event, body, client }: EventArgs): Promise<void> => {
    if (event.type !== 'app_home_opened' || event.tab !== 'home') return;
    await publishHome(deps, isAdmin, { client, teamId: body.team_id, userId: event.user });
  };
}
