// The chart follows the text: the answer is already on screen, then the message is edited to carry the
// PNG as an attachment shown inside the embed (attachment://name). An edit keeps the message's privacy.
import { AttachmentBuilder, type RepliableInteraction } from 'discord.js';
import { chartFor } from '../../charts/draw.js';
import { logger, referenceId } from '../../core/log.js';
import type { Context } from '../../core/runtime/command.js';
import type { Reply } from '../../core/runtime/reply.js';
import type { DiscordPayload } from './render.js';

/** `message` is "@original" for the interaction's reply, or the id of the follow-up that carries the answer. */
export async function sendChart(
  i: RepliableInteraction,
  reply: Reply,
  payload: DiscordPayload,
  ctx: Context,
  message = '@original',
): Promise<void> {
  const chart = await chartFor(reply, ctx);
  if (!chart) return;
  const file = new AttachmentBuilder(Buffer.from(chart.data), { name: chart.name, description: chart.alt });
  const embeds = payload.embeds.map((embed, n) =>
    n === payload.embeds.length - 1 ? { ...embed, image: { url: `attachment://${chart.name}` } } : embed,
  );
  try {
    await i.editReply({ message, embeds, files: [file], allowedMentions: payload.allowedMentions });
  } catch (error) {
    const ref = referenceId();
    logger.error({ ref, err: error, platform: 'discord' }, 'chart not sent');
  }
}
