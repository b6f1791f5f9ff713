// Slack as a surface (../surface.ts): a slash command answers in its ack when quick (the ack is the
// deadline), everything else through respond()/response_url; files and the chart as uploads.
import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Context } from '../../core/runtime/command.js';
import type { Reply } from '../../core/runtime/reply.js';
import { loadSettings } from '../../core/runtime/settings.js';
import { DM_WITH_GIGDESK, type Surface } from '../surface.js';
import { ACTION_LIMITS } from './actions.js';
import type { AdminCheck, SlackDeps } from './deps.js';
import { type FileTarget, uploadFiles, whereChartGoes, whereFilesGo } from './files.js';
import { renderSlack, type SlackMessage } from './render.js';

/** Slack wants the ack within 3 s; 2 s leaves room for the network on the way back. */
export const ACK_BUDGET_MS = 2000;

/** A private answer cannot carry a picture, so its chart waits for the Chart button and goes to the DM. */
export const CHART_ON_PRESS = 'Press Chart to get the picture in a direct message from gigdesk.';

/** Where one Slack event came from and how to answer it. */
export interface SlackOrigin {
  client: webApi.WebClient;
  teamId: string;
  userId: string;
  channelId?: string;
  /** The answer goes to the person's DM with gigdesk (a press on the Home tab), whatever channelId says. */
  toDirectMessage?: true;
  /** Posts one message where the answer goes (respond(), a response_url, a DM). */
  post: (message: SlackMessage) => Promise<unknown>;
  /** Puts a message in place of the one pressed; only on a press on the presser's own ephemeral answer. */
  replace?: (message: SlackMessage) => Promise<unknown>;
  /** A slash command's ack, not yet called: the answer rides in it when ready within the budget. */
  ack?: (message?: SlackMessage) => Promise<void>;
}

export async function slackContext(deps: SlackDeps, isAdmin: AdminCheck, origin: SlackOrigin): Promise<Context> {
  // Both may ask Slack (each cached after): asked together, before the ack, they wait once.
  const [admin, dm] = await Promise.all([
    isAdmin(origin.client, origin.teamId, origin.userId),
    inDmWithGigdesk(origin),
  ]);
  return {
    platform: 'slack',
    workspaceId: origin.teamId,
    userId: origin.userId,
    isAdmin: admin,
    now: deps.now?.() ?? new Date(),
    store: deps.store,
    rateLimits: deps.rateLimits,
    chartOnPress: CHART_ON_PRESS,
    ...(dm ? { privateOnly: DM_WITH_GIGDESK } : {}),
  };
}

/**
 * Whether the answer goes to the person's DM with gigdesk, where a share would reach only them. A DM id
 * starts with D, but so does a DM with another person (somewhere to share): Slack names the bot's own.
 */
function inDmWithGigdesk(origin: SlackOrigin): Promise<boolean> {
  if (origin.toDirectMessage) return Promise.resolve(true);
  const { channelId } = origin;
  if (!channelId?.startsWith('D')) return Promise.resolve(false);
  // A person's DM with gigdesk keeps its id: asked once, not on every command typed in a DM.
  const key = `${origin.teamId}:${origin.userId}:${channelId}`;
  const known = dmAnswers.get(key);
  if (known) return known;
  const asked = origin.client.conversations.open({ users: origin.userId }).then(
    (opened) => opened.channel?.id === channelId,
    () => {
      // Not knowing (not cached), the Share button stays: it posts where the person typed.
      dmAnswers.delete(key);
      return false;
    },
  );
  dmAnswers.set(key, asked);
  return asked;
}

const dmAnswers = new LRUCache<string, Promise<boolean>>({ max: 10_000, ttl: 60 * 60_000 });

export function slackSurface(deps: SlackDeps, isAdmin: AdminCheck, origin: SlackOrigin): Surface {
  // Made as the request arrives: the ack budget counts from here, admin lookup and rate limit included.
  const arrived = performance.now();
  let ack = origin.ack;
  const target: FileTarget = { userId: origin.userId, channelId: origin.channelId };
  const postAll = async (messages: SlackMessage[]) => {
    for (const message of messages) await origin.post(message);
  };
  const acked = async (first?: SlackMessage) => {
    const pending = ack;
    ack = undefined;
    await pending?.(first);
  };
  // Read only for answers with a chart: an admin may have turned charts off for the workspace.
  const chartsOn = async () =>
    (await loadSettings({ platform: 'slack', workspaceId: origin.teamId, store: deps.store })).charts;
  const upload = (files: Parameters<typeof uploadFiles>[1], reply: Reply) =>
    uploadFiles(origin.client, files, reply, target);
  return {
    platform: 'slack',
    context: () => slackContext(deps, isAdmin, origin),
    buttonIds: { room: ACTION_LIMITS.value },
    defer: ack ? { at: arrived + (deps.ackBudgetMs ?? ACK_BUDGET_MS), start: () => acked() } : undefined,
    send: async (reply, _outcome, inPlace) => {
      const notes = [
        ...(reply.attachments.length > 0 ? [whereFilesGo(reply)] : []),
        ...(reply.chart && (await chartsOn()) ? [whereChartGoes(reply)] : []),
      ];
      const shown = notes.length > 0 ? { ...reply, footer: [...reply.footer, ...notes] } : reply;
      const [first, ...rest] = renderSlack(shown);
      if (ack) {
        await acked(first);
        await postAll(rest);
      } else if (first && inPlace && origin.replace) {
        await origin.replace(first);
        await postAll(rest);
      } else await postAll(first ? [first, ...rest] : []);
    },
    sendFiles: upload,
    sendChart: (chart, reply) => upload([chart], reply),
    sendLater: async (reply) => postAll(renderSlack({ ...reply, visibility: 'private' })),
  };
}
