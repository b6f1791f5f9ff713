// The App Home tab through real Bolt over HTTP on loopback: a signed app_home_opened event publishes the
// person's desk (valid Block Kit, for that user only); Done pressed on the tab answers in the DM and the
// republished tab no longer shows the follow-up; Chart sends the picture to the DM; once the person has
// opened the tab, a command that changes their data republishes it (before that, nothing is published).
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_LIMITS } from '../../../src/adapters/slack/actions.js';
import { HOME_BLOCKS } from '../../../src/adapters/slack/home.js';
import { SLACK_LIMITS, unescapeSlack } from '../../../src/adapters/slack/render.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { runText } from '../../../src/core/runtime/run.js';
import { memoryStore, type Store } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import { type Call, type Harness, startHarness } from './harness.js';

logger.level = 'silent';

const TEAM = 'T0TEST';
const USER = 'U0HOME';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON as captured
type Json = any;

let harness: Harness | undefined;
let store: Store | undefined;
afterEach(async () => {
  await harness?.close();
  await store?.close();
  harness = undefined;
});

async function setup(): Promise<Harness> {
  store = memoryStore();
  const ctx = testContext({ store, now: new Date(), platform: 'slack', workspaceId: TEAM, userId: USER });
  for (const line of [
    '/contracts add "5 months ago" successful 500 Ana',
    '/contracts add "2 months ago" negative 200 Bolt',
    '/contracts add "3 weeks ago" successful 800 Crane',
  ]) {
    expect((await runText(line, commands, ctx)).outcome).toBe('ok');
  }
  // Started on the day of delivery a week ago, no reminder sent since: its closing nudge is due today.
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  expect((await runText('/followup start Dana today', commands, { ...ctx, now: weekAgo })).outcome).toBe('ok');
  harness = await startHarness({ deps: { commands, store }, users: { [USER]: {} } });
  return harness;
}

