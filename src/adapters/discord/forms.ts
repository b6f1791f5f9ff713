// Long text on Discord: a command called without its text opens a form (modal) with a paragraph field.
import { type ChatInputCommandInteraction, ComponentType, TextInputStyle } from 'discord.js';
import { saveForm } from '../../core/runtime/actions.js';
import type { Command } from '../../core/runtime/command.js';
import { UserError } from '../../core/runtime/errors.js';
import { optionSpecs } from '../../core/runtime/options.js';
import { userErrorAnswer } from '../../core/runtime/run.js';
import { respond } from '../respond.js';
import { COMPONENT_LIMITS, clip } from './components.js';
import { type DiscordDeps, discordContext, interactionSurface } from './surface.js';

/** Discord's limits: 45 characters for a form title or field label, 4000 for a text field. */
const FORM_LIMITS = { title: 45, label: 45, text: 4000 };
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
            label: clip(capitalise(spec.description), FORM_LIMITS.label),
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
