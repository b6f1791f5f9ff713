// The Discord path end to end (raw gateway payload -> discord.js -> handler -> captured callback body).
// gigdesk is compared with a no-op handler that sends the same, pre-rendered answer (buttons included)
// through the same path, so the ratio is what gigdesk adds (lookup, validation, the command, its buttons,
// rendering), measured in one run. Button ids differ per answer, so they are blanked before comparing. A
// third handler runs only the core command before the same send: the floor under any such ratio.
// Buttons are signed as with GIGDESK_BUTTON_SECRET set: an answer writes nothing to the store.
import { randomBytes } from 'node:crypto';
import { type Interaction, MessageFlags } from 'discord.js';
import { createInteractionHandler } from '../src/adapters/discord/handler.js';
import { renderDiscord } from '../src/adapters/discord/render.js';
import { commands } from '../src/commands/index.js';
import { saveActions } from '../src/core/runtime/actions.js';
import { useButtonSecret } from '../src/core/runtime/buttonTokens.js';
import type { Command } from '../src/core/runtime/command.js';
import { runCommand } from '../src/core/runtime/run.js';
import { memoryStore } from '../src/core/store/store.js';
import { fakeDiscord, slashPayload } from '../test/adapters/discord/fake.js';
import { type BenchRow, measure, timingRow } from './lib.js';

const RUNS = 3000;
const ARGS = { successful: 7, negative: 1, total: 8 };

function noopReplying(payload: object) {
  return async (interaction: Interaction): Promise<void> => {
    if (interaction.isChatInputCommand()) await interaction.reply(payload);
  };
}

/** The sent body as JSON with each button's id blanked: ids are per answer, the rest must match. */
const withoutIds = (body: unknown) => JSON.stringify(body).replace(/"custom_id":"[^"]*"/g, '"custom_id":""');

export async function bench(): Promise<BenchRow[]> {
  useButtonSecret(randomBytes(32));
  const store = memoryStore();
  const jss = commands.find((c) => c.name === 'jss') as Command;
  const ctx = {
    platform: 'discord' as const,
    workspaceId: 'bench',
    userId: 'bench',
    isAdmin: false,
    now: new Date(),
    store,
  };
  const answer = await runCommand(jss, ARGS, ctx);
  const withButtons = await saveActions(answer.reply, ctx, store, ctx.now, { room: 100, pressedWhereAnswered: true });
  const raw = slashPayload(commands, 'jss', ARGS);
  const tiny = fakeDiscord();
  tiny.use(noopReplying({ embeds: [{ title: 'ok' }], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }));
  const ready = renderDiscord(withButtons, answer.outcome);
  const same = fakeDiscord();
  same.use(noopReplying(ready));
  // The least a bot answering /jss must do: run the command (checks, score, reply), then the same send.
  const floor = fakeDiscord();
  floor.use(async (interaction: Interaction) => {
    if (!interaction.isChatInputCommand()) return;
    await runCommand(jss, ARGS, ctx);
    await interaction.reply(ready);
  });
  const gigdesk = fakeDiscord();
  gigdesk.use(createInteractionHandler({ commands, store }));
  try {
    const small = await measure('discord.js path, no-op with a one-line embed', () => tiny.dispatch(raw), RUNS);
    const base = await measure('discord.js path, no-op sending the same answer', () => same.dispatch(raw), RUNS);
    const least = await measure(
      'discord.js path, the core /jss alone, then the same send',
      () => floor.dispatch(raw),
      RUNS,
    );
    const full = await measure('discord.js path, gigdesk /jss 7 1 8', () => gigdesk.dispatch(raw), RUNS);
    const sent = withoutIds(gigdesk.calls.at(-1)?.body?.data);
    if (!sent.includes('"custom_id"')) throw new Error('bench: gigdesk sent no buttons');
    if (sent !== withoutIds(same.calls.at(-1)?.body?.data)) throw new Error('bench: gigdesk sent another answer');
    if (/"custom_id":"[A-Za-z0-9_-]{22}\.\d"/.test(JSON.stringify(gigdesk.calls.at(-1)?.body))) {
      throw new Error('bench: gigdesk saved its buttons instead of signing them');
    }
    const times = (a: number, b: number) => `${(a / b).toFixed(2)}x (+${((a / b - 1) * 100).toFixed(0)} %)`;
    return [
      timingRow(small, 'for scale: the cost of discord.js itself'),
      timingRow(base),
      timingRow(least, 'no adapter work: what any bot computing this answer must spend at least'),
      timingRow(full),
      { what: 'discord: gigdesk / no-op (p50)', value: times(full.p50Ms, base.p50Ms), note: 'target <= 1.15x' },
      {
        what: 'discord: the core command alone / no-op (p50)',
        value: times(least.p50Ms, base.p50Ms),
        note: 'the floor under the ratio above: computing the answer, before any adapter work',
      },
      {
        what: 'discord: gigdesk / the core command alone (p50)',
        value: times(full.p50Ms, least.p50Ms),
        note: `the adapter's own share: ${(full.p50Ms - least.p50Ms).toFixed(3)} ms per interaction (sign, render, send)`,
      },
    ];
  } finally {
    for (const fake of [tiny, same, floor, gigdesk]) fake.client.removeAllListeners();
    await store.close();
    useButtonSecret(undefined);
  }
}
