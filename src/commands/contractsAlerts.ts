import { z } from 'zod';
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

function planBlocks(jobs: readonly PlannedAlert[]): Block[] {
  if (jobs.length === 0) return [];
  const lines = jobs.slice(0, SHOWN).map((a) => `${a.day}: #${a.contractId} leaves the ${a.months}-month window`);
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
      const jobs = await turnOnWindowAlerts(ctx, (await loadLog(ctx)).contracts, ctx.now);
      return reply({
        lead: `Window alerts are on: ${planned(jobs)}.`,
        blocks: [...planBlocks(jobs), text(HOW)],
        footer: [
          `The ${MAX_ALERTS} nearest are planned. Only the 6-, 12- and 24-month windows move a score gigdesk shows. Stop with /contracts alerts off.`,
        ],
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
      blocks: [...planBlocks(setting.jobs), text('Stop them with /contracts alerts off.')],
    });
  },
});
