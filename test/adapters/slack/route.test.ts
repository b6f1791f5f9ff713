// gigdesk enters Bolt as one global middleware (route.ts): its own events reach gigdesk, and anything
// else goes on to the app's other listeners untouched, through real Bolt over signed loopback HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { register } from '../../../src/adapters/slack/handler.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { type Button, pressPayload } from './buttons.js';
import { type Harness, startHarness, visibleText } from './harness.js';

logger.level = 'silent';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** gigdesk registered first, then listeners of another part of the same app. */
async function sharedApp() {
  const seen: string[] = [];
  harness = await startHarness({
    users: { U0PLAIN: {} },
    setup: (app) => {
      register(app, { commands, store: memoryStore() });
      app.command('/standup', async ({ ack }) => {
        seen.push('command /standup');
        await ack({ text: 'standup noted' });
      });
      app.action('vote_yes', async ({ ack }) => {
        seen.push('action vote_yes');
        await ack();
      });
      app.event('app_mention', async () => void seen.push('event app_mention'));
    },
  });
  return { h: harness, seen };
}

const vote: Button = { action_id: 'vote_yes', value: 'yes', text: { text: 'Yes' } };

describe('Slack routing', () => {
  it('answers gigdesk commands and leaves other commands, buttons and events to their listeners', async () => {
    const { h, seen } = await sharedApp();
    const jss = await h.send('/jss', '7 1 8');
    expect(jss.status).toBe(200);
    expect(visibleText(JSON.parse(jss.body))).toContain('75 %');
    const standup = await h.send('/standup', 'shipped the invoice export');
    expect(JSON.parse(standup.body)).toEqual({ text: 'standup noted' });
    expect((await h.sendPayload(pressPayload(vote, 'U0PLAIN'))).status).toBe(200);
    const mention = { type: 'app_mention', user: 'U0PLAIN', text: '<@U0GIGDESK> hi', ts: '1.1', channel: 'C0GENERAL' };
    const event = {
      type: 'event_callback',
      team_id: 'T0TEST',
      api_app_id: 'A0GIGDESK',
      event_id: 'Ev1',
      event: mention,
    };
    expect((await h.sendEvent(event)).status).toBe(200);
    await expect.poll(() => seen).toEqual(['command /standup', 'action vote_yes', 'event app_mention']);
    // gigdesk answered none of them: no response_url post, no DM.
    expect(h.calls.filter((c) => c.method !== 'users.info')).toEqual([]);
  });
});