const opened = (user = USER) => ({
  token: 'legacy-verification-token',
  team_id: TEAM,
  api_app_id: 'A0GIGDESK',
  type: 'event_callback',
  event_id: `Ev${Math.random().toString(36).slice(2)}`,
  event_time: Math.floor(Date.now() / 1000),
  event: { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1700000000.000100' },
});

const viewOf = (call?: Call): Json => JSON.parse(String(call?.body.view ?? '{}'));
const textOf = (view: Json) =>
  unescapeSlack(
    (view.blocks ?? [])
      .flatMap((b: Json) => [
        b.text?.text ?? '',
        ...(b.fields ?? []).map((f: Json) => f.text),
        ...(b.elements ?? []).map((e: Json) => e.text?.text ?? e.text ?? ''),
      ])
      .join('\n'),
  );
const buttons = (view: Json): { text: { text: string }; action_id: string }[] =>
  (view.blocks ?? []).filter((b: Json) => b.type === 'actions').flatMap((b: Json) => b.elements);

/** What Slack checks of a Home view's Block Kit: known block types, text objects, limits, unique action ids. */
function blockKitProblems(view: Json): string[] {
  const problems: string[] = [];
  const textObject = (t: Json, max: number, where: string) => {
    if (!t || !['mrkdwn', 'plain_text'].includes(t.type)) problems.push(`${where}: not a text object`);
    else if (typeof t.text !== 'string' || t.text.length === 0 || t.text.length > max)
      problems.push(`${where}: text length`);
  };
  if (view.type !== 'home') problems.push('view type');
  if (!Array.isArray(view.blocks) || view.blocks.length === 0 || view.blocks.length > HOME_BLOCKS)
    problems.push('block count');
  const ids = new Set<string>();
  view.blocks.forEach((b: Json, i: number) => {
    switch (b.type) {
      case 'section':
        if (!b.text && !b.fields) problems.push(`${i}: empty section`);
        if (b.text) textObject(b.text, SLACK_LIMITS.sectionText, `${i} text`);
        if ((b.fields ?? []).length > SLACK_LIMITS.fieldsPerSection) problems.push(`${i}: fields`);
        for (const f of b.fields ?? []) textObject(f, SLACK_LIMITS.fieldText, `${i} field`);
        break;
      case 'context':
        if (!b.elements?.length || b.elements.length > SLACK_LIMITS.contextElements) problems.push(`${i}: context`);
        for (const e of b.elements ?? []) textObject(e, SLACK_LIMITS.sectionText, `${i} context`);
        break;
      case 'actions':
        if (!b.elements?.length || b.elements.length > ACTION_LIMITS.elements) problems.push(`${i}: actions`);
        for (const e of b.elements ?? []) {
          if (e.type !== 'button') problems.push(`${i}: element ${e.type}`);
          if (e.text?.type !== 'plain_text' || !e.text.text || e.text.text.length > ACTION_LIMITS.label)
            problems.push(`${i}: label`);
          if (!e.action_id || e.action_id.length > 255 || ids.has(e.action_id)) problems.push(`${i}: action_id`);
          ids.add(e.action_id);
        }
        break;
      case 'header':
        textObject(b.text, SLACK_LIMITS.header, `${i} header`);
        break;
      case 'divider':
        break;
      default:
        problems.push(`${i}: unknown block ${b.type}`);
    }
  });
  return problems;
}

/** A button pressed on the Home tab: a view container, no response_url. */
const pressOnHome = (actionId: string) => ({
  type: 'block_actions',
  user: { id: USER, team_id: TEAM, username: 'someone' },
  team: { id: TEAM, domain: 'freelancers' },
  api_app_id: 'A0GIGDESK',
  token: 'legacy-verification-token',
  trigger_id: '1.2.3',
  container: { type: 'view', view_id: 'V0HOME' },
  view: { id: 'V0HOME', type: 'home', team_id: TEAM, blocks: [], state: { values: {} }, hash: 'h', callback_id: '' },
  actions: [
    {
      type: 'button',
      action_id: actionId,
      block_id: 'b',
      value: actionId,
      text: { type: 'plain_text', text: 'x' },
      action_ts: '1',
    },
  ],
});

describe('the Slack App Home tab', () => {
  it('app_home_opened publishes one view of the desk, valid Block Kit, for that user', async () => {
    const h = await setup();
    expect((await h.sendEvent(opened())).status).toBe(200);
    const published = await h.waitForCalls('views.publish', 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.calls.filter((c) => c.method === 'views.publish')).toHaveLength(1);
    expect(published[0]?.body.user_id).toBe(USER);
    const view = viewOf(published[0]);
    expect(blockKitProblems(view)).toEqual([]);
    expect(unescapeSlack(view.blocks[0].text.text)).toMatch(
      /^Your JSS would be 33 % if it showed today, an estimate; next: nudge Dana to close the contract today\./,
    );
    expect(textOf(view)).toContain('Follow-ups due in the next 7 days');
    expect(buttons(view).map((b) => b.text.text)).toEqual([
      '#1 Done',
      '#1 Snooze 1 day',
      '#1 Snooze 1 week',
      'Chart',
      'Details',
    ]);
  });

  it('checks what it is for: a broken view has problems', () => {
    expect(blockKitProblems({ type: 'home', blocks: [{ type: 'section' }, { type: 'table' }] })).toEqual([
      '0: empty section',
      '1: unknown block table',
    ]);
  });

  it('Done pressed on the tab answers in the DM, and the republished tab no longer shows the follow-up', async () => {
    const h = await setup();
    await h.sendEvent(opened());
    const [first] = await h.waitForCalls('views.publish', 1);
    const done = buttons(viewOf(first)).find((b) => b.text.text === '#1 Done');
    expect((await h.sendPayload(pressOnHome(done?.action_id ?? ''))).status).toBe(200);
    const republished = await h.waitForCalls('views.publish', 2);
    const posted = h.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posted.map((c) => c.body.channel)).toEqual([`D${USER}`]);
    expect(unescapeSlack(String(posted[0]?.body.text))).toContain('Stopped follow-up #1 with Dana');
    const view = viewOf(republished[1]);
    expect(republished[1]?.body.user_id).toBe(USER);
    expect(blockKitProblems(view)).toEqual([]);
    expect(textOf(view)).not.toContain('Dana');
    expect(unescapeSlack(view.blocks[0].text.text)).toBe(
      'Your JSS would be 33 % if it showed today, an estimate; next: 17 more successful contracts take it to 90 %, and it should show by then.',
    );
  });

  it('Chart pressed on the tab sends the picture to the DM', async () => {
    const h = await setup();
    await h.sendEvent(opened());
    const [first] = await h.waitForCalls('views.publish', 1);
    const chart = buttons(viewOf(first)).find((b) => b.text.text === 'Chart');
    await h.sendPayload(pressOnHome(chart?.action_id ?? ''));
    const [upload] = await h.waitForCalls('file_upload', 1, 30_000);
    expect(upload?.data?.subarray(1, 4).toString()).toBe('PNG');
    const [complete] = await h.waitForCalls('files.completeUploadExternal', 1);
    expect(complete?.body.channel_id).toBe(`D${USER}`);
    // The answer sits in the DM, where "the channel" is that DM: no Share button.
    const [answer] = h.calls.filter((c) => c.method === 'chat.postMessage');
    const labels = ((answer?.body.blocks ?? []) as Json[])
      .flatMap((b: Json) => b.elements ?? [])
      .map((e: Json) => e.text?.text);
    expect(labels).toContain('Details');
    expect(labels).not.toContain('Share in channel');
  }, 40_000);

  it('a command typed in the DM with gigdesk offers no Share, and share:yes says why', async () => {
    const h = await setup();
    const plain = await h.send('/jss', '7 1 8', { userId: USER, channelId: `D${USER}` });
    expect(plain.body).toContain('Details');
    expect(plain.body).not.toContain('Share in channel');
    const shared = JSON.parse((await h.send('/jss', '7 1 8 share:yes', { userId: USER, channelId: `D${USER}` })).body);
    expect(shared.response_type).toBe('ephemeral');
    expect(JSON.stringify(shared.blocks)).toContain('no channel to share it in');
    // A DM with another person is somewhere to share: Slack opens the DM with gigdesk under another id.
    const withFriend = await h.send('/jss', '7 1 8', { userId: USER, channelId: 'D0FRIEND' });
    expect(withFriend.body).toContain('Share in channel');
    // Slack is asked once per DM, not before the ack of every command typed there.
    const asked = h.calls.filter((c) => c.method === 'conversations.open').length;
    await h.send('/jss', '7 1 8', { userId: USER, channelId: `D${USER}` });
    await h.send('/jss', '7 1 8', { userId: USER, channelId: 'D0FRIEND' });
    expect(h.calls.filter((c) => c.method === 'conversations.open')).toHaveLength(asked);
  });

  it('after the person opened their tab, a slash command that changes their data republishes it', async () => {
    const h = await setup();
    await h.sendEvent(opened());
    await h.waitForCalls('views.publish', 1);
    await h.send('/followup', 'done 1', { userId: USER });
    const [, published] = await h.waitForCalls('views.publish', 2);
    expect(published?.body.user_id).toBe(USER);
    expect(textOf(viewOf(published))).not.toContain('Dana');
  });

  it('publishes nothing after commands and presses of someone who never opened the tab', async () => {
    const h = await setup();
    const answer = JSON.parse((await h.send('/followup', 'list', { userId: USER })).body);
    const done = buttons(answer).find((b) => b.text.text === '#1 Done');
    expect(done).toBeDefined();
    await h.send('/contracts', 'add "1 week ago" successful 300 Eve', { userId: USER });
    await h.sendPayload(pressInChannel(done?.action_id ?? ''));
    await h.waitForCalls('response_url', 1);
    // Someone else opens their own tab: theirs is the only view published.
    await h.sendEvent(opened('U0OTHER'));
    await h.waitForCalls('views.publish', 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.calls.filter((c) => c.method === 'views.publish').map((c) => c.body.user_id)).toEqual(['U0OTHER']);
  });
});

/** A button pressed under an ephemeral answer in #general. */
const pressInChannel = (actionId: string) => ({
  ...pressOnHome(actionId),
  container: { type: 'message', message_ts: '1700000000.1', channel_id: 'C0GENERAL', is_ephemeral: true },
  view: undefined,
  channel: { id: 'C0GENERAL', name: 'general' },
  response_url: 'https://hooks.slack.com/actions/T0TEST/1/abc',
});
