// Arbitrary input through the real adapters: Discord typed options via discord.js dispatch, Slack
// signed POSTs via Bolt. Every answer is rendered, nothing pings anyone, and nothing is a fault.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommandJson } from '../../src/adapters/discord/commands.js';
import { createInteractionHandler } from '../../src/adapters/discord/handler.js';
import { OUTCOME_COLOURS } from '../../src/adapters/discord/render.js';
import { register, slashNames } from '../../src/adapters/slack/handler.js';
import { commands } from '../../src/commands/index.js';
import { shownOptions } from '../../src/core/runtime/options.js';
import { memoryStore } from '../../src/core/store/store.js';
import { fakeDiscord, MANAGE_GUILD, slashPayload } from './discord/fake.js';
import { type Harness, startHarness } from './slack/harness.js';

const mentions = fc.constantFrom(
  '@everyone',
  '@here',
  '<@&123456789012345678>',
  '<@200000000000000002>',
  '<!channel>',
  '<!here>',
  '<@U0PLAIN>',
);
const text = fc.oneof(
  mentions,
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);
const withMention = fc.tuple(text, mentions, text).map(([a, m, b]) => `${a} ${m} ${b}`);

describe('Discord: typed options from arbitrary values', () => {
  const fake = fakeDiscord();
  fake.use(createInteractionHandler({ commands, store: memoryStore(), deferAfterMs: 60_000 }));
  // Discord only sends options a command registered, typed as registered; values are anything that type allows.
  const registered = new Set(buildCommandJson(commands).map((c) => c.name));

  it('always answers (an embed, a plain copy-ready message, or a form for missing long text), never a fault, never a mention', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commands.filter((c) => registered.has(c.name.split(' ')[0] ?? ''))),
        fc.array(fc.oneof(withMention, text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), {
          maxLength: 8,
        }),
        fc.boolean(),
        async (command, values, admin) => {
          const options: Record<string, unknown> = {};
          shownOptions(command).forEach((spec, i) => {
            const v = values[i];
            if (v === undefined || spec.name === 'csv') return;
            if (spec.type === 'string') options[spec.name] = String(v).slice(0, spec.maxLength ?? 6000) || 'x';
            else if (spec.type === 'boolean') options[spec.name] = Boolean(v);
            else if (typeof v === 'number') options[spec.name] = spec.type === 'integer' ? Math.trunc(v) : v;
          });
          const before = fake.calls.length;
          await fake.dispatch(
            slashPayload(commands, command.name, options, admin ? { permissions: MANAGE_GUILD } : {}),
          );
          const answers = fake.calls
            .slice(before)
            .filter((call) => (call.body?.data ?? call.body)?.embeds || call.body?.type === 9);
          expect(answers.length).toBeGreaterThan(0);
          for (const answer of answers) {
            // A chart arrives later as an edit of the answer with the picture: the text is already there.
            if (answer.method === 'PATCH' && answer.files?.length && answer.body.content === undefined) {
              expect(JSON.stringify(answer.body.embeds)).toContain(`attachment://${answer.files[0]?.name}`);
              continue;
            }
            if (answer.body.type === 9) {
              expect(command.longText && options[command.longText] === undefined).toBeTruthy();
              continue;
            }
            const message = answer.body.data ?? answer.body;
            expect(message.allowed_mentions).toEqual({ parse: [] });
            expect(message.content).toBeTruthy();
            if (message.embeds.length > 0) expect(message.embeds[0].color).not.toBe(OUTCOME_COLOURS.internal_error);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('Slack: arbitrary text through signed requests', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      setup: (app) => register(app, { commands, store: memoryStore(), adminUserIds: ['U0PLAIN'] }),
    });
  });
  afterAll(() => harness.close());

  it('always acks 200 with escaped text: no live mention or broadcast reaches Slack', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...slashNames(commands)),
        fc.array(fc.oneof(withMention, text), { maxLength: 5 }),
        async (name, words) => {
          const sent = await harness.send(`/${name}`, words.join(' '));
          expect(sent.status).toBe(200);
          if (!sent.body) return; // answered later through respond(), checked below
          const body = JSON.parse(sent.body);
          const serialised = JSON.stringify(body);
          expect(serialised).not.toMatch(/<!(channel|here|everyone)>|<@U|<#C/);
          expect(serialised).not.toContain('Something went wrong on our side');
        },
      ),
      { numRuns: 120 },
    );
    for (const call of harness.calls) {
      expect(JSON.stringify(call.body ?? {})).not.toMatch(/<!(channel|here|everyone)>|<@U|<#C/);
    }
  });
});
