import { z } from 'zod';
import { type Day, dayOf, isoOfDay } from '../core/dates.js';
import { topRatedChart } from '../core/jss/chart.js';
import { loadLog } from '../core/jss/contractsStore.js';
import { jssRule } from '../core/jss/rules.js';
import { type Check, type CheckKey, type TopRatedResult, topRatedCheck } from '../core/jss/topRated.js';
import { CHECKPOINTS, RULE_WORDS, type ScoreRule, WEEKS_NEEDED } from '../core/jss/topRatedWeeks.js';
import { newFreelancerPlan, visibilityLine } from '../core/jss/visibility.js';
import { chartOption } from '../core/runtime/chart.js';
import { defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { fields, reply, text } from '../core/runtime/reply.js';

const MARK = { met: 'Met', missing: 'Missing', unknown: 'Not in your log' } as const;
/** The option that answers each item only the user knows; activity has none (proposals and messages count). */
const OPTION_OF: Partial<Record<CheckKey, string>> = {
  profile: 'profile:yes',
  available: 'availability:yes',
  holds: 'no_holds:yes',
};
const orList = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`);
const RULES: readonly ScoreRule[] = ['24-month', 'best-of'];

/** Items the score date does not cover: the score itself, its weekly checks and the first contract's age. */
const DATED: readonly CheckKey[] = ['now', 'weeks', 'first'];
const missingItems = (checks: Check[]) => checks.filter((c) => c.status === 'missing').map((c) => c.item);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const statusOf = (checks: Check[], key: CheckKey) => checks.find((c) => c.key === key)?.status;

/** One line per rule (or one for both when they agree): its date, or why it has none yet. */
function whenLine(rule: ScoreRule | 'both', result: TopRatedResult, today: Day): string {
  const day = result.earliest;
  // A note that is a sentence of its own (the score now, then the way to 90 %) follows a full stop.
  const stop = /^[A-Z]/.test(result.earliestNote) ? '.' : ',';
  const when = day === undefined ? 'no date yet.' : `from ${day <= today ? 'today' : isoOfDay(day)}${stop}`;
  return `${rule === 'both' ? 'Both JSS rules' : capital(RULE_WORDS[rule])}: ${when} ${result.earliestNote}`;
}

/** Top Rated Plus: what it adds to Top Rated, without asking again for a Top Rated the log already meets. */
function plusLine(meetsToday: boolean, plus: Check[]): string {
  const needs = [...(meetsToday ? [] : ['Top Rated']), ...missingItems(plus)];
  const size = plus.some((c) => c.status === 'unknown')
    ? 'the large-contract size depends on your category (add large:)'
    : '';
  if (needs.length === 0) {
    return size
      ? `Top Rated Plus: in place too if your largest contract counts; ${size}.`
      : 'Top Rated Plus: also in place.';
  }
  const [head, second, ...rest] = needs;
  const joined = [second === undefined ? head : `${head} and ${second}`, ...rest, ...(size ? [size] : [])];
  return `Top Rated Plus also needs ${joined.join('; ')}.`;
}

/** The lead while no rule gives a date: the score now (and its weekly checks when short), then the rest. */
function notYetLead(chosen: TopRatedResult, rule: string | undefined): string {
  const weeksMet = statusOf(chosen.checks, 'weeks') === 'met';
  const score = `JSS 90 %+ now${weeksMet ? '' : ` and in ${WEEKS_NEEDED} of the last ${CHECKPOINTS} weekly checks`} (${chosen.scoreWords}${rule ? ` on the ${rule}` : ''})`;
  const rest = chosen.checks.filter((c) => !c.plusOnly && c.key !== 'now' && c.key !== 'weeks');
  return `Not Top Rated ${weeksMet ? 'now' : 'yet'}: missing ${[score, ...missingItems(rest).map(lower)].join('; ')}.`;
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
        shownTo: ctx.visibility,
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
    // What no date can bring: money still to earn, or a "no" the user gave.
    const undated = missingItems(base.filter((c) => !DATED.includes(c.key))).map(lower);
    const unknownChecks = base.filter((c) => c.status === 'unknown');
    const unknown = unknownChecks.map((c) => c.item.toLowerCase());
    const options = unknownChecks.flatMap((c) => OPTION_OF[c.key] ?? []);
    const firstDay = first && results.get(first)?.earliest;
    const resultOf = (rule: ScoreRule) => results.get(rule) as TopRatedResult;
    const newer = resultOf('24-month');
    const older = resultOf('best-of');
    const same = newer.earliest === older.earliest && newer.earliestNote === older.earliestNote;
    const which = first && (same ? 'both JSS rules' : `the ${RULE_WORDS[first]}`);
    const meetsToday = firstDay !== undefined && firstDay <= today && undated.length === 0;
    const lead =
      first === undefined || firstDay === undefined
        ? notYetLead(chosen, newer.scoreWords === older.scoreWords ? undefined : RULE_WORDS[args.rule])
        : undated.length > 0
          ? `Not Top Rated yet: missing ${undated.join('; ')}${firstDay > today ? `; on ${which} the rest could hold from ${isoOfDay(firstDay)}` : ''}.`
          : meetsToday
            ? `On ${which} your log meets what it can show of Top Rated today${unknown.length > 0 ? '; the rest only you can confirm' : ''}.`
            : `Not Top Rated yet: on ${which} your log could meet it from ${isoOfDay(firstDay)}.`;
    const order = first === undefined ? RULES : [first, ...RULES.filter((r) => r !== first)];
    const { seen } = chosen;
    // With no scored contract the rule line says why; "0 contracts with feedback" would misread an unpaid one.
    const showSeen = seen.visibility !== 'shown' && seen.contracts > 0;
    const blocks = [
      ...(showSeen ? [text(visibilityLine(seen.visibility, seen.contracts, seen.clients))] : []),
      ...(same ? [text(whenLine('both', newer, today))] : order.map((r) => text(whenLine(r, resultOf(r), today)))),
    ];
    blocks.push(text(plusLine(meetsToday, plus)));
    const asks = [
      ...(unknown.length > 0
        ? [`Not in your log: ${unknown.join('; ')}.${options.length > 0 ? ` Tell me with ${orList(options)}.` : ''}`]
        : []),
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
