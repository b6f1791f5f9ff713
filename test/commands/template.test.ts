import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { LIMITS, loadCommunity } from '../../src/core/messages/templates.js';
import { type Block, type Reply, text } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { serverPeople } from '../support/context.js';

/** Everything an answer shows, the lead and the details included. */
const everything = (r: Reply): Block[] => [text(r.lead), ...r.blocks, ...r.details];

const { admin: ctx, member } = serverPeople();
const shown = (blocks: Block[]) => blocks.map((b) => ('text' in b ? b.text : JSON.stringify(b))).join('\n');
const copyText = (blocks: Block[]) => blocks.find((b) => b.type === 'copy')?.text ?? '';
const run = (line: string, c = ctx()) => runText(line, commands, c);

const THANKS = 'Hi {client|there}, thanks for coming back[ for {project}]!\\nSee you soon.';

describe('community templates: who may change them', () => {
  it.each([`/templates add thanks ${THANKS}`, '/templates edit thanks Hi again.', '/templates remove thanks'])(
    'a non-admin is refused and nothing changes: %s',
    async (line) => {
      await run(`/templates add thanks ${THANKS}`);
      const before = await loadCommunity(ctx());
      const answer = await run(line, member());
      expect(answer.outcome).toBe('user_error');
      expect(shown(everything(answer.reply))).toMatch(/Only workspace admins can use \/templates (add|edit|remove)/);
      expect(await loadCommunity(ctx())).toEqual(before);
      expect(before).toHaveLength(1);
    },
  );

  it('a non-admin can still use and list them', async () => {
    await run(`/templates add thanks ${THANKS}`);
    const used = await run('/template thanks client:Bo', member());
    expect(copyText(everything(used.reply))).toBe('Hi Bo, thanks for coming back!\nSee you soon.');
    const listed = await run('/template', member());
    expect(shown(everything(listed.reply))).toContain(
      '"label":"thanks","value":"thanks for coming back! (this workspace)"',
    );
  });
});

describe('/templates add', () => {
  it('saves per workspace: other workspaces and platforms do not see it', async () => {
    const answer = await run(`/templates add thanks ${THANKS}`);
    expect(answer.outcome).toBe('ok');
    expect(copyText(everything(answer.reply))).toBe('Hi Alex, thanks for coming back for the website!\nSee you soon.');
    expect((await run('/template thanks', ctx({ workspaceId: 'g2' }))).outcome).toBe('user_error');
    expect((await run('/template thanks', ctx({ platform: 'slack' }))).outcome).toBe('user_error');
    expect(copyText(everything((await run('/template thanks')).reply))).toBe(
      'Hi there, thanks for coming back!\nSee you soon.',
    );
  });

  it.each([
    ['/templates add A Hello {client}.', /not a usable name/],
    ['/templates add "thank you" Hello {client}.', /not a usable name/],
    ['/templates add 9lives Hello {client}.', /not a usable name/],
    [`/templates add ${'a'.repeat(31)} Hello {client}.`, /not a usable name/],
    ['/templates add list Hello {client}.', /sub-command word/],
    ['/templates add use Hello {client}.', /sub-command word/],
    ['/templates add five-star Hello {client}.', /built-in template. Add replace:yes/],
    ['/templates add hi Hello {name}.', /\{name\} is not a placeholder/],
    ['/templates add hi Hello [there].', /holds no \{placeholder\}/],
    [`/templates add hi ${'x'.repeat(LIMITS.text + 1)}`, /at most 1500 characters/],
  ])('%s is refused and nothing is saved', async (line, message) => {
    const answer = await run(line);
    expect(answer.outcome).toBe('user_error');
    expect(shown(everything(answer.reply))).toMatch(message);
    expect(await loadCommunity(ctx())).toEqual([]);
  });

  it('refuses a second template of the same name', async () => {
    await run(`/templates add thanks ${THANKS}`);
    const answer = await run('/templates add thanks Other words.');
    expect(shown(everything(answer.reply))).toMatch(/already has a template "thanks"/);
    expect((await loadCommunity(ctx()))[0]?.text).toContain('coming back');
  });

  it('with /check findings saves nothing; confirm:yes no longer overrides the check', async () => {
    const risky =
      '/templates add review Thanks {client|there}! Please leave me 5 stars, or email me at sam@example.com.';
    for (const line of [risky, risky.replace('review ', 'review confirm:yes ')]) {
      const refused = await run(line);
      expect(refused.code).toBe('template_breaks_rules');
      expect(refused.reply.lead).toBe('Not saved: the wording asks for a rating and moves off Upwork.');
      expect(shown(everything(refused.reply))).toContain('leave me 5 stars');
      expect(shown(everything(refused.reply))).toContain('draft:yes');
      expect(await loadCommunity(ctx())).toEqual([]);
    }
  });

  it('draft:yes keeps failing wording as a draft: admins see it with the findings, members cannot use it', async () => {
    const saved = await run('/templates add review draft:yes Thanks {client|there}! Please leave me 5 stars.');
    expect(saved.outcome).toBe('ok');
    expect(saved.reply.lead).toMatch(/^Saved \/template review as a draft: members cannot use it/);
    expect((await loadCommunity(ctx()))[0]?.draft).toBe(true);
    const asAdmin = await run('/template review client:Bo');
    expect(asAdmin.reply.lead).toMatch(/^Do not send \/template review as it is: it asks for a rating\. It is a draft/);
    expect(asAdmin.reply.footer.join(' ')).not.toContain("Written to Upwork's feedback rules");
    expect(shown(everything(asAdmin.reply))).not.toContain('"type":"copy"');
    const asMember = await run('/template review client:Bo', member());
    expect(asMember.code).toBe('unknown_template');
    expect(shown(everything((await run('/template', member())).reply))).not.toContain('review');
    expect(shown(everything((await run('/template')).reply))).toContain('(draft, admins only)');
  });

  it('a draft under a built-in name leaves members the built-in; editing it to pass makes it usable', async () => {
    await run('/templates add five-star replace:yes draft:yes Hi {client|there}, 5 stars please!');
    expect(copyText(everything((await run('/template five-star client:Bo', member())).reply))).toMatch(
      /^Hi Bo,\n\nThe final delivery/,
    );
    const edited = await run('/templates edit five-star Hi {client|there}, anything left to polish?');
    expect(edited.reply.lead).toBe('Changed /template five-star for everyone in this workspace.');
    expect((await loadCommunity(ctx()))[0]?.draft).toBeUndefined();
    expect(copyText(everything((await run('/template five-star client:Bo', member())).reply))).toBe(
      'Hi Bo, anything left to polish?',
    );
  });

  it('replace:yes puts the workspace wording in place of a built-in; remove brings the built-in back', async () => {
    const added = await run(
      '/templates add five-star replace:yes Hi {client|there}, anything left to polish before we close?',
    );
    expect(added.outcome).toBe('ok');
    const used = await run('/template five-star client:Bo');
    expect(copyText(everything(used.reply))).toBe('Hi Bo, anything left to polish before we close?');
    expect(used.reply.footer.join(' ')).toContain("this workspace's admins");
    const listed = shown(everything((await run('/template')).reply));
    expect(listed.match(/"label":"five-star"/g)).toHaveLength(1);
    expect(listed).toContain("(this workspace's wording)");

    const removed = await run('/templates remove five-star');
    expect(removed.reply.lead).toBe(
      "Removed this workspace's wording of /template five-star: it uses the built-in wording again.",
    );
    expect(copyText(everything((await run('/template five-star client:Bo')).reply))).toMatch(
      /^Hi Bo,\n\nThe final delivery/,
    );
  });

  it('a bare {client} without a value works as built-ins do, with no raw placeholder', async () => {
    await run('/templates add greet Hi {client}, thank you.');
    const answer = await run('/template greet');
    expect(answer.outcome).toBe('ok');
    expect(copyText(everything(answer.reply))).toBe('Hi there, thank you.');
  });
});

