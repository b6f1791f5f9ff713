import { z } from 'zod';
import { checkTimeZone } from '../core/dates.js';
import {
  dayIn,
  type Followup,
  type FollowupStep,
  labelOf,
  nextPending,
  parseDay,
  REMINDER_HOUR,
  relativeDay,
} from '../core/followups/ladders.js';
import { ladderActions, stepMessage } from '../core/followups/notices.js';
import { loadFollowups, snoozeFollowup, startFollowup, stopFollowup } from '../core/followups/reminders.js';
import { cleanValues, TONES } from '../core/messages/templates.js';
import { type Context, defineCommand, type Platform } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { type Block, NOT_FOR_CHANNEL, reply, table, text } from '../core/runtime/reply.js';

/** Where reminders reach the person, on the platform the answer goes to. */
const REMINDERS_GO: Record<Platform, string> = {
  discord: 'a direct message from gigdesk',
  slack: 'a direct message from the gigdesk app',
  console: 'printed here in the console',
};
const onlyYou = (platform: Platform) =>
  `Reminders come only to you (${REMINDERS_GO[platform]}). The client never hears from gigdesk.`;
const LADDER_SOURCE =
  'The steps follow community practice: the five-star question at delivery, a closing nudge a week later, one more ping two weeks after that, closing it yourself a week later.';
const hour = `${String(REMINDER_HOUR).padStart(2, '0')}:00`;
const zoneFooter = (tz: string) =>
  `Dates are calendar days in ${tz}; each reminder is due at ${hour} ${tz} on its day.`;
/** One line for the list: the zone, or each ladder's own when they differ. */
function zonesFooter(list: readonly Followup[]): string {
  const zones = new Set(list.map((f) => f.tz));
  if (zones.size === 1) return zoneFooter(list[0]?.tz ?? 'UTC');
  const each = list.map((f) => `#${f.id} ${f.tz}`).join(', ');
  return `Dates are calendar days in each follow-up's own time zone: ${each}. Each reminder is due at ${hour} there.`;
}
/** "Alex (the logo)": the client, and the project when the ladder has one. */
const named = (f: Followup) => (f.project ? `${f.client} (${f.project})` : f.client);

/** Short enough for a 64-column table; the troubled ones are explained in a line of their own. */
const STATUS: Record<FollowupStep['status'], string> = {
  pending: `reminder ${hour}`,
  sent: 'reminder sent',
  undelivered: 'not delivered',
  shown: 'shown to you',
  past: 'skipped (late start)',
  stopped: 'stopped',
};

/** Buttons for the first ladders with steps to come: three each keeps a message within 25 buttons. */
const MAX_LADDER_BUTTONS = 7;
/** Why a reminder did not arrive, as the platform or the retries told it. */
const undelivered = (s: FollowupStep) => `reminder could not reach you (${s.error ?? 'are your DMs closed?'})`;

/** A step's date: the day it was shown or sent when it happened, else the day it is (or was) due. */
function stepRows(followup: Followup): string[][] {
  return followup.steps.map((s) => {
    const happened = s.at && s.status !== 'past' && s.status !== 'pending';
    return [happened ? dayIn(new Date(s.at ?? ''), followup.tz) : s.day, labelOf(s.template), STATUS[s.status]];
  });
}

/** "the closing nudge on 2026-11-27 (in 5 days)", or undefined when no step is left. */
function nextStep(followup: Followup, today: string): string | undefined {
  const next = nextPending(followup);
  return next && `${labelOf(next.template).toLowerCase()} on ${next.day} (${relativeDay(next.day, today)})`;
}

async function suggestLadders(partial: string, ctx: Context): Promise<string[]> {
  const start = partial.trim().toLowerCase();
  return (await loadFollowups(ctx))
    .flatMap((f) => [f.client, String(f.id)])
    .filter((n) => n.toLowerCase().startsWith(start))
    .slice(0, 25);
}

