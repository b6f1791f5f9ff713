// Client-message templates: the placeholder syntax, the built-ins, and each workspace's own
// (community) templates kept in the store under the workspace's key.
import type { Context } from '../runtime/command.js';
import { UserError } from '../runtime/errors.js';
import { workspaceKey } from '../store/store.js';
import { BUILT_IN_TEMPLATES, type Tone } from './templateText.js';

export { BUILT_IN_TEMPLATES, TONES, type Tone } from './templateText.js';

export const PLACEHOLDERS = ['client', 'project', 'you'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type Values = Partial<Record<Placeholder, string>>;

export const LIMITS = { nameMin: 2, nameMax: 30, text: 1500, summary: 70, perWorkspace: 50 };
/** Words the text parser reads as sub-commands, so no template may be called that. */
export const RESERVED_NAMES = ['add', 'edit', 'remove', 'list', 'use', 'help'];
const NAME = /^[a-z][a-z0-9-]*$/;

export interface CommunityTemplate {
  name: string;
  summary: string;
  text: string;
  /** Saved under a built-in's name with replace:yes; the workspace sees this one instead. */
  replacesBuiltIn: boolean;
  /** Saved by an admin although it failed the rules check: admins can see it, members cannot use it. */
  draft?: boolean;
  updatedBy: string;
  updatedAt: string;
}

export interface Template {
  name: string;
  summary: string;
  when?: string;
  source: 'built-in' | 'community';
  /** Built-ins have one wording per tone; community templates have one wording. */
  text: Record<Tone, string> | string;
  replacesBuiltIn?: boolean;
  draft?: boolean;
  /** Shown to admins only: where and how the saved wording breaks a rule ("when project: is left out, it asks for a rating"). */
  needsEdit?: string;
}

// [optional part] and [part with {value}|part without]; {value} and {value|fallback}.
const SEGMENT = /\[([^[\]]*)\]/g;
const VALUE = /\{([^{}|]*)(?:\|([^{}]*))?\}/g;

/** Collapses line breaks and runs of spaces so a value cannot reshape the message. */
export function cleanValues(raw: Partial<Record<Placeholder, string | undefined>>): Values {
  const values: Values = {};
  for (const name of PLACEHOLDERS) {
    const value = raw[name]?.replace(/\s+/g, ' ').trim();
    if (value) values[name] = value;
  }
  return values;
}

/** What a bare {placeholder} reads when no value is given, so a template works without options. */
export const DEFAULT_WORDS: Record<Placeholder, string> = { client: 'there', project: 'the project', you: '' };

/**
 * Fills a template; a missing value drops its [part], or uses the fallback, or the default words,
 * and never shows a raw {name}.
 */
export function fillTemplate(text: string, values: Values): string {
  const missing = new Set<string>();
  const fillValues = (part: string) =>
    part.replace(VALUE, (_match, name: string, fallback: string | undefined) => {
      const value = values[name as Placeholder];
      if (value !== undefined) return value;
      if (fallback !== undefined) return fallback;
      const word = DEFAULT_WORDS[name as Placeholder];
      if (word !== undefined) return word;
      missing.add(name);
      return '';
    });
  const filled = fillValues(
    text.replace(SEGMENT, (_match, inner: string) => {
      const [withValues = '', without = ''] = splitAlternatives(inner);
      return valueNames(withValues).every((n) => values[n as Placeholder] !== undefined) ? withValues : without;
    }),
  );
  if (missing.size > 0) {
    const names = [...missing];
    throw new UserError(
      'template_needs_values',
      `This template needs ${names.map((n) => `${n}:`).join(' and ')} (for example ${names[0]}:"…"), because it uses {${names[0]}} without a fallback.`,
    );
  }
  return filled.replace(/[ \t]+$/gm, '').trim();
}

/** One message a template can become: the values left out, and the filled text. */
export interface Fill {
  missing: Placeholder[];
  message: string;
}

/**
 * Every distinct message a template can become, each value given (from `sample`) or left out:
 * every [with|without] branch and {fallback} shows up in one of them. Fewest values left out first.
 */
export function templateFills(text: string, sample: Values): Fill[] {
  const used = PLACEHOLDERS.filter((p) => valueNames(text).includes(p));
  const subsets: Placeholder[][] = [[]];
  for (const p of used) subsets.push(...subsets.map((s) => [...s, p]));
  const fills: Fill[] = [];
  for (const missing of subsets.sort((a, b) => a.length - b.length)) {
    const values = Object.fromEntries(
      Object.entries(sample).filter(([name]) => !missing.includes(name as Placeholder)),
    );
    const message = fillTemplate(text, values);
    if (!fills.some((f) => f.message === message)) fills.push({ missing, message });
  }
  return fills;
}

/** A community template's line in the list: its first sentence after the greeting, filled without names. */
export function summaryOf(text: string): string {
  let plain: string;
  try {
    plain = fillTemplate(text, {});
  } catch {
    plain = text.replace(VALUE, (_m, name: string) => name).replace(/[[\]]/g, '');
  }
  const body = plain
    .replace(/\s+/g, ' ')
    .replace(/^(?:hi|hello|hey|dear)\b[^,.!?]{0,40}[,.!]\s*/i, '')
    .trim();
  const sentence = /^[^.!?]*[.!?]?/.exec(body)?.[0] ?? body;
  return sentence.length <= LIMITS.summary ? sentence : `${sentence.slice(0, LIMITS.summary - 1).trimEnd()}…`;
}

/** Everything wrong with a template's text, one sentence each (empty when it is fine). */
export function templateProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [, inner = ''] of text.matchAll(SEGMENT)) {
    const parts = splitAlternatives(inner);
    if (parts.length > 2) problems.push(`"[${inner}]" has more than one |; write [with {client}|without].`);
    if (valueNames(parts[0] ?? '').length === 0)
      problems.push(`"[${inner}]" holds no {placeholder}, so the brackets would do nothing.`);
  }
  const outsideSegments = text.replace(SEGMENT, (_m, inner: string) => inner.replace(/\|/g, ''));
  if (/[[\]]/.test(outsideSegments)) problems.push('A [ or ] has no partner (or brackets are nested).');
  if (/[{}]/.test(outsideSegments.replace(VALUE, ''))) problems.push('A { or } has no partner.');
  for (const name of new Set(valueNames(text))) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push(`{${name}} is not a placeholder; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`);
    }
  }
  return problems;
}

