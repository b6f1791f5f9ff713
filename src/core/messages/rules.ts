// The one rules check every message gigdesk hands out goes through: templates (built-in and the
// workspace's own, when saved and again when used), follow-up reminders, and shared answers.
import { type Block, copy, text } from '../runtime/reply.js';
import { checkMessage, type Finding, findingsBlocks, findingsByKind, findingsSummary } from './feedbackCheck.js';

/** Shown only under a message that passed the check just now. */
export const RULES_FOOTER =
  "Written to Upwork's feedback rules: asking for honest feedback is fine; asking for a rating, or trading anything for feedback, is not.";

export interface HandedOut {
  findings: Finding[];
  /** Copy-ready when the message passed; otherwise what to change, then the words as they stand. */
  blocks: Block[];
}

export function handOut(message: string, label: string): HandedOut {
  const findings = checkMessage(message);
  if (findings.length === 0) return { findings, blocks: [copy(message, label)] };
  return {
    findings,
    blocks: [
      text(`Not ready to send: it ${findingsSummary(findings)}.`),
      ...findingsBlocks(findings),
      text(`As it stands:\n${message}`),
    ],
  };
}

/** The findings as lines of text, for a refusal (a UserError carries text only). */
export function findingsLines(findings: Finding[]): string {
  return findingsByKind(findings)
    .map((k) => `${k.problem.charAt(0).toUpperCase()}${k.problem.slice(1)}: ${k.quotes}. Instead: ${k.better}`)
    .join('\n');
}
