// Button presses (block_actions), form submissions (view_submission) and the "Check this wording" message
// shortcut (message_action): each acks at once and is answered by the shared respond through the response_url.
import { checkPosted } from '../posted.js';
import { respond } from '../respond.js';
import { BUTTON_ACTION_ID } from './actions.js';
import type { AdminCheck, SlackDeps } from './deps.js';
import { originOf } from './forms.js';
import { directMessage, publishHome, refreshHome } from './home.js';
import { unescapeSlack } from './render.js';
import type { FormArgs, PressArgs, Routes, ShortcutArgs } from './route.js';
import { type SlackOrigin, slackSurface } from './surface.js';

/** The message shortcut's callback id, declared in the manifest. */
export const CHECK_WORDING_CALLBACK = 'check_wording';

export function interactionRoutes(
  deps: SlackDeps,
  isAdmin: AdminCheck,
): Pick<Routes, 'buttonActionId' | 'press' | 'form' | 'shortcuts'> {
  const surface = (origin: SlackOrigin) => slackSurface(deps, isAdmin, origin);

  // The presser is body.user, from Slack's signed request; the button's value only names the action.
  const press = async ({ ack, body, action, respond: reply, client }: PressArgs) => {
    await ack();
    const fromHome = body.type === 'block_actions' && body.view?.type === 'home';
    // Only the person an ephemeral message was shown to can press its buttons: their own private answer.
    const onOwnAnswer = !fromHome && body.type === 'block_actions' && body.container?.is_ephemeral === true;
    const origin: SlackOrigin = {
      client,
      teamId: body.team?.id ?? body.user.team_id ?? '',
      userId: body.user.id,
      channelId: body.channel?.id,
      ...(fromHome ? { toDirectMessage: true as const } : {}),
      // The Home tab has no response_url; elsewhere a new message unless the core lets the answer replace it.
      post: fromHome ? directMessage(client, body.user.id) : (m) => reply({ ...m, replace_original: false }),
      replace: onOwnAnswer ? (m) => reply({ ...m, replace_original: true }) : undefined,
    };
    const ref = action.type === 'button' ? (action.value ?? '') : '';
    await respond(surface(origin), { press: ref, commands: deps.commands });
    // A press (Done, Snooze, Delete...) may change what the tab shows; one on the tab itself always does.
    await (fromHome ? publishHome : refreshHome)(deps, isAdmin, origin);
  };

  // Every submitted view is a form; its callback_id is a signed or saved ref, checked like a button's.
  const form = async ({ ack, body, view, client }: FormArgs) => {
    await ack();
    const typed: Record<string, string> = {};
    for (const block of Object.values(view.state.values)) {
      for (const [name, input] of Object.entries(block)) if (typeof input.value === 'string') typed[name] = input.value;
    }
    const { responseUrl, channelId } = originOf(view.private_metadata);
    const origin: SlackOrigin = {
      client,
      teamId: body.team?.id ?? body.user.team_id ?? '',
      userId: body.user.id,
      channelId,
      post: async (m) => {
        if (!responseUrl) throw new Error('the form carries no response_url');
        const res = await (deps.fetch ?? fetch)(responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(m),
        });
        if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
      },
    };
    await respond(surface(origin), { press: view.callback_id, commands: deps.commands, typed });
  };

  // Private to the person who used it: /check runs without share and offers none (posted.ts), so it stays ephemeral.
  const checkWording = async ({ ack, shortcut, respond: reply, client }: ShortcutArgs) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? '';
    const on = surface({ client, teamId, userId: shortcut.user.id, post: (m) => reply(m) });
    const check = deps.commands.find((c) => c.name === 'check');
    const content = unescapeSlack(shortcut.message.text ?? '');
    await checkPosted(on, check, content, 'That message has no text to check (only files or blocks).');
  };
  return { buttonActionId: BUTTON_ACTION_ID, press, form, shortcuts: { [CHECK_WORDING_CALLBACK]: checkWording } };
}
