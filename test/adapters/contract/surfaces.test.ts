// One contract, three surfaces: the same slash command, button press, form submission and reminder
// through the console adapter, real discord.js dispatch and real Bolt over loopback HTTP give the same
// reply (its lead, its buttons and, where the platform has one, its privacy).
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../../src/adapters/console/console.js';
import { discordDeliver } from '../../../src/adapters/discord/deliver.js';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import type { RunningAdapter } from '../../../src/adapters/running.js';
import { slackDeliver } from '../../../src/adapters/slack/deliver.js';
import { unescapeSlack } from '../../../src/adapters/slack/render.js';
import { commands } from '../../../src/commands/index.js';
import { deliverDue } from '../../../src/core/followups/delivery.js';
import { startFollowup } from '../../../src/core/followups/reminders.js';
import type { Platform } from '../../../src/core/runtime/command.js';
import { memoryStore, type Store } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import {
  type Call,
  fakeDiscord,
  GUILD,
  interactionPayload,
  json,
  rawMessage,
  slashPayload,
  USER,
} from '../discord/fake.js';
import { buttonsOf, pressPayload, submitPayload } from '../slack/buttons.js';
import { type Harness, messageOf, startHarness } from '../slack/harness.js';

/** What a person sees of one reply, on any platform. */
interface Seen {
  lead: string;
  buttons: string[];
  /** Only the person who asked sees it (absent where the platform has no such flag: the console, a DM). */
  private?: boolean;
}

const FORM_TEXT = 'Thanks for the project! Please leave me 5 stars.';
const DUE = new Date(Date.now() + 8 * 86_400_000);

/** Each surface answers the four cases; `press` presses a button of the answer it gave last. */
interface Surface {
  slash(): Promise<Seen>;
  press(label: string): Promise<Seen>;
  form(): Promise<Seen>;
  reminder(): Promise<Seen>;
}

async function startFor(platform: Platform, store: Store, userId: string, workspaceId: string) {
  const now = new Date();
  const ctx = { ...testContext({ store, now }), platform, workspaceId, userId };
  await startFollowup(ctx, { client: 'Ana', delivered: now.toISOString().slice(0, 10), tone: 'warm', tz: 'UTC' });
}

// ---- console: lines typed into the real prompt, answers read between prompts
function consoleSurface(): Surface & { close(): Promise<void> } {
  const store = memoryStore();
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
  });
  let adapter: RunningAdapter | undefined;
  let last: string[] = [];
  const started = startConsole({ outDir: './out' }, { store, input, output }).then((a) => {
    adapter = a;
  });
  const answer = async (line: string): Promise<Seen> => {
    await started;
    const from = shown.length;
    input.write(`${line}\n`);
    while (!shown.slice(from).includes('gigdesk> ')) await new Promise((r) => setTimeout(r, 10));
    return seenOnConsole(shown.slice(from, shown.indexOf('gigdesk> ', from)));
  };
  const remember = (seen: Seen) => {
    last = seen.buttons;
    return seen;
  };
  return {
    slash: async () => remember(await answer('/jss 7 1 8')),
    press: async (label) => remember(await answer(String(last.indexOf(label) + 1))),
    form: async () => remember(await answer(`/check ${FORM_TEXT}`)),
    reminder: async () => {
      await started;
      const to = (await import('node:os')).userInfo().username || 'local';
      await startFor('console', store, to, 'local');
      const from = shown.length;
      await deliverDue(store, DUE, adapter?.deliver ?? (async () => false), { platforms: ['console'] });
      return seenOnConsole(shown.slice(from).replace('\n[reminder]\n', ''));
    },
    close: async () => {
      input.end();
      await adapter?.ended;
      await store.close();
    },
  };
}

function seenOnConsole(text: string): Seen {
  const paragraphs = text.trim().split('\n\n');
  const buttons = paragraphs.find((p) => p.startsWith('[1] '));
  return {
    lead: (paragraphs[0] ?? '').replace(/\n/g, ' '),
    buttons: buttons
      ? (buttons
          .split('\n')[0]
          ?.split(/\s*\[\d+\]\s/)
          .filter(Boolean) ?? [])
      : [],
  };
}

// ---- Discord: raw payloads through discord.js's own dispatch; answers are the captured callbacks
const DM_CHANNEL = '910000000000000001';
// biome-ignore lint/suspicious/noExplicitAny: captured JSON
type Body = any;

function discordSurface(): Surface & { close(): Promise<void> } {
  const store = memoryStore();
  const fake = fakeDiscord((call: Call) => {
    if (call.path === '/users/@me/channels') {
      return json(200, { id: DM_CHANNEL, type: 1, recipients: [{ id: USER, username: 'tester', discriminator: '0' }] });
    }
    if (call.path === `/channels/${DM_CHANNEL}/messages`)
      return json(200, rawMessage('920000000000000001', DM_CHANNEL));
    return undefined;
  });
  fake.use(createInteractionHandler({ commands, store }));
  let last: Body;
  const callback = async (raw: object): Promise<Body> => {
    const from = fake.calls.length;
    await fake.dispatch(raw);
    const body = fake.calls.slice(from).find((c) => c.path.endsWith('/callback'))?.body;
    last = body;
    return body;
  };
  return {
    slash: async () =>
      seenOnDiscord((await callback(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }))).data),
    press: async (label) => {
      const button = buttonsOnDiscord(last.data).find((b) => b.label === label);
      const raw = interactionPayload(3, { custom_id: button?.custom_id, component_type: 2 }) as Body;
      raw.message = rawMessage('700000000000000007', '500000000000000005');
      return seenOnDiscord((await callback(raw)).data);
    },
    form: async () => {
      const modal = await callback(slashPayload(commands, 'check', {}));
      expect(modal.type).toBe(9);
      const submit = interactionPayload(5, {
        custom_id: modal.data.custom_id,
        components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: FORM_TEXT }] }],
      });
      return seenOnDiscord((await callback(submit)).data);
    },
    reminder: async () => {
      await startFor('discord', store, USER, GUILD);
      const from = fake.calls.length;
      await deliverDue(store, DUE, discordDeliver(fake.client, store), { platforms: ['discord'] });
      const dm = fake.calls.slice(from).find((c) => c.path === `/channels/${DM_CHANNEL}/messages`);
      return seenOnDiscord(dm?.body, true);
    },
    close: () => store.close(),
  };
}

