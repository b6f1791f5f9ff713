// The interaction handler through real discord.js classes: raw payload in, captured REST calls out.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createInteractionHandler, type HandlerOptions } from '../../../src/adapters/discord/handler.js';
import { commands } from '../../../src/commands/index.js';
import { deliverDue } from '../../../src/core/followups/delivery.js';
import { startFollowup } from '../../../src/core/followups/reminders.js';
import { logger } from '../../../src/core/log.js';
import { type Command, defineCommand } from '../../../src/core/runtime/command.js';
import { UserError } from '../../../src/core/runtime/errors.js';
import { reply, text } from '../../../src/core/runtime/reply.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { APP, type Call, fakeDiscord, GUILD, MANAGE_GUILD, slashPayload, USER, visibleText } from './fake.js';

logger.level = 'silent';

const boom = defineCommand({
  name: 'boom',
  description: 'always fails',
  options: z.object({}),
  run: () => {
    throw new Error('db password hunter2 rejected');
  },
});

// Stands in for a template whose placeholder is filled with what the user typed.
const greet = defineCommand({
  name: 'greet',
  description: 'fills a greeting template',
  options: z.object({ client: z.string().describe('client name') }),
  run: ({ client }) => reply({ lead: `Hello ${client}`, blocks: [text(`Hi ${client}, thanks for the brief.`)] }),
});

const wipe = defineCommand({
  name: 'testadmin wipe',
  description: 'admin only',
  adminOnly: true,
  options: z.object({}),
  run: () => reply({ lead: 'Wiped' }),
});

let release: () => void = () => {};
let started = 0;
const slow = defineCommand({
  name: 'slow',
  description: 'waits for the test',
  usesStore: true,
  options: z.object({ fail: z.boolean().optional() }),
  run: async ({ fail }) => {
    started++;
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    if (fail) throw new UserError('no_record', 'That record does not exist.');
    return reply({ lead: 'Saved' });
  },
});

const importCsv = defineCommand({
  name: 'files import',
  description: 'imports a CSV',
  options: z.object({ csv: z.string().max(2000).describe('CSV file') }),
  run: ({ csv }) => reply({ lead: `Read ${csv.trim().split('\n').length} lines` }),
});

