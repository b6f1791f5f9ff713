// The Slack adapter through real Bolt over loopback HTTP: signed slash commands in, acks and respond() out.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { permanentSlackError, slackDeliver } from '../../../src/adapters/slack/deliver.js';
import { SLACK_LIMITS, type SlackMessage } from '../../../src/adapters/slack/render.js';
import { helpCommand } from '../../../src/commands/help.js';
import { PermanentDeliveryError } from '../../../src/core/followups/delivery.js';
import { type Command, defineCommand } from '../../../src/core/runtime/command.js';
import { UserError } from '../../../src/core/runtime/errors.js';
import { copy, fields, pre, reply, table, text } from '../../../src/core/runtime/reply.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { blockStrings, type Harness, messageOf, RESPONSE_URL, sign, startHarness, visibleText } from './harness.js';

let release: () => void = () => {};
const runs: string[] = [];

// Test-only commands, so these tests follow the adapter and not the real commands' wording.
const ratio = defineCommand({
  name: 'ratio',
  description: 'What share of the whole a part is',
  options: z.object({
    part: z.number().int().min(0).describe('the part'),
    whole: z.number().int().min(1).describe('the whole'),
  }),
  run: ({ part, whole }) => {
    if (part > whole) throw new UserError('too_large', `part (${part}) cannot exceed whole (${whole}).`);
    return reply({
      lead: `Share: ${Math.round((part * 100) / whole)} %`,
      blocks: [
        fields([
          ['Part', String(part)],
          ['Whole', String(whole)],
        ]),
      ],
      footer: ['Rule: plain division, as of 2026-01-01'],
    });
  },
});

const echo = defineCommand({
  name: 'echo',
  description: 'Repeats what it is given everywhere a reply can hold text',
  options: z.object({ words: z.string().describe('anything') }),
  run: ({ words }) =>
    reply({
      lead: words,
      blocks: [text(words), fields([[words, words]]), table([words], [[words]]), pre(words), copy(words, words)],
      footer: [words],
    }),
});

const slow = defineCommand({
  name: 'slow',
  description: 'Answers only when the test releases it',
  options: z.object({}),
  run: async () => {
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return reply({ lead: 'Finally done', blocks: [text('after the ack')] });
  },
});

const huge = defineCommand({
  name: 'huge',
  description: 'A reply longer than one Slack message',
  options: z.object({}),
  run: () =>
    reply({
      lead: 'Long list',
      blocks: Array.from({ length: 70 }, (_, i) => text(`item ${i + 1}`)),
    }),
});

const settings = defineCommand({
  name: 'settings reset',
  description: 'Resets the workspace settings',
  adminOnly: true,
  options: z.object({}),
  run: (_args, ctx) => {
    runs.push(ctx.userId);
    return reply({ lead: 'Settings reset' });
  },
});

const testCommands: readonly Command[] = [ratio, echo, slow, huge, settings, helpCommand(() => testCommands)];

let harness: Harness | undefined;
afterEach(async () => {
  release();
  await harness?.close();
  harness = undefined;
  runs.length = 0;
});

async function start(extra: Parameters<typeof startHarness>[0] = {}, ackBudgetMs?: number): Promise<Harness> {
  harness = await startHarness({
    deps: { commands: testCommands, store: memoryStore(), adminUserIds: ['U0CONFIG'], ackBudgetMs },
    users: { U0PLAIN: {}, U0ADMIN: { is_admin: true }, U0OWNER: { is_owner: true } },
    ...extra,
  });
  return harness;
}

const ackOf = (body: string) => JSON.parse(body) as SlackMessage;

