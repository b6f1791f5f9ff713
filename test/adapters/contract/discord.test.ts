// The shared contract cases through real discord.js dispatch, as Discord's gateway would deliver them.
import { afterAll, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { OUTCOME_COLOURS } from '../../../src/adapters/discord/render.js';
import { commands } from '../../../src/commands/index.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { fakeDiscord, MANAGE_GUILD, slashPayload, visibleText } from '../discord/fake.js';
import { contractCases } from './cases.js';

const store = memoryStore();
const fake = fakeDiscord();
fake.use(createInteractionHandler({ commands, store }));
afterAll(() => store.close());

describe('contract cases through Discord', () => {
  it.each(contractCases)('/$line', async (c) => {
    const before = fake.calls.length;
    // A member with Manage Server, as the console user is an admin, so every adapter is asked alike.
    await fake.dispatch(slashPayload(commands, c.command, c.options, { permissions: MANAGE_GUILD }));
    // The answer is the interaction callback, or the edit of the original after a defer (a chart follows
    // as a later edit carrying the file, so it is not counted here).
    const answers = fake.calls.slice(before).filter((call) => !call.form && (call.body?.data ?? call.body)?.embeds);
    expect(answers).toHaveLength(1);
    const body = answers[0]?.body;
    const message = body.data ?? body;
    const shown = visibleText(body);
    for (const e of c.expect) expect(shown).toContain(e);
    expect(message.embeds[0].color).toBe(OUTCOME_COLOURS[c.outcome]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    if (c.outcome === 'user_error') expect(message.flags).toBe(64);
  });
});