const all: Command[] = [...commands, boom, greet, wipe, slow, importCsv];
const stores: ReturnType<typeof memoryStore>[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function setup(options: Partial<HandlerOptions> = {}, responder?: (call: Call) => Response | undefined) {
  const store = memoryStore();
  stores.push(store);
  const fake = fakeDiscord(responder);
  fake.use(createInteractionHandler({ commands: all, store, ...options }));
  return fake;
}

const callbacks = (calls: Call[]) => calls.filter((c) => c.path.endsWith('/callback'));

describe('discord slash commands', () => {
  it('answers /jss 7 1 8 privately with 75 %', async () => {
    const fake = setup();
    await fake.dispatch(slashPayload(all, 'jss', { successful: 7, negative: 1, total: 8 }));
    const [call] = callbacks(fake.calls);
    expect(call?.body.type).toBe(4);
    expect(call?.body.data.flags).toBe(64);
    expect(call?.body.data.content).toContain('75 %');
    expect(call?.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(call?.body.data.embeds.at(-1).footer.text).toContain("Upwork's published JSS formula");
  });

  it('posts publicly when share is true', async () => {
    const fake = setup();
    await fake.dispatch(slashPayload(all, 'jss', { successful: 7, negative: 1, total: 8, share: true }));
    const data = callbacks(fake.calls)[0]?.body.data;
    expect(data.flags ?? 0).toBe(0);
    expect(data.content).toContain('75 %');
  });

  it('answers a validation error privately with its message', async () => {
    const fake = setup();
    await fake.dispatch(slashPayload(all, 'jss', { successful: 9, negative: 1, total: 8, share: true }));
    const body = callbacks(fake.calls)[0]?.body;
    expect(body.data.flags).toBe(64);
    expect(visibleText(body)).toContain('cannot exceed total (8)');
    expect(visibleText(body)).toContain('Usage: /jss');
  });

  it('answers an internal error with a reference id and nothing of the fault', async () => {
    const fake = setup();
    await fake.dispatch(slashPayload(all, 'boom', {}));
    const body = callbacks(fake.calls)[0]?.body;
    const shown = visibleText(body);
    expect(body.data.flags).toBe(64);
    expect(shown).toMatch(/reference [0-9a-f]{8}/);
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toMatch(/\bat .+:\d+/);
  });

  it('lets a mass mention in a filled placeholder ping nobody', async () => {
    const fake = setup();
    await fake.dispatch(slashPayload(all, 'greet', { client: '@everyone <@&123456789012345678> @here', share: true }));
    const data = callbacks(fake.calls)[0]?.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    // The lead is the message text: the role mention in it is escaped, and nothing may ping anyway.
    expect(data.content).not.toMatch(/(?<!\\)<@&/);
    expect(visibleText({ data })).toContain('Hi @everyone');
  });

  it('refuses an admin-only command to a member without Manage Server, and runs it for one with it', async () => {
    const fake = setup();
    await fake.dispatch(slashPayload(all, 'testadmin wipe', {}, { permissions: '0' }));
    await fake.dispatch(slashPayload(all, 'testadmin wipe', {}, { permissions: MANAGE_GUILD }));
    const [refused, allowed] = callbacks(fake.calls);
    expect(visibleText(refused?.body)).toContain('Only server admins can use /testadmin wipe');
    expect(refused?.body.data.flags).toBe(64);
    expect(allowed?.body.data.content).toBe('Wiped');
  });

  it('tells the user when a registered command no longer exists', async () => {
    const fake = setup({ commands });
    await fake.dispatch(slashPayload(all, 'greet', { client: 'Ann' }));
    expect(visibleText(callbacks(fake.calls)[0]?.body)).toContain('/greet is not available any more');
  });
});

describe('discord missed reminders', () => {
  it('shows a reminder whose DM failed privately after the next answer, once', async () => {
    const store = memoryStore();
    stores.push(store);
    const owner = { platform: 'discord' as const, workspaceId: GUILD, userId: USER, isAdmin: false, store };
    await startFollowup(
      { ...owner, now: new Date('2026-03-10T12:00:00Z') },
      {
        client: 'Acme',
        tone: 'brief',
        delivered: '2026-03-10',
        tz: 'UTC',
      },
    );
    const report = await deliverDue(store, new Date('2026-04-30T12:00:00Z'), async () => false);
    expect(report.ran).toBeGreaterThan(0);
    const fake = fakeDiscord();
    fake.use(createInteractionHandler({ commands: all, store }));
    await fake.dispatch(slashPayload(all, 'jss', { successful: 7, negative: 1, total: 8 }));
    await fake.dispatch(slashPayload(all, 'jss', { successful: 7, negative: 1, total: 8 }));
    const [answer, notice, second] = fake.calls;
    expect(answer?.body.data.content).toContain('75 %');
    expect(notice?.path).toMatch(new RegExp(`^/webhooks/${APP}/token-\\d+$`));
    expect(notice?.body.flags).toBe(64);
    expect(visibleText(notice?.body)).toContain('Acme');
    expect(visibleText(notice?.body)).toContain('could not reach you');
    expect(second?.body.type).toBe(4);
    expect(fake.calls).toHaveLength(3);
  });
});

describe('discord defer for slow storage', () => {
  it('defers privately, then edits the original reply', async () => {
    const fake = setup({ deferAfterMs: 0 });
    const before = started;
    const done = fake.dispatch(slashPayload(all, 'slow', {}));
    await waitFor(() => started > before && fake.calls.length === 1);
    release();
    await done;
    const [deferred, edit] = fake.calls;
    expect(deferred?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(edit?.method).toBe('PATCH');
    expect(edit?.path).toMatch(new RegExp(`^/webhooks/${APP}/token-\\d+/messages/@original$`));
    expect(edit?.body.content).toBe('Saved');
    expect(edit?.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('replaces a public deferral with a private follow-up when the answer is an error', async () => {
    const fake = setup({ deferAfterMs: 0 });
    const before = started;
    const done = fake.dispatch(slashPayload(all, 'slow', { fail: true, share: true }));
    await waitFor(() => started > before && fake.calls.length === 1);
    release();
    await done;
    expect(fake.calls.map((c) => c.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(fake.calls[0]?.body.data.flags ?? 0).toBe(0);
    const followUp = fake.calls[2];
    expect(followUp?.body.flags).toBe(64);
    expect(visibleText(followUp?.body)).toContain('That record does not exist.');
  });

  it('answers directly without deferring when storage is quick', async () => {
    const fake = setup({ deferAfterMs: 10_000 });
    const before = started;
    const done = fake.dispatch(slashPayload(all, 'slow', {}));
    await waitFor(() => started > before);
    release();
    await done;
    expect(fake.calls.map((c) => c.body.type)).toEqual([4]);
  });
});

describe('discord autocomplete', () => {
  it('suggests matching command names for /help', async () => {
    const fake = setup();
    await fake.dispatch(slashPayload(all, 'help', { command: 'j' }, { focused: 'command' }));
    const body = callbacks(fake.calls)[0]?.body;
    expect(body.type).toBe(8);
    expect(body.data.choices).toContainEqual({ name: 'jss', value: 'jss' });
    expect(body.data.choices.every((c: { name: string }) => c.name.startsWith('j'))).toBe(true);
  });

  it('answers with no suggestions when the suggester fails', async () => {
    const broken = defineCommand({
      ...greet,
      name: 'broken',
      autocomplete: () => {
        throw new Error('store down');
      },
    });
    const fake = setup({ commands: [...all, broken] });
    await fake.dispatch(slashPayload([...all, broken], 'broken', { client: 'A' }, { focused: 'client' }));
    expect(callbacks(fake.calls)[0]?.body).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('discord CSV attachments', () => {
  const attachment = (over: Record<string, unknown> = {}) => ({
    attachments: {
      '700000000000000007': {
        id: '700000000000000007',
        filename: 'contracts.csv',
        size: 40,
        url: 'https://cdn.discordapp.com/attachments/1/2/contracts.csv',
        proxy_url: 'https://media.discordapp.net/attachments/1/2/contracts.csv',
        content_type: 'text/csv; charset=utf-8',
        ...over,
      },
    },
  });
  const upload = (over?: Record<string, unknown>) =>
    slashPayload(all, 'files import', { csv_file: '700000000000000007' }, { resolved: attachment(over) });
  const files: string[] = [];
  const fetchFile = (async (url: URL | string) => {
    files.push(String(url));
    return new Response('date,client,amount\n2026-01-02,Acme,500\n');
  }) as typeof fetch;

  it('downloads a text/csv attachment and passes it as the csv text', async () => {
    const fake = setup({ fetchFile });
    await fake.dispatch(upload());
    expect(files).toContain('https://cdn.discordapp.com/attachments/1/2/contracts.csv');
    expect(callbacks(fake.calls)[0]?.body.data.content).toBe('Read 2 lines');
  });

  it('takes pasted CSV text too, but not text and a file at once, and asks for one when neither came', async () => {
    const fake = setup({ fetchFile });
    files.length = 0;
    await fake.dispatch(slashPayload(all, 'files import', { csv: 'a,b\nc,d\ne,f' }));
    await fake.dispatch(
      slashPayload(all, 'files import', { csv: 'a,b', csv_file: '700000000000000007' }, { resolved: attachment() }),
    );
    await fake.dispatch(slashPayload(all, 'files import', {}));
    const [pasted, both, neither] = callbacks(fake.calls).map((c) => visibleText(c.body));
    expect(pasted).toContain('Read 3 lines');
    expect(both).toContain('not both');
    expect(neither).toContain('"csv" is missing');
    expect(files).toEqual([]);
  });

  it('refuses a file that is not CSV, or too large, without downloading it', async () => {
    const fake = setup({ fetchFile });
    files.length = 0;
    await fake.dispatch(upload({ content_type: 'image/png', filename: 'cat.png' }));
    await fake.dispatch(upload({ size: 5_000_000 }));
    const [wrongType, tooBig] = callbacks(fake.calls).map((c) => visibleText(c.body));
    expect(wrongType).toContain('"cat.png" is image/png; attach a CSV file');
    expect(tooBig).toContain('the largest CSV accepted is 2 KB');
    expect(files).toEqual([]);
  });

  it('treats an attachment URL outside Discord as a fault, not a download', async () => {
    const fake = setup({ fetchFile });
    files.length = 0;
    await fake.dispatch(upload({ url: 'https://example.com/x.csv' }));
    expect(visibleText(callbacks(fake.calls)[0]?.body)).toMatch(/reference [0-9a-f]{8}/);
    expect(files).toEqual([]);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not reached');
}
