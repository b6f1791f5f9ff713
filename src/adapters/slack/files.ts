// Files that come with an answer (an export, a chart) go up with files.uploadV2: an ephemeral message
// cannot carry a file, so a private answer's files go to the user's DM with the bot, a shared one's to the channel.
import type { webApi } from '@slack/bolt';
import type { Attachment, Reply } from '../../core/runtime/reply.js';
import { escapeSlack } from './render.js';

export interface FileTarget {
  userId: string;
  /** The channel the answer was asked in; used when the answer is shared. */
  channelId?: string;
}

/**
 * Uploads files beside the answer; throws when Slack refused (the text answer has gone out already).
 * A shared answer's files go to the asker's DM when gigdesk is not a member of the channel, saying so.
 */
export async function uploadFiles(
  client: webApi.WebClient,
  files: readonly Attachment[],
  reply: Reply,
  to: FileTarget,
): Promise<void> {
  const lead = escapeSlack(reply.lead);
  if (reply.visibility === 'public' && to.channelId) {
    try {
      return await uploadTo(client, to.channelId, files, lead);
    } catch (error) {
      if (slackError(error) !== 'not_in_channel') throw error;
      return uploadTo(client, await dmOf(client, to.userId), files, `${lead}\n${NOT_IN_CHANNEL}`);
    }
  }
  return uploadTo(client, await dmOf(client, to.userId), files, `${lead} (only you can see this conversation)`);
}

const NOT_IN_CHANNEL =
  'gigdesk is not a member of that channel, so this could not be posted there: here it is for you. To post files there, invite gigdesk to the channel (/invite @gigdesk).';

async function dmOf(client: webApi.WebClient, userId: string): Promise<string> {
  const channel = (await client.conversations.open({ users: userId })).channel?.id;
  if (!channel) throw new Error('Slack opened no DM channel for the files');
  return channel;
}

async function uploadTo(client: webApi.WebClient, channel: string, files: readonly Attachment[], comment: string) {
  await client.files.uploadV2({
    channel_id: channel,
    initial_comment: comment,
    file_uploads: files.map((file) => ({
      file: Buffer.from(file.data),
      filename: file.name,
      title: file.name,
      alt_text: file.alt,
    })),
  });
}

/** The error code Slack answered with ("not_in_channel"), when the Web API client threw one. */
function slackError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Said in the answer itself, so the user knows where the file went. */
export function whereFilesGo(reply: Reply): string {
  const names = reply.attachments.map((f) => f.name).join(', ');
  return reply.visibility === 'public'
    ? `File: ${names} (posted in this channel).`
    : `File: ${names}, sent to you in a direct message from gigdesk (Slack cannot attach files to a private answer).`;
}

/** Said in the answer itself, so the user knows where its picture will appear. */
export function whereChartGoes(reply: Reply): string {
  return reply.visibility === 'public'
    ? 'Chart: posted in this channel below this answer.'
    : 'Chart: sent to you in a direct message from gigdesk (Slack cannot attach a picture to a private answer).';
}
