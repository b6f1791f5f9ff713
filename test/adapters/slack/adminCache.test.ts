// The admin check's cache on its own: per team and user, bounded, least recently used out first.
import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { adminChecker } from '../../../src/adapters/slack/handler.js';

/** A client whose users.info answers from a list of admins and counts who was asked. */
function fakeClient(admins: string[], failing: string[] = []) {
  const asked: string[] = [];
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        asked.push(user);
        if (failing.includes(user)) throw new Error('user_not_found');
        return { ok: true, user: { id: user, is_admin: admins.includes(user) } };
      },
    },
  } as unknown as webApi.WebClient;
  return { client, asked };
}

describe('adminChecker', () => {
  it('keeps a user it was just asked about when the cache is full, and drops the least recently asked', async () => {
    const { client, asked } = fakeClient(['U0']);
    const isAdmin = adminChecker([]);
    expect(await isAdmin(client, 'T1', 'U0')).toBe(true);
    for (let n = 1; n < 10_000; n++) await isAdmin(client, 'T1', `U${n}`);
    // U0 is used again, so U1 is now the least recently used of the 10,000.
    expect(await isAdmin(client, 'T1', 'U0')).toBe(true);
    await isAdmin(client, 'T1', 'UNEW');
    expect(await isAdmin(client, 'T1', 'U0')).toBe(true);
    expect(asked.filter((u) => u === 'U0')).toHaveLength(1);
    await isAdmin(client, 'T1', 'U1');
    expect(asked.filter((u) => u === 'U1')).toHaveLength(2);
  });

  it('caches per workspace and user, not a failed look-up, and always counts configured ids', async () => {
    const { client, asked } = fakeClient(['UA'], ['UGONE']);
    const isAdmin = adminChecker(['UCONF']);
    expect(await isAdmin(client, 'T1', 'UA')).toBe(true);
    expect(await isAdmin(client, 'T1', 'UA')).toBe(true);
    expect(await isAdmin(client, 'T2', 'UA')).toBe(true);
    expect(await isAdmin(client, 'T1', 'UGONE')).toBe(false);
    expect(await isAdmin(client, 'T1', 'UGONE')).toBe(false);
    expect(await isAdmin(client, 'T9', 'UCONF')).toBe(true);
    expect(asked).toEqual(['UA', 'UA', 'UGONE', 'UGONE']);
  });

  it('asks Slack again once the lifetime has passed', async () => {
    const { client, asked } = fakeClient([]);
    const isAdmin = adminChecker([], 20);
    await isAdmin(client, 'T1', 'U1');
    await isAdmin(client, 'T1', 'U1');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await isAdmin(client, 'T1', 'U1');
    expect(asked).toEqual(['U1', 'U1']);
  });
});
