import { z } from 'zod';
import { type Contract, contractName } from '../core/jss/contracts.js';
import { loadLog } from '../core/jss/contractsStore.js';
import {
  MAX_ALERTS,
  type PlannedAlert,
  turnOffWindowAlerts,
  turnOnWindowAlerts,
  windowAlertSetting,
} from '../core/jss/windowAlerts.js';
import { defineCommand } from '../core/runtime/command.js';
import { plural } from '../core/runtime/format.js';
import { type Block, reply, text } from '../core/runtime/reply.js';

const SHOWN = 5;
const HOW =
  'One private message at 09:00 UTC on the day, with your JSS estimate then. Planned again whenever your log changes.';

/** The 3-month window moves only the trending score /jss shows with details, so it sends no message. */
const WINDOWS =
  'Messages cover the 6-, 12- and 24-month windows behind the scores /jss leads with; the 3-month one moves only the trending score in its details.';

/** Each planned message, its contract named as /jss names it ("kilo #11"). */
function planBlocks(jobs: readonly PlannedAlert[], contracts: readonly Contract[]): Block[] {
  if (jobs.length === 0) return [];
  const name = (id: number) => {
    const contract = contracts.find((c) => c.id === id);
    return contract ? contractName(contract, 'private', { short: true }) : `#${id}`;
  };
  const lines = jobs.slice(0, SHOWN).map((a) => `${a.day}: ${name(a.contractId)} leaves the ${a.months}-month window`);
  if (jobs.length > SHOWN) lines.push(`…and ${plural(jobs.length - SHOWN, 'later one')}.`);
  return [text(lines.join('\n'))];
}

const planned = (jobs: readonly PlannedAlert[]) =>
  jobs.length === 0
    ? 'no negative in your log leaves a window yet, so no message is planned'
    : `${plural(jobs.length, 'message')} planned, the first on ${jobs[0]?.day}`;

export const contractsAlerts = defineCommand({
  name: 'contracts alerts',
  description: 'A private message the day a negative in your log leaves a JSS window (off by default)',
  usesStore: true,
  alwaysPrivate: true,
  options: z.object({
    state: z.enum(['on', 'off']).optional().describe('on to get the messages, off to stop them; empty to see'),
  }),
  run: async ({ state }, ctx) => {
    if (state === 'off') {
      const cancelled = await turnOffWindowAlerts(ctx);
      return reply({
        lead: `Window alerts are off: ${cancelled === 0 ? 'no message was planned' : `${plural(cancelled, 'planned message')} cancelled`}.`,
        blocks: [text('Turn them on again with /contracts alerts on.')],
      });
    }
    if (state === 'on') {
      const { contracts } = await loadLog(ctx);
      const jobs = await turnOnWindowAlerts(ctx, contracts, ctx.now);
      return reply({
        lead: `Window alerts are on: ${planned(jobs)}.`,
        blocks: [...planBlocks(jobs, contracts), text(HOW)],
        footer: [`The ${MAX_ALERTS} nearest are planned. ${WINDOWS} Stop with /contracts alerts off.`],
      });
    }
    const setting = await windowAlertSetting(ctx);
    if (!setting) {
      return reply({
        lead: 'Window alerts are off: you get no message when a negative leaves a window.',
        blocks: [text(`Turn them on with /contracts alerts on. ${HOW}`)],
      });
    }
    return reply({
      lead: `Window alerts are on: ${planned(setting.jobs)}.`,
      blocks: [
        ...planBlocks(setting.jobs, (await loadLog(ctx)).contracts),
        text('Stop them with /contracts alerts off.'),
      ],
    });
  },
});
