import { z } from 'zod';
import { checkTimeZone } from '../core/dates.js';
import { deskReply } from '../core/desk/deskReply.js';
import { type DigestSetting, digestSetting, turnOffDigest, turnOnDigest, WEEKDAYS } from '../core/desk/digest.js';
import { loadDesk } from '../core/followups/desk.js';
import { defineCommand } from '../core/runtime/command.js';
import { reply, text } from '../core/runtime/reply.js';
import { loadSettings } from '../core/runtime/settings.js';

export const desk = defineCommand({
  name: 'desk',
  description: 'Your desk: your JSS, what changes this week, follow-ups due, Top Rated weeks',
  usesStore: true,
  alwaysPrivate: true,
  options: z.object({}),
  run: async (_args, ctx) =>
    deskReply(await loadDesk(ctx, ctx.now), (await digestSetting(ctx)) !== undefined, (await loadSettings(ctx)).charts),
});

const capital = (day: string) => `${day[0]?.toUpperCase()}${day.slice(1)}`;
const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const whenText = (s: DigestSetting) => `${capital(s.day)}s at ${hourText(s.hour)} ${s.tz}`;
const nextText = (s: DigestSetting) =>
  `the next on ${new Date(s.slot).toLocaleString('en-GB', { timeZone: s.tz, dateStyle: 'medium', timeStyle: 'short' })}`;
const WHAT =
  "A private message with your desk's first line and what changes this week; skipped when nothing changed since the last one.";

export const deskDigest = defineCommand({
  name: 'desk digest',
  description: 'A weekly private message with your desk (off by default): on or off, day, hour, time zone',
  usesStore: true,
  alwaysPrivate: true,
  options: z.object({
    state: z.enum(['on', 'off']).optional().describe('on to get it, off to stop it; empty to see'),
    day: z.enum(WEEKDAYS).optional().describe('the day it comes (default monday)'),
    hour: z.number().int().min(0).max(23).optional().describe('the hour it comes, 0-23 (default 9)'),
    tz: z.string().max(64).optional().describe('your time zone, e.g. Europe/Berlin (default UTC)'),
  }),
  run: async (args, ctx) => {
    const current = await digestSetting(ctx);
    if (args.state === 'off') {
      const was = await turnOffDigest(ctx);
      return reply({
        lead: was ? 'Your weekly desk digest is off: no more messages.' : 'Your weekly desk digest was already off.',
        blocks: [text('Turn it on again with /desk digest on.')],
      });
    }
    if (args.state === 'on' || args.day || args.hour !== undefined || args.tz) {
      const setting = await turnOnDigest(
        ctx,
        {
          day: args.day ?? current?.day ?? 'monday',
          hour: args.hour ?? current?.hour ?? 9,
          tz: checkTimeZone(args.tz?.trim() || current?.tz || 'UTC'),
        },
        ctx.now,
      );
      return reply({
        lead: `Your weekly desk digest is on: ${whenText(setting)}, ${nextText(setting)}.`,
        blocks: [text(WHAT), text('Change it with /desk digest day:friday hour:17; stop it with /desk digest off.')],
      });
    }
    if (!current) {
      return reply({
        lead: 'Your weekly desk digest is off.',
        blocks: [
          text(WHAT),
          text('Turn it on with /desk digest on, or pick a time: /desk digest on friday 17 Europe/Berlin'),
        ],
      });
    }
    return reply({
      lead: `Your weekly desk digest is on: ${whenText(current)}, ${nextText(current)}.`,
      blocks: [text(WHAT), text('Stop it with /desk digest off.')],
    });
  },
});
