import { z } from 'zod';
import { defineCommand } from '../core/command.js';
import { describeInForce, FEE_DATA_CHECKED, FEE_RULES, MONEY_SOURCES } from '../core/feeRules.js';
import { describeComputation, THIRD_PARTY_MARK } from '../core/feesText.js';
import { JSS_RULES } from '../core/jssRules.js';
import { type Block, fields, reply, text } from '../core/reply.js';

const TOPICS = ['all', 'fees', 'jss', 'money'] as const;

export const sources = defineCommand({
  name: 'sources',
  description: 'Every fee and JSS rule the bot uses, with dates in force, sources and disagreements',
  options: z.object({
    topic: z.enum(TOPICS).optional().describe('only fee rule sets, JSS rules, or other money figures (default: all)'),
  }),
  run: ({ topic = 'all' }) => {
    const blocks: Block[] = [];
    if (topic === 'all' || topic === 'fees') {
      blocks.push(
        text(`Fee rule sets (${FEE_RULES.length}), checked ${FEE_DATA_CHECKED}:`),
        fields(
          FEE_RULES.map((r) => [
            `${r.name} [${r.id}]${r.thirdParty ? ` ${THIRD_PARTY_MARK} third-party` : ''}`,
            [
              `In force: ${describeInForce(r)}${r.inForce.from ? '' : '; our sources give no start date'}.`,
              `Rule: ${describeComputation(r)}.`,
              `Source: ${r.sources.join('; ')}.`,
              ...r.notes,
            ].join('\n'),
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
            [
              `In force: ${r.inForce}.`,
              r.note,
              `Source: ${r.source}.`,
              ...(r.disagreement ? [`Disagreement: ${r.disagreement}`] : []),
            ].join('\n'),
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
            [m.detail, `Source: ${m.source}.`, ...(m.disagreement ? [`Disagreement: ${m.disagreement}`] : [])].join(
              '\n',
            ),
          ]),
        ),
      );
    }
    return reply({
      title: topic === 'all' ? 'Sources for every rule the bot uses' : `Sources: ${topic}`,
      blocks,
      footer: [
        `${THIRD_PARTY_MARK} third-party: no official page states it; answers built on it are estimates.`,
        'Upwork changes its rules often and does not publish its JSS algorithm; where sources disagree, both are listed.',
      ],
    });
  },
});