export const followupStart = defineCommand({
  name: 'followup start',
  description: 'Start reminders for the follow-up ladder after a final delivery',
  usesStore: true,
  options: z.object({
    client: z.string().min(1).max(80).describe('the client, as you greet them'),
    delivered: z
      .string()
      .min(1)
      .max(40)
      .meta({ description: 'final delivery date: 2026-03-14, "14 Mar 2026", today, "2 weeks ago"', date: true }),
    project: z.string().max(120).optional().describe('the project, e.g. the logo redesign'),
    you: z.string().max(80).optional().describe('your name for the sign-off'),
    tone: z.enum(TONES).optional().describe('warm (default), formal or brief'),
    tz: z.string().max(64).optional().describe('your time zone, e.g. Europe/Berlin (default UTC)'),
  }),
  run: async (args, ctx) => {
    const tz = checkTimeZone(args.tz?.trim() || 'UTC');
    const values = cleanValues(args);
    if (!values.client) throw new UserError('missing_client', '"client" is missing: the client, as you greet them.');
    const followup = await startFollowup(ctx, {
      client: values.client,
      project: values.project,
      you: values.you,
      tone: args.tone ?? 'warm',
      delivered: parseDay(args.delivered, ctx.now, tz),
      tz,
    });
    const now = followup.steps.find((s) => s.status === 'shown');
    const message = now
      ? await stepMessage(ctx, followup, now, `Send now: ${labelOf(now.template).toLowerCase()}`)
      : { blocks: [], actions: [] };
    const blocks: Block[] = [...message.blocks, text(onlyYou(ctx.platform))];
    const next = nextPending(followup);
    const send = now ? `${labelOf(now.template).toLowerCase()} now (below)` : 'nothing to send yet';
    const today = dayIn(ctx.now, tz);
    const ahead = followup.delivered > today;
    const lead = ahead
      ? `Follow-up #${followup.id} with ${followup.client} is set for a delivery on ${followup.delivered} (${relativeDay(followup.delivered, today)}): the first reminder comes that day.`
      : `Follow-up #${followup.id} with ${followup.client} started: ${send}${next ? `; next reminder on ${next.day}` : ''}.`;
    return reply({
      lead,
      blocks,
      actions: message.actions,
      details: [table(['Date', 'Step', 'Status'], stepRows(followup))],
      keepPrivate: NOT_FOR_CHANNEL.change,
      footer: [zoneFooter(tz), LADDER_SOURCE, 'Try /followup list to see every ladder.'],
    });
  },
});

export const followupList = defineCommand({
  name: 'followup list',
  description: 'Your follow-up ladders and their next steps',
  usesStore: true,
  options: z.object({}),
  run: (_args, ctx) => listReply(ctx),
});

/** The list with its buttons, which answer in its place (ladderActions' fromList). */
async function listReply(ctx: Context) {
  const list = await loadFollowups(ctx);
  if (list.length === 0) {
    return reply({
      lead: 'You have no follow-ups running.',
      blocks: [text('Start one after a final delivery: /followup start client:Alex delivered:today')],
      keepPrivate: NOT_FOR_CHANNEL.empty,
    });
  }
  const rows = list.map((f) => {
    const next = nextPending(f);
    const who = f.project ? `${f.client}, ${f.project}` : f.client;
    const client = who.length > 14 ? `${who.slice(0, 13)}…` : who;
    return [String(f.id), client, next ? labelOf(next.template) : 'finished', next ? next.day : '-'];
  });
  const troubles = list.flatMap((f) =>
    f.steps
      .filter((s) => s.status === 'undelivered')
      .map((s) => `#${f.id} ${f.client}, ${labelOf(s.template).toLowerCase()} (${s.day}): ${undelivered(s)}.`),
  );
  const pending = list
    .map((f) => ({ f, next: nextPending(f) }))
    .filter((p) => p.next)
    .sort((a, b) => (a.next?.dueAt ?? '').localeCompare(b.next?.dueAt ?? ''));
  const [soonest] = pending;
  // The hint names a ladder that exists: the one due soonest, else the newest.
  const hinted = soonest?.f ?? (list.at(-1) as Followup);
  const due = soonest ? `; next: ${nextStep(soonest.f, dayIn(ctx.now, soonest.f.tz))} with ${soonest.f.client}` : '';
  return reply({
    actions: list
      .filter((f) => nextPending(f))
      .slice(0, MAX_LADDER_BUTTONS)
      .flatMap((f) => ladderActions(f, `#${f.id} `, true)),
    lead: `You have ${list.length} follow-up${list.length === 1 ? '' : 's'}${due}.`,
    keepPrivate: 'your follow-ups name your clients.',
    blocks: [
      table(['#', 'Client', 'Next step', 'Due'], rows),
      ...(troubles.length > 0 ? [text(troubles.join('\n'))] : []),
    ],
    footer: [
      zonesFooter(list),
      `Client closed the contract? /followup done ${hinted.id}. More time? /followup snooze ${hinted.id} 3.`,
    ],
  });
}