function buttonsOnDiscord(message: Body): { label: string; custom_id: string }[] {
  return (message?.components ?? []).flatMap((row: { components: unknown[] }) => row.components);
}

/** A DM has no privacy flag: only its recipient sees it anyway. */
function seenOnDiscord(message: Body, dm = false): Seen {
  return {
    // The lead is the message content, markdown escapes resolved.
    lead: String(message?.content ?? '').replace(/\\([^\w\s])/g, '$1'),
    buttons: buttonsOnDiscord(message).map((b) => b.label),
    ...(dm ? {} : { private: message?.flags === 64 }),
  };
}

// ---- Slack: signed requests to real Bolt on loopback; answers are the ack body or response_url posts
const SLACK_USER = 'U0PLAIN';

function slackSurface(): Surface & { close(): Promise<void> } {
  const store = memoryStore();
  let harness: Harness | undefined;
  const started = startHarness({ deps: { commands, store }, users: { [SLACK_USER]: {} } }).then((h) => {
    harness = h;
    return h;
  });
  let last: Body;
  const posted = async (h: Harness, from: number, method = 'response_url'): Promise<Body> => {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const call = h.calls.slice(from).find((c) => c.method === method);
      if (call) return messageOf(call);
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no ${method} call`);
  };
  return {
    slash: async () => {
      const h = await started;
      last = JSON.parse((await h.send('/jss', '7 1 8', { userId: SLACK_USER })).body);
      return seenOnSlack(last);
    },
    press: async (label) => {
      const h = await started;
      const button = buttonsOf(last ?? {}).find((b) => b.text.text === label);
      const from = h.calls.length;
      if (!button) throw new Error(`no ${label} button on Slack`);
      await h.sendPayload(pressPayload(button, SLACK_USER));
      last = await posted(h, from);
      return seenOnSlack(last);
    },
    form: async () => {
      const h = await started;
      const from = h.calls.length;
      await h.send('/check', '', { userId: SLACK_USER });
      const view = JSON.parse(String((await posted(h, from, 'views.open')).view));
      const submitted = h.calls.length;
      await h.sendPayload(submitPayload(view, SLACK_USER, FORM_TEXT));
      last = await posted(h, submitted);
      return seenOnSlack(last);
    },
    reminder: async () => {
      const h = await started;
      await startFor('slack', store, SLACK_USER, 'T0TEST');
      const from = h.calls.length;
      await deliverDue(store, DUE, slackDeliver(h.app.client, store), { platforms: ['slack'] });
      const dm = await posted(h, from, 'chat.postMessage');
      return { ...seenOnSlack(dm), private: undefined };
    },
    close: async () => {
      await harness?.close();
      await store.close();
    },
  };
}

function seenOnSlack(message: Body): Seen {
  return {
    // The notification text is the lead, escaped for Slack.
    lead: unescapeSlack(String(message?.text ?? '')),
    buttons: buttonsOf(message ?? {}).map((b) => b.text.text),
    private: message?.response_type === 'ephemeral',
  };
}

// ---- the contract
const surfaces = { console: consoleSurface(), discord: discordSurface(), slack: slackSurface() };
const all = Object.entries(surfaces);
afterAll(async () => {
  for (const [, surface] of all) await surface.close();
});

/** The same case on every surface: their replies must agree, and one of them is checked for content. */
async function onEvery(ask: (surface: Surface) => Promise<Seen>): Promise<Seen> {
  const seen: Record<string, Seen> = {};
  for (const [name, surface] of all) seen[name] = await ask(surface);
  const { console: typed, discord, slack } = seen as Record<'console' | 'discord' | 'slack', Seen>;
  expect({ lead: discord.lead, buttons: discord.buttons }).toEqual({ lead: typed.lead, buttons: typed.buttons });
  expect(slack).toEqual(discord);
  return discord;
}

describe('one contract on console, Discord and Slack', () => {
  it('a slash command: the same private answer with the same buttons', async () => {
    const seen = await onEvery((s) => s.slash());
    expect(seen.lead).toContain('75 %');
    expect(seen.buttons).toContain('Share in channel');
    expect(seen.private).toBe(true);
  });

  it('a button press: Share posts the same answer for everyone, without personal buttons', async () => {
    const seen = await onEvery((s) => s.press('Share in channel'));
    expect(seen.lead).toContain('75 %');
    expect(seen.buttons).not.toContain('Share in channel');
    expect(seen.private).toBe(false);
  });

  it('a form (modal) submission: the typed text checked, privately', async () => {
    const seen = await onEvery((s) => s.form());
    expect(seen.lead).toContain('rating');
    expect(seen.private).toBe(true);
  });

  it('a reminder delivery: the same lead and Copy-ready, Done and Snooze buttons in a direct message', async () => {
    const seen = await onEvery((s) => s.reminder());
    expect(seen.lead).toContain('Ana');
    expect(seen.buttons).toEqual(['Copy-ready', 'Done', 'Snooze 1 day', 'Snooze 1 week']);
  });
});
