// Hostile names and texts through every command that echoes input, on Discord (real discord.js) and
// Slack (real Bolt over HTTP): the words come back as typed, but no link, mention or heading renders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../src/adapters/discord/handler.js';
import { register } from '../../src/adapters/slack/handler.js';
import { escapeSlack, unescapeSlack } from '../../src/adapters/slack/render.js';
import { commands } from '../../src/commands/index.js';
import { memoryStore } from '../../src/core/store/store.js';
import { fakeDiscord, MANAGE_GUILD, slashPayload, visibleText } from './discord/fake.js';
import { type Harness, startHarness } from './slack/harness.js';

const LINK = '[Verify](https://evil.example/x)';
const NAME = `${LINK} <@200000000000000002> @everyone \`\`\`x\`\`\` a&b`;
const TEXT = '<@200000000000000002> @everyone ```x``` https://evil.example/x a&b';
const PROJECT = '<!channel> <https://evil.example|Verify> # Notice';

interface Case {
  /** Discord command name and typed options. */
  command: string;
  options: Record<string, string | number | boolean>;
  /** The same as typed after the slash on Slack. */
  slack: string;
  /** Words the answer must show as typed. */
  echoes: string[];
}

const cases: Case[] = [
  {
    command: 'template',
    options: { name: 'five-star', client: NAME, project: PROJECT },
    slack: `/template five-star client:"${NAME}" project:"${PROJECT}"`,
    echoes: [NAME, PROJECT],
  },
  {
    command: 'template',
    options: { name: 'five-star', client: NAME, plain: true, share: true },
    slack: `/template five-star client:"${NAME}" plain:yes share:yes`,
    echoes: [NAME],
  },
  {
    command: 'templates add',
    options: { name: 'notice', text: `# Notice\\n${NAME} hi {client|there}` },
    slack: `/templates add notice # Notice\\n${NAME} hi {client|there}`,
    echoes: ['"[Verify]"'],
  },
  {
    command: 'templates add',
    options: { name: 'notice2', text: `# Notice\\n${TEXT} hi {client|there}` },
    slack: `/templates add notice2 # Notice\\n${TEXT} hi {client|there}`,
    echoes: [TEXT],
  },
  {
    command: 'check',
    options: { text: `${NAME} ${PROJECT} please leave 5 stars, mail sam@evil-mail.io` },
    slack: `/check ${NAME} ${PROJECT} please leave 5 stars, mail sam@evil-mail.io`,
    echoes: ['sam@evil-mail.io'],
  },
  {
    command: 'followup start',
    options: { client: NAME, delivered: 'today', project: PROJECT },
    slack: `/followup start client:"${NAME}" delivered:today project:"${PROJECT}"`,
    echoes: [NAME],
  },
  {
    command: 'followup done',
    options: { which: NAME },
    slack: `/followup done ${NAME}`,
    echoes: [],
  },
  {
    command: 'contracts add',
    options: { date: 'today', outcome: 'successful', amount: 500, client: NAME, title: PROJECT },
    slack: `/contracts add date:today outcome:successful amount:500 client:"${NAME}" title:"${PROJECT}"`,
    echoes: [],
  },
  { command: 'help', options: { command: NAME }, slack: `/help ${NAME}`, echoes: [] },
  { command: 'client', options: { post: `${NAME} ${PROJECT}` }, slack: `/client ${NAME} ${PROJECT}`, echoes: [] },
];

/** Discord markup outside code blocks that would render: masked links, web addresses, mentions, headings. */
function liveMarkup(text: string): string[] {
  const outside = text.replace(/(?<!\\)```[\s\S]*?(?<!\\)```/g, '');
  const found = [
    /(?<!\\)\[[^\]\n]*(?<!\\)\]\(/,
    /https?:\/\//,
    /(?<!\\)<(?:[@#!&]|t:|a?:\w+:)/,
    /(?<!\\)@(?:everyone|here)/,
    /^\s*#{1,3} /m,
  ].filter((p) => p.test(outside));
  return found.map(String);
}

describe('hostile input on Discord', () => {
  const store = memoryStore();
  const fake = fakeDiscord();
  fake.use(createInteractionHandler({ commands, store, deferAfterMs: 60_000 }));
  afterAll(() => store.close());

  it.each(cases)('/$command $options.name', async (c) => {
    const before = fake.calls.length;
    await fake.dispatch(slashPayload(commands, c.command, c.options, { permissions: MANAGE_GUILD }));
    const answers = fake.calls.slice(before).filter((call) => (call.body?.data ?? call.body)?.content !== undefined);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      const message = answer.body.data ?? answer.body;
      expect(message.allowed_mentions).toEqual({ parse: [] });
      const texts = [
        message.content,
        // biome-ignore lint/suspicious/noExplicitAny: embed JSON
        ...(message.embeds ?? []).flatMap((e: any) => [
          e.description ?? '',
          e.footer?.text ?? '',
          // biome-ignore lint/suspicious/noExplicitAny: embed JSON
          ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]),
        ]),
      ];
      for (const t of texts) expect(liveMarkup(t), t).toEqual([]);
    }
    const shown = answers.map((a) => visibleText(a.body)).join('\n');
    for (const words of c.echoes) expect(shown).toContain(words);
  });
});

describe('hostile input on Slack', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      setup: (app) => register(app, { commands, store: memoryStore(), adminUserIds: ['U0PLAIN'] }),
    });
  });
  afterAll(() => harness.close());

  it.each(cases)('$slack', async (c) => {
    const [, command = '', text = ''] = /^(\/\S+) (.*)$/s.exec(c.slack) ?? [];
    const responses = harness.calls.filter((call) => call.method === 'response_url').length;
    // Slack sends typed text with &, < and > escaped.
    const sent = await harness.send(command, escapeSlack(text));
    expect(sent.status).toBe(200);
    const bodies = sent.body ? [JSON.parse(sent.body)] : [];
    if (bodies.length === 0) {
      const later = await harness.waitForCalls('response_url', responses + 1);
      bodies.push(...later.slice(responses).map((call) => call.body));
    }
    expect(bodies.length).toBeGreaterThan(0);
    const texts = bodies.flatMap((b) => collectTexts(b));
    for (const t of texts) {
      expect(t).not.toMatch(/<[@#!]|<https?:|<mailto:/);
      expect(t).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    const shown = unescapeSlack(texts.join('\n'));
    for (const words of c.echoes) expect(shown).toContain(words);
  });
});

/** Every text Slack would render from a message body: the fallback, sections, fields and context. */
// biome-ignore lint/suspicious/noExplicitAny: walks Block Kit JSON
function collectTexts(value: any): string[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(collectTexts);
  const own = typeof value.text === 'string' ? [value.text] : [];
  return [
    ...own,
    ...Object.entries(value).flatMap(([k, v]) => (k === 'text' && typeof v === 'string' ? [] : collectTexts(v))),
  ];
}
