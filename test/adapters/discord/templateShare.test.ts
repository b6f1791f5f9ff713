// Through real discord.js dispatch: /template share:yes of a draft or of a wording that fails the rules
// check answers only the person who asked (ephemeral) and posts nothing in the channel.
import { afterAll, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { commands } from '../../../src/commands/index.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { type Call, fakeDiscord, MANAGE_GUILD, slashPayload, visibleText } from './fake.js';

const store = memoryStore();
const fake = fakeDiscord();
fake.use(createInteractionHandler({ commands, store }));
afterAll(() => store.close());

const EPHEMERAL = 64;
const isPrivate = (c: Call) => c.path.endsWith('/callback') && ((c.body?.data?.flags ?? 0) & EPHEMERAL) !== 0;

/** Every request the command made, after the ones before it. */
async function send(name: string, values: Record<string, unknown>, admin = false): Promise<Call[]> {
  const before = fake.calls.length;
  await fake.dispatch(slashPayload(commands, name, values, admin ? { permissions: MANAGE_GUILD } : {}));
  return fake.calls.slice(before);
}

describe('/template share:yes of a draft that asks for five stars', () => {
  it('answers the admin privately with what to change and posts nothing public', async () => {
    const text = 'Hi {client|there}, please leave me 5 stars for the work!';
    const added = await send('templates add', { name: 'five-plz', draft: true, text, share: true }, true);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every(isPrivate)).toBe(true);

    const shared = await send('template', { name: 'five-plz', client: 'Bo', share: true }, true);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every(isPrivate)).toBe(true);
    const said = shared.map((c) => visibleText(c.body)).join('\n');
    expect(said).toMatch(/not posted in the channel/i);
    expect(said).toContain('asks for a rating');
    const buttons = JSON.stringify(shared.map((c) => c.body?.data?.components ?? []));
    expect(buttons).not.toContain('Share in channel');
  });

  it('a member asking for the same shared gets no draft and nothing public', async () => {
    const shared = await send('template', { name: 'five-plz', client: 'Bo', share: true });
    expect(shared.every(isPrivate)).toBe(true);
    expect(shared.map((c) => visibleText(c.body)).join('\n')).not.toContain('5 stars');
  });
});
