// Issue 24: a copy-ready (plain) message posted publicly keeps the user's words but renders no markup.
import { afterAll, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { commands } from '../../../src/commands/index.js';
import { memoryStore } from '../../../src/core/store/store.js';
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
    expect(message.flags ?? 0).toBe(0);
    expect(message.content).not.toMatch(MASKED_LINK);
    expect(message.content).not.toMatch(BARE_URL);
    expect(visibleText(answer?.body)).toContain(`Hi ${client},`);
  });
});
