import { z } from 'zod';
import { dayIn, ladderRows, parseDay } from '../core/followups/ladders.js';
import { startRefusal } from '../core/followups/reminders.js';
import { checkMessage, findingsSummary, findingsWhy } from '../core/messages/feedbackCheck.js';
import { findingsLines, handOut, RULES_FOOTER } from '../core/messages/rules.js';
import {
  allTemplates,
  builtInTemplate,
  type CommunityTemplate,
  checkNewName,
  cleanValues,
  fillTemplate,
  findTemplate,
  LIMITS,
  loadCommunity,
  normaliseName,
  summaryOf,
  type Template,
  TONES,
  templateNames,
  templateProblems,
  updateCommunity,
  type Values,
  wordingFor,
} from '../core/messages/templates.js';
import { type Context, defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { type Block, copy, fields, plainMessage, replayable, reply, table, text } from '../core/runtime/reply.js';

const SAMPLE = cleanValues({ client: 'Alex', project: 'the website', you: 'Sam' });

async function suggestNames(partial: string, ctx: Context, communityOnly = false): Promise<string[]> {
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
    delivered: z
      .string()
      .max(40)
      .optional()
      .describe('final delivery date for the follow-up dates: 2026-03-14, "14 Mar 2026", today, "2 weeks ago"'),
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
    if (handed.findings.length > 0 || found.draft) return heldBack(found, handed.blocks, handed.findings);
    if (args.plain) return plainMessage(message);
    const blocks: Block[] = [...handed.blocks, text(`When: ${whenLine(found)}`)];
    const footer = [RULES_FOOTER];
    if (found.source === 'community') {
      footer.push(`Wording by this workspace's admins${args.tone ? '; it has one wording, so tone is not used' : ''}.`);
    }
    if (args.delivered) {
      const today = dayIn(ctx.now);
      const delivered = parseDay(args.delivered, ctx.now);
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
    const lead = `Your ${found.name} message${to ? ` to ${to}` : ''} is ready to copy.`;
    return reply({ lead, blocks, footer, actions: [copyReady] });
  },
});

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
  const client = values.client ?? 'Alex';
  const input = { client, project: values.project, tone: 'warm' as const, delivered, tz: 'UTC' };
  const refused = await startRefusal(ctx, input, ctx.now);
  if (refused?.code === 'followup_exists') return `You already follow up with ${client}: /followup list has its dates.`;
  const who = asTyped(client);
  const project = values.project === undefined ? '' : asTyped(values.project);
  if (refused || !who || project === undefined) return undefined;
  return `Try /followup start ${who} ${delivered}${project ? ` project:${project}` : ''} for reminders.`;
}

/** A draft, or a stored wording that fails today's check: what to change, never the rules footer. */
function heldBack(found: Template, blocks: Block[], findings: ReturnType<typeof checkMessage>) {
  const draft = found.draft ? ' It is a draft: members cannot use it.' : '';
  return reply({
    lead:
      findings.length > 0
        ? `Do not send /template ${found.name} as it is: it ${findingsSummary(findings)}.${draft}`
        : `/template ${found.name} passes the check now but is still a draft.${draft}`,
    blocks,
    details: findingsWhy(findings),
    footer: [`An admin can change it with /templates edit ${found.name}.`],
    keepPrivate: findings.length > 0 ? FAILS_CHECK : DRAFT_ONLY,
  });
}

const FAILS_CHECK = 'gigdesk never posts a message that fails the rules check.';
const DRAFT_ONLY = 'a draft stays with admins until /templates edit saves wording that passes.';

function whenLine(found: Template): string {
  if (found.when) return found.when;
  return builtInTemplate(found.name)?.when ?? "Whenever it fits; this wording comes from your workspace's admins.";
}

function listReply(templates: Template[]): ReturnType<typeof reply> {
  const label = (t: Template) =>
    t.source === 'built-in'
      ? t.summary
      : `${t.summary} (${t.draft ? 'draft, admins only' : t.replacesBuiltIn ? "this workspace's wording" : 'this workspace'})`;
  return reply({
    lead: `${templates.length} client messages, ready to fill in: start with five-star when you deliver.`,
    blocks: [fields(templates.map((t) => [t.name, label(t)]))],
    footer: [
      "Every message is checked against Upwork's feedback rules each time it is filled in.",
      'Try /template five-star client:Alex project:"the logo" you:Sam (tone:formal, delivered:today also work).',
    ],
  });
}

// Admins write one line on text platforms, so a typed \n starts a new line.
const templateText = z
  .string()
  .min(1)
  .max(LIMITS.text)
  .describe(
    'the message: {client} {project} {you}, [an optional part with {client}], {client|fallback}; \\n = new line',
  );
const draftOption = z
  .boolean()
  .optional()
  .describe('yes to keep wording that fails the rules check as a draft: admins see it, members cannot use it');
const confirmOption = z
  .boolean()
  .optional()
  .describe('no longer saves wording that fails the rules check; use draft:yes');

