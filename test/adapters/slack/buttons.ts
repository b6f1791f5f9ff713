// Slack buttons and forms in tests: read buttons off an answer, and build the payload of a press or of a
// submitted form.
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

/** A view_submission payload: the form `view` (as views.open got it) sent by userId with `text` typed. */
export function submitPayload(view: { callback_id: string; private_metadata: string }, userId: string, text: string) {
  return {
    type: 'view_submission',
    ...who(userId),
    api_app_id: 'A0GIGDESK',
    token: 'legacy-verification-token',
    trigger_id: '1.2.4',
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      hash: 'h1',
      state: { values: { text: { text: { type: 'plain_text_input', value: text } } } },
    },
  };
}
