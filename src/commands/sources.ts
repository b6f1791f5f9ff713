import { z } from 'zod';
import { ADVICE_FACTS } from '../core/advice/facts.js';
import { describeInForce, FEE_DATA_CHECKED, FEE_RULES, MONEY_SOURCES } from '../core/fees/rules.js';
import { describeComputation, THIRD_PARTY_MARK } from '../core/fees/text.js';
import { JSS_RULES } from '../core/jss/rules.js';
import { defineCommand } from '../core/runtime/command.js';
import { type Block, fields, reply, text } from '../core/runtime/reply.js';

const TOPICS = ['all', 'fees', 'jss', 'money', 'advice'] as const;

export const sources = defineCommand({
  name: 'sources',
  description: 'Every fee and JSS rule the bot uses, with dates in force, sources and disagreements',
  options: z.object({
    topic: z
      .enum(TOPICS)
      .optional()
      .describe('only fee rule sets, JSS rules, other money figures, or the course advice (default: all)'),
  }),
  run: ({ topic = 'all' }) => {
    // The full list stays within one Discord embed by leaving the longer explanations to each topic.
    const detail = topic !== 'all';
    const blocks: Block[] = [];
    if (topic === 'all' || topic === 'fees') {
      blocks.push(
        text(`Fee rule sets (${FEE_RULES.length}), checked ${FEE_DATA_CHECKED}:`),
        fields(
          FEE_RULES.map((r) => [
            `${r.name} [${r.id}]${r.thirdParty ? ` ${THIRD_PARTY_MARK} third-party` : ''}`,
            lines([
              `In force: ${describeInForce(r)}${r.inForce.from ? '' : '; our sources give no start date'}.`,
              `Rule: ${describeComputation(r)}.`,
              `Source: ${r.sources.join('; ')}.`,
              ...(detail ? r.notes : []),
              r.disagreement && `Disagreement: ${r.disagreement}`,
            ]),
          ]),
        ),
      );
    }
    if (topic === 'all' || topic === 'jss') {
      blocks.push(
        text(`JSS and badge rules (${JSS_RULES.length}):`),
        fields(
          JSS_RULES.map((r) => [
            `${r.name} [${r.id}]`,
            lines([
              `In force: ${r.inForce}.`,
              detail && r.note,
              `Source: ${r.source}.`,
              r.disagreement && `Disagreement: ${r.disagreement}`,
            ]),
          ]),
        ),
      );
    }
    if (topic === 'all' || topic === 'money') {
      blocks.push(
        text('Other money figures:'),
        fields(
          MONEY_SOURCES.map((m) => [
            m.name,
            lines([m.detail, `Source: ${m.source}.`, m.disagreement && `Disagreement: ${m.disagreement}`]),
          ]),
        ),
      );
    }
    if (topic === 'advice') {
      blocks.push(
        text(
          "The course's advice figures (/rate, /profile, /client, review momentum): they are the course's figures, not Upwork's.",
        ),
        fields(
          ADVICE_FACTS.map((f) => [
            f.name,
            lines([f.detail, `Source: ${f.source}.`, f.estimate && "Estimate: the course author's own figure."]),
          ]),
        ),
      );
    }
    return reply({
      lead: topic === 'all' ? 'Sources for every rule the bot uses' : `Sources: ${topic}`,
      blocks,
      footer: [
        ...(detail
          ? []
          : [
              'Details for each rule: /sources fees, /sources jss or /sources money; the course advice: /sources advice.',
            ]),
        `${THIRD_PARTY_MARK} third-party: no official page states it; answers built on it are estimates.`,
        'Upwork changes its rules often and does not publish its JSS algorithm; where sources disagree, both are listed.',
      ],
    });
  },
});

function lines(parts: (string | false | undefined)[]): string {
  return parts.filter(Boolean).join('\n');
}
