// Removal from a server deletes that server's data, settings included; its members' own data follows
// them and stays. An outage deletes nothing.
// Real discord.js: the gateway's GUILD_DELETE goes through the client's own action.
import { Client } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { forgetRemovedGuilds } from '../../../src/adapters/discord/guilds.js';
import { loadSettings, updateSettings } from '../../../src/core/runtime/settings.js';
import { memoryStore, readUserData, type Store, workspaceKey, writeUserData } from '../../../src/core/store/store.js';

interface Internals {
  guilds: { _add(raw: unknown): unknown };
  actions: { GuildDelete: { handle(raw: { id: string; unavailable?: boolean }): void } };
}

const seed = async (store: Store, guild: string) => {
  await updateSettings({ platform: 'discord', workspaceId: guild, store }, { charts: false });
  await writeUserData({ platform: 'discord', workspaceId: guild, userId: 'u1', store }, 'contracts', { n: 1 });
};

async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

describe('a Discord server removing the bot', () => {
  it('deletes its settings, keeps its members’ own data (it follows them); an unavailable server keeps everything', async () => {
    const store = memoryStore();
    const client = new Client({ intents: [] });
    forgetRemovedGuilds(client, store);
    const internals = client as unknown as Internals;
    for (const id of ['g1', 'g2']) {
      await seed(store, id);
      internals.guilds._add({ id, name: `server ${id}`, channels: [], roles: [], members: [], emojis: [] });
    }

    internals.actions.GuildDelete.handle({ id: 'g2', unavailable: true });
    internals.actions.GuildDelete.handle({ id: 'g1' });
    const settingsOf = (id: string) => store.get(workspaceKey({ platform: 'discord', workspaceId: id }, 'settings'));
    expect(await eventually(async () => (await settingsOf('g1')) === undefined)).toBe(true);
    const user = (id: string) => ({ platform: 'discord', workspaceId: id, userId: 'u1', store });
    // A Discord user's log is theirs in every server and DM: leaving one server does not delete it.
    expect(await readUserData(user('g1'), 'contracts')).toEqual({ n: 1 });
    expect(await readUserData(user('dm-u1'), 'contracts')).toEqual({ n: 1 });
    expect(await loadSettings({ platform: 'discord', workspaceId: 'g2', store })).toMatchObject({ charts: false });
    await client.destroy();
    await store.close();
  });
});
