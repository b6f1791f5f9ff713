// The JSS and badge rules the bot relies on, as data, so /sources and the JSS replies cite the same facts.

export interface JssRule {
  /** Stable id other code refers to, e.g. "jss-formula". */
  id: string;
  name: string;
  /** Since when (and until when) the rule holds, as plain text. */
  inForce: string;
  source: string;
  /** What the rule says, in one or two sentences. */
  note: string;
  /** Where public sources disagree, or the rule is only an approximation. */
  disagreement?: string;
}

export const JSS_RULES: readonly JssRule[] = [
  {
    id: 'jss-formula',
    name: 'Published JSS formula',
    inForce: 'current (the only part of the JSS Upwork publishes)',
    source: 'support.upwork.com, Job Success Score help',
    note: 'Score = (successful outcomes - negative outcomes) / total outcomes. Neutral outcomes count in the total only. gigdesk shows a result below zero as 0 %: its own assumption, as no source states a floor.',
    disagreement:
      'Upwork does not publish the full algorithm, so every figure computed from it is an estimate of the real score.',
  },
  {
    id: 'jss-windows-best-of',
    name: 'Best of 6, 12 and 24 months, with a trending score (older rule)',
    inForce: 'older help pages and community posts; recalculated every two weeks',
    source: 'older Upwork help and community forum posts',
    note: 'Scores over the last 6, 12 and 24 months are computed and the best one is shown. A trending score is the mean of the 6-month and 3-month scores.',
    disagreement: 'The newer help article describes a single 24-month look-back updated daily; sources disagree.',
  },
  {
    id: 'jss-24-month-daily',
    name: '24-month look-back, updated daily (newer rule)',
    inForce: 'newer help article (undated)',
    source: 'support.upwork.com article 34958134307475',
    note: 'The score looks back over 24 months and is updated every day.',
    disagreement: 'Older sources describe a best-of-windows score recalculated every two weeks.',
  },
  {
    id: 'jss-value-weights',
    name: 'Contract value weights',
    inForce: 'newer help article (undated)',
    source: 'support.upwork.com article 34958134307475',
    note: 'A contract of $1-250 counts 1, $251-1,000 counts 1.25, over $1,000 counts 1.5, plus 1 for every further three months with payment, up to 8.',
    disagreement: 'How the weights combine with outcomes is not published; a weighted score is an estimate.',
  },
  {
    id: 'jss-eligibility',
    name: 'When a JSS appears',
    inForce: 'newer help article; older posts differ',
    source: 'support.upwork.com article 34958134307475; older community posts',
    note: 'Newer help: at least 2 different clients and 2 or more eligible contracts.',
    disagreement:
      'Older posts say 4-6 contracts from 3 clients; many freelancers report it appearing after 5-8 contracts.',
  },
  {
    id: 'jss-no-feedback',
    name: 'Contracts without feedback left out',
    inForce: 'since 2020-11-08',
    source: 'Upwork Job Success Score help',
    note: 'Contracts closed without feedback no longer count. Unpaid contracts with positive feedback and $0 earned are left out too; long-term clients (paid over 90+ days) help the score.',
  },
  {
    id: 'jss-stars',
    name: 'Stars to outcome',
    inForce: 'current (course material); below 4 stars, an estimate',
    source: 'the Upwork freelancing course gigdesk is built from, for 4 stars and up; gigdesk itself below that',
    note: "4 stars and up count as successful. Below 4 stars is gigdesk's own estimate: 3 to 3.9 neutral, under 3 negative.",
    disagreement:
      'The course says only that a 3.5 counts against you less than a 1, and that a low rating on a small contract weighs less than on a large one; Upwork publishes no mapping.',
  },
  {
    id: 'jss-feedback-removed',
    name: 'Feedback Upwork removed no longer counts',
    inForce: 'current',
    source: 'the Upwork freelancing course gigdesk is built from',
    note: 'Feedback from a client that Upwork later flags or removes from the platform no longer counts toward the JSS (/contracts edit client_removed:yes).',
  },
  {
    id: 'jss-feedback-window',
    name: 'Feedback window',
    inForce: 'current',
    source: 'Upwork feedback help',
    note: 'Feedback can be left for 14 days after a contract closes. Private feedback (0-10, "would recommend") is never shown to the freelancer and cannot be changed.',
  },
  {
    id: 'badge-top-rated',
    name: 'Top Rated badge',
    inForce: 'current',
    source: 'support.upwork.com article 115006099287',
    note: 'JSS of 90 % or more (or Rising Talent) in at least 13 of the last 16 weeks; 100 % profile; first contract more than 90 days ago; at least $1,000 earned in the last 12 months; up-to-date availability; activity in the last 90 days; no recent account holds and no violations in 3 months. Taking payment off the platform loses the badge for 6 months.',
  },
  {
    id: 'badge-top-rated-plus',
    name: 'Top Rated Plus badge',
    inForce: 'current',
    source: 'support.upwork.com article 115006099287',
    note: 'Top Rated, plus $10,000 earned in 12 months ($20,000 for agencies) and at least one large contract without a negative outcome.',
    disagreement:
      'The large-contract threshold depends on the category ($5,000-$30,000) and is not listed per category.',
  },
  {
    id: 'badge-rising-talent',
    name: 'Rising Talent badge',
    inForce: 'current',
    source: 'Upwork badge help',
    note: 'No JSS yet, 100 % profile, no violations in 3 months, relevant proposals and a readiness test.',
  },
  {
    id: 'badge-feedback-removal',
    name: 'Top Rated feedback removal perk',
    inForce: 'ended on 2024-09-03',
    source: 'Upwork help centre (Top Rated benefits); the course material gigdesk is built from; a JSS explainer',
    note: 'Top Rated freelancers could once have one feedback removed from their score. Upwork phased the perk out on 2024-09-03; it no longer exists.',
    disagreement:
      "Sources disagree on how often it could be used: Upwork's help centre said once every 3 months after 10 new contracts; the course material says once every ten weeks, with ten or more contracts closed between removals; a JSS explainer says one Project Catalog review a month.",
  },
];

/** Looks a rule up by id; throws on a typo so a wrong citation fails in tests, not in chat. */
export function jssRule(id: string): JssRule {
  const rule = JSS_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown JSS rule id "${id}"`);
  return rule;
}
