// Discord as a surface (../surface.ts): an interaction's reply, deferred when it is not ready before Discord's
// 3-second deadline (or an update of the pressed answer, when the core allows it); the chart as an edit of
// the message holding the answer; later messages as private follow-ups.
import {
  AttachmentBuilder,
  type Interaction,
  InteractionContextType,
  type MessageComponentInteraction,
  MessageFlags,
  PermissionFlagsBits,
  type RepliableInteraction,
} from 'discord.js';
import type { Command, Context } from '../../core/runtime/command.js';
import type { RateLimits } from '../../core/runtime/rateLimit.js';
import type { Store } from '../../core/store/store.js';
import { DM_WITH_GIGDESK, type Surface } from '../surface.js';
import { COMPONENT_LIMITS } from './components.js';
import { type DiscordPayload, renderDiscordMessages } from './render.js';

/** What every Discord listener needs. */
export interface DiscordDeps {
  commands: readonly Command[];
  store: Store;
  /** The clock commands see; tests pin it. */
  now?: () => Date;
  /** Defer storage work whose answer is not ready within this many ms (Discord allows 3 s for the first reply). */
  deferAfterMs?: number;
  /** Defer any other answer not ready within this many ms: late, so quick answers never defer. */
  lateDeferAfterMs?: number;
  rateLimits?: RateLimits;
}

/**
 * Whether the work is storage work (deferred early; everything else defers late), and the visibility to
 * defer with before the answer says which: private unless the request asked to share, since a private
 * deferral that turns out public is moved to a public follow-up, never the other way round.
 */
export interface DeferChoice {
  early: boolean;
  privately: boolean;
  /** A press on the presser's own ephemeral answer, which an in-place answer (../surface.ts) updates. */
  onOwnAnswer?: boolean;
}

const EARLY_DEFER_MS = 1500;
const LATE_DEFER_MS = 2500;

/** Shown when someone asks to share where Discord makes every answer private. */
export const FORCED_PRIVATE =
  'Only you can see this: this server lets apps you added to your own account answer only you. Its admins can add gigdesk to the server to share answers here.';

/** Whether gigdesk was installed to the server the interaction came from (not only to the member's account). */
const serverInstalled = (i: Interaction) => i.inGuild() && i.authorizingIntegrationOwners.guildId === i.guildId;

/** In a server without gigdesk that keeps members' own apps private, Discord shows every answer to its asker alone. */
export function forcedPrivate(i: Interaction): boolean {
  if (!i.inGuild() || serverInstalled(i)) return false;
  return !(i.memberPermissions?.has(PermissionFlagsBits.UseExternalApps) ?? false);
}

export function discordContext(i: Interaction, deps: DiscordDeps): Context {
  return {
    platform: 'discord',
    workspaceId: i.guildId ?? `dm-${i.user.id}`,
    userId: i.user.id,
    // Manage Server is what the registration requires for admin commands, so the run-time check matches
    // it; a server that has not installed gigdesk has no workspace data to administer.
    isAdmin: serverInstalled(i) && (i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false),
    now: deps.now?.() ?? new Date(),
    store: deps.store,
    rateLimits: deps.rateLimits,
    ...(forcedPrivate(i)
      ? { privateOnly: FORCED_PRIVATE }
      : i.context === InteractionContextType.BotDM
        ? { privateOnly: DM_WITH_GIGDESK }
        : {}),
  };
}

export function interactionSurface(i: RepliableInteraction, deps: DiscordDeps, choice: DeferChoice): Surface {
  // Made as the interaction arrives: Discord's 3 s count from here, the rate limit included.
  const arrived = performance.now();
  // Which message holds the answer: "@original", or the id of the follow-up that carries it.
  let message = '@original';
  let sent: DiscordPayload | undefined;
  // A press on the person's own ephemeral answer defers as an update, so that answer can still be replaced.
  const pressed = choice.onOwnAnswer && i.isMessageComponent() ? i : undefined;
  return {
    platform: 'discord',
    context: () => discordContext(i, deps),
    // A press always comes from the server (or DM) where the answer is.
    buttonIds: { room: COMPONENT_LIMITS.customId, pressedWhereAnswered: true },
    defer: {
      at: arrived + (choice.early ? (deps.deferAfterMs ?? EARLY_DEFER_MS) : (deps.lateDeferAfterMs ?? LATE_DEFER_MS)),
      start: async () =>
        void (await (pressed
          ? pressed.deferUpdate()
          : i.deferReply(choice.privately ? { flags: MessageFlags.Ephemeral } : {}))),
    },
    send: async (reply, outcome, inPlace) => {
      const [payload, ...more] = renderDiscordMessages(reply, outcome);
      if (pressed && inPlace && !pressed.replied) await updatePressed(pressed, payload);
      else if (i.replied || pressed?.deferred) message = (await i.followUp(payload)).id;
      else if (i.deferred) message = await sendAfterDefer(i, payload);
      else await i.reply(payload);
      sent = payload;
      // The rest of an answer too long for one message follows it, as private as the answer.
      for (const rest of more) await i.followUp(rest);
    },
    // The picture goes inside the answer's last embed (attachment://name); an edit keeps the message's privacy.
    sendChart: async (chart) => {
      const file = new AttachmentBuilder(Buffer.from(chart.data), { name: chart.name, description: chart.alt });
      const embeds = (sent?.embeds ?? []).map((embed, n, all) =>
        n === all.length - 1 ? { ...embed, image: { url: `attachment://${chart.name}` } } : embed,
      );
      await i.editReply({ message, embeds, files: [file], allowedMentions: { parse: [] } });
    },
    sendLater: async (reply) => {
      for (const message of renderDiscordMessages({ ...reply, visibility: 'private' })) await i.followUp(message);
    },
  };
}

/** The answer in place of the pressed message: buttons and files it no longer has are cleared, not kept. */
async function updatePressed(i: MessageComponentInteraction, payload: DiscordPayload): Promise<void> {
  const { flags: _kept, ...edit } = payload;
  const whole = { components: [], attachments: [], ...edit };
  await (i.deferred ? i.editReply(whole) : i.update(whole));
}

/**
 * A deferred reply keeps the visibility chosen when deferring, so the answer moves when that differs.
 * Returns which message holds the answer: "@original", or the id of the follow-up.
 */
async function sendAfterDefer(i: RepliableInteraction, payload: DiscordPayload): Promise<string> {
  const { flags = 0, ...edit } = payload;
  if (Boolean(flags & MessageFlags.Ephemeral) !== Boolean(i.ephemeral)) {
    await i.deleteReply();
    return (await i.followUp(payload)).id;
  }
  await i.editReply(edit);
  return '@original';
}
