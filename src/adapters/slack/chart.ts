// The chart follows the text as a Slack file, where the answer went (see files.ts).
import type { webApi } from '@slack/bolt';
import { chartFor } from '../../charts/draw.js';
import type { Reply } from '../../core/runtime/reply.js';
import type { Store } from '../../core/store/store.js';
import { type FileTarget, uploadAttachments } from './files.js';

export async function uploadChart(
  client: webApi.WebClient,
  reply: Reply,
  to: FileTarget,
  where: { workspaceId: string; store: Store },
): Promise<void> {
  const chart = await chartFor(reply, { platform: 'slack', ...where });
  if (chart) await uploadAttachments(client, { ...reply, attachments: [chart] }, to);
}
