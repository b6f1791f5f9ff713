// Issue 24: a copy-ready (plain) message posted publicly keeps the user's words but renders no markup.
import { MessageFlags } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { commands } from '../../../src/commands/index.js';
import { runText } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import { fakeDiscord, slashPayload, visibleText } from './fake.js';

const store = memoryStore();
const fake = fakeDiscord();
fake.use(createInteractionHandler({ commands, store }));
afterAll(() => store.close());

/** Discord markup that would render: a masked link, or a bare web address (auto-linked). */
const MASKED_LINK = /(?<!\\)\[[^\]\n]*(?<!\\)\]\(/;
const BARE_URL = /https?:\/\//;

describe('issue 24: /template five-star client:"[Verify account](https://evil.example/x)" plain:yes share:yes', () => {
  it('posts publicly with the words as typed and no live masked link', async () => {
    const before = fake.calls.length;
    const client = '[Verify account](https://evil.example/x)';
    await fake.dispatch(slashPayload(commands, 'template', { name: 'five-star', client, plain: true, share: true }));
    const [answer] = fake.calls.slice(before).filter((c) => c.path.endsWith('/callback'));
    const message = answer?.body.data;
    expect((message.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(message.content).not.toMatch(MASKED_LINK);
    expect(message.content).not.toMatch(BARE_URL);
    expect(visibleText(answer?.body)).toContain(`Hi ${client},`);
  });
});

describe('a copy-ready message is its raw text: what Copy Text copies is what the client should get', () => {
  const project = 'the site https://acme.example/v2 [beta] *v2* ~old~';
  const values = { name: 'five-star', client: 'Acme_Co', project, plain: true };
  /** The same message as every platform fills it in (the console prints it as it stands). */
  const words = async () =>
    (await runText(`/template five-star client:Acme_Co project:"${project}" plain:yes`, commands, testContext())).reply
      .lead;

  it('private: byte for byte the filled message, no backslash added, links not unfurled, no pings', async () => {
    const before = fake.calls.length;
    await fake.dispatch(slashPayload(commands, 'template', values));
    const [answer] = fake.calls.slice(before).filter((c) => c.path.endsWith('/callback'));
    const message = answer?.body.data;
    expect(message.content).toBe(await words());
    expect(message.content).not.toContain('\\');
    expect(message.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(message.flags & MessageFlags.SuppressEmbeds).toBe(MessageFlags.SuppressEmbeds);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('shared: only what would make a live link is escaped; the rest of the words stay as typed', async () => {
    const before = fake.calls.length;
    await fake.dispatch(slashPayload(commands, 'template', { ...values, share: true }));
    const [answer] = fake.calls.slice(before).filter((c) => c.path.endsWith('/callback'));
    const message = answer?.body.data;
    expect(message.flags & MessageFlags.Ephemeral).toBe(0);
    expect(message.content).not.toMatch(BARE_URL);
    expect(message.content).toContain('Hi Acme_Co,');
    expect(message.content).toContain('*v2* ~old~');
    expect(visibleText(answer?.body)).toBe(await words());
  });
});
