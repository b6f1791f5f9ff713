// The shared contract cases through real Bolt over loopback HTTP, exactly as Slack would send them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../../src/adapters/slack/render.js';
import { commands } from '../../../src/commands/index.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { type Harness, messageOf, startHarness, visibleText } from '../slack/harness.js';
import { contractCases } from './cases.js';

let harness: Harness;
beforeAll(async () => {
  // A workspace admin, as the console user is, so every adapter answers the same question alike.
  harness = await startHarness({ deps: { commands, store: memoryStore() }, users: { U0ADMIN: { is_admin: true } } });
});
afterAll(() => harness.close());

/** The ack body and any respond() messages for this request, once they hold all the expected text. */
async function answerTo(line: string, expected: string[]): Promise<SlackMessage[]> {
  const [name = '', ...rest] = line.split(' ');
  const before = harness.calls.length;
  const res = await harness.send(`/${name}`, rest.join(' '), { userId: 'U0ADMIN' });
  expect(res.status).toBe(200);
  const ack = res.body ? [JSON.parse(res.body) as SlackMessage] : [];
  const deadline = Date.now() + 5000;
  for (;;) {
    const responses = harness.calls
      .slice(before)
      .filter((c) => c.method === 'response_url')
      .map(messageOf);
    const messages = [...ack, ...responses];
    const shown = messages.map(visibleText).join('\n');
    if (expected.every((e) => shown.includes(e)) || Date.now() > deadline) return messages;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('contract cases through Slack', () => {
  it.each(contractCases)('/$line', async (c) => {
    const messages = await answerTo(c.line, c.expect);
    expect(messages.length).toBeGreaterThan(0);
    const shown = messages.map(visibleText).join('\n');
    for (const e of c.expect) expect(shown).toContain(e);
    if (c.outcome === 'user_error') {
      expect(shown).toContain('Usage: /');
      expect(messages.every((m) => m.response_type === 'ephemeral')).toBe(true);
    } else {
      expect(shown).not.toContain('Usage: /');
    }
  });
});
