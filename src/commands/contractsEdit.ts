import { z } from 'zod';
import { dayOf } from '../core/dates.js';
import { changeLog } from '../core/jss/contractsStore.js';
import { indexLog, percentAt } from '../core/jss/windows.js';
import { defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { NOT_FOR_CHANNEL, reply, text } from '../core/runtime/reply.js';

const show = (p: number | undefined) => (p === undefined ? 'no score' : `${p} %`);

export const contractsEdit = defineCommand({
  name: 'contracts edit',
  description: "Mark a logged contract whose client's feedback Upwork flagged or removed, and see the effect",
  usesStore: true,
  options: z.object({
    id: z.number().int().min(1).describe('the contract id from /contracts list'),
    client_removed: z
      .boolean()
      .describe("yes when Upwork flagged or removed that client's feedback (it stops counting); no to undo"),
  }),
  run: async ({ id, client_removed }, ctx) => {
    const { before, after } = await changeLog(ctx, (log) => {
      if (!log.contracts.some((c) => c.id === id)) {
        throw new UserError(
          'unknown_contract',
          `No contract #${id} in your log; nothing was changed. See /contracts list.`,
        );
      }
      const contracts = log.contracts.map((c) => {
        if (c.id !== id) return c;
        const { clientRemoved: _old, ...rest } = c;
        return client_removed ? { ...rest, clientRemoved: true } : rest;
      });
      return { ...log, contracts };
    });
    const today = dayOf(ctx.now);
    const was = show(percentAt(indexLog(before.contracts), today, 24));
    const now = show(percentAt(indexLog(after.contracts), today, 24));
    const marked = client_removed ? 'marked as feedback Upwork removed' : 'counts again';
    const why = client_removed
      ? 'Feedback from a client Upwork later flags or removes no longer counts toward the JSS, so this contract is left out of every window and of your last ten reviews.'
      : 'The mark is gone: the contract counts with its outcome again.';
    const unchanged = Boolean(before.contracts.find((c) => c.id === id)?.clientRemoved) === client_removed;
    const lead = unchanged
      ? `Contract #${id} was already ${client_removed ? 'marked as feedback Upwork removed' : 'counted (not marked)'}, so nothing changed: your 24-month JSS estimate stays ${now}.`
      : `Contract #${id} ${marked}: your 24-month JSS estimate goes from ${was} to ${now}.`;
    const undo = client_removed ? `undo with /contracts edit ${id} no` : `mark it again with /contracts edit ${id} yes`;
    return reply({
      lead,
      blocks: [text(why), text(`See every window with /jss; ${undo}.`)],
      keepPrivate: NOT_FOR_CHANNEL.change,
      footer: [
        'Source: the course material the project is built from (removed client feedback stops counting). Estimate: Upwork does not publish its algorithm.',
      ],
    });
  },
});
