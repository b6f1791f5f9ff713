// Interactions in, core runner called, embeds out: slash commands (with defer for slow storage) and autocomplete.
import {
  ApplicationCommandOptionType,
  type Attachment,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { pendingNotice } from '../../core/followups/notices.js';
import { logger, referenceId } from '../../core/log.js';
import type { Command, Context } from '../../core/runtime/command.js';
import { UserError } from '../../core/runtime/errors.js';
import { optionSpecs } from '../../core/runtime/options.js';
import type { RateLimits } from '../../core/runtime/rateLimit.js';
import { reply, text } from '../../core/runtime/reply.js';
import { type Answer, runCommand, userErrorAnswer } from '../../core/runtime/run.js';
import type { Store } from '../../core/store/store.js';
import { sendChart } from './chart.js';
import { ATTACHMENT_FILE_OPTION, ATTACHMENT_OPTION, type Group, groupCommands, resolveCommand } from './commands.js';
import { type DiscordPayload, renderDiscord } from './render.js';

export interface HandlerOptions {
  commands: readonly Command[];
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
    } catch (error) {
      const ref = referenceId();
      logger.error({ ref, err: error, platform: 'discord' }, 'interaction failed');
      if (interaction.isChatInputCommand()) await answerFault(interaction, ref);
    }
  };
}

async function onCommand(i: ChatInputCommandInteraction, groups: Group[], options: HandlerOptions): Promise<void> {
  const command = resolveCommand(groups, i.commandName, i.options.getSubcommand(false));
  const ctx = contextFor(i, options);
  const pending = answer(i, command, ctx, options.fetchFile ?? fetch);
  let deferring: Promise<boolean> | undefined;
  const timer = command?.usesStore
    ? setTimeout(() => {
        deferring = defer(i, i.options.getBoolean('share') !== true);
      }, options.deferAfterMs ?? 1500)
    : undefined;
  const result = await pending.finally(async () => {
    clearTimeout(timer);
    await deferring; // a failure report after a started defer must know it was deferred
  });
  const payload = renderDiscord(result.reply, result.outcome);
  let message = '@original';
  if (deferring && (await deferring)) message = await sendAfterDefer(i, payload);
  else await i.reply(payload);
  await sendChart(i, result.reply, payload, ctx, message);
  await sendPendingNotice(i, ctx);
}

/** Reminders whose DM failed (DMs closed) are shown once, privately, after the user's next answer. */
async function sendPendingNotice(i: ChatInputCommandInteraction, ctx: Context): Promise<void> {
  try {
    const notice = await pendingNotice(ctx);
    if (notice) await i.followUp(renderDiscord({ ...notice, visibility: 'private' }));
  } catch (error) {
    logger.warn({ err: error, platform: 'discord' }, 'could not show missed reminders');
  }
}

async function answer(
  i: ChatInputCommandInteraction,
  command: Command | undefined,
  ctx: Context,
  fetchFile: typeof fetch,
): Promise<Answer> {
  if (!command) {
    const name = [i.commandName, i.options.getSubcommand(false)].filter(Boolean).join(' ');
    return userErrorAnswer(undefined, `/${name} is not available any more. Type /help for the current commands.`);
  }
  let args: Record<string, unknown>;
  try {
    args = await argsFrom(i, command, fetchFile);
  } catch (error) {
    if (error instanceof UserError) return userErrorAnswer(command, error.message);
    throw error;
  }
  return runCommand(command, args, ctx);
}

function defer(i: ChatInputCommandInteraction, ephemeral: boolean): Promise<boolean> {
  return i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}).then(
    () => true,
    (error: unknown) => {
      logger.warn({ err: error, platform: 'discord' }, 'defer failed');
      return false;
    },
  );
}

/**
 * A deferred reply keeps the visibility chosen when deferring, so a private answer never lands in public.
 * Returns which message holds the answer: "@original", or the id of the private follow-up.
 */
async function sendAfterDefer(i: ChatInputCommandInteraction, payload: DiscordPayload): Promise<string> {
  const { flags, ...edit } = payload;
  if (flags && !i.ephemeral) {
    await i.deleteReply();
    return (await i.followUp(payload)).id;
  }
  await i.editReply(edit);
  return '@original';
}

async function answerFault(i: ChatInputCommandInteraction, ref: string): Promise<void> {
  const message = `Something went wrong on our side. If it keeps happening, tell your admin reference ${ref}.`;
  const payload = renderDiscord(reply({ lead: 'Sorry', blocks: [text(message)] }), 'internal_error');
  try {
    if (i.deferred && !i.replied)
      await i.editReply({ embeds: payload.embeds, allowedMentions: payload.allowedMentions });
    else if (i.replied) await i.followUp(payload);
    else await i.reply(payload);
  } catch (error) {
    logger.warn({ ref, err: error, platform: 'discord' }, 'could not report the failure to the user');
  }
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

export function contextFor(i: ChatInputCommandInteraction | AutocompleteInteraction, options: HandlerOptions): Context {
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
      if (i.options.get(ATTACHMENT_OPTION)) throw new UserError('Give the CSV as pasted text or as a file, not both.');
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
      `"${file.name}" is ${type}; attach a CSV file (text/csv), for example exported from a spreadsheet.`,
    );
  }
  if (file.size > limit) {
    throw new UserError(`"${file.name}" is ${kb(file.size)}; the largest CSV accepted is ${kb(limit)}.`);
  }
  const url = new URL(file.url);
  if (url.protocol !== 'https:' || !ATTACHMENT_HOSTS.includes(url.hostname)) {
    throw new Error(`attachment URL outside Discord's CDN: ${url.hostname}`);
  }
  let response: Response;
  try {
    response = await fetchFile(url, { signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new UserError(`Could not download "${file.name}" from Discord. Please try again.`);
  }
  if (!response.ok) throw new UserError(`Could not download "${file.name}" from Discord (HTTP ${response.status}).`);
  const body = await response.text();
  if (Buffer.byteLength(body) > limit) {
    throw new UserError(`"${file.name}" is over ${kb(limit)}; the largest CSV accepted is ${kb(limit)}.`);
  }
  return body;
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1000)} KB`;
}
