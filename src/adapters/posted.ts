// A message someone posted, checked through a platform's message action (Discord "Check this wording",
// the Slack shortcut): /check reads it whole, privately, or says why it cannot; never a silent cut of it.
// Its answer offers no Share: the message may be another member's.
import type { Command } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { formatCount } from '../core/runtime/format.js';
import { optionSpecs } from '../core/runtime/options.js';
import { userErrorAnswer } from '../core/runtime/run.js';
import { respond } from './respond.js';
import type { Surface } from './surface.js';

/** `noText`: the platform's words for a message of only pictures, files or embeds. */
export async function checkPosted(
  surface: Surface,
  check: Command | undefined,
  content: string,
  noText: string,
): Promise<void> {
  const most = check && optionSpecs(check).find((s) => s.name === 'text')?.maxLength;
  if (check && content.trim() !== '' && (most === undefined || content.length <= most)) {
    // posted: worded for a message already sent, and never shared (it may quote another member).
    await respond(surface, { command: check, args: { text: content, posted: true } });
    return;
  }
  const problem =
    check && content.trim() !== ''
      ? new UserError(
          'message_too_long',
          `That message is ${formatCount(content.length)} characters long, and /check reads at most ${formatCount(most ?? 0)}: run /check on the part you plan to send.`,
        )
      : new UserError('nothing_to_check', noText);
  await respond(surface, { answer: userErrorAnswer(undefined, problem) });
}