describe('slash commands answered in the ack', () => {
  it('answers /ratio 6 8 privately with the lead first, fields and the rule footer', async () => {
    const h = await start();
    const res = await h.send('/ratio', '6 8');
    expect(res.status).toBe(200);
    const ack = ackOf(res.body);
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toBe('Share: 75 %');
    expect(ack.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Share: 75 %' } });
    expect(ack.blocks[1]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Part*\n6' },
        { type: 'mrkdwn', text: '*Whole*\n8' },
      ],
    });
    expect(ack.blocks[2]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Rule: plain division, as of 2026-01-01' }],
    });
    expect(h.calls.filter((c) => c.method === 'response_url')).toHaveLength(0);
  });

  it('accepts name:value arguments and Slack-style numbers', async () => {
    const h = await start();
    const ack = ackOf((await h.send('/ratio', 'whole:$1.6k part:1,200')).body);
    expect(visibleText(ack)).toContain('Share: 75 %');
  });

  it('posts in the channel when the user asks with share:yes', async () => {
    const h = await start();
    const ack = ackOf((await h.send('/ratio', '6 8 share:yes')).body);
    expect(ack.response_type).toBe('in_channel');
  });

  it('explains a user error privately with the usage line', async () => {
    const h = await start();
    const ack = ackOf((await h.send('/ratio', '9 8 share:yes')).body);
    expect(ack.response_type).toBe('ephemeral');
    expect(visibleText(ack)).toContain('part (9) cannot exceed whole (8).');
    expect(visibleText(ack)).toContain('Usage: /ratio <part> <whole>');
  });

  it('shows the usage for "/ratio help" and for /ratio with nothing after it', async () => {
    const h = await start();
    for (const typed of ['help', '', '  HELP ']) {
      const shown = visibleText(ackOf((await h.send('/ratio', typed)).body));
      expect(shown).toContain('/ratio <part> <whole>');
      expect(shown).not.toContain('Usage: /');
    }
  });

  it('lists every command for /help', async () => {
    const h = await start();
    const shown = visibleText(ackOf((await h.send('/help', '')).body));
    for (const c of testCommands) expect(shown).toContain(`/${c.name}`);
  });

  it('routes the first word to a sub-command and shows a group usage when it is missing', async () => {
    const h = await start();
    expect(visibleText(ackOf((await h.send('/settings', 'reset', { userId: 'U0ADMIN' })).body))).toContain(
      'Settings reset',
    );
    expect(visibleText(ackOf((await h.send('/settings', '')).body))).toContain('/settings reset');
  });
});

