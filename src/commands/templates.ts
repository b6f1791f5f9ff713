// The workspace's own templates, for admins: add, edit and remove, each wording checked against
// the feedback rules in every way it can fill in before members can use it.
import { z } from 'zod';
import { findingsSummary, findingsWhy } from '../core/messages/feedbackCheck.js';
import { findingsLines, handOut } from '../core/messages/rules.js';
import {
  builtInTemplate,
  type CommunityTemplate,
  checkNewName,
  fillTemplate,
  LIMITS,
  loadCommunity,
  normaliseName,
  summaryOf,
  templateProblems,
  updateCommunity,
} from '../core/messages/templates.js';
import { brokenFills, SAMPLE, valuesUsed, whenLeftOut, whereBroken } from '../core/messages/workspaceTemplates.js';
import { type Context, defineCommand } from '../core/runtime/command.js';
import { UserError } from '../core/runtime/errors.js';
import { copy, reply } from '../core/runtime/reply.js';
import { FAILS_CHECK, suggestNames } from './template.js';

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
  .meta({ description: 'no longer saves wording that fails the rules check; use draft:yes', hidden: true });

/** Validates and checks a template before saving; wording that fails the check is saved only as a draft. */
async function saveChecked(ctx: Context, entry: CommunityTemplate, draft: boolean | undefined, verb: string) {
  const problems = templateProblems(entry.text);
  if (problems.length > 0)
    throw new UserError('template_not_saved', `The template was not saved: ${problems.join(' ')}`);
  const preview = fillTemplate(entry.text, SAMPLE);
  const used = valuesUsed(entry.text);
  const broken = brokenFills(entry.text);
  const findings = broken.flatMap((b) => b.findings);
  // Only the wording with every value breaks a rule: said as before; otherwise each branch is named.
  const qualified = whereBroken(entry.text, broken);
  if (findings.length > 0 && !draft) {
    throw new UserError(
      'template_breaks_rules',
      [
        `Not saved: ${qualified}the wording ${findingsSummary(findings)}.`,
        ...broken.map((b) =>
          b.missing.length === 0 && !qualified
            ? findingsLines(b.findings)
            : `${capital(whenLeftOut(b, used) || 'with every value given')}, it reads: "${b.message}"\n${findingsLines(b.findings)}`,
        ),
        'Change the wording, or add draft:yes to keep it as a draft that only admins see and members cannot use.',
      ].join('\n'),
    );
  }
  const saved: CommunityTemplate = { ...entry, draft: findings.length > 0 ? true : undefined };
  await updateCommunity(ctx, (list) => [...list.filter((t) => t.name !== entry.name), saved]);
  const first = broken[0];
  if (first) {
    const label = `Preview (with sample names${first.missing.length > 0 ? `, ${whenLeftOut(first, used)}` : ''})`;
    return reply({
      lead: `Saved /template ${entry.name} as a draft: members cannot use it, because ${qualified}it ${findingsSummary(findings)}.`,
      blocks: handOut(first.message, label).blocks,
      details: findingsWhy(findings),
      footer: [`Change it with /templates edit ${entry.name}; once it passes, members can use it.`],
      keepPrivate: FAILS_CHECK,
    });
  }
  return reply({
    lead: `${verb} /template ${entry.name} for everyone in this workspace.`,
    blocks: [copy(preview, 'Preview (with sample names)')],
    keepPrivate: `it only confirms a change to the workspace templates; /template ${entry.name} share:yes posts the template.`,
    footer: [`Try /template ${entry.name} client:Alex to see it filled in.`],
  });
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
    return reply({
      lead: existing.replacesBuiltIn
        ? `Removed this workspace's wording of /template ${name}: it uses the built-in wording again.`
        : `Removed /template ${name}: nobody in this workspace sees it any more.`,
      keepPrivate: 'it only confirms a change to the workspace templates.',
    });
  },
});