/** A press on the list: the change first, then the list as it now stands in the list's place. */
async function withList(ctx: Context, lead: string, blocks: Block[]) {
  const list = await listReply(ctx);
  return { ...list, lead, blocks: [...blocks, text(list.lead), ...list.blocks] };
}

const FROM_LIST = z
  .boolean()
  .optional()
  .meta({ description: 'answer with the updated list (the list’s buttons set it)', hidden: true });

export const followupDone = defineCommand({
  name: 'followup done',
  description: 'Stop a ladder (the client closed the contract)',
  usesStore: true,
  options: z.object({
    which: z.string().min(1).max(80).describe('the ladder number from /followup list, or the client'),
    list: FROM_LIST,
  }),
  autocomplete: (option, partial, ctx) => (option === 'which' ? suggestLadders(partial, ctx) : []),
  run: async (args, ctx) => {
    const stopped = await stopFollowup(ctx, args.which);
    // Another ladder with the same client keeps its reminders: say so, or "stopped" reads as all of them.
    const client = stopped.client.toLowerCase();
    const others = (await loadFollowups(ctx)).filter((f) => f.client.toLowerCase() === client && nextPending(f));
    const lead = `Stopped follow-up #${stopped.id} with ${named(stopped)}: no more reminders for it.`;
    const blocks = others.map((f) => text(`#${f.id} with ${named(f)} still runs: /followup done ${f.id} stops it.`));
    return args.list ? withList(ctx, lead, blocks) : reply({ lead, blocks, keepPrivate: NOT_FOR_CHANNEL.change });
  },
});

export const followupSnooze = defineCommand({
  name: 'followup snooze',
  description: 'Move the next step of a ladder (and the ones after it) by some days',
  usesStore: true,
  options: z.object({
    which: z.string().min(1).max(80).describe('the ladder number from /followup list, or the client'),
    days: z.number().int().min(1).max(60).describe('how many days to wait longer'),
    list: FROM_LIST,
  }),
  autocomplete: (option, partial, ctx) => (option === 'which' ? suggestLadders(partial, ctx) : []),
  run: async (args, ctx) => {
    const snoozed = await snoozeFollowup(ctx, args.which, args.days);
    const next = nextStep(snoozed, dayIn(ctx.now, snoozed.tz));
    const lead = `Follow-up #${snoozed.id} with ${snoozed.client} moved ${args.days} day${args.days === 1 ? '' : 's'} later${next ? `: ${next}` : ''}.`;
    if (args.list) return withList(ctx, lead, []);
    return reply({
      lead,
      blocks: [table(['Date', 'Step', 'Status'], stepRows(snoozed))],
      footer: [zoneFooter(snoozed.tz)],
      keepPrivate: NOT_FOR_CHANNEL.change,
    });
  },
});
