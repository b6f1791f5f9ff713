// Long text on Slack: a command without its text opens a form (modal) through views.open; the submission
// comes back as view_submission (interactions.ts). The arguments given so far ride in the form's
// callback_id (signed; saved in the store when too long); the response_url rides along in
// private_metadata so the answer lands where it was asked.
import type { webApi } from '@slack/bolt';
import { saveForm } from '../../core/runtime/actions.js';
import type { Command, Context } from '../../core/runtime/command.js';
import { optionSpecs } from '../../core/runtime/options.js';
import type { ParsedText } from '../../core/runtime/run.js';
import type { ParsedLine } from '../../core/runtime/textArgs.js';

/** Slack's limits: 24 characters for a modal title, 3000 for a text input, 255 for its callback_id. */
const FORM_LIMITS = { title: 24, text: 3000, callbackId: 255 };

export interface FormOrigin {
  triggerId: string;
  responseUrl: string;
  channelId: string;
}

/** The command and arguments when the parsed line lacks only the long text; otherwise undefined (answer as usual). */
export function formFor(parsed: ParsedText): ParsedLine | undefined {
  if ('error' in parsed) return undefined; // the runner explains what is wrong with the line
  const { command, args } = parsed;
  if (!command.longText || args[command.longText] !== undefined) return undefined;
  const missing = optionSpecs(command).filter((s) => s.required && args[s.name] === undefined);
  return missing.length === 1 && missing[0]?.name === command.longText ? parsed : undefined;
}

/** Opens the form; false when it could not be opened (the caller says so). */
export async function openForm(
  client: webApi.WebClient,
  form: { command: Command; args: Record<string, unknown> },
  ctx: Context,
  origin: FormOrigin,
): Promise<boolean> {
  const option = form.command.longText ?? '';
  const spec = optionSpecs(form.command).find((s) => s.name === option);
  const ref = await saveForm(form.command, form.args, ctx, ctx.store, ctx.now, { room: FORM_LIMITS.callbackId }).catch(
    () => undefined,
  );
  if (!ref || !spec) return false;
  const title = `/${form.command.name}`;
  await client.views.open({
    trigger_id: origin.triggerId,
    view: {
      type: 'modal',
      callback_id: ref,
      private_metadata: JSON.stringify({ r: origin.responseUrl, c: origin.channelId }),
      title: { type: 'plain_text', text: title.length <= FORM_LIMITS.title ? title : `${title.slice(0, 23)}…` },
      submit: { type: 'plain_text', text: 'Send' },
      close: { type: 'plain_text', text: 'Cancel' },
      blocks: [
        {
          type: 'input',
          block_id: option,
          label: { type: 'plain_text', text: spec.description.charAt(0).toUpperCase() + spec.description.slice(1) },
          element: {
            type: 'plain_text_input',
            action_id: option,
            multiline: true,
            max_length: Math.min(spec.maxLength ?? FORM_LIMITS.text, FORM_LIMITS.text),
          },
        },
      ],
    },
  });
  return true;
}

/** Where a form's answer goes, read back from the view; only Slack's own hooks URL is accepted. */
export function originOf(privateMetadata: string): { responseUrl?: string; channelId?: string } {
  try {
    const { r, c } = JSON.parse(privateMetadata) as { r?: unknown; c?: unknown };
    const responseUrl = typeof r === 'string' && r.startsWith('https://hooks.slack.com/') ? r : undefined;
    return { responseUrl, channelId: typeof c === 'string' ? c : undefined };
  } catch {
    return {};
  }
}
