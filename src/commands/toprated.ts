import { z } from 'zod';
import { dayOf, isoOfDay } from '../core/dates.js';
import { topRatedChart } from '../core/jss/chart.js';
import { loadLog } from '../core/jss/contractsStore.js';
import { jssRule } from '../core/jss/rules.js';
import { type Check, RULE_WORDS, type ScoreRule, type TopRatedResult, topRatedCheck } from '../core/jss/topRated.js';
import { newFreelancerPlan, visibilityLine } from '../core/jss/visibility.js';
import { chartOption } from '../core/runtime/chart.js';
import { defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { fields, reply, text } from '../core/runtime/reply.js';

const MARK = { met: 'Met', missing: 'Missing', unknown: 'Not in your log' } as const;
const OPTIONS_HINT = 'profile:yes, availability:yes or no_holds:yes';
const RULES: readonly ScoreRule[] = ['24-month', 'best-of'];

const missingItems = (checks: Check[]) => checks.filter((c) => c.status === 'missing').map((c) => c.item);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One line per rule (or one for both when they agree): its date, or why it has none yet. */
function whenLine(rule: ScoreRule | 'both', result: TopRatedResult): string {
  const when = result.earliest === undefined ? 'no date yet.' : `from ${isoOfDay(result.earliest)},`;
  return `${rule === 'both' ? 'Both JSS rules' : capital(RULE_WORDS[rule])}: ${when} ${result.earliestNote}`;
}

export const toprated = defineCommand({
  name: 'toprated',
  description: 'Check your contract log against Top Rated and Top Rated Plus',
  usesStore: true,
  options: z.object({
    profile: z.boolean().optional().describe('is your profile 100 % complete?'),
    availability: z.boolean().optional().describe('is your availability up to date?'),
    no_holds: z.boolean().optional().describe('no account holds or violations in the last 3 months?'),
    rising_talent: z.boolean().optional().describe('do you hold Rising Talent? (it stands in for the score)'),
    agency: z.boolean().default(false).describe('an agency ($20,000 for Plus instead of $10,000)'),
    large: z
      .number()
      .min(5_000)
      .max(30_000)
      .optional()
      .describe("large-contract size for Plus in your category, $5,000-$30,000 (Upwork's varies by category)"),
    rule: z
      .enum(['24-month', 'best-of'])
      .default('24-month')
      .describe('which JSS rule the checklist and chart use (the answer weighs both)'),
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
    const check = (rule: ScoreRule) =>
      topRatedCheck({
        contracts,
        today,
        rule,
        profileComplete: args.profile,
        availabilityCurrent: args.availability,
        noHolds: args.no_holds,
        risingTalent: args.rising_talent,
        agency: args.agency,
        largeContractCents: args.large === undefined ? undefined : Math.round(args.large * 100),
      });
    const results = new Map(RULES.map((rule) => [rule, check(rule)] as const));
    const chosen = results.get(args.rule) as TopRatedResult;
    // When the rules disagree, the earlier date leads and names its rule.
    const dated = RULES.filter((r) => results.get(r)?.earliest !== undefined).sort(
      (a, b) => (results.get(a)?.earliest ?? 0) - (results.get(b)?.earliest ?? 0),
    );
    const first = dated[0];
    const base = chosen.checks.filter((c) => !c.plusOnly);
    const plus = chosen.checks.filter((c) => c.plusOnly);
    const missing = missingItems(base.slice(1));
    const plusMissing = missingItems(plus);
    const unknown = base.filter((c) => c.status === 'unknown').map((c) => c.item.toLowerCase());
    const firstDay = first && results.get(first)?.earliest;
    const lead =
      first === undefined || firstDay === undefined
        ? `Not Top Rated yet: missing ${[...missingItems(base.slice(0, 1)), ...missing].join('; ')}.`
        : firstDay <= today && missing.length === 0
          ? `On the ${RULE_WORDS[first]} your log meets what it can show of Top Rated today${unknown.length > 0 ? '; the rest only you can confirm' : ''}.`
          : `Not Top Rated yet: on the ${RULE_WORDS[first]} your log could meet it from ${isoOfDay(firstDay)}.`;
    const order = first === undefined ? RULES : [first, ...RULES.filter((r) => r !== first)];
    const resultOf = (rule: ScoreRule) => results.get(rule) as TopRatedResult;
    const newer = resultOf('24-month');
    const same =
      newer.earliest === resultOf('best-of').earliest && newer.earliestNote === resultOf('best-of').earliestNote;
    const { seen } = chosen;
    const blocks = [
      ...(seen.visibility === 'shown' ? [] : [text(visibilityLine(seen.visibility, seen.contracts, seen.clients))]),
      ...(same ? [text(whenLine('both', newer))] : order.map((r) => text(whenLine(r, resultOf(r))))),
    ];
    blocks.push(
      text(
        missing.length === 0 && plusMissing.length === 0 && plus.every((c) => c.status === 'met')
          ? 'Top Rated Plus: also in place.'
          : `Top Rated Plus also needs Top Rated${plusMissing.length ? ` and ${plusMissing.join('; ')}` : ''}${plus.some((c) => c.status === 'unknown') ? '; the large-contract size depends on your category (add large:)' : ''}.`,
      ),
    );
    const asks = [
      ...(unknown.length > 0 ? [`Not in your log: ${unknown.join('; ')}. Tell me with ${OPTIONS_HINT}.`] : []),
      ...(args.rising_talent === undefined && chosen.risingTalentApplies
        ? ['Until your score shows, Rising Talent stands in for it: tell me with rising_talent:yes.']
        : []),
    ];
    if (asks.length > 0) blocks.push(text(asks.join(' ')));
    const checklist = fields(
      chosen.checks.map((c) => [`${MARK[c.status]}: ${c.plusOnly ? 'Plus, ' : ''}${c.item}`, c.detail]),
    );
    return reply({
      lead,
      blocks,
      details: [
        text(`Checklist on the ${RULE_WORDS[args.rule]}:`),
        checklist,
        ...(chosen.risingTalentApplies && chosen.earliest === undefined ? [text(newFreelancerPlan())] : []),
      ],
      footer: [
        `Rules: ${jssRule('badge-top-rated').name} and ${jssRule('badge-top-rated-plus').name}, ${jssRule('badge-top-rated').source} and Upwork community managers quoting it, as of 2026-12-05.`,
        'An estimate: scores use the published formula on both JSS rules; earnings count on the day each contract ended.',
        args.rule === '24-month'
          ? 'Try /toprated rule:best-of for the older rule\u2019s checklist.'
          : 'Try /jss for your score in full.',
      ],
      chart: args.chart === 'on' ? topRatedChart(contracts, today, args.rule) : undefined,
    });
  },
});
