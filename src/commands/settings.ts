import { z } from 'zod';
import { defineCommand } from '../core/runtime/command.js';
import { reply, text } from '../core/runtime/reply.js';
import { loadSettings, updateSettings } from '../core/runtime/settings.js';

const onOff = (on: boolean) => (on ? 'on' : 'off');

export const settings = defineCommand({
  name: 'settings',
  description: "The workspace's settings: charts on or off for everyone here",
  adminOnly: true,
  usesStore: true,
  options: z.object({
    charts: z
      .enum(['on', 'off'])
      .optional()
      .describe('on or off: send /jss, /fees and /toprated charts as pictures in this workspace'),
  }),
  run: async (args, ctx) => {
    const changed = args.charts !== undefined;
    const current = changed
      ? await updateSettings(ctx, { charts: args.charts === 'on' })
      : await loadSettings(ctx, { fresh: true });
    const now = changed ? 'now ' : '';
    return reply({
      lead: `Charts are ${now}${onOff(current.charts)} in this workspace for /jss, /fees and /toprated.`,
      blocks: [
        text(
          current.charts
            ? 'Anyone can still leave a chart out for one answer with chart:off; /settings charts:off turns them off for everyone.'
            : 'Answers come as text only. Turn pictures back on with /settings charts:on.',
        ),
      ],
      footer: ['Only workspace admins can change these settings (/settings).'],
    });
  },
});