describe('request verification', () => {
  it('refuses a wrong signature with 401 and runs nothing', async () => {
    const h = await start();
    const res = await h.send('/settings', 'reset', { userId: 'U0CONFIG', signature: sign('other body', 1) });
    expect(res.status).toBe(401);
    expect(runs).toEqual([]);
    expect(h.calls).toEqual([]);
  });

  it('refuses a correctly signed but stale request with 401', async () => {
    const h = await start();
    const res = await h.send('/settings', 'reset', {
      userId: 'U0CONFIG',
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(res.status).toBe(401);
    expect(runs).toEqual([]);
  });
});

describe('slow replies and long replies', () => {
  it('acks at once with an empty body and answers through respond() when the reply is late', async () => {
    const h = await start({}, 50);
    const res = await h.send('/slow', '');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    release();
    const [late] = await h.waitForCalls('response_url', 1);
    expect(late?.url).toBe(RESPONSE_URL);
    expect(late?.body.response_type).toBe('ephemeral');
    expect(visibleText(messageOf(late))).toContain('after the ack');
  });

  it('counts the ack budget from the request’s arrival: after a slow users.info it acks at once, within 3 s', async () => {
    // users.info takes 2.5 s of Slack's 3; counted from then, the 2 s budget would end past Bolt's 3 s.
    const h = await start({ usersInfoDelayMs: 2500 });
    const res = await h.send('/slow', '');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    release();
    const [late] = await h.waitForCalls('response_url', 1);
    expect(visibleText(messageOf(late))).toContain('after the ack');
  });

  it('splits a long reply into the ack plus respond() messages, each within the block limit', async () => {
    const h = await start();
    const ack = ackOf((await h.send('/huge', '')).body);
    const rest = (await h.waitForCalls('response_url', 1)).map(messageOf);
    const messages = [ack, ...rest];
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    const items = messages.flatMap((m) => visibleText(m).split('\n')).filter((line) => /^item \d+$/.test(line));
    expect(items).toEqual(Array.from({ length: 70 }, (_, i) => `item ${i + 1}`));
  });
});

describe('injection', () => {
  const attempts = [
    '<!channel> <!here> <!everyone> <@U123> <#C123> <https://evil.example|click me> Tom & Jerry',
    // What Slack itself sends when someone types the line above.
    '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; Tom &amp; Jerry',
  ];

  it.each(attempts)('escapes every string in every block: %s', async (typed) => {
    const h = await start();
    const ack = ackOf((await h.send('/echo', typed)).body);
    const strings = [ack.text, ...blockStrings(ack)];
    expect(strings.length).toBeGreaterThan(8);
    for (const s of strings) {
      expect(s).not.toMatch(/[<>]/);
      expect(s).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect(s).not.toContain('&amp;lt;');
    }
    expect(visibleText(ack)).toContain('<!channel> <!here>');
    expect(visibleText(ack)).toContain('<@U123> ');
    expect(visibleText(ack)).toContain('Tom & Jerry');
  });
});

describe('admin-only commands', () => {
  it('refuses a member who is neither admin nor owner, and asks Slack only once per user', async () => {
    const h = await start();
    for (let i = 0; i < 2; i++) {
      const shown = visibleText(ackOf((await h.send('/settings', 'reset', { userId: 'U0PLAIN' })).body));
      expect(shown).toContain('Only workspace admins can use /settings reset.');
    }
    expect(runs).toEqual([]);
    expect(h.calls.filter((c) => c.method === 'users.info')).toHaveLength(1);
  });

  it('lets workspace admins, owners and configured user ids run it', async () => {
    const h = await start();
    for (const userId of ['U0ADMIN', 'U0OWNER', 'U0CONFIG']) {
      expect(visibleText(ackOf((await h.send('/settings', 'reset', { userId })).body))).toContain('Settings reset');
    }
    expect(runs).toEqual(['U0ADMIN', 'U0OWNER', 'U0CONFIG']);
    expect(h.calls.filter((c) => c.method === 'users.info').map((c) => c.body.user)).toEqual(['U0ADMIN', 'U0OWNER']);
  });

  it('treats a user Slack cannot look up as not an admin, and asks again next time', async () => {
    const h = await start();
    for (let i = 0; i < 2; i++) {
      const shown = visibleText(ackOf((await h.send('/settings', 'reset', { userId: 'U0GONE' })).body));
      expect(shown).toContain('Only workspace admins');
    }
    expect(h.calls.filter((c) => c.method === 'users.info')).toHaveLength(2);
  });
});

describe('reminder delivery by direct message', () => {
  const note = reply({ lead: 'Follow up with <!channel> Acme', blocks: [text('It has been 7 days.')] });

  it('opens the DM and posts the rendered reply there', async () => {
    const h = await start();
    const delivered = await slackDeliver(h.app.client, memoryStore())(
      { platform: 'slack', workspaceId: 'T0TEST', userId: 'U0PLAIN' },
      note,
    );
    expect(delivered).toBe(true);
    const [opened] = await h.waitForCalls('conversations.open', 1);
    expect(opened?.body.users).toBe('U0PLAIN');
    const [posted] = await h.waitForCalls('chat.postMessage', 1);
    expect(posted?.body.channel).toBe('DU0PLAIN');
    expect(posted?.body.text).toBe('Follow up with &lt;!channel&gt; Acme');
    expect(visibleText(messageOf(posted))).toContain('It has been 7 days.');
  });

  it('reports a user Slack refuses to message (cannot_dm_bot) or another platform’s user as permanent', async () => {
    const h = await start({ closedDms: ['U0CLOSED'] });
    const deliver = slackDeliver(h.app.client, memoryStore());
    const closed = await deliver({ platform: 'slack', workspaceId: 'T0TEST', userId: 'U0CLOSED' }, note).catch(
      (error: unknown) => error,
    );
    expect(closed).toBeInstanceOf(PermanentDeliveryError);
    expect((closed as PermanentDeliveryError).reason).toBe('Slack: cannot_dm_bot');
    await expect(deliver({ platform: 'discord', workspaceId: 'G1', userId: '42' }, note)).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
    expect(h.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });

  it('classifies Slack platform errors: rate limits and Slack’s own faults are worth a retry', () => {
    const platform = (error: string) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error } });
    expect(permanentSlackError(platform('account_inactive'))).toBe('account_inactive');
    expect(permanentSlackError(platform('user_not_found'))).toBe('user_not_found');
    expect(permanentSlackError(platform('ratelimited'))).toBeUndefined();
    expect(permanentSlackError(platform('internal_error'))).toBeUndefined();
    expect(permanentSlackError({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 })).toBeUndefined();
    expect(permanentSlackError({ code: 'slack_webapi_request_error' })).toBeUndefined();
    expect(permanentSlackError(new Error('socket hang up'))).toBeUndefined();
  });
});
