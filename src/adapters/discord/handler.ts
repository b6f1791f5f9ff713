// Interactions in: slash commands and autocomplete here; buttons, forms and the message action in their own
// files. Every kind is answered by the shared respond (../respond.ts) through the interaction's surface.
import {
  ApplicationCommandOptionType,
  type Attachment,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
} from 'discord.js';
import { logger, referenceId } from '../../core/log.js';
import type { Command } from '../../core/runtime/command.js';
import { UserError } from '../../core/runtime/errors.js';
import { optionSpecs } from '../../core/runtime/options.js';
import { userErrorAnswer } from '../../core/runtime/run.js';
import { admitted } from '../admit.js';
import { reportFault, respond } from '../respond.js';
import { onButton, onForm } from './buttons.js';
import { ATTACHMENT_FILE_OPTION, ATTACHMENT_OPTION } from './commands.js';
import { openForm } from './forms.js';
import { type Group, groupCommands, resolveCommand } from './groups.js';
import { onMessageAction } from './messageAction.js';
import { type DiscordDeps, discordContext, forcedPrivate, interactionSurface } from './surface.js';

export interface HandlerOptions extends DiscordDeps {
  /** Downloads attachments; tests pass a fake. */
  fetchFile?: typeof fetch;
}

export type InteractionHandler = (interaction: Interaction) => Promise<void>;

const MAX_CSV_BYTES = 1_000_000;
const ATTACHMENT_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];

/** One handler for every interaction; it never throws, so a failure cannot take the bot down. */
export function createInteractionHandler(options: HandlerOptions): InteractionHandler {
  const groups = groupCommands(options.commands);
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction, groups, options);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction, groups, options);
      else if (interaction.isButton()) await onButton(interaction, options);
      else if (interaction.isModalSubmit()) await onForm(interaction, options);
      else if (interaction.isMessageContextMenuCommand()) await onMessageAction(interaction, options);
    } catch (error) {
      // Only what happens before an answer starts (a form that would not open) lands here.
      if (interaction.isRepliable()) await reportFault(interactionSurface(interaction, options, PRIVATE), error);
      else logger.error({ ref: referenceId(), err: error, platform: 'discord' }, 'interaction failed');
    }
  };
}

const PRIVATE = { early: false, privately: true };

async function onCommand(i: ChatInputCommandInteraction, groups: Group[], options: HandlerOptions): Promise<void> {
  const command = resolveCommand(groups, i.commandName, i.options.getSubcommand(false));
  const fetchFile = options.fetchFile ?? fetch;
  if (command && needsForm(i, command)) {
    // The rate limit first: over it, no form opens and nothing is saved for one.
    if (await admitted(interactionSurface(i, options, PRIVATE), command))
      await openForm(i, command, options, await argsFrom(i, command, fetchFile));
    return;
  }
  const asked = interactionSurface(i, options, {
    early: Boolean(command?.usesStore),
    privately: forcedPrivate(i) || command?.alwaysPrivate === true || i.options.getBoolean('share') !== true,
  });
  if (!command) {
    const name = [i.commandName, i.options.getSubcommand(false)].filter(Boolean).join(' ');
    const stale = userErrorAnswer(
      undefined,
      new UserError('command_retired', `/${name} is not available any more. Type /help for the current commands.`),
    );
    await respond(asked, { answer: stale });
    return;
  }
  // The rate limit before a CSV attachment is downloaded.
  const surface = await admitted(asked, command);
  if (surface) await respond(surface, { command, args: () => argsFrom(i, command, fetchFile) });
}

/** A long-text command called without its text (and without a file) gets a form to type it in. */
function needsForm(i: ChatInputCommandInteraction, command: Command): boolean {
  if (!command.longText || i.options.get(command.longText)) return false;
  return !(command.longText === ATTACHMENT_OPTION && i.options.get(ATTACHMENT_FILE_OPTION));
}

async function onAutocomplete(i: AutocompleteInteraction, groups: Group[], options: HandlerOptions): Promise<void> {
  const command = resolveCommand(groups, i.commandName, i.options.getSubcommand(false));
  const focused = i.options.getFocused(true);
  let suggestions: string[] = [];
  if (command?.autocomplete) {
    try {
      suggestions = await command.autocomplete(focused.name, String(focused.value), discordContext(i, options));
    } catch (error) {
      // A failed suggestion list is not worth an error: the user can still type the value.
      logger.warn({ err: error, command: command.name, platform: 'discord' }, 'autocomplete failed');
    }
  }
  const usable = suggestions.filter((s) => s.length > 0 && s.length <= 100).slice(0, 25);
  await i.respond(usable.map((s) => ({ name: s, value: s })));
}

/** The typed option values as the core expects them; a CSV upload becomes the text of the `csv` option. */
async function argsFrom(
  i: ChatInputCommandInteraction,
  command: Command,
  fetchFile: typeof fetch,
): Promise<Record<string, unknown>> {
  const args: Record<string, unknown> = {};
  for (const option of leafOptions(i.options.data)) {
    if (option.name === ATTACHMENT_FILE_OPTION && option.attachment) {
      if (i.options.get(ATTACHMENT_OPTION))
        throw new UserError('csv_twice', 'Give the CSV as pasted text or as a file, not both.');
      const spec = optionSpecs(command).find((s) => s.name === ATTACHMENT_OPTION);
      args[ATTACHMENT_OPTION] = await readCsv(
        option.attachment,
        Math.min(spec?.maxLength ?? MAX_CSV_BYTES, MAX_CSV_BYTES),
        fetchFile,
      );
    } else {
      args[option.name] = option.value;
    }
  }
  return args;
}

function leafOptions(data: readonly CommandInteractionOption[]): readonly CommandInteractionOption[] {
  const first = data[0];
  return first?.type === ApplicationCommandOptionType.Subcommand ? (first.options ?? []) : data;
}

async function readCsv(file: Attachment, limit: number, fetchFile: typeof fetch): Promise<string> {
  const type = file.contentType ?? 'an unknown type';
  if (!type.toLowerCase().startsWith('text/csv')) {
    throw new UserError(
      'csv_wrong_type',
      `"${file.name}" is ${type}; attach a CSV file (text/csv), for example exported from a spreadsheet.`,
    );
  }
  if (file.size > limit) {
    throw new UserError(
      'csv_too_large',
      `"${file.name}" is ${kb(file.size)}; the largest CSV accepted is ${kb(limit)}.`,
    );
  }
  const url = new URL(file.url);
  if (url.protocol !== 'https:' || !ATTACHMENT_HOSTS.includes(url.hostname)) {
    throw new Error(`attachment URL outside Discord's CDN: ${url.hostname}`);
  }
  let response: Response;
  try {
    response = await fetchFile(url, { signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new UserError('csv_download_failed', `Could not download "${file.name}" from Discord. Please try again.`);
  }
  if (!response.ok)
    throw new UserError(
      'csv_download_failed',
      `Could not download "${file.name}" from Discord (HTTP ${response.status}).`,
    );
  const body = await response.text();
  if (Buffer.byteLength(body) > limit) {
    throw new UserError(
      'csv_too_large',
      `"${file.name}" is over ${kb(limit)}; the largest CSV accepted is ${kb(limit)}.`,
    );
  }
  return body;
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1000)} KB`;
}
