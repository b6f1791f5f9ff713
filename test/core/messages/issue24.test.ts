// The examples of issue 24 ("Rules-safe messages everywhere"), each as it was reported.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { type CommunityTemplate, loadCommunity, updateCommunity } from '../../../src/core/messages/templates.js';
import type { Reply } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { serverPeople } from '../../support/context.js';

const RULES_FOOTER = /Written to Upwork's feedback rules/;
const FIVE_PLZ =
  '/templates add five-plz confirm:yes Hi {client|there}, please leave me 5 stars for the work! I will give you 10% off next time.';

const { admin: ctx, member } = serverPeople();
const run = (line: string, c = ctx()) => runText(line, commands, c);
const everything = (r: Reply) => JSON.stringify([r.lead, r.blocks, r.details, r.footer]);

describe('issue 24: /templates add five-plz confirm:yes', () => {
  it('is refused with the findings, saves nothing, and members cannot get it', async () => {
    const added = await run(FIVE_PLZ);
    expect(added.code).toBe('template_breaks_rules');
    expect(added.reply.lead).toMatch(/^Not saved/);
    expect(everything(added.reply)).toContain('asks for a rating');
    expect(everything(added.reply)).toContain('trades something for feedback');
    expect(await loadCommunity(ctx())).toEqual([]);
    const used = await run('/template five-plz', member());
    expect(used.code).toBe('unknown_template');
    expect(everything(used.reply)).not.toMatch(RULES_FOOTER);
  });

  it('a template stored before this change that fails now is served with the findings, not the footer', async () => {
    const stored: CommunityTemplate = {
      name: 'five-plz',
      summary: 'please leave me 5 stars for the work!',
      text: 'Hi {client|there}, please leave me 5 stars for the work! I will give you 10% off next time.',
      replacesBuiltIn: false,
      updatedBy: 'admin1',
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    await updateCommunity(ctx(), () => [stored]);
    const used = await run('/template five-plz client:Bo', member());
    expect(everything(used.reply)).not.toMatch(RULES_FOOTER);
    expect(everything(used.reply)).toContain('asks for a rating');
    const plain = await run('/template five-plz client:Bo plain:yes', member());
    expect(plain.reply.plain).not.toBe(true);
    expect(everything(plain.reply)).toContain('asks for a rating');
  });

  it('a template that passes is served with the footer', async () => {
    await run('/templates add thanks Hi {client|there}, thank you for the work together!');
    const used = await run('/template thanks client:Bo', member());
    expect(used.reply.footer.join(' ')).toMatch(RULES_FOOTER);
  });
});

describe('issue 24: /check examples reported as "Good to send"', () => {
  it.each([
    ['Please leave a ⭐⭐⭐⭐⭐ review', 'asks for a rating'],
    ['Leave 5* please', 'asks for a rating'],
    ['Please close the contract today, I really need it or my JSS will drop.', 'puts pressure on the client'],
  ])('/check %s is flagged', async (message, kind) => {
    const answer = await run(`/check ${message}`, member());
    expect(answer.reply.lead).not.toMatch(/^Good to send/);
    expect(answer.reply.lead).toContain(kind);
  });
});
