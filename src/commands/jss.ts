import { z } from 'zod';
import { dayOf } from '../core/dates.js';
import { jssChart } from '../core/jss/chart.js';
import { loadLog } from '../core/jss/contractsStore.js';
import { logReply } from '../core/jss/logReply.js';
import { quickReply } from '../core/jss/quickReply.js';
import { MAX_COUNT } from '../core/jss/score.js';
import { MAX_PLANNED, plannedContracts, whatIfCounts, whatIfLog, withWhatIf } from '../core/jss/whatIf.js';
import { windowAlertSetting } from '../core/jss/windowAlerts.js';
import { chartOption } from '../core/runtime/chart.js';
import { defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';

const count = (what: string, min = 0) => z.number().int().min(min).max(MAX_COUNT).optional().describe(what);
const COUNT_NAMES = ['successful', 'negative', 'total'] as const;

export const jss = defineCommand({
  name: 'jss',
  description: 'Job Success Score from contract counts, or from your contract log when no counts are given',
  usesStore: true,
  options: z.object({
    successful: count('contracts with a successful outcome'),
    negative: count('contracts with a negative outcome'),
    total: count('all contracts that count, neutral ones included', 1),
    target: z.number().int().min(1).max(100).default(90).describe('the score to aim for, in percent (default 90)'),
    planned: z
      .number()
      .int()
      .min(1)
      .max(MAX_PLANNED)
      .optional()
      .describe('what if this many next contracts go well: the score path and when the target is reached'),
    chart: chartOption(),
  }),
  run: async (args, ctx) => {
    const missing = COUNT_NAMES.filter((name) => args[name] === undefined);
    if (missing.length === 0) {
      const { successful = 0, negative = 0, total = 0 } = args;
      const answer = quickReply({ successful, negative, total }, args.target, args.planned);
      if (!args.planned) return answer;
      return withWhatIf(answer, whatIfCounts({ successful, negative, total }, args.planned, args.target), args.target);
    }
    if (missing.length < COUNT_NAMES.length) {
      const names = missing.map((n) => `"${n}"`).join(' and ');
      throw new UserError(
        'missing_counts',
        `Missing ${names}: give all three counts (for example /jss 7 1 8), or none to score your contract log.`,
      );
    }
    const log = await loadLog(ctx);
    if (log.contracts.length === 0) {
      throw new UserError(
        'log_empty',
        'Your contract log is empty. Give counts (for example /jss 7 1 8), or add contracts with /contracts add or /contracts import.',
      );
    }
    const today = dayOf(ctx.now);
    const alertsOn = (await windowAlertSetting(ctx)) !== undefined;
    const answer = logReply(log.contracts, today, args.target, { alertsOn, shownTo: ctx.visibility });
    const planned = args.planned ? plannedContracts(log.contracts, today, args.planned) : [];
    const chart = args.chart === 'on' ? jssChart(log.contracts, today, args.target, planned) : undefined;
    const withChart = chart ? { ...answer, chart } : answer;
    if (!args.planned) return withChart;
    return withWhatIf(withChart, whatIfLog(log.contracts, today, args.planned, args.target), args.target);
  },
});
