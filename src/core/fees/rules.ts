// Every fee rule set the bot knows, as data: adding or correcting one is an edit here plus a test.
// Percentages are basis points (1000 = 10 %), money is integer cents, dates are UTC calendar days.
import { UserError } from '../runtime/errors.js';

/** How a rule set turns one payment into a fee. */
export type FeeComputation =
  /** Tiers on what this client has paid you in total (lifetime billings), not on the single payment. */
  | { kind: 'tiered'; tiers: readonly { upToCents: number | null; basisPoints: number }[] }
  | {
      kind: 'percent';
      basisPoints: number;
      /** Contracts already past a tier keep a lower rate for a while (the 2023 flat-fee switch). */
      grandfather?: { fromBilledCents: number; basisPoints: number; until: string };
    }
  /** Agreed per contract within a range; `basisPoints` applies when nothing else is said. */
  | { kind: 'variable'; basisPoints: number; minBasisPoints: number; maxBasisPoints: number }
  /** A percentage with a floor per payment: the larger of the two is charged. */
  | { kind: 'percentWithMinimum'; basisPoints: number; minimumCents: number };

export interface FeeRule {
  /** Stable id users type (/quote era:flat) and code refers to. */
  id: string;
  name: string;
  /** Which comparison group it belongs to; the Upwork marketplace eras replace one another over time. */
  group: 'upwork-marketplace' | 'upwork-direct' | 'peer';
  /** Inclusive UTC days; a missing `from` means our sources give no start date. */
  inForce: { from?: string; to?: string };
  computation: FeeComputation;
  /** Public addresses, official first. */
  sources: readonly string[];
  /** True when no official page states the rule: every reply must say so. */
  thirdParty: boolean;
  /** What the numbers leave out. */
  notes: readonly string[];
  /** Where sources disagree or are missing. */
  disagreement?: string;
}

/** When the figures below were last compared with their sources. */
export const FEE_DATA_CHECKED = '2026-11-22';

export const FEE_RULES: readonly FeeRule[] = [
  {
    id: 'sliding',
    name: 'Upwork sliding fee 20/10/5 %',
    group: 'upwork-marketplace',
    inForce: { from: '2016-06-21', to: '2023-05-02' },
    computation: {
      kind: 'tiered',
      tiers: [
        { upToCents: 50_000, basisPoints: 2000 },
        { upToCents: 1_000_000, basisPoints: 1000 },
        { upToCents: null, basisPoints: 500 },
      ],
    },
    sources: ['https://support.upwork.com/hc/en-us/articles/211062538 ("Upwork Service Fee", 2016)'],
    thirdParty: false,
    notes: ['Lifetime billings count across all your contracts with that client, hourly and fixed-price alike.'],
    disagreement: 'Began on 2016-06-07 for one category and on 2016-06-21 for all; the bot uses 2016-06-21.',
  },
  {
    id: 'flat',
    name: 'Upwork flat fee 10 %',
    group: 'upwork-marketplace',
    inForce: { from: '2023-05-03', to: '2025-04-30' },
    computation: {
      kind: 'percent',
      basisPoints: 1000,
      grandfather: { fromBilledCents: 1_000_000, basisPoints: 500, until: '2023-12-31' },
    },
    sources: [
      "Upwork's 2023 fee announcement (support.upwork.com knowledge base)",
      'freelancingbuzz.com (third-party summary)',
    ],
    thirdParty: false,
    notes: ['Contracts already at the 5 % tier (client past $10,000) kept 5 % until the end of 2023.'],
  },
  {
    id: 'variable',
    name: 'Upwork variable fee 0-15 %',
    group: 'upwork-marketplace',
    inForce: { from: '2025-05-01' },
    computation: { kind: 'variable', basisPoints: 1000, minBasisPoints: 0, maxBasisPoints: 1500 },
    sources: ['freelancetakehome.pages.dev', 'golance.com ("Upwork fees explained 2026")', 'gruv.ai'],
    thirdParty: true,
    notes: ['Set when the proposal is sent and locked for that contract.'],
    disagreement: 'No official Upwork page found: this rule comes from third-party sources only.',
  },
  {
    id: 'direct',
    name: 'Upwork Direct Contracts 5 %',
    group: 'upwork-direct',
    inForce: { from: '2024-04-22' },
    computation: { kind: 'percent', basisPoints: 500 },
    sources: [
      'https://support.upwork.com/hc/en-us/articles/4412149966611',
      'https://support.upwork.com/hc/en-us/articles/40444525840915',
    ],
    thirdParty: false,
    notes: ['For clients you bring to Upwork yourself.'],
    disagreement: 'The often-repeated "0 % for Top Rated on clients you bring" has no source we could find.',
  },
  {
    id: 'direct-plus',
    name: 'Upwork Direct Contracts with Freelancer Plus 0 %',
    group: 'upwork-direct',
    inForce: { from: '2024-04-22' },
    computation: { kind: 'percent', basisPoints: 0 },
    sources: [
      'https://support.upwork.com/hc/en-us/articles/4412149966611',
      'https://support.upwork.com/hc/en-us/articles/40444525840915',
    ],
    thirdParty: false,
    notes: ['Freelancer Plus is a paid membership; its monthly price is not counted here.'],
  },
  {
    id: 'fiverr',
    name: 'Fiverr 20 %',
    group: 'peer',
    inForce: {},
    computation: { kind: 'percent', basisPoints: 2000 },
    sources: [
      'fiverr.com Terms of Service (sellers keep 80 % of each order)',
      'https://help.fiverr.com/hc/en-us/articles/360049646033 (buyer service fee)',
    ],
    thirdParty: false,
    notes: ['Buyers also pay 5.5 %, plus $3 on orders under $100; that is on top of the price, not from your share.'],
  },
  {
    id: 'freelancer-fixed',
    name: 'Freelancer.com fixed price: 10 % or $5',
    group: 'peer',
    inForce: {},
    computation: { kind: 'percentWithMinimum', basisPoints: 1000, minimumCents: 500 },
    sources: ['https://www.freelancer.com/feesandcharges'],
    thirdParty: false,
    notes: ['Employers pay 3 % or $3 on top.'],
  },
  {
    id: 'freelancer-hourly',
    name: 'Freelancer.com hourly 10 %',
    group: 'peer',
    inForce: {},
    computation: { kind: 'percent', basisPoints: 1000 },
    sources: ['https://www.freelancer.com/feesandcharges'],
    thirdParty: false,
    notes: ['Charged on each payment; employers pay 3 % on top.'],
  },
];

