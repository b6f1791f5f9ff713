import { z } from 'zod';
import { defineCommand } from '../core/command.js';
import { JSS_RULE, jssPercent } from '../core/jss.js';
import { fields, reply, text } from '../core/reply.js';

const count = (what: string) => z.number().int().min(0).max(1_000_000).describe(what);

export const jss = defineCommand({
  name: 'jss',
  description: 'Job Success Score from your contract counts',
  options: z.object({
    successful: count('contracts with a successful outcome'),
    negative: count('contracts with a negative outcome'),
    total: count('all contracts that count, neutral ones included').min(1),
  }),
  run: (args) => {
    const score = jssPercent(args);
    return reply({
      title: `Job Success Score: ${score} %`,
      blocks: [
        fields([
          ['Successful', String(args.successful)],
          ['Negative', String(args.negative)],
          ['Neutral', String(args.total - args.successful - args.negative)],
          ['Total', String(args.total)],
        ]),
        text(
          '(successful - negative) / total, rounded to a whole percent. An estimate: Upwork does not publish its exact algorithm.',
        ),
      ],
      footer: [`Rule: ${JSS_RULE.name}, as of ${JSS_RULE.asOf}`],
    });
  },
});
