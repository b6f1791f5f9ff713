import { z } from 'zod';
import {
  checkMessage,
  findingsBlocks,
  findingsByKind,
  findingsSummary,
  findingsWhy,
} from '../core/messages/feedbackCheck.js';
import { defineCommand } from '../core/runtime/command.js';
import { plural } from '../core/runtime/format.js';
import { reply } from '../core/runtime/reply.js';

/** A posted message may be someone else's: its check quotes them, so it is never shared. */
const POSTED_ONLY = 'a check of a posted message is only for the person who asked.';

const UNATTRIBUTED = 'Quoting the client? Say so (you asked "…"): words in quotes count as your own otherwise.';

export const check = defineCommand({
  name: 'check',
  description: "Check a client message against Upwork's feedback rules before you send it",
  longText: 'text',
  options: z.object({
    // Before the text: the line-length refusal names the last option, which is the text.
    posted: z
      .boolean()
      .optional()
      .meta({ description: 'the text is a message already posted (the message action sets it)', hidden: true }),
    text: z.string().min(1).max(4000).describe('the message you plan to send'),
  }),
  run: ({ text: message, posted }) => {
    const kept = posted ? { keepPrivate: POSTED_ONLY } : {};
    const findings = checkMessage(message);
    const footer = ["A wording check against Upwork's feedback rules. It can miss things, and it is not legal advice."];
    if (findings.length === 0) {
      return reply({
        lead: `${posted ? 'This message keeps to the rules' : 'Good to send'}: no request for a rating, offer for feedback, pressure or contact off Upwork found.`,
        footer,
        ...kept,
      });
    }
    // The client's words quoted without saying so read as the sender's own; say how to mark them.
    if (findings.some((f) => f.unattributed)) footer.push(UNATTRIBUTED);
    // One row per kind of problem, however many places it shows up in: the lead counts the rows.
    const kinds = findingsByKind(findings).length;
    const count = kinds === 1 ? 'one thing' : plural(kinds, 'thing');
    const changes = kinds === 1 ? 'one change' : plural(kinds, 'change');
    return reply({
      lead: posted
        ? `This message would need ${changes} to keep to Upwork's feedback rules: it ${findingsSummary(findings)}.`
        : `Change ${count} before you send this: it ${findingsSummary(findings)}.`,
      ...kept,
      blocks: findingsBlocks(findings),
      details: findingsWhy(findings),
      // Only a quoted contact detail to leave out: nothing about asking for feedback to fix.
      footer: findings.every((f) => f.category === 'quoted-contact')
        ? footer
        : [...footer, 'Try /template ask-feedback for a wording that asks the right way.'],
    });
  },
});