/** Validates and checks a template before saving; wording that fails the check is saved only as a draft. */
async function saveChecked(ctx: Context, entry: CommunityTemplate, draft: boolean | undefined, verb: string) {
  const problems = templateProblems(entry.text);
  if (problems.length > 0)
    throw new UserError('template_not_saved', `The template was not saved: ${problems.join(' ')}`);
  const preview = fillTemplate(entry.text, SAMPLE);
  const findings = checkMessage(preview);
  if (findings.length > 0 && !draft) {
    throw new UserError(
      'template_breaks_rules',
      [
        `Not saved: the wording ${findingsSummary(findings)}.`,
        findingsLines(findings),
        'Change the wording, or add draft:yes to keep it as a draft that only admins see and members cannot use.',
      ].join('\n'),
    );
  }
  const saved: CommunityTemplate = { ...entry, draft: findings.length > 0 ? true : undefined };
  await updateCommunity(ctx, (list) => [...list.filter((t) => t.name !== entry.name), saved]);
  if (findings.length > 0) {
    return reply({
      lead: `Saved /template ${entry.name} as a draft: members cannot use it, because it ${findingsSummary(findings)}.`,
      blocks: handOut(preview, 'Preview (with sample names)').blocks,
      details: findingsWhy(findings),
      footer: [`Change it with /templates edit ${entry.name}; once it passes, members can use it.`],
      keepPrivate: FAILS_CHECK,
    });
  }
  return reply({
    lead: `${verb} /template ${entry.name} for everyone in this workspace.`,
    blocks: [copy(preview, 'Preview (with sample names)')],
    footer: [`Try /template ${entry.name} client:Alex to see it filled in.`],
  });
}

const lines = (raw: string) => raw.replace(/\\n/g, '\n').trim();

/** The parts of a community template that add and edit both set from the typed text. */
const wording = (raw: string, ctx: Context) => ({
  summary: summaryOf(lines(raw)),
  text: lines(raw),
  updatedBy: ctx.userId,
  updatedAt: ctx.now.toISOString(),
});

export const templateAdd = defineCommand({
  name: 'templates add',
  description: "Add a template to this workspace's list",
  longText: 'text',
  adminOnly: true,
  usesStore: true,
  options: z.object({
    name: z.string().min(1).max(40).describe('short lowercase name, e.g. thank-you'),
    replace: z.boolean().optional().describe('yes to use your wording instead of the built-in of the same name'),
    draft: draftOption,
    confirm: confirmOption,
    text: templateText,
  }),
  run: async (args, ctx) => {
    // Checked as typed, not lowercased first: "Bad" is refused with the naming rule, not saved as "bad".
    const name = args.name.trim();
    checkNewName(name, await loadCommunity(ctx), Boolean(args.replace));
    const entry: CommunityTemplate = {
      name,
      replacesBuiltIn: Boolean(builtInTemplate(name)),
      ...wording(args.text, ctx),
    };
    return saveChecked(ctx, entry, args.draft, 'Added');
  },
});

export const templateEdit = defineCommand({
  name: 'templates edit',
  description: "Change a template of this workspace's list",
  longText: 'text',
  adminOnly: true,
  usesStore: true,
  options: z.object({
    name: z.string().min(1).max(40).describe('the template to change'),
    draft: draftOption,
    confirm: confirmOption,
    text: templateText,
  }),
  autocomplete: (option, partial, ctx) => (option === 'name' ? suggestNames(partial, ctx, true) : []),
  run: async (args, ctx) => {
    const name = normaliseName(args.name);
    const existing = (await loadCommunity(ctx)).find((t) => t.name === name);
    if (!existing) {
      const hint = builtInTemplate(name)
        ? `"${name}" is built in; add your own wording with /templates add ${name} replace:yes.`
        : `This workspace has no template "${name.slice(0, 40)}".`;
      throw new UserError('template_usage', hint);
    }
    const entry: CommunityTemplate = { ...existing, ...wording(args.text, ctx) };
    return saveChecked(ctx, entry, args.draft, 'Changed');
  },
});

export const templateRemove = defineCommand({
  name: 'templates remove',
  description: "Remove a template from this workspace's list",
  adminOnly: true,
  usesStore: true,
  options: z.object({ name: z.string().min(1).max(40).describe('the template to remove') }),
  autocomplete: (option, partial, ctx) => (option === 'name' ? suggestNames(partial, ctx, true) : []),
  run: async (args, ctx) => {
    const name = normaliseName(args.name);
    const list = await loadCommunity(ctx);
    const existing = list.find((t) => t.name === name);
    if (!existing) {
      const why = builtInTemplate(name) ? 'is built in and cannot be removed' : 'is not in this workspace';
      throw new UserError('bad_template_name', `"${name.slice(0, 40)}" ${why}.`);
    }
    await updateCommunity(ctx, (current) => current.filter((t) => t.name !== name));
    const back = existing.replacesBuiltIn ? ' The built-in wording is back.' : '';
    return reply({ lead: `Removed /template ${name}: nobody in this workspace sees it any more.${back}` });
  },
});
