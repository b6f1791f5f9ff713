import { z } from 'zod';
import { dayOf, isoOfDay } from '../core/dates.js';
import { topRatedChart } from '../core/jss/chart.js';
import { loadLog } from '../core/jss/contractsStore.js';
import { jssRule } from '../core/jss/rules.js';
import { type Check, DEFAULT_LARGE_CONTRACT_CENTS, RULE_WORDS, topRatedCheck } from '../core/jss/topRated.js';
import { chartOption } from '../core/runtime/chart.js';
import { defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { fields, reply, text } from '../core/runtime/reply.js';

const MARK = { met: 'Met', missing: 'Missing', unknown: 'Not in your log' } as const;
const OPTIONS_HINT = 'profile:yes, availability:yes or no_holds:yes';

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
      throw new UserError(
        'log_empty',
        'Your contract log is empty: add contracts with /contracts add or /contracts import first.',
      );
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
    const missing = missingItems(base);
    const plusMissing = missingItems(plus);
    const unknown = base.filter((c) => c.status === 'unknown').map((c) => c.item.toLowerCase());
    const lead =
      missing.length > 0
        ? `Not Top Rated yet: missing ${missing.join('; ')}.`
        : result.earliest === undefined
          ? 'Your log shows everything Top Rated asks for.'
          : `Your log shows Top Rated could all hold from ${isoOfDay(result.earliest)}.`;
    const blocks = [
      text(
        result.earliest === undefined
          ? `When: not yet predictable. ${result.earliestNote}`
          : `From ${isoOfDay(result.earliest)}: ${result.earliestNote}`,
      ),
      text(
        missing.length === 0 && plusMissing.length === 0
          ? 'Top Rated Plus: also in place.'
          : `Top Rated Plus also needs Top Rated${plusMissing.length ? ` and ${plusMissing.join('; ')}` : ''}.`,
      ),
    ];
    if (unknown.length > 0) blocks.push(text(`Not in your log: ${unknown.join('; ')}. Tell me with ${OPTIONS_HINT}.`));
    const checklist = fields(
      result.checks.map((c) => [`${MARK[c.status]}: ${c.plusOnly ? 'Plus, ' : ''}${c.item}`, c.detail]),
    );
    return reply({
      lead,
      blocks,
      details: [checklist],
      footer: [
        `Rules: ${jssRule('badge-top-rated').name} and ${jssRule('badge-top-rated-plus').name}, ${jssRule('badge-top-rated').source}, as of 2026-11-22.`,
        `An estimate: scores use the published formula on the ${RULE_WORDS[args.rule]}; earnings count on the day each contract ended.`,
        args.rule === '24-month'
          ? 'Try /toprated rule:best-of for the older rule.'
          : 'Try /jss for your score in full.',
      ],
      chart: args.chart === 'on' ? topRatedChart(contracts, today, args.rule) : undefined,
    });
  },
});
