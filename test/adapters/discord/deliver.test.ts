// Reminder delivery by DM through discord.js REST: sent, DMs closed, and other failures.
import { describe, expect, it } from 'vitest';
import { discordDeliver } from '../../../src/adapters/discord/deliver.js';
import { PermanentDeliveryError } from '../../../src/core/followups/delivery.js';
import { reply, text } from '../../../src/core/runtime/reply.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { type Call, fakeDiscord, GUILD, json, rawMessage, USER } from './fake.js';

const DM_CHANNEL = '910000000000000001';
const store = memoryStore();
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

const sentMessage = () => json(200, rawMessage('920000000000000001', DM_CHANNEL));

describe('discordDeliver', () => {
  it('sends the reminder as a DM embed without pings or the ephemeral flag', async () => {
    const fake = fakeDiscord(dmResponder(sentMessage));
    expect(await discordDeliver(fake.client, store)(to, reminder)).toBe(true);
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
    expect(await discordDeliver(fake.client, store)(to, reminder)).toBe(false);
  });

  it('returns false when Discord refuses the DM for sharing no server (50278), kept for the next command', async () => {
    // A person who added gigdesk to their account only may share no server with it.
    const fake = fakeDiscord((call) =>
      call.path === '/users/@me/channels'
        ? json(400, { message: 'Cannot send messages to this user', code: 50278 })
        : undefined,
    );
    expect(await discordDeliver(fake.client, store)(to, reminder)).toBe(false);
    expect(fake.calls.map((c) => c.path)).toEqual(['/users/@me/channels']);
  });

  it('reports a refusal no retry can fix (an unknown user) as permanent, with its code', async () => {
    const fake = fakeDiscord(dmResponder(() => json(404, { message: 'Unknown User', code: 10013 })));
    const failure = await discordDeliver(fake.client, store)(to, reminder).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PermanentDeliveryError);
    expect((failure as PermanentDeliveryError).reason).toBe('Discord error 10013: Unknown User');
  });

  it('throws a server error as it is (not permanent), so the queue retries it later', async () => {
    const fake = fakeDiscord(dmResponder(() => json(500, { message: 'Internal Server Error' })));
    const failure = await discordDeliver(fake.client, store)(to, reminder).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(PermanentDeliveryError);
    // discord.js itself tried the send again before giving up: the queue's retry comes on top.
    expect(fake.calls.filter((c) => c.path === `/channels/${DM_CHANNEL}/messages`).length).toBeGreaterThan(1);
  });

  it('refuses a recipient from another platform, for good', async () => {
    const fake = fakeDiscord();
    await expect(discordDeliver(fake.client, store)({ ...to, platform: 'slack' }, reminder)).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
    expect(fake.calls).toEqual([]);
  });
});
