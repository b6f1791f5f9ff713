// Long text on Discord: a command called without its text opens a form (modal) with a paragraph field.
import { type ChatInputCommandInteraction, ComponentType, TextInputStyle } from 'discord.js';
import { saveForm } from '../../core/runtime/actions.js';
import type { Command } from '../../core/runtime/command.js';
import { UserError } from '../../core/runtime/errors.js';
import { formatCount } from '../../core/runtime/format.js';
import { type OptionSpec, optionSpecs } from '../../core/runtime/options.js';
import { userErrorAnswer } from '../../core/runtime/run.js';
import { respond } from '../respond.js';
import { ATTACHMENT_FILE_OPTION, ATTACHMENT_OPTION } from './commands.js';
import { COMPONENT_LIMITS, clip } from './components.js';
import { type DiscordDeps, discordContext, interactionSurface } from './surface.js';

/** Discord's limits: 45 characters for a form title or field label, 100 for its placeholder, 4000 for a text field. */
const FORM_LIMITS = { title: 45, label: 45, placeholder: 100, text: 4000 };
/** A form's custom_id holds as much as a button's; it is submitted where it was opened. */
const FORM_IDS = { room: COMPONENT_LIMITS.customId, pressedWhereAnswered: true };

/** Keeps the arguments given so far in the form's id (signed, or saved) and shows the form; its submission comes to onForm. */
export async function openForm(
  i: ChatInputCommandInteraction,
  command: Command,
  deps: DiscordDeps,
  given: Record<string, unknown>,
): Promise<void> {
  const option = command.longText ?? '';
  const spec = optionSpecs(command).find((s) => s.name === option);
  const ctx = discordContext(i, deps);
  const ref = await saveForm(command, given, ctx, ctx.store, ctx.now, FORM_IDS);
  if (!ref || !spec) {
    const answer = userErrorAnswer(
      command,
      new UserError('form_unavailable', 'The form could not be opened just now. Please try again.'),
    );
    await respond(interactionSurface(i, deps, { early: false, privately: true }), { answer });
    return;
  }
  await i.showModal({
    custom_id: ref,
    title: clip(`/${command.name}`, FORM_LIMITS.title),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: option,
            style: TextInputStyle.Paragraph,
            ...formLabels(spec),
            required: true,
            min_length: Math.max(1, spec.minLength ?? 1),
            max_length: Math.min(spec.maxLength ?? FORM_LIMITS.text, FORM_LIMITS.text),
          },
        ],
      },
    ],
  });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The field's label is the description's first words ("CSV lines", "The message"); what follows them (the
 * columns, the placeholders) goes in the placeholder, which has room. When the option takes more than a
 * form holds, the label or the placeholder says so, and a CSV points to the file attachment.
 */
export function formLabels(spec: OptionSpec): { label: string; placeholder?: string } {
  const description = spec.description.trim();
  const cut = description.search(/[:,(]/);
  const head = cut > 0 ? description.slice(0, cut).trim() : description;
  const rest = cut > 0 ? description.slice(description[cut] === '(' ? cut : cut + 1).trim() : '';
  const label = capitalise(head.length <= FORM_LIMITS.label ? head : clip(head, FORM_LIMITS.label));
  const over = (spec.maxLength ?? 0) > FORM_LIMITS.text;
  const most = `at most ${formatCount(FORM_LIMITS.text)} characters`;
  const labelled = over && `${label} (${most})`.length <= FORM_LIMITS.label;
  const more = over && spec.name === ATTACHMENT_OPTION ? `more: attach it as ${ATTACHMENT_FILE_OPTION}` : '';
  const hint = (text: string) => [text, over && !labelled ? most : '', more].filter(Boolean).join('; ');
  // A closing "(…)" gives way first when the placeholder is full.
  const shorter = hint(rest.replace(/\s*\([^()]*\)$/, ''));
  const placeholder = clip(
    hint(rest).length <= FORM_LIMITS.placeholder ? hint(rest) : shorter,
    FORM_LIMITS.placeholder,
  );
  return { label: labelled ? `${label} (${most})` : label, ...(placeholder ? { placeholder } : {}) };
}
