import { z } from 'zod';
import { ADVICE_FACTS } from '../core/advice/facts.js';
import { describeInForce, FEE_DATA_CHECKED, FEE_RULES, MONEY_SOURCES } from '../core/fees/rules.js';
import { describeComputation } from '../core/fees/text.js';
import { JSS_RULES, jssRule } from '../core/jss/rules.js';
import { defineCommand } from '../core/runtime/command.js';
import { type Block, fields, reply, text } from '../core/runtime/reply.js';

const TOPICS = ['all', 'fees', 'jss', 'money', 'advice'] as const;
type Topic = (typeof TOPICS)[number];

const LEADS: Record<Topic, string> = {
  all: `gigdesk rests on ${FEE_RULES.length} fee rule sets, ${JSS_RULES.length} JSS and badge rules and ${MONEY_SOURCES.length} other money figures, each with its source.`,
  fees: "Upwork's fee has had three eras: sliding 20/10/5 % (2016-2023), flat 10 % (2023-2025) and variable 0-15 % (since 2025-05-01).",
  jss: 'Upwork publishes only the JSS formula, (successful - negative) / total; everything else comes from help pages and posts that disagree.',
  money: 'Withdrawal, Connects, arbitration and client-side costs, with their sources; two of them disagree.',
  advice: "The advice in /rate, /profile, /client and review momentum is the course material's, not Upwork's.",
};

/** The two or three facts per topic that change how far to trust an answer. */
const KEY_LINES: Record<Exclude<Topic, 'all'>, string[]> = {
  fees: [
    'The variable fee is stated only by third-party sources; no Upwork page was found, so answers on it are estimates.',
    'Direct Contracts cost 5 % (0 % with Freelancer Plus); "0 % for Top Rated" has no source.',
  ],
  jss: [
    'Newer help: 24 months, updated daily. Older posts: best of 6, 12 and 24 months, every two weeks.',
    `The Top Rated feedback-removal perk ended on ${jssRule('badge-feedback-removal').inForce.replace('ended on ', '')}; sources disagree on how often it could be used.`,
  ],
  money: [
    'A wire costs $30 or $50: the same Upwork page says both.',
    'Arbitration: $291 (2016-2020 posts) to $337.50 (April 2025); a $297 figure has no source.',
  ],
  advice: [
    `${ADVICE_FACTS.filter((f) => f.estimate).length} of its ${ADVICE_FACTS.length} figures are the course author's own estimates, and are labelled so.`,
  ],
};

const lines = (parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n');

function feeEntries(): Block {
  return fields(
    FEE_RULES.map((r) => [
      `${r.name} (/quote era:${r.id})${r.thirdParty ? ', third-party sources only' : ''}`,
      lines([
        `In force: ${describeInForce(r)}${r.inForce.from ? '' : '; our sources give no start date'}.`,
        `Rule: ${describeComputation(r)}.`,
        `Source: ${r.sources.join('; ')}.`,
        ...r.notes,
        r.disagreement && `Disagreement: ${r.disagreement}`,
      ]),
    ]),
  );
}

function jssEntries(): Block {
  return fields(
    JSS_RULES.map((r) => [
      r.name,
      lines([
        `In force: ${r.inForce}.`,
        r.note,
        `Source: ${r.source}.`,
        r.disagreement && `Disagreement: ${r.disagreement}`,
      ]),
    ]),
  );
}

function adviceEntries(): Block {
  return fields(
    ADVICE_FACTS.map((f) => [
      f.name,
      lines([f.detail, `Source: ${f.source}.`, f.estimate && "Estimate: the course author's own figure."]),
    ]),
  );
}

function moneyEntries(): Block {
  return fields(
    MONEY_SOURCES.map((m) => [
      m.name,
      lines([m.detail, `Source: ${m.source}.`, m.disagreement && `Disagreement: ${m.disagreement}`]),
    ]),
  );
}

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
    const wanted = (t: Exclude<Topic, 'all' | 'advice'>) => topic === 'all' || topic === t;
    const blocks = (topic === 'all' ? (['fees', 'jss'] as const) : [topic]).flatMap((t) => KEY_LINES[t].map(text));
    const details: Block[] = [
      ...(wanted('fees') ? [text(`Fee rule sets, checked ${FEE_DATA_CHECKED}:`), feeEntries()] : []),
      ...(wanted('jss') ? [text('JSS and badge rules:'), jssEntries()] : []),
      ...(wanted('money') ? [text('Other money figures:'), moneyEntries()] : []),
      ...(topic === 'advice' ? [text("The course's advice figures:"), adviceEntries()] : []),
    ];
    return reply({
      lead: LEADS[topic],
      blocks,
      details,
      footer: [
        'Upwork changes its rules often and does not publish its JSS algorithm; where sources disagree, gigdesk shows both.',
        ...(topic === 'all' ? ['Try /sources fees, jss, money or advice for one topic.'] : []),
      ],
    });
  },
});
