import { z } from 'zod';
import { dayOf, isoOfDay } from '../core/dates.js';
import { topRatedChart } from '../core/jss/chart.js';
import { loadLog } from '../core/jss/contractsStore.js';
import { jssRule } from '../core/jss/rules.js';
import { type Check, DEFAULT_LARGE_CONTRACT_CENTS, topRatedCheck } from '../core/jss/topRated.js';
import { chartOption } from '../core/runtime/chart.js';
import { defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { reply, table, text } from '../core/runtime/reply.js';

const MARK = { met: 'yes', missing: 'NO', unknown: '?' } as const;

const missingItems = (checks: Check[]) => checks.filter((c) => c.status === 'missing').map((c) => c.item);

export const toprated = defineCommand({
  name: 'toprated',
  description: 'Check your contract log against Top Rated and Top Rated Plus',
  usesStore: true,
  options: z.object({
    profile: z.boolean().optional().describe('is your profile 100 % complete?'),
    availability: z.boolean().optional().describe('is your availability up to date?'),
    no_holds: z.boolean().optional().describe('no account holds or violations in the last 3 months?'),
    agency: z.boolean().default(false).describe('an agency ($20,000 for Plus instead of $10,000)'),
    large: z
      .number()
      .min(5_000)
      .max(30_000)
      .default(5_000)
      .describe('large-contract threshold for Plus in your category, $5,000-$30,000 (default 5,000)'),
    rule: z.enum(['24-month', 'best-of']).default('24-month').describe('which JSS rule to check the weeks with'),
    chart: chartOption(),
  }),
  run: async (args, ctx) => {
    const { contracts } = await loadLog(ctx);
    if (contracts.length === 0) {
      throw new UserError('Your contract log is empty: add contracts with /contracts add or /contracts import first.');
    }
    const today = dayOf(ctx.now);
    const result = topRatedCheck({
      contracts,
      today,
      rule: args.rule,
      profileComplete: args.profile,
      availabilityCurrent: args.availability,
      noHolds: args.no_holds,
      agency: args.agency,
      largeContractCents: Math.round(args.large * 100) || DEFAULT_LARGE_CONTRACT_CENTS,
    });
    const base = result.checks.filter((c) => !c.plusOnly);
    const plus = result.checks.filter((c) => c.plusOnly);
    const rows = result.checks.map((c) => [MARK[c.status], `${c.plusOnly ? 'Plus: ' : ''}${c.item}`, c.detail]);
    const missing = missingItems(base);
    const summary =
      missing.length === 0
        ? 'Top Rated: everything the log shows is in place (check the items marked ?).'
        : `Top Rated: missing ${missing.join('; ')}.`;
    const plusMissing = missingItems(plus);
    const plusSummary =
      missing.length === 0 && plusMissing.length === 0
        ? 'Top Rated Plus: also in place.'
        : `Top Rated Plus also needs Top Rated${plusMissing.length ? ` and: ${plusMissing.join('; ')}` : ''}.`;
    const when =
      result.earliest === undefined
        ? `Earliest date: not yet predictable. ${result.earliestNote}`
        : `Earliest date it could all hold: ${isoOfDay(result.earliest)}, ${result.earliestNote}`;
    return reply({
      lead: `Top Rated check: ${missing.length === 0 ? 'on track' : `${missing.length} missing`}`,
      blocks: [table(['OK', 'Requirement', 'From your log'], rows), text(summary), text(plusSummary), text(when)],
      footer: [
        `Rules: ${jssRule('badge-top-rated').name} and ${jssRule('badge-top-rated-plus').name}, ${jssRule('badge-top-rated').source}, as of 2026-11-22.`,
        'Estimate: scores use the published formula; earnings are counted on the day each contract ended.',
      ],
      chart: args.chart === 'on' ? topRatedChart(contracts, today, args.rule) : undefined,
    });
  },
});
