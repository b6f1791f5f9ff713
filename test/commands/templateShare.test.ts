// A template whose text fails the rules check, or a draft, is never posted in the channel: a share of
// it stays a private answer that says why, and no Share button is offered on it.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { type CommunityTemplate, updateCommunity } from '../../src/core/messages/templates.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { serverPeople } from '../support/context.js';

const { admin: ctx, member } = serverPeople();
const run = (line: string, c = ctx()) => runText(line, commands, c);
const everything = (r: Reply) => JSON.stringify([r.lead, r.blocks, r.details, r.footer]);
const shareButtons = (r: Reply) => r.actions.filter((a) => a.args.share === true);
const NOT_POSTED = /not posted in the channel/i;

const stored = (name: string, text: string, draft?: boolean): CommunityTemplate => ({
  name,
  summary: text.slice(0, 40),
  text,
  replacesBuiltIn: false,
  ...(draft ? { draft: true } : {}),
  updatedBy: 'admin1',
  updatedAt: '2026-11-01T00:00:00.000Z',
});

describe('a failing or draft template is never shared', () => {
  it("an admin's draft that asks for five stars stays private with share:yes, and says what to change", async () => {
    const added = await run(
      '/templates add five-plz draft:yes Hi {client|there}, please leave me 5 stars for the work!',
    );
    expect(added.outcome).toBe('ok');
    const shared = await run('/template five-plz client:Bo share:yes');
    expect(shared.reply.visibility).toBe('private');
    expect(everything(shared.reply)).toMatch(NOT_POSTED);
    expect(everything(shared.reply)).toContain('asks for a rating');
    expect(shareButtons(shared.reply)).toEqual([]);
  });

  it('saving a draft with share:yes saves it but posts nothing in the channel', async () => {
    const added = await run('/templates add five-plz draft:yes share:yes Hi {client|there}, please leave me 5 stars!');
    expect(added.reply.visibility).toBe('private');
    expect(everything(added.reply)).toMatch(NOT_POSTED);
    const plain = await run('/templates add other draft:yes Please rate me 5 stars, {client|there}.');
    expect(shareButtons(plain.reply)).toEqual([]);
  });

  it('a draft that passes the check today is still only for admins: not shared', async () => {
    await updateCommunity(ctx(), () => [stored('thanks', 'Hi {client|there}, thank you for the work together!', true)]);
    const shared = await run('/template thanks share:yes');
    expect(shared.reply.visibility).toBe('private');
    expect(everything(shared.reply)).toMatch(NOT_POSTED);
    expect(everything(shared.reply)).toContain('draft');
    expect(shareButtons((await run('/template thanks')).reply)).toEqual([]);
  });

  it('a stored template that fails today is not shared by a member, nor offered to share', async () => {
    await updateCommunity(ctx(), () => [
      stored('five-plz', 'Hi {client|there}, please leave me 5 stars for the work!'),
    ]);
    const shared = await run('/template five-plz client:Bo share:yes', member());
    expect(shared.reply.visibility).toBe('private');
    expect(shared.code).toBe('template_needs_edit');
    const byAdmin = await run('/template five-plz client:Bo share:yes');
    expect(byAdmin.reply.visibility).toBe('private');
    expect(everything(byAdmin.reply)).toMatch(NOT_POSTED);
    const plainShared = await run('/template five-plz client:Bo plain:yes share:yes', member());
    expect(plainShared.reply.visibility).toBe('private');
    expect(shareButtons((await run('/template five-plz client:Bo', member())).reply)).toEqual([]);
  });

  it('a built-in filled with words that fail the check is not shared', async () => {
    const shared = await run('/template five-star client:"Bo, please leave me 5 stars" share:yes', member());
    expect(everything(shared.reply)).toContain('asks for a rating');
    expect(shared.reply.visibility).toBe('private');
  });

  it('a template that passes is still shared when asked', async () => {
    await run('/templates add thanks Hi {client|there}, thank you for the work together!');
    const shared = await run('/template thanks client:Bo share:yes', member());
    expect(shared.reply.visibility).toBe('public');
    expect(everything(shared.reply)).not.toMatch(NOT_POSTED);
    expect(shareButtons((await run('/template thanks client:Bo', member())).reply)).toHaveLength(1);
  });
});
