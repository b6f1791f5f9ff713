import { z } from 'zod';
import { appendContracts, formatIds, newContracts, STARS_RULE, sameContract } from '../core/jss/contracts.js';
import { looksLikeFileName, parseContractsCsv } from '../core/jss/contractsCsv.js';
import { EXPORT_COLUMNS } from '../core/jss/contractsExport.js';
import { changeLog } from '../core/jss/contractsStore.js';
import { defineCommand, type Platform } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { plural } from '../core/runtime/format.js';
import { type Block, NOT_FOR_CHANNEL, reply, text } from '../core/runtime/reply.js';

const MAX_ERROR_LINES = 15;
/** How to send the lines themselves, where the person is. */
const SEND_LINES: Record<Platform, (name: string) => string> = {
  discord: () => 'attach the file as csv_file, or paste its lines',
  slack: () => 'paste its lines, or send /contracts import alone for a text box',
  console: (name) => `paste its lines, or in a terminal: gigdesk ask "/contracts import $(cat ${name})"`,
};
const were = (n: number) => `${n} ${n === 1 ? 'was' : 'were'}`;

export const contractsImport = defineCommand({
  name: 'contracts import',
  description: `Add contracts from CSV lines: ${EXPORT_COLUMNS.join(', ')}`,
  longText: 'csv',
  usesStore: true,
  options: z.object({
    skip_bad: z.boolean().default(false).describe('import the good lines even when some are bad (default no)'),
    duplicates: z
      .enum(['skip', 'keep'])
      .default('skip')
      .describe('skip (default) lines equal to a contract already in your log, or keep them'),
    csv: z
      .string()
      .min(1)
      .max(200_000)
      .describe(`CSV lines: ${EXPORT_COLUMNS.join(', ')} (header optional)`),
  }),
  run: async ({ skip_bad, duplicates, csv }, ctx) => {
    const name = csv.trim();
    if (looksLikeFileName(name)) {
      const shown = name.length > 80 ? `…${name.slice(-79)}` : name;
      throw new UserError(
        'csv_file_name',
        `Nothing was imported: "${shown}" looks like a file name, not the file's lines; ${SEND_LINES[ctx.platform](shown)}.`,
      );
    }
    const { contracts, errors } = parseContractsCsv(csv, ctx.now);
    const errorLines = errors.slice(0, MAX_ERROR_LINES).map((e) => `${e.where}: ${e.message}`);
    if (errors.length > MAX_ERROR_LINES)
      errorLines.push(`…and ${plural(errors.length - MAX_ERROR_LINES, 'more bad line')}.`);
    if (errors.length > 0 && (!skip_bad || contracts.length === 0)) {
      const hint = contracts.length > 0 ? ' Fix the bad lines, or add skip_bad:yes to import only the good ones.' : '';
      throw new UserError(
        'csv_bad_lines',
        `Nothing was imported: ${plural(errors.length, 'line')} could not be read.${hint}\n${errorLines.join('\n')}`,
      );
    }
    const keep = duplicates === 'keep';
    let repeats = 0;
    const { before: log, after: updated } = await changeLog(ctx, (current) => {
      const split = newContracts(current.contracts, contracts);
      repeats = split.repeats;
      return appendContracts(current, keep ? contracts : split.fresh);
    });
    const added = updated.nextId - log.nextId;
    const ids = Array.from({ length: added }, (_, i) => log.nextId + i);
    const range = added > 0 ? ` (${formatIds(ids)})` : '';
    const already =
      repeats === 0
        ? ''
        : keep
          ? `, ${were(repeats)} already in your log and kept`
          : `; ${were(repeats)} already in your log`;
    const blocks: Block[] = [];
    if (errors.length > 0) blocks.push(text(`Skipped ${plural(errors.length, 'bad line')}:\n${errorLines.join('\n')}`));
    if (repeats > 0 && !keep) {
      blocks.push(text('Lines equal to a logged contract are skipped; to add them anyway, add duplicates:keep.'));
    }
    const fresh = updated.contracts.filter((c) => c.id >= log.nextId);
    const similar = fresh.filter((c) => log.contracts.some((old) => sameContract(old, c))).length;
    if (similar > 0 && !keep) {
      blocks.push(
        text(
          `${plural(similar, 'new contract')} share the date, client and amount of one in your log; remove any repeat with /contracts remove.`,
        ),
      );
    }
    if (added > 0)
      blocks.push(
        text(
          `Your log now has ${plural(updated.contracts.length, 'contract')}. Undo with /contracts remove ${ids.length === 1 ? ids[0] : `${ids[0]}-${ids.at(-1)}`}.`,
        ),
      );
    const starred = fresh.some((c) => c.stars !== undefined);
    return reply({
      lead: `Imported ${plural(added, 'new contract')}${range}${already}.`,
      blocks,
      keepPrivate: NOT_FOR_CHANNEL.change,
      footer: [...(starred ? [STARS_RULE] : []), 'Try /jss to score your log.'],
    });
  },
});
