// The chart follows the text as a Slack file (files.uploadV2), where the answer went: the channel when
// shared, the user's DM with the bot when private (an ephemeral message cannot carry a file).
import type { SlashCommand, webApi } from '@slack/bolt';
import { chartFor } from '../../charts/draw.js';
import { logger, referenceId } from '../../core/log.js';
import type { Reply } from '../../core/runtime/reply.js';
import type { Store } from '../../core/store/store.js';
import { escapeSlack } from './render.js';

export async function uploadChart(
  client: webApi.WebClient,
  command: SlashCommand,
  reply: Reply,
  store: Store,
): Promise<void> {
  const chart = await chartFor(reply, { platform: 'slack', workspaceId: command.team_id, store });
  if (!chart) return;
  try {
    const channel =
      reply.visibility === 'public'
        ? command.channel_id
        : (await client.conversations.open({ users: command.user_id })).channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    await client.filesUploadV2({
      channel_id: channel,
      file: Buffer.from(chart.data),
      filename: chart.name,
      title: reply.chart?.title ?? chart.name,
      alt_text: chart.alt,
      initial_comment: escapeSlack(reply.lead),
    });
  } catch (error) {
    const ref = referenceId();
    logger.error({ ref, err: error, platform: 'slack', command: command.command }, 'chart not uploaded');
  }
}
