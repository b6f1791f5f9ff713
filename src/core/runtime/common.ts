// share and details: the options every command takes, handled here once. Taken out of the arguments
// before the command's schema sees them, applied to its reply, and offered back as buttons.
import { CHART_SENT } from './chart.js';
import type { Command } from './command.js';
import { UserError } from './errors.js';
import { COMMON_OPTIONS } from './options.js';
import { type Action, type Reply, replayable, text } from './reply.js';

export interface CommonValues {
  /** Post the answer in the channel (never for commands about personal data). */
  share?: boolean;
  /** Show the details in the answer itself. */
  details?: boolean;
}

const NAMES = new Set(COMMON_OPTIONS.map((o) => o.name));

/** The common options apart from the command's own arguments; each must be yes or no. */
export function takeCommonOptions(args: Record<string, unknown>): {
  common: CommonValues;
  rest: Record<string, unknown>;
} {
  const common: Record<string, boolean> = {};
  for (const { name } of COMMON_OPTIONS) {
    const value = args[name];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') {
      throw new UserError('bad_yes_no', `"${name}" must be yes or no (got "${String(value).slice(0, 40)}").`);
    }
    common[name] = value;
  }
  const rest = Object.fromEntries(Object.entries(args).filter(([name]) => !NAMES.has(name)));
  return { common, rest };
}

/** What the platform allows, from the context: see Context.privateOnly and Context.chartOnPress. */
export interface PlatformLimits {
  privateOnly?: string;
  chartOnPress?: string;
  /** This answer's chart goes out now apart from it (a DM), so a private answer's Details marks it sent. */
  chartSent?: boolean;
}

/**
 * The reply as the common options ask for it, with their buttons: Details when some are held back, and
 * Share on a private answer (never for alwaysPrivate commands or keepPrivate answers). A public answer keeps no personal buttons
 * (Done, Confirm), since anyone in the channel could press them.
 */
export function withCommonOptions(
  command: Command,
  given: Record<string, unknown>,
  result: Reply,
  common: CommonValues,
  { privateOnly, chartOnPress, chartSent }: PlatformLimits = {},
): Reply {
  // A pointer to the details ("…and 3 more: add details:yes") is dropped once they are shown.
  const whole = [...result.blocks.filter((b) => !(b.type === 'text' && b.short)), ...result.details];
  const full = common.details ? { ...result, blocks: whole, details: [] } : result;
  // Asked to share where the platform forces answers private, or an answer that is never posted in
  // the channel: say why rather than seem to ignore it.
  const kept = result.keepPrivate && `Not posted in the channel: ${result.keepPrivate}`;
  const refused = common.share && !command.alwaysPrivate ? (privateOnly ?? kept) : undefined;
  const shown = refused ? { ...full, blocks: [text(refused), ...full.blocks] } : full;
  const visibility = common.share && !command.alwaysPrivate && !refused ? 'public' : shown.visibility;
  const replay = replayable(given);
  const same = common.details ? { ...replay, details: true } : replay;
  const buttons: Action[] = [];
  // Details shows the same answer again: its picture, already in the person's DM, is not sent twice.
  const again = visibility === 'private' && chartSent ? { ...replay, chart: CHART_SENT } : replay;
  if (shown.details.length > 0)
    buttons.push({ label: 'Details', command: command.name, args: { ...again, details: true }, inPlace: true });
  // The chart waits for its button: the press runs the same command with chart:on, which sends it.
  const onPress = visibility === 'private' && shown.chart ? chartOnPress : undefined;
  if (onPress) buttons.push({ label: 'Chart', command: command.name, args: { ...same, chart: 'on' }, inPlace: true });
  if (visibility === 'private' && !command.alwaysPrivate && !privateOnly && !result.keepPrivate) {
    buttons.push({ label: 'Share in channel', command: command.name, args: { ...same, share: true } });
  }
  const { chart: _held, ...withoutChart } = shown;
  const drawn = onPress ? { ...withoutChart, footer: [...shown.footer, onPress] } : shown;
  return { ...drawn, visibility, actions: [...(visibility === 'public' ? [] : shown.actions), ...buttons] };
}