function valueNames(text: string): string[] {
  return [...text.matchAll(VALUE)].map((m) => m[1] ?? '');
}

/** Splits "a {x|y} b|c" at the bars outside braces: ["a {x|y} b", "c"]. */
function splitAlternatives(inner: string): string[] {
  const parts = [''];
  let depth = 0;
  for (const ch of inner) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === '|' && depth === 0) parts.push('');
    else parts[parts.length - 1] += ch;
  }
  return parts;
}

export function builtInTemplate(name: string): Template | undefined {
  const found = BUILT_IN_TEMPLATES.find((t) => t.name === name);
  return found && { ...found, source: 'built-in' };
}

export type Workspace = Pick<Context, 'platform' | 'workspaceId' | 'store'> & { isAdmin?: boolean };
const storeKey = (ctx: Workspace) => workspaceKey(ctx, 'templates');

export async function loadCommunity(ctx: Workspace): Promise<CommunityTemplate[]> {
  return (await ctx.store.get<CommunityTemplate[]>(storeKey(ctx))) ?? [];
}

/** Changes the workspace's list under the store's lock, so two admins saving at once lose nothing. */
export async function updateCommunity(
  ctx: Workspace,
  change: (list: CommunityTemplate[]) => CommunityTemplate[],
): Promise<void> {
  await ctx.store.update<CommunityTemplate[]>(storeKey(ctx), (list) => change(list ?? []));
}

/** Removes the workspace's own templates (the app was uninstalled from it). */
export async function forgetCommunity(ctx: Workspace): Promise<void> {
  await ctx.store.delete(storeKey(ctx));
}

export function normaliseName(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Throws with a specific sentence when a new community template may not take this name. */
export function checkNewName(name: string, community: CommunityTemplate[], replace: boolean): void {
  if (name.length < LIMITS.nameMin || name.length > LIMITS.nameMax || !NAME.test(name)) {
    throw new UserError(
      'bad_template_name',
      `"${name.slice(0, 40)}" is not a usable name: use ${LIMITS.nameMin}-${LIMITS.nameMax} lowercase letters, digits and dashes, starting with a letter (e.g. thank-you).`,
    );
  }
  if (RESERVED_NAMES.includes(name)) {
    throw new UserError(
      'reserved_template_name',
      `"${name}" is a sub-command word (${RESERVED_NAMES.join(', ')}); pick another name.`,
    );
  }
  if (community.some((c) => c.name === name)) {
    throw new UserError(
      'template_exists',
      `This workspace already has a template "${name}"; change it with /templates edit ${name}.`,
    );
  }
  if (builtInTemplate(name) && !replace) {
    throw new UserError(
      'template_is_builtin',
      `"${name}" is a built-in template. Add replace:yes to use your own wording instead of it here, or pick another name.`,
    );
  }
  if (community.length >= LIMITS.perWorkspace) {
    throw new UserError(
      'too_many_templates',
      `This workspace has ${LIMITS.perWorkspace} templates, the most it can keep; remove one first.`,
    );
  }
}

/** The wording of a template for a tone: community templates have a single wording. */
export function wordingFor(template: Template, tone: Tone): string {
  return typeof template.text === 'string' ? template.text : template.text[tone];
}
