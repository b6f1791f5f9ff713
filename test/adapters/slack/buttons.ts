// Slack buttons in tests: read them off an answer, and build the signed block_actions payload of a press.
import { RESPONSE_URL } from './harness.js';

export interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

/** The buttons of a message: every element of its actions blocks. */
export function buttonsOf(message: { blocks?: { type: string; elements?: unknown[] }[] }): Button[] {
  return (message.blocks ?? []).filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []) as Button[]);
}

export const who = (userId: string) => ({
  team: { id: 'T0TEST', domain: 'freelancers' },
  user: { id: userId, team_id: 'T0TEST' },
});

/** A block_actions payload: the button pressed by userId in #general, on an ephemeral answer. */
export function pressPayload(button: Button, userId: string, value = button.value) {
  return {
    type: 'block_actions',
    ...who(userId),
    api_app_id: 'A0GIGDESK',
    token: 'legacy-verification-token',
    trigger_id: '1.2.3',
    container: { type: 'message', message_ts: '1700000000.1', channel_id: 'C0GENERAL', is_ephemeral: true },
    channel: { id: 'C0GENERAL', name: 'general' },
    response_url: RESPONSE_URL,
    actions: [
      {
        type: 'button',
        block_id: 'b1',
        action_id: button.action_id,
        value,
        text: { type: 'plain_text', text: button.text.text },
        action_ts: '1700000001.1',
      },
    ],
  };
}
