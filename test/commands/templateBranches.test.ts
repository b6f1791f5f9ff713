// A workspace template is checked in every wording it can fill in to (a value given or left out picks
// another [branch] or {fallback}), not only with every value given.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { loadCommunity } from '../../src/core/messages/templates.js';
import { runText } from '../../src/core/runtime/run.js';
import { serverPeople } from '../support/context.js';
import { replyText } from '../support/replyText.js';

const { admin, member } = serverPeople();
const run = (line: string, c = admin()) => runText(line, commands, c);

const HIDDEN = [
  ['a [with|without] branch', 'Hi {client}, [with {project}|please give me five stars]. Thanks', 'project:'],
  ['a {value|fallback}', 'Hi {client}, thanks for {project|your project. Please leave me 5 stars}', 'project:'],
  ['a part dropped without a value', 'Hi[ {client}, thanks] [{you}|Pay me directly via PayPal].', 'you:'],
] as const;

describe('/templates add checks every way the wording fills in', () => {
  it.each(HIDDEN)(
    '%s that breaks the rules is not saved, and the answer names the branch',
    async (_, wording, left) => {
      const refused = await run(`/templates add sneaky ${wording}`);
      expect(refused.code).toBe('template_breaks_rules');
      const all = replyText(refused.reply);
      expect(all).toContain(`when ${left} is left out`);
      expect(all).toContain('draft:yes');
      expect(await loadCommunity(admin())).toEqual([]);
      const listed = replyText((await run('/template', member())).reply);
      expect(listed).not.toContain('sneaky');
    },
  );

  it('with draft:yes it is kept as a draft that members cannot use or see', async () => {
    const saved = await run(`/templates add sneaky draft:yes ${HIDDEN[0][1]}`);
    expect(saved.outcome).toBe('ok');
    expect(saved.reply.lead).toMatch(
      /^Saved \/template sneaky as a draft: members cannot use it, because when project: is left out/,
    );
    expect(replyText(saved.reply)).toContain('please give me five stars');
    expect((await loadCommunity(admin()))[0]?.draft).toBe(true);
    expect((await run('/template sneaky project:"the logo"', member())).code).toBe('unknown_template');
    expect(replyText((await run('/template', member())).reply)).not.toContain('sneaky');
  });

  it('edit is checked the same way and leaves the old wording in place', async () => {
    await run('/templates add thanks Thanks[ {client}], truly.');
    const refused = await run(`/templates edit thanks ${HIDDEN[1][1]}`);
    expect(refused.code).toBe('template_breaks_rules');
    expect((await loadCommunity(admin()))[0]?.text).toBe('Thanks[ {client}], truly.');
  });

  it('wording that passes in every branch is saved for everyone', async () => {
    const saved = await run('/templates add thanks Hi {client}, [thanks for {project}|thanks for the work]!');
    expect(saved.reply.lead).toBe('Added /template thanks for everyone in this workspace.');
  });
});

describe('/templates remove of a wording that replaced a built-in', () => {
  it('says the built-in wording is used again, without saying nobody sees the template', async () => {
    await run('/templates add five-star replace:yes Hi {client|there}, anything left to polish before we close?');
    const removed = await run('/templates remove five-star');
    expect(removed.outcome).toBe('ok');
    expect(removed.reply.lead).not.toMatch(/nobody/);
    expect(removed.reply.lead).toMatch(/built-in/);
    const plain = await run('/templates add thanks Thanks[ {client}].');
    expect(plain.outcome).toBe('ok');
    expect((await run('/templates remove thanks')).reply.lead).toMatch(/nobody in this workspace sees it/);
  });
});
