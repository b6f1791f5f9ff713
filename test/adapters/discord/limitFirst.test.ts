// Over the rate limit, a Discord command opens no form and downloads no file: real discord.js classes.
import { afterEach, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { memoryStore, type Store } from '../../../src/core/store/store.js';
import { type Call, fakeDiscord, MANAGE_GUILD, slashPayload, visibleText } from './fake.js';

logger.level = 'silent';

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const callbacks = (calls: Call[]) => calls.filter((c) => c.path.endsWith('/callback'));
const FILE_ID = '700000000000000007';
const upload = () =>
  slashPayload(
    commands,
    'contracts import',
    { csv_file: FILE_ID },
    {
      resolved: {
        attachments: {
          [FILE_ID]: {
            id: FILE_ID,
            filename: 'contracts.csv',
            size: 60,
            url: 'https://cdn.discordapp.com/attachments/1/2/contracts.csv',
            proxy_url: 'https://media.discordapp.net/attachments/1/2/contracts.csv',
            content_type: 'text/csv',
          },
        },
      },
    },
  );

/** A handler whose user may run `perUser` commands a minute; every download is recorded. */
function setup(perUser: number) {
  const store = memoryStore();
  stores.push(store);
  const fake = fakeDiscord();
  const downloads: string[] = [];
  const fetchFile = (async (url: URL | string) => {
    downloads.push(String(url));
    return new Response('client,start,outcome\nAcme,2026-01-05,success\n');
  }) as typeof fetch;
  const rateLimits = { perUser, perWorkspace: 1000, windowMs: 60_000 };
  fake.use(createInteractionHandler({ commands, store, fetchFile, rateLimits }));
  return { fake, downloads };
}

describe('discord commands over the rate limit', () => {
  it('within the budget, the form opens and the file is downloaded', async () => {
    const { fake, downloads } = setup(20);
    await fake.dispatch(slashPayload(commands, 'templates add', { name: 'thanks' }, { permissions: MANAGE_GUILD }));
    await fake.dispatch(upload());
    expect(callbacks(fake.calls)[0]?.body.type).toBe(9);
    expect(downloads).toHaveLength(1);
  });

  it('gets the usual answer, with no form and no download', async () => {
    const { fake, downloads } = setup(1);
    await fake.dispatch(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
    await fake.dispatch(slashPayload(commands, 'templates add', { name: 'thanks' }, { permissions: MANAGE_GUILD }));
    await fake.dispatch(upload());
    const [, form, file] = callbacks(fake.calls).map((c) => c.body);
    expect(form.type).toBe(4);
    expect(visibleText(form)).toContain('more than 1 commands in 60 s');
    expect(visibleText(file)).toContain('more than 1 commands in 60 s');
    expect(downloads).toEqual([]);
  });
});
