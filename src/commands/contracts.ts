import { z } from 'zod';
import { dayOf } from '../core/dates.js';
import {
  appendContracts,
  type Contract,
  contractFrom,
  formatIds,
  parseIds,
  STARS_RULE,
  sameContract,
  starsLabel,
} from '../core/jss/contracts.js';
import { contractsToCsv, EXPORT_COLUMNS } from '../core/jss/contractsExport.js';
import { changeLog, loadLog } from '../core/jss/contractsStore.js';
import { momentumBlocks } from '../core/jss/momentum.js';
import { type Command, defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { formatCents, plural } from '../core/runtime/format.js';
import { fields, NOT_FOR_CHANNEL, reply, table, text } from '../core/runtime/reply.js';
import { contractsImport } from './contractsImport.js';

const PAGE_SIZE = 20;
/** The whole log is never posted in the channel; a score from it can be (names by number only). */
const WHOLE_LOG =
  'your log names every client, with amounts and outcomes. /jss share:yes posts your score without them.';
const OUTCOME_CHOICES = ['successful', 'neutral', 'negative', 'none', '5', '4.5', '4', '3', '2', '1'];

function describe(c: Omit<Contract, 'id'>): string {
  const outcome = c.stars === undefined ? c.outcome : `${c.outcome} (from ${starsLabel(c.stars)})`;
  const extras = [c.title ? `"${c.title}"` : '', c.longTerm ? 'long-term' : ''].filter(Boolean);
  return [c.end, outcome, formatCents(c.amountCents), c.client, ...extras].join(', ');
}

export const contractsAdd = defineCommand({
  name: 'contracts add',
  description: 'Add a finished contract to your private log',
  usesStore: true,
  options: z.object({
    date: z
      .string()
      .min(1)
      .max(40)
      .meta({ description: 'day it ended: 2026-03-14, "14 Mar 2026", today, "3 weeks ago"', date: true }),
    outcome: z
      .string()
      .min(1)
      .max(30)
      .describe('successful, neutral, negative, none (no feedback), or stars such as 4.5'),
    amount: z.number().min(0).max(100_000_000).describe('amount earned on it, in dollars'),
    client: z.string().min(1).max(80).describe('client name or id (used to count different clients)'),
    long_term: z.boolean().optional().describe('paid over 90 days or more (default no)'),
    title: z.string().max(120).optional().describe('a short title'),
  }),
  autocomplete: (option, partial) =>
    option === 'outcome' ? OUTCOME_CHOICES.filter((c) => c.startsWith(partial.trim().toLowerCase())) : [],
  run: async (args, ctx) => {
    const contract = contractFrom({ ...args, longTerm: args.long_term }, ctx.now);
    const { before: log, after: updated } = await changeLog(ctx, (current) => appendContracts(current, [contract]));
    const blocks = [text(`Added #${log.nextId}: ${describe(contract)}.`)];
    if (log.contracts.some((c) => sameContract(c, contract))) {
      blocks.push(
        text(
          'A contract with the same date, client and amount was already in your log; remove one if this is a repeat.',
        ),
      );
    }
    return reply({
      lead: `Added #${log.nextId} to your log, which now has ${plural(updated.contracts.length, 'contract')}.`,
      blocks,
      keepPrivate: NOT_FOR_CHANNEL.change,
      footer: [...(contract.stars === undefined ? [] : [STARS_RULE]), 'Try /jss to score your log.'],
    });
  },
});

export const contractsList = defineCommand({
  name: 'contracts list',
  description: 'Show your contract log, newest first',
  usesStore: true,
  options: z.object({ page: z.number().int().min(1).max(1000).default(1).describe('page of 20 (default 1)') }),
  run: async ({ page }, ctx) => {
    const { contracts } = await loadLog(ctx);
    if (contracts.length === 0) {
      return reply({
        lead: 'Your contract log is empty.',
        keepPrivate: WHOLE_LOG,
        blocks: [
          text(
            'Add one with /contracts add 2026-03-14 successful 1200 acme, or paste CSV lines into /contracts import.',
          ),
        ],
      });
    }
    const pages = Math.ceil(contracts.length / PAGE_SIZE);
    if (page > pages)
      throw new UserError(
        'page_past_end',
        `There ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}; page ${page} is past the end.`,
      );
    const sorted = [...contracts].sort((a, b) => (a.end === b.end ? b.id - a.id : a.end < b.end ? 1 : -1));
    const shown = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const rows = shown.map((c) => [
      `#${c.id}`,
      c.end,
      c.stars === undefined ? c.outcome : starsLabel(c.stars),
      formatCents(c.amountCents),
      c.client.length > 14 ? `${c.client.slice(0, 13)}…` : c.client,
    ]);
    const extras = shown
      .filter((c) => c.title || c.longTerm || c.clientRemoved || c.stars !== undefined || c.client.length > 14)
      .map((c): [string, string] => [
        `#${c.id}`,
        [
          c.client,
          c.stars === undefined ? '' : `${c.outcome} (from ${starsLabel(c.stars)})`,
          c.clientRemoved ? 'client removed from Upwork' : '',
          c.longTerm ? 'long-term' : '',
          c.title ? `"${c.title}"` : '',
        ]
          .filter(Boolean)
          .join('; '),
      ]);
    const latest = sorted[0]?.end ?? '';
    return reply({
      lead: `Your log has ${plural(contracts.length, 'contract')}; the latest ended on ${latest}.`,
      blocks: [table(['#', 'Ended', 'Outcome', 'Amount', 'Client'], rows)],
      keepPrivate: WHOLE_LOG,
      details: [
        ...(extras.length > 0 ? [fields(extras)] : []),
        ...momentumBlocks(contracts, dayOf(ctx.now), 'private'),
      ],
      footer: [
        ...(pages > 1 ? [`Page ${page} of ${pages}: /contracts list page:${page < pages ? page + 1 : 1}`] : []),
        // A placeholder, not a real id: a hint copied as printed must not delete a contract.
        'Try /jss to score it, or /contracts remove <id> to drop one.',
      ],
    });
  },
});

export const contractsRemove = defineCommand({
  name: 'contracts remove',
  description: 'Remove contracts from your log by id',
  usesStore: true,
  options: z.object({
    ids: z
      .string()
      .min(1)
      .max(400)
      .describe('ids from /contracts list: 3, a list such as 3,5,7, or a range such as 81-120'),
  }),
  run: async ({ ids }, ctx) => {
    const wanted = parseIds(ids);
    const { after } = await changeLog(ctx, (log) => {
      const known = new Set(log.contracts.map((c) => c.id));
      const unknown = wanted.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new UserError(
          'unknown_contract',
          `No contract ${formatIds(unknown)} in your log; nothing was removed. See /contracts list.`,
        );
      }
      return { ...log, contracts: log.contracts.filter((c) => !wanted.includes(c.id)) };
    });
    const remaining = after.contracts;
    return reply({
      lead: `Removed ${formatIds(wanted)} from your log; ${plural(remaining.length, 'contract')} left.`,
      keepPrivate: NOT_FOR_CHANNEL.change,
    });
  },
});

