// The questions every adapter must answer alike (console, Discord, Slack): the same
// command and arguments, and text the answer must contain wherever it is rendered.
export interface ContractCase {
  /** As typed on a text platform, without the slash. */
  line: string;
  /** The same question as typed options, the way Discord sends them. */
  options: Record<string, string | number | boolean>;
  /** Top-level command name (and sub-command, if any). */
  command: string;
  /** Substrings the rendered answer must contain. */
  expect: string[];
  outcome: 'ok' | 'user_error';
}

export const contractCases: ContractCase[] = [
  {
    line: 'jss 7 1 8',
    command: 'jss',
    options: { successful: 7, negative: 1, total: 8 },
    expect: ['75 %'],
    outcome: 'ok',
  },
  {
    line: 'jss 9 1 8',
    command: 'jss',
    options: { successful: 9, negative: 1, total: 8 },
    expect: ['cannot exceed total'],
    outcome: 'user_error',
  },
  {
    line: 'fees 15000',
    command: 'fees',
    options: { amount: 15000 },
    expect: ['$13,500 of $15,000', '$13,700'],
    outcome: 'ok',
  },
  // A date of several words, typed without quotes on a text line, or into its own field on Discord.
  {
    line: 'followup start Joy 2 weeks ago logo',
    command: 'followup start',
    options: { client: 'Joy', delivered: '2 weeks ago', project: 'logo' },
    expect: ['Follow-up #1 with Joy started'],
    outcome: 'ok',
  },
  {
    line: 'contracts add 14 Mar 2026 4.5 1200 acme',
    command: 'contracts add',
    options: { date: '14 Mar 2026', outcome: '4.5', amount: 1200, client: 'acme' },
    expect: ['Added #1', '2026-03-14'],
    outcome: 'ok',
  },
  {
    line: 'followup start Joy 2 weeks logo',
    command: 'followup start',
    options: { client: 'Joy', delivered: '2 weeks', project: 'logo' },
    expect: ['"2 weeks" needs "ago"'],
    outcome: 'user_error',
  },
  // A mass mention is carried as plain text.
  {
    line: 'template five-star client:@everyone',
    command: 'template',
    options: { name: 'five-star', client: '@everyone' },
    expect: ['everyone', 'five-star'],
    outcome: 'ok',
  },
];
