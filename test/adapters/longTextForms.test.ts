// /profile and /client take text of several paragraphs: a chat command's one-line option cannot hold it.
// Called without that text, both open a form (a Discord modal, a Slack view) that keeps the paragraphs,
// as /check does; the check then reads the submitted text.
import { afterEach, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../src/adapters/discord/handler.js';
import { commands } from '../../src/commands/index.js';
import { logger } from '../../src/core/log.js';
import { memoryStore, type Store } from '../../src/core/store/store.js';
import { type Call, fakeDiscord, interactionPayload, slashPayload, visibleText } from './discord/fake.js';
import { submitPayload } from './slack/buttons.js';
import { type Harness, messageOf, visibleText as slackText, startHarness } from './slack/harness.js';

logger.level = 'silent';

const OVERVIEW = [
  'I build Shopify stores for small brands.',
  'Last year I shipped 40 stores with 98 % on-time delivery.',
  'Send me your store link and I will reply with three quick wins.',
].join('\n\n');
const POST = ['We need a logo for our bakery.', 'Budget is flexible; we pay on time.'].join('\n\n');

const cases = [
  { name: 'profile', option: 'overview', text: OVERVIEW, shows: /Last year I shipped 40 stores/ },
  { name: 'client', option: 'post', text: POST, shows: /Incomplete project information \(14 words\)/ },
] as const;

const stores: Store[] = [];
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const store of stores.splice(0)) await store.close();
});
const fresh = () => {
  const store = memoryStore();
  stores.push(store);
  return store;
};

const callbacks = (calls: Call[]) => calls.filter((c) => c.path.endsWith('/callback'));

describe.each(cases)('/$name without its text', ({ name, option, text, shows }) => {
  it('opens a Discord form with a paragraph field, and checks what is submitted', async () => {
    const fake = fakeDiscord();
    fake.use(createInteractionHandler({ commands, store: fresh() }));
    await fake.dispatch(slashPayload(commands, name, {}));
    const modal = callbacks(fake.calls)[0]?.body;
    expect(modal?.type).toBe(9);
    const input = modal.data.components[0].components[0];
    expect(input).toMatchObject({ type: 4, style: 2, custom_id: option });
    await fake.dispatch(
      interactionPayload(5, {
        custom_id: modal.data.custom_id,
        components: [{ type: 1, components: [{ type: 4, custom_id: option, value: text }] }],
      }),
    );
    const answer = callbacks(fake.calls)[1]?.body;
    expect(answer?.data?.flags).toBe(64);
    expect(visibleText(answer)).toMatch(shows);
    expect(visibleText(answer)).not.toMatch(/Usage:|is missing/);
  });

  it('opens a Slack form, and checks what is submitted', async () => {
    harness = await startHarness({ deps: { commands, store: fresh() } });
    expect((await harness.send(`/${name}`, '')).status).toBe(200);
    const [opened] = await harness.waitForCalls('views.open', 1);
    const view = JSON.parse(String(opened?.body.view));
    expect(view.blocks[0].element).toMatchObject({ type: 'plain_text_input', multiline: true });
    // The form's field is named after the option it fills.
    const base = submitPayload(view, 'U0PLAIN', text);
    const values = { [option]: { [option]: { type: 'plain_text_input', value: text } } };
    await harness.sendPayload({ ...base, view: { ...base.view, state: { values } } });
    const [answer] = await harness.waitForCalls('response_url', 1);
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(slackText(messageOf(answer))).toMatch(shows);
    expect(slackText(messageOf(answer))).not.toMatch(/Usage:|is missing/);
  });
});