export const contractsClear = defineCommand({
  name: 'contracts clear',
  description: 'Delete your whole contract log (asks for confirm:yes)',
  usesStore: true,
  options: z.object({
    confirm: z.boolean().default(false).describe('yes to really delete every contract in your log'),
    count: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'only if the log still holds this many (the button sets it)', hidden: true }),
  }),
  run: async ({ confirm, count }, ctx) => {
    const log = await loadLog(ctx);
    const n = log.contracts.length;
    if (n === 0) return reply({ lead: 'Your contract log is already empty.', keepPrivate: NOT_FOR_CHANNEL.empty });
    // A button deletes what its prompt counted; when the log changed since, it asks again.
    const changed = count !== undefined && count !== n;
    if (!confirm || changed) {
      return reply({
        lead: changed
          ? `Nothing deleted: your log holds ${plural(n, 'contract')} now, not the ${count} the prompt showed.`
          : `Nothing deleted yet: this would delete all ${plural(n, 'contract')} in your log.`,
        blocks: [text('To go ahead: /contracts clear confirm:yes')],
        keepPrivate: NOT_FOR_CHANNEL.prompt,
        actions: [
          {
            label: 'Delete my contract log',
            style: 'danger',
            command: 'contracts clear',
            args: { confirm: true, count: n },
          },
          { label: 'Export it first (CSV)', command: 'contracts export', args: {} },
        ],
      });
    }
    await changeLog(ctx, () => ({ nextId: 1, contracts: [] }));
    const what = log.contracts.length === 1 ? 'the one contract' : `all ${plural(log.contracts.length, 'contract')}`;
    return reply({ lead: `Deleted ${what} in your log.`, keepPrivate: NOT_FOR_CHANNEL.change });
  },
});

export const contractsExport = defineCommand({
  name: 'contracts export',
  description: 'Your contract log as a CSV file (the columns /contracts import reads)',
  usesStore: true,
  options: z.object({}),
  run: async (_args, ctx) => {
    const { contracts } = await loadLog(ctx);
    if (contracts.length === 0)
      return reply({ lead: 'Your contract log is empty, so there is nothing to export.', keepPrivate: WHOLE_LOG });
    const csv = contractsToCsv(contracts);
    return reply({
      lead: `Here is your contract log as a CSV file: ${plural(contracts.length, 'contract')}.`,
      blocks: [
        text(`Columns: ${EXPORT_COLUMNS.join(', ')}. /contracts import reads it back as it is, marks included.`),
      ],
      attachments: [
        {
          name: 'contracts.csv',
          contentType: 'text/csv',
          data: new TextEncoder().encode(csv),
          alt: `${plural(contracts.length, 'contract')} from your log, one per line`,
        },
      ],
      keepPrivate: WHOLE_LOG,
    });
  },
});

export const contractsCommands: Command[] = [
  contractsAdd,
  contractsList,
  contractsRemove,
  contractsImport,
  contractsClear,
  contractsExport,
];
