// Issue 25, templates: names validated with the rule in the error, leads that read as sentences,
// custom templates that work without options as built-ins do.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { loadCommunity } from '../../../src/core/messages/templates.js';
import type { Context } from '../../../src/core/runtime/command.js';
import type { Reply } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

const admin = () => testContext({ isAdmin: true });
const run = (line: string, ctx: Context) => runText(line, commands, ctx);
const copied = (r: Reply) => [...r.blocks, ...r.details].find((b) => b.type === 'copy')?.text ?? '';
/** Starts with a capital (or a /command), ends with a full stop, and no ".:" seam. */
const sentence = /^[A-Z0-9/"][\s\S]*[.!?]$/;

describe('template names', () => {
  it('/templates add Bad Name! hello is refused with the naming rule, and nothing is saved', async () => {
    const ctx = admin();
    const answer = await run('/templates add Bad Name! hello', ctx);
    expect(answer.code).toBe('bad_template_name');
    expect(answer.reply.lead).toMatch(/lowercase letters, digits and dashes/);
    expect(await loadCommunity(ctx)).toEqual([]);
  });

  it.each(['Thanks', 'thank_you', '9lives'])('refuses %j', async (name) => {
    const answer = await run(`/templates add ${name} Hello {client|there}.`, admin());
    expect(answer.code).toBe('bad_template_name');
  });

  it('a good name is saved', async () => {
    const ctx = admin();
    expect((await run('/templates add thank-you-2 Hello {client|there}.', ctx)).outcome).toBe('ok');
    expect((await loadCommunity(ctx)).map((t) => t.name)).toEqual(['thank-you-2']);
  });
});

describe('custom templates work without options, as built-ins do', () => {
  const TEXT = 'Hi {client}, thanks for trusting me with {project}.\\nBest, {you}';

  it('/template thank-you with no options fills in and answers, with no raw placeholder', async () => {
    const ctx = admin();
    expect((await run(`/templates add thank-you ${TEXT}`, ctx)).outcome).toBe('ok');
    const built = await run('/template five-star', ctx);
    const custom = await run('/template thank-you', ctx);
    expect(built.outcome).toBe('ok');
    expect(custom.outcome).toBe('ok');
    expect(copied(custom.reply)).not.toMatch(/[{}]/);
    expect(copied(custom.reply)).toMatch(/^Hi there, thanks for trusting me with the project\./);
  });

  it('with options, the values are used', async () => {
    const ctx = admin();
    await run(`/templates add thank-you ${TEXT}`, ctx);
    const custom = await run('/template thank-you client:Ana project:"the logo" you:Sam', ctx);
    expect(copied(custom.reply)).toBe('Hi Ana, thanks for trusting me with the logo.\nBest, Sam');
  });
});

describe('every template lead reads as a sentence', () => {
  it('built-in, custom, list, add, edit, remove', async () => {
    const ctx = admin();
    const leads = [
      (await run('/templates add thank-you thanks for trusting me with {project}.', ctx)).reply.lead,
      (await run('/template thank-you', ctx)).reply.lead,
      (await run('/template thank-you project:"the logo"', ctx)).reply.lead,
      (await run('/template five-star client:Ana', ctx)).reply.lead,
      (await run('/template', ctx)).reply.lead,
      (await run('/templates edit thank-you Thanks again, {client|there}.', ctx)).reply.lead,
      (await run('/templates remove thank-you', ctx)).reply.lead,
    ];
    for (const lead of leads) {
      expect(lead).toMatch(sentence);
      expect(lead).not.toContain('.:');
    }
  });
});
