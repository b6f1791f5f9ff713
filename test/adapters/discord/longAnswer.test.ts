// Through real discord.js dispatch: an answer longer than one Discord message (/sources details:True)
// arrives whole, its rest in further private follow-ups instead of cut mid-rule; gigdesk's own source
// links stay links, while a web address in user text stays defused.
import { afterAll, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { renderDiscord } from '../../../src/adapters/discord/render.js';
import { commands } from '../../../src/commands/index.js';
import { FEE_RULES, MONEY_SOURCES } from '../../../src/core/fees/rules.js';
import { reply, text } from '../../../src/core/runtime/reply.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { APP, type Call, fakeDiscord, json, rawMessage, slashPayload, visibleText } from './fake.js';

const store = memoryStore();
// A follow-up is answered with the message Discord made, as the real API does.
const fake = fakeDiscord((call) =>
  call.method === 'POST' && call.path.startsWith(`/webhooks/${APP}/`)
    ? json(200, { ...rawMessage('710000000000000001', '500000000000000005'), flags: call.body?.flags ?? 0 })
    : undefined,
);
fake.use(createInteractionHandler({ commands, store }));
afterAll(() => store.close());

// biome-ignore lint/suspicious/noExplicitAny: embed JSON
const size = (e: any) =>
  (e.description ?? '').length +
  (e.footer?.text ?? '').length +
  // biome-ignore lint/suspicious/noExplicitAny: embed JSON
  (e.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);

/** The messages an answer came in: the interaction's reply, then its follow-ups. */
async function messages(name: string, values: Record<string, unknown>): Promise<Call[]> {
  const before = fake.calls.length;
  await fake.dispatch(slashPayload(commands, name, values));
  return fake.calls
    .slice(before)
    .filter((c) => c.path.endsWith('/callback') || (c.method === 'POST' && c.path.startsWith('/webhooks/')));
}

describe('/sources details:True on Discord', () => {
  it('comes whole, in several private messages within Discord limits, never shortened', async () => {
    const sent = await messages('sources', { details: true });
    expect(sent.length).toBeGreaterThan(1);
    const said = sent.map((c) => visibleText(c.body)).join('\n');
    expect(said).not.toMatch(/shortened/);
    for (const rule of FEE_RULES) expect(said).toContain(rule.name);
    for (const figure of MONEY_SOURCES) expect(said).toContain(figure.name);
    for (const call of sent) {
      const data = call.body?.data ?? call.body;
      expect(data.flags & 64).toBe(64);
      expect(data.embeds.length).toBeLessThanOrEqual(10);
      expect(data.embeds.reduce((n: number, e: unknown) => n + size(e), 0)).toBeLessThanOrEqual(6000);
    }
    const final = sent.at(-1)?.body;
    const last = (final?.data ?? final)?.embeds?.at(-1);
    expect(last?.footer?.text).toMatch(/does not publish its JSS algorithm/);
  });

  it("shows gigdesk's own source links as links, unescaped", async () => {
    const raw = JSON.stringify((await messages('sources', { details: true })).map((c) => c.body));
    expect(raw).toContain('https://support.upwork.com/hc/en-us/articles/211062538');
    expect(raw).not.toContain('https\\\\://support.upwork.com');
  });

  it('keeps a web address in user text from becoming a link', () => {
    const out = renderDiscord(reply({ lead: 'x', blocks: [text('pay me at https://evil.example/pay')] }));
    expect(out.embeds[0]?.description).toContain('https\\://evil.example/pay');
  });
});