describe('/templates edit and remove', () => {
  it('edit replaces the wording and is checked again', async () => {
    await run(`/templates add thanks ${THANKS}`);
    const risky = await run('/templates edit thanks Pay me directly via PayPal.');
    expect(risky.code).toBe('template_breaks_rules');
    expect(risky.reply.lead).toMatch(/^Not saved: /);
    expect((await loadCommunity(ctx()))[0]?.text).toContain('coming back');
    const edited = await run('/templates edit thanks Thanks[ {client}], truly.');
    expect(edited.reply.lead).toBe('Changed /template thanks for everyone in this workspace.');
    expect(copyText(everything((await run('/template thanks client:Bo')).reply))).toBe('Thanks Bo, truly.');
  });

  it.each([
    ['/templates edit nope Hi.', /has no template "nope"/],
    ['/templates edit five-star Hi.', /built in; add your own wording with \/templates add five-star replace:yes/],
    ['/templates remove nope', /is not in this workspace/],
    ['/templates remove five-star', /is built in and cannot be removed/],
  ])('%s is refused', async (line, message) => {
    const answer = await run(line);
    expect(answer.outcome).toBe('user_error');
    expect(shown(everything(answer.reply))).toMatch(message);
  });

  it('remove deletes only that template', async () => {
    await run(`/templates add thanks ${THANKS}`);
    await run('/templates add bye Bye[ {client}].');
    await run('/templates remove thanks');
    expect((await loadCommunity(ctx())).map((t) => t.name)).toEqual(['bye']);
  });

  it('autocomplete offers community names for edit and all names for use', async () => {
    await run(`/templates add thanks ${THANKS}`);
    const edit = commands.find((c) => c.name === 'templates edit');
    const use = commands.find((c) => c.name === 'template');
    expect(await edit?.autocomplete?.('name', '', ctx())).toEqual(['thanks']);
    expect(await use?.autocomplete?.('name', 'T', ctx())).toEqual(['thanks']);
    expect(await use?.autocomplete?.('name', '', ctx())).toHaveLength(8);
  });
});
