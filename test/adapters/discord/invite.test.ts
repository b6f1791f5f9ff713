// `gigdesk discord invite`: one link to add gigdesk to a server, one to add it to your own account.
import { describe, expect, it } from 'vitest';
import { inviteText } from '../../../src/adapters/discord/invite.js';
import { APP } from './fake.js';

const links = (text: string) => [...text.matchAll(/https:\/\/\S+/g)].map((m) => new URL(m[0]));

describe('discord invite links', () => {
  it('asks a server for the bot and commands, and an account for commands alone', () => {
    const [server, account] = links(inviteText(APP));
    expect(server?.origin + (server?.pathname ?? '')).toBe('https://discord.com/oauth2/authorize');
    expect(Object.fromEntries(server?.searchParams ?? [])).toEqual({
      client_id: APP,
      integration_type: '0',
      scope: 'bot applications.commands',
      permissions: '0',
    });
    expect(Object.fromEntries(account?.searchParams ?? [])).toEqual({
      client_id: APP,
      integration_type: '1',
      scope: 'applications.commands',
    });
  });
});
