import { z } from 'zod';
import { checkMessage, findingsBlocks } from '../core/messages/feedbackCheck.js';
import { defineCommand } from '../core/runtime/command.js';
import { plural } from '../core/runtime/format.js';
import { reply, text } from '../core/runtime/reply.js';

export const check = defineCommand({
  name: 'check',
  description: "Check a client message against Upwork's feedback rules before you send it",
  longText: 'text',
  options: z.object({
    text: z.string().min(1).max(4000).describe('the message you plan to send'),
  }),
  run: ({ text: message }) => {
    const findings = checkMessage(message);
    const footer = [
      "A wording check against Upwork's feedback rules (asking for a rating, trading anything for feedback, pressure, leaving Upwork). It can miss things; it is no legal advice.",
    ];
    if (findings.length === 0) {
      return reply({
        lead: 'Nothing flagged',
        blocks: [text('No rating request, offer for feedback, pressure or off-Upwork contact found. Good to send.')],
        footer,
      });
    }
    return reply({
      lead: `${plural(findings.length, 'thing')} to change`,
      blocks: findingsBlocks(findings),
      footer,
    });
  },
});
