import { z } from 'zod';
import { dayIn, daysBetween, ladderDays, ladderRows, parseDay } from '../core/followups/ladders.js';
import { startRefusal } from '../core/followups/reminders.js';
import { findingsSummary, findingsWhy } from '../core/messages/feedbackCheck.js';
import { type HandedOut, handOut, RULES_FOOTER } from '../core/messages/rules.js';
import {
  builtInTemplate,
  cleanValues,
  fillTemplate,
  loadCommunity,
  normaliseName,
  type Template,
  TONES,
  type Values,
  wordingFor,
} from '../core/messages/templates.js';
import {
  allTemplates,
  brokenFills,
  findTemplate,
  heldFromMembers,
  templateNames,
} from '../core/messages/workspaceTemplates.js';
import { type Context, defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { type Block, copy, fields, plainMessage, replayable, reply, table, text } from '../core/runtime/reply.js';

export async function suggestNames(partial: string, ctx: Context, communityOnly = false): Promise<string[]> {
  const names = communityOnly ? (await loadCommunity(ctx)).map((t) => t.name) : await templateNames(ctx);
  return names.filter((n) => n.startsWith(partial.trim().toLowerCase())).slice(0, 25);
}

export const template = defineCommand({
  name: 'template',
  description: 'A ready-to-send client message; leave out the name to list them',
  usesStore: true,
  options: z.object({
    name: z.string().max(40).optional().describe('template name, e.g. five-star (leave out to list them)'),
    client: z.string().max(80).optional().describe('the client, as you greet them'),
    project: z.string().max(120).optional().describe('the project, e.g. the logo redesign'),
    you: z.string().max(80).optional().describe('your name for the sign-off'),
    tone: z.enum(TONES).optional().describe('warm (default), formal or brief'),
    delivered: z.string().max(40).optional().meta({
      description: 'final delivery date for the follow-up dates: 2026-03-14, "14 Mar 2026", today, "2 weeks ago"',
      date: true,
    }),
    plain: z.boolean().optional().describe('yes for the message alone as plain text, easy to copy on a phone'),
  }),
  autocomplete: (option, partial, ctx) => {
    if (option === 'name') return suggestNames(partial, ctx);
    // Discord offers suggestions on every text option; for free text, what was typed is the suggestion.
    const typed = partial.trim() ? [partial.trim()] : [];
    if (option === 'delivered') return [...new Set([...typed, 'today', 'yesterday'])];
    return typed;
  },
  run: async (args, ctx) => {
    if (!args.name) return listReply(await allTemplates(ctx));
    const name = normaliseName(args.name);
    if (name === 'use')
      throw new UserError(
        'template_name_misplaced',
        'Here the name comes straight after /template, e.g. /template five-star client:Alex.',
      );
    if (['add', 'edit', 'remove'].includes(name))
      throw new UserError('template_admin_moved', `Admins change the workspace's templates with /templates ${name}.`);
    const found = await findTemplate(ctx, name);
    const held = found ? undefined : await heldFromMembers(ctx, name);
    if (held) {
      throw new UserError(
        'template_needs_edit',
        `/template ${name} is waiting for an admin to change its wording: ${held}. Try /template for the ones you can use.`,
      );
    }
    if (!found) {
      const names = await templateNames(ctx);
      throw new UserError(
        'unknown_template',
        `There is no template "${name.slice(0, 40)}". Templates: ${names.join(', ')}.`,
      );
    }
    const message = fillTemplate(wordingFor(found, args.tone ?? 'warm'), cleanValues(args));
    // Checked on every use: the rules (and this check) may have changed since the template was saved.
    const handed = handOut(message, 'Ready to copy');
    if (handed.findings.length > 0 || found.draft || found.needsEdit) return heldBack(found, handed, cleanValues(args));
    if (args.plain) return plainMessage(message);
    const today = dayIn(ctx.now);
    const delivered = args.delivered === undefined ? undefined : parseDay(args.delivered, ctx.now);
    const past = delivered && ladderPast(found.name, delivered, today);
    const handedOut = past ? [copy(message, `The ${found.name} message, as asked`)] : handed.blocks;
    const blocks: Block[] = [...handedOut, text(`When: ${whenLine(found)}`)];
    const footer = [RULES_FOOTER];
    if (found.source === 'community') {
      footer.push(`Wording by this workspace's admins${args.tone ? '; it has one wording, so tone is not used' : ''}.`);
    }
    if (delivered) {
      const rows = ladderRows(delivered, today).map(([day = '', when = '', step = '', use = '']) => [
        day,
        when,
        use === `/template ${found.name}` ? `${step} (this one)` : step,
      ]);
      blocks.push(text(`Follow-up ladder for a delivery on ${delivered}:`), table(['Date', 'When', 'Step'], rows));
      const hint = await followupHint(ctx, cleanValues(args), delivered);
      footer.push('Dates are calendar days in UTC.', ...(hint ? [hint] : []));
    }
    // Copy-ready: the same template again as a plain message (code blocks are hard to copy on a phone).
    const { delivered: _ladder, ...same } = args;
    const copyReady = { label: 'Copy-ready', command: 'template', args: { ...replayable(same), plain: true } };
    const to = cleanValues(args).client;
    const lead = past ?? `Your ${found.name} message${to ? ` to ${to}` : ''} is ready to copy.`;
    return reply({ lead, blocks, footer, actions: [copyReady] });
  },
});

/**
 * Past the whole ladder, a step before the last is late: the pointer /followup start gives for that date.
 * The last step (closing it yourself) and templates off the ladder are still fine to send.
 */
function ladderPast(name: string, delivered: string, today: string): string | undefined {
  const steps = ladderDays(delivered);
  const last = steps.at(-1);
  if (!last || daysBetween(today, last.day) >= 0 || !steps.slice(0, -1).some((s) => s.template === name)) return;
  const ago = daysBetween(delivered, today);
  return `Delivery on ${delivered} was ${ago} days ago, past the whole ladder (its last step is day ${last.offset}): use /template close-yourself or /template ask-feedback instead.`;
}

/** A value as the text parser reads it back: bare when it is one plain word, else in quotes it does not hold. */
function asTyped(value: string): string | undefined {
  if (/^[^\s"'“”‘’:=]+$/.test(value)) return value;
  if (!value.includes('"')) return `"${value}"`;
  return value.includes("'") ? undefined : `'${value}'`;
}

/**
 * The /followup start for these dates, written to run as printed (the day as a date, names quoted);
 * a pointer to the ladder already running for the client; nothing when /followup start would refuse.
 */
async function followupHint(ctx: Context, values: Values, delivered: string): Promise<string | undefined> {
  const { client } = values;
  const input = { client: client ?? UNNAMED, project: values.project, tone: 'warm' as const, delivered, tz: 'UTC' };
  const refused = await startRefusal(ctx, input, ctx.now);
  // Without a client there is nobody to have a ladder with already.
  if (refused?.code === 'followup_exists' && client)
    return `You already follow up with ${client}: /followup list has its dates.`;
  const who = client ? asTyped(client) : UNNAMED;
  const project = values.project === undefined ? '' : asTyped(values.project);
  if ((refused && refused.code !== 'followup_exists') || !who || project === undefined) return;
  const line = `/followup start ${who} ${delivered}${project ? ` project:${project}` : ''}`;
  return client ? `Try ${line} for reminders.` : `Try ${line} for reminders (${UNNAMED}: your client's name).`;
}

const UNNAMED = '<client>';

/**
 * A draft, a stored wording that fails today's check, or one that passes with these values but breaks
 * a rule in another branch (shown as that branch reads): what to change, never the rules footer.
 */
function heldBack(found: Template, handed: HandedOut, values: Values) {
  const text = wordingFor(found, 'warm');
  const branch = handed.findings.length === 0 && found.needsEdit ? brokenFills(text)[0] : undefined;
  const findings = branch?.findings ?? handed.findings;
  // The failing branch as it reads with the values given, less those it leaves out.
  const without =
    branch && Object.fromEntries(Object.entries(values).filter(([n]) => !branch.missing.some((m) => m === n)));
  const held = found.draft
    ? ' It is a draft: members cannot use it.'
    : found.needsEdit
      ? ' Members cannot use it until an admin changes it.'
      : '';
  const lead = branch
    ? `/template ${found.name} reads fine with these values, but ${found.needsEdit}.${held}`
    : findings.length > 0
      ? `Do not send /template ${found.name} as it is: it ${findingsSummary(findings)}.${held}`
      : `/template ${found.name} passes the check now but is still a draft.${held}`;
  return reply({
    lead,
    blocks: without ? handOut(fillTemplate(text, without), '').blocks : handed.blocks,
    details: findingsWhy(findings),
    footer: [`An admin can change it with /templates edit ${found.name}.`],
    keepPrivate: findings.length > 0 ? FAILS_CHECK : DRAFT_ONLY,
  });
}

export const FAILS_CHECK = 'gigdesk never posts a message that fails the rules check.';
const DRAFT_ONLY = 'a draft stays with admins until /templates edit saves wording that passes.';

function whenLine(found: Template): string {
  if (found.when) return found.when;
  return builtInTemplate(found.name)?.when ?? "Whenever it fits; this wording comes from your workspace's admins.";
}

function listReply(templates: Template[]): ReturnType<typeof reply> {
  const members = (t: Template) => (t.replacesBuiltIn ? 'members get the built-in wording' : 'members cannot use it');
  const label = (t: Template) =>
    t.source === 'built-in'
      ? t.summary
      : t.needsEdit
        ? `${t.summary} (needs an admin's edit: ${t.needsEdit}; ${members(t)})`
        : `${t.summary} (${t.draft ? 'draft, admins only' : t.replacesBuiltIn ? "this workspace's wording" : 'this workspace'})`;
  // Only admins are shown drafts and wording that needs an edit.
  const waiting = templates.filter((t) => t.draft || t.needsEdit).length;
  const ready = `${templates.length - waiting} client messages, ready to fill in`;
  const fix = templates.find((t) => t.needsEdit);
  return reply({
    lead: waiting
      ? `${ready}; ${waiting} more ${waiting === 1 ? 'waits' : 'wait'} for an admin's edit.`
      : `${ready}: start with five-star when you deliver.`,
    ...(waiting ? { keepPrivate: "it lists what only this workspace's admins see." } : {}),
    blocks: [fields(templates.map((t) => [t.name, label(t)]))],
    footer: [
      ...(fix
        ? [`Fix one with /templates edit ${fix.name}; members can use it once every way it fills in passes.`]
        : []),
      "Every message is checked against Upwork's feedback rules each time it is filled in.",
      'Try /template five-star client:Alex project:"the logo" you:Sam (tone:formal, delivered:today also work).',
    ],
  });
}
