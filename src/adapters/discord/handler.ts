// Interactions in, core runner called, embeds out: slash commands and autocomplete here; buttons, forms and
// the message action in their own files. Every kind answers through respond.ts.
import {
  ApplicationCommandOptionType,
  type Attachment,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  PermissionFlagsBits,
} from 'discord.js';
import { logger, referenceId } from '../../core/log.js';
import type { Command, Context } from '../../core/runtime/command.js';
import { UserError } from '../../core/runtime/errors.js';
import { optionSpecs } from '../../core/runtime/options.js';
import type { RateLimits } from '../../core/runtime/rateLimit.js';
import { type Answer, runCommand, userErrorAnswer } from '../../core/runtime/run.js';
import type { Store } from '../../core/store/store.js';
import { onButton, onForm } from './buttons.js';
import { ATTACHMENT_FILE_OPTION, ATTACHMENT_OPTION, type Group, groupCommands, resolveCommand } from './commands.js';
import { openForm } from './forms.js';
import { onMessageAction } from './messageAction.js';
import { answerFault, type PressOptions, sendAnswer } from './respond.js';

export interface HandlerOptions extends PressOptions {
  store: Store;
  /** The clock commands see; tests pin it. */
  now?: () => Date;
  /** A storage command not answered within this many ms is deferred (Discord allows 3 s for the first reply). */
  deferAfterMs?: number;
  /** Downloads attachments; tests pass a fake. */
  fetchFile?: typeof fetch;
  rateLimits?: RateLimits;
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
      else if (interaction.isButton()) await onButton(interaction, contextFor(interaction, options), options);
      else if (interaction.isModalSubmit()) await onForm(interaction, contextFor(interaction, options), options);
      else if (interaction.isMessageContextMenuCommand())
        await onMessageAction(interaction, contextFor(interaction, options), options);
    } catch (error) {
      const ref = referenceId();
      logger.error({ ref, err: error, platform: 'discord' }, 'interaction failed');
      if (interaction.isRepliable()) await answerFault(interaction, ref);
    }
  };
}

async function onCommand(i: ChatInputCommandInteraction, groups: Group[], options: HandlerOptions): Promise<void> {
  const command = resolveCommand(groups, i.commandName, i.options.getSubcommand(false));
  const ctx = contextFor(i, options);
  if (command && needsForm(i, command)) {
    await openForm(i, command, ctx, await argsFrom(i, command, options.fetchFile ?? fetch));
    return;
  }
  await sendAnswer(i, ctx, answer(i, command, ctx, options.fetchFile ?? fetch), {
    deferAfterMs: options.deferAfterMs,
    mayDefer: Boolean(command?.usesStore),
    deferPrivately: i.options.getBoolean('share') !== true,
  });
}

/** A long-text command called without its text (and without a file) gets a form to type it in. */
function needsForm(i: ChatInputCommandInteraction, command: Command): boolean {
  if (!command.longText || i.options.get(command.longText)) return false;
  return !(command.longText === ATTACHMENT_OPTION && i.options.get(ATTACHMENT_FILE_OPTION));
}

async function answer(
  i: ChatInputCommandInteraction,
  command: Command | undefined,
  ctx: Context,
  fetchFile: typeof fetch,
): Promise<Answer> {
  if (!command) {
    const name = [i.commandName, i.options.getSubcommand(false)].filter(Boolean).join(' ');
    return userErrorAnswer(
      undefined,
      new UserError('command_retired', `/${name} is not available any more. Type /help for the current commands.`),
    );
  }
  let args: Record<string, unknown>;
  try {
    args = await argsFrom(i, command, fetchFile);
  } catch (error) {
    if (error instanceof UserError) return userErrorAnswer(command, error);
    throw error;
  }
  return runCommand(command, args, ctx);
}

async function onAutocomplete(i: AutocompleteInteraction, groups: Group[], options: HandlerOptions): Promise<void> {
  const command = resolveCommand(groups, i.commandName, i.options.getSubcommand(false));
  const focused = i.options.getFocused(true);
  let suggestions: string[] = [];
  if (command?.autocomplete) {
    try {
      suggestions = await command.autocomplete(focused.name, String(focused.value), contextFor(i, options));
    } catch (error) {
      // A failed suggestion list is not worth an error: the user can still type the value.
      logger.warn({ err: error, command: command.name, platform: 'discord' }, 'autocomplete failed');
    }
  }
  const usable = suggestions.filter((s) => s.length > 0 && s.length <= 100).slice(0, 25);
  await i.respond(usable.map((s) => ({ name: s, value: s })));
}

export function contextFor(i: Interaction, options: HandlerOptions): Context {
  return {
    platform: 'discord',
    workspaceId: i.guildId ?? `dm-${i.user.id}`,
    userId: i.user.id,
    // Manage Server is what the registration requires for admin commands, so the run-time check matches it.
    isAdmin: i.inGuild() && (i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false),
    now: options.now?.() ?? new Date(),
    store: options.store,
    rateLimits: options.rateLimits,
  };
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
