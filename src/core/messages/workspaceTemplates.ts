// The templates a workspace sees, and the rules check of every way a saved wording fills in: wording
// saved before every branch was checked, or before a rule changed, is held back from members.
import { LRUCache } from 'lru-cache';
import { checkMessage, type Finding, findingsSummary } from './feedbackCheck.js';
import {
  BUILT_IN_TEMPLATES,
  builtInTemplate,
  type CommunityTemplate,
  cleanValues,
  type Fill,
  loadCommunity,
  type Template,
  templateFills,
  type Workspace,
} from './templates.js';

/** The values a wording is checked with; the names are only samples. */
export const SAMPLE = cleanValues({ client: 'Alex', project: 'the website', you: 'Sam' });

/** A way the wording fills in that breaks a rule: the values left out for it, and what it breaks. */
export interface Broken extends Fill {
  findings: Finding[];
}

/**
 * Checking every branch of a full workspace list (50 wordings of 1,500 characters) took 0.2-0.6 s, on
 * every listing, use and reminder. The verdict depends only on the text and this process's rules, so
 * it is kept here per text (not in the store, where it would outlive a deploy that changes a rule).
 */
const verdicts = new LRUCache<string, Broken[]>({ max: 500 });

/**
 * Every way the wording fills in that breaks a rule, each with only the findings not already shown
 * for a fill with more values given (wording outside any [branch] is reported once).
 */
export function brokenFills(text: string): Broken[] {
  const known = verdicts.get(text);
  if (known) return known;
  const seen = new Set<string>();
  const broken: Broken[] = [];
  for (const fill of templateFills(text, SAMPLE)) {
    const findings = checkMessage(fill.message).filter((f) => !seen.has(`${f.category} ${f.quote}`));
    for (const f of findings) seen.add(`${f.category} ${f.quote}`);
    if (findings.length > 0) broken.push({ ...fill, findings });
  }
  verdicts.set(text, broken);
  return broken;
}

/** How many values the wording can leave out at most. */
export const valuesUsed = (text: string) =>
  templateFills(text, SAMPLE).reduce((most, f) => Math.max(most, f.missing.length), 0);

/** "when project: is left out", "when no values are given"; empty for the fill with every value. */
export function whenLeftOut(fill: Fill, all: number): string {
  if (fill.missing.length === 0) return '';
  if (fill.missing.length === all && all > 1) return 'when no values are given';
  const names = fill.missing.map((n) => `${n}:`).join(' and ');
  return `when ${names} ${fill.missing.length === 1 ? 'is' : 'are'} left out`;
}

/** "when project: is left out, " or "depending on the values given, "; empty when every fill breaks it the same way. */
export function whereBroken(text: string, broken: readonly Broken[]): string {
  if (broken.every((b) => b.missing.length === 0)) return '';
  const only = broken.length === 1 ? broken[0] : undefined;
  return `${only ? whenLeftOut(only, valuesUsed(text)) : 'depending on the values given'}, `;
}

/** Why a saved wording may not be used: "when project: is left out, it asks for a rating". */
function needsEdit(t: CommunityTemplate): string | undefined {
  const broken = brokenFills(t.text);
  if (broken.length === 0) return undefined;
  return `${whereBroken(t.text, broken)}it ${findingsSummary(broken.flatMap((b) => b.findings))}`;
}

function fromCommunity(t: CommunityTemplate, reason: string | undefined): Template {
  const { name, summary, text, replacesBuiltIn } = t;
  return {
    name,
    summary,
    source: 'community',
    text,
    replacesBuiltIn,
    ...(t.draft ? { draft: true } : {}),
    ...(reason ? { needsEdit: reason } : {}),
  };
}

/**
 * Every template the workspace sees: built-ins first, a community replacement in its built-in's place.
 * Drafts and wording that breaks a rule in any branch only for admins; members (and reminders) keep
 * the built-in such a wording would replace.
 */
export async function allTemplates(ctx: Workspace): Promise<Template[]> {
  const community = (await loadCommunity(ctx))
    .map((t) => fromCommunity(t, t.draft ? undefined : needsEdit(t)))
    .filter((t) => ctx.isAdmin || !(t.draft || t.needsEdit));
  const builtIns = BUILT_IN_TEMPLATES.map(
    (b) => community.find((c) => c.name === b.name) ?? { ...b, source: 'built-in' as const },
  );
  return [...builtIns, ...community.filter((c) => !builtInTemplate(c.name))];
}

/** Template names for autocomplete (Discord) and listings. */
export async function templateNames(ctx: Workspace): Promise<string[]> {
  return (await allTemplates(ctx)).map((t) => t.name);
}

export async function findTemplate(ctx: Workspace, name: string): Promise<Template | undefined> {
  return (await allTemplates(ctx)).find((t) => t.name === name);
}

/** A saved wording members cannot use until an admin changes it (not a draft: members may have used it). */
export async function heldFromMembers(ctx: Workspace, name: string): Promise<string | undefined> {
  const saved = (await loadCommunity(ctx)).find((t) => t.name === name && !t.draft);
  return saved && needsEdit(saved);
}
