import { z } from 'zod';
import { dayIn, ladderRows, parseDay } from '../core/followups/ladders.js';
import { checkMessage, findingsBlocks, findingsSummary, findingsWhy } from '../core/messages/feedbackCheck.js';
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
  wordingFor,
} from '../core/messages/templates.js';
import { type Context, defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { type Block, copy, fields, plainMessage, replayable, reply, table, text } from '../core/runtime/reply.js';

const RULES_FOOTER =
  "Written to Upwork's feedback rules: asking for honest feedback is fine; asking for a rating, or trading anything for feedback, is not.";
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
    const found = await findTemplate(ctx, name);
    if (!found) {
      const names = await templateNames(ctx);
      throw new UserError(
        'unknown_template',
        `There is no template "${name.slice(0, 40)}". Templates: ${names.join(', ')}.`,
      );
    }
    const message = fillTemplate(wordingFor(found, args.tone ?? 'warm'), cleanValues(args));
    if (args.plain) return plainMessage(message);
    const blocks: Block[] = [copy(message, 'Ready to copy'), text(`When: ${whenLine(found)}`)];
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
      footer.push(
        'Dates are calendar days in UTC.',
        `Try /followup start ${args.client ?? 'Alex'} ${args.delivered} for reminders.`,
      );
    }
    // Copy-ready: the same template again as a plain message (code blocks are hard to copy on a phone).
    const { delivered: _ladder, ...same } = args;
    const copyReady = { label: 'Copy-ready', command: 'template', args: { ...replayable(same), plain: true } };
    return reply({ lead: `${found.summary}: ready to copy.`, blocks, footer, actions: [copyReady] });
  },
});

function whenLine(found: Template): string {
  if (found.when) return found.when;
  return builtInTemplate(found.name)?.when ?? "Whenever it fits; this wording comes from your workspace's admins.";
}

function listReply(templates: Template[]): ReturnType<typeof reply> {
  const label = (t: Template) =>
    t.source === 'built-in'
      ? t.summary
      : `${t.summary} (${t.replacesBuiltIn ? "this workspace's wording" : 'this workspace'})`;
  return reply({
    lead: `${templates.length} client messages, ready to fill in: start with five-star when you deliver.`,
    blocks: [fields(templates.map((t) => [t.name, label(t)]))],
    footer: [
      RULES_FOOTER,
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
const confirmOption = z.boolean().optional().describe('yes to save even though /check found problems');

/** Validates and checks a template before saving; with /check findings it saves only on confirm:yes. */
async function saveChecked(ctx: Context, entry: CommunityTemplate, confirm: boolean | undefined, verb: string) {
  const problems = templateProblems(entry.text);
  if (problems.length > 0)
    throw new UserError('template_not_saved', `The template was not saved: ${problems.join(' ')}`);
  const preview = fillTemplate(entry.text, SAMPLE);
  const findings = checkMessage(preview);
  if (findings.length > 0 && !confirm) {
    return reply({
      lead: `Not saved: the wording ${findingsSummary(findings)}.`,
      blocks: [
        ...findingsBlocks(findings),
        text('Change the wording, or run the same command again with confirm:yes to save it as it is.'),
      ],
      details: findingsWhy(findings),
    });
  }
  await updateCommunity(ctx, (list) => [...list.filter((t) => t.name !== entry.name), entry]);
  return reply({
    lead: `${verb} /template ${entry.name} for everyone in this workspace.`,
    blocks: [
      copy(preview, 'Preview (with sample names)'),
      ...(findings.length > 0
        ? [text('Saved despite these /check findings, as you confirmed:'), ...findingsBlocks(findings)]
        : []),
    ],
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
  name: 'template add',
  description: "Add a template to this workspace's list",
  longText: 'text',
  adminOnly: true,
  usesStore: true,
  options: z.object({
    name: z.string().min(1).max(40).describe('short lowercase name, e.g. thank-you'),
    replace: z.boolean().optional().describe('yes to use your wording instead of the built-in of the same name'),
    confirm: confirmOption,
    text: templateText,
  }),
  run: async (args, ctx) => {
    const name = normaliseName(args.name);
    checkNewName(name, await loadCommunity(ctx), Boolean(args.replace));
    const entry: CommunityTemplate = {
      name,
      replacesBuiltIn: Boolean(builtInTemplate(name)),
      ...wording(args.text, ctx),
    };
    return saveChecked(ctx, entry, args.confirm, 'Added');
  },
});

export const templateEdit = defineCommand({
  name: 'template edit',
  description: "Change a template of this workspace's list",
  longText: 'text',
  adminOnly: true,
  usesStore: true,
  options: z.object({
    name: z.string().min(1).max(40).describe('the template to change'),
    confirm: confirmOption,
    text: templateText,
  }),
  autocomplete: (option, partial, ctx) => (option === 'name' ? suggestNames(partial, ctx, true) : []),
  run: async (args, ctx) => {
    const name = normaliseName(args.name);
    const existing = (await loadCommunity(ctx)).find((t) => t.name === name);
    if (!existing) {
      const hint = builtInTemplate(name)
        ? `"${name}" is built in; add your own wording with /template add ${name} replace:yes.`
        : `This workspace has no template "${name.slice(0, 40)}".`;
      throw new UserError('template_usage', hint);
    }
    const entry: CommunityTemplate = { ...existing, ...wording(args.text, ctx) };
    return saveChecked(ctx, entry, args.confirm, 'Changed');
  },
});

export const templateRemove = defineCommand({
  name: 'template remove',
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