/** Other money figures the quotes use, with their sources and disagreements. */
export const WITHDRAWAL_METHODS = {
  ach: { name: 'US bank (ACH)', cents: [0] },
  local: { name: 'local bank', cents: [99] },
  // The same Upwork help page gives both figures; quotes use the higher one and show the other.
  wire: { name: 'wire transfer', cents: [3000, 5000] },
  instant: { name: 'Instant Pay', cents: [200] },
  // Upwork describes a small per-transfer fee without a figure our sources agree on.
  paypal: { name: 'PayPal', cents: [] },
  none: { name: 'no withdrawal cost', cents: [0] },
} as const satisfies Record<string, { name: string; cents: readonly number[] }>;

export type WithdrawalMethod = keyof typeof WITHDRAWAL_METHODS;

export const CONNECT_CENTS = 15;

/** Reported per-party arbitration fees, oldest first. */
export const ARBITRATION_FEES: readonly { cents: number; when: string; source: string; sourced: boolean }[] = [
  { cents: 29_100, when: '2016-2020', source: 'community.upwork.com forum posts', sourced: true },
  { cents: 29_700, when: 'undated', source: 'repeated online without any source', sourced: false },
  { cents: 33_750, when: 'April 2025', source: 'reported by freelancers in April 2025', sourced: true },
];

export const MONEY_SOURCES: readonly { name: string; detail: string; source: string; disagreement?: string }[] = [
  {
    name: 'Withdrawal costs',
    detail:
      'US bank (ACH) free; local bank $0.99; wire $30 or $50; Instant Pay $2.00; PayPal a small fee per transfer.',
    source: 'Upwork withdrawal-methods help',
    disagreement: 'The same help page gives both $30 and $50 for a wire; no agreed figure for PayPal.',
  },
  {
    name: 'Connects',
    detail: '$0.15 each; a proposal costs several (up to 16 in 2023 tests).',
    source: 'Upwork Connects help',
  },
  {
    name: 'Arbitration fee per party',
    detail: '$291 (forum posts 2016-2020); $337.50 (reported April 2025).',
    source: 'community.upwork.com forum posts; freelancer reports',
    disagreement: 'A $297 figure circulates without any source.',
  },
  {
    name: 'Client-side fees (not taken from your share)',
    detail:
      'Marketplace fee 5 % (3 % for eligible US clients paying by checking account); contract initiation fee $0.99-$14.99; earlier 2.75 % (2016) and 3 % (2019) processing fees.',
    source: 'https://support.upwork.com/hc/en-us/articles/26106318334611',
  },
  {
    name: 'Toptal and Contra',
    detail: 'Advertise 0 % freelancer fees.',
    source: 'third-party claims only',
  },
];

/** Every fee rule id, for autocomplete and help text. */
export function feeRuleIds(partial = ''): string[] {
  const needle = partial.trim().toLowerCase();
  return FEE_RULES.map((r) => r.id).filter((id) => id.includes(needle));
}

export function feeRule(id: string): FeeRule | undefined {
  return FEE_RULES.find((r) => r.id === id);
}

/** For ids a user typed: an unknown one is explained, with the ids there are. */
export function findRule(id: string): FeeRule {
  const found = feeRule(id.trim().toLowerCase());
  if (!found) {
    throw new UserError(
      'unknown_fee_rule',
      `There is no fee rule set "${id.slice(0, 40)}". Choose one of: ${feeRuleIds().join(', ')}.`,
    );
  }
  return found;
}

/** For ids written in code: a typo fails in tests, not in chat. */
export function requireFeeRule(id: string): FeeRule {
  const rule = feeRule(id);
  if (!rule) throw new Error(`unknown fee rule id "${id}"`);
  return rule;
}

/** Whether the rule applies on this UTC day ("YYYY-MM-DD" strings compare in date order). */
export function inForceOn(rule: FeeRule, day: string): boolean {
  return (!rule.inForce.from || rule.inForce.from <= day) && (!rule.inForce.to || day <= rule.inForce.to);
}

/** The Upwork marketplace era in force on a day; undefined before the sliding fee began. */
export function upworkEraOn(day: string): FeeRule | undefined {
  return FEE_RULES.find((r) => r.group === 'upwork-marketplace' && inForceOn(r, day));
}

/** "2016-06-21 to 2023-05-02", "from 2025-05-01", "current (checked ...)" when our sources give no dates. */
export function describeInForce(rule: FeeRule): string {
  const { from, to } = rule.inForce;
  if (from && to) return `${from} to ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return `current (checked ${FEE_DATA_CHECKED})`;
}
