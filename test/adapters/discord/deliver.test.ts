// Reminder delivery by DM through discord.js REST: sent, DMs closed, and other failures.
import { describe, expect, it } from 'vitest';
import { discordDeliver } from '../../../src/adapters/discord/deliver.js';
import { reply, text } from '../../../src/core/runtime/reply.js';
import { BOT, type Call, fakeDiscord, GUILD, json, USER } from './fake.js';

const DM_CHANNEL = '910000000000000001';
const to = { platform: 'discord' as const, workspaceId: GUILD, userId: USER };
const reminder = reply({ lead: 'Follow up with Acme', blocks: [text('It has been 3 days. @everyone')] });

/** Discord's answers: a DM channel for the user, then `send` for the message itself. */
function dmResponder(send: () => Response) {
  return (call: Call) => {
    if (call.path === '/users/@me/channels') {
      return json(200, { id: DM_CHANNEL, type: 1, recipients: [{ id: USER, username: 'tester', discriminator: '0' }] });
    }
    if (call.path === `/channels/${DM_CHANNEL}/messages`) return send();
    return undefined;
  };
}

const sentMessage = () =>
  json(200, {
    id: '920000000000000001',
    channel_id: DM_CHANNEL,
    type: 0,
    content: '',
    author: { id: BOT, username: 'gigdesk', discriminator: '0', bot: true },
    timestamp: '2026-01-01T00:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
  });

describe('discordDeliver', () => {
  it('sends the reminder as a DM embed without pings or the ephemeral flag', async () => {
    const fake = fakeDiscord(dmResponder(sentMessage));
    expect(await discordDeliver(fake.client)(to, reminder)).toBe(true);
    const [open, send] = fake.calls;
    expect(open?.body).toEqual({ recipient_id: USER });
    expect(send?.body.content).toBe('Follow up with Acme');
    expect(send?.body.allowed_mentions).toEqual({ parse: [] });
    expect(send?.body.flags).toBeUndefined();
  });

  it('returns false when the user has closed their DMs (error 50007)', async () => {
    const fake = fakeDiscord(
      dmResponder(() => json(403, { message: 'Cannot send messages to this user', code: 50007 })),
    );
    expect(await discordDeliver(fake.client)(to, reminder)).toBe(false);
  });

  it('throws other failures so the reminder is retried later', async () => {
    const fake = fakeDiscord(dmResponder(() => json(400, { message: 'Invalid Form Body', code: 50035 })));
    await expect(discordDeliver(fake.client)(to, reminder)).rejects.toThrow('Invalid Form Body');
  });

  it('refuses a recipient from another platform', async () => {
    const fake = fakeDiscord();
    await expect(discordDeliver(fake.client)({ ...to, platform: 'slack' }, reminder)).rejects.toThrow('slack');
    expect(fake.calls).toEqual([]);
  });
});
