import type { z } from 'zod';
import type { Store } from '../store/store.js';
import type { RateLimits } from './rateLimit.js';
import type { Reply, Visibility } from './reply.js';

export type Platform = 'discord' | 'slack' | 'console';

/** Everything a command may know about who asked, where and when. */
export interface Context {
  platform: Platform;
  /** Discord guild id, Slack team id, or "local" for the console. */
  workspaceId: string;
  userId: string;
  /** Whether the caller may change the workspace's templates and settings. */
  isAdmin: boolean;
  /** The clock every date computation uses; tests pin it. */
  now: Date;
  store: Store;
  /** 'public' while a command builds an answer share:yes posts in the channel (set by the run, never by adapters). */
  visibility?: Visibility;
  /** Why the platform lets nothing be shared here, when it forces every answer private. */
  privateOnly?: string;
  /** Where a private answer's chart is drawn only on request: the line that says how (a Chart button). */
  chartOnPress?: string;
  /** Limits for chat platforms; the console (one local person) runs without. */
  rateLimits?: RateLimits;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds commands of every option shape
export type AnyOptions = z.ZodObject<any>;

/** The name of one of the command's own options: a typo in a field that names one does not compile. */
export type OptionName<S extends AnyOptions> = Extract<keyof z.input<S>, string>;

export interface Command<S extends AnyOptions = AnyOptions> {
  /** "jss", or "contracts add" for sub-command "add" of the group "contracts". */
  name: string;
  description: string;
  /** Single source of truth for option names, order, types, bounds and descriptions. */
  options: S;
  /** Only workspace admins may run it (checked in checks.ts; Discord also hides it). */
  adminOnly?: boolean;
  /** Answers about personal data stay private even when the caller asks to share. */
  alwaysPrivate?: boolean;
  /** The option that takes long text: Discord and Slack open a form (modal) for it when it is left out. */
  longText?: OptionName<S>;
  /** Reads or writes the store, so adapters may defer before answering. */
  usesStore?: boolean;
  /** Suggestions for a string option as the user types (Discord autocomplete). */
  autocomplete?: (option: OptionName<S>, partial: string, ctx: Context) => Promise<string[]> | string[];
  run: (args: z.output<S>, ctx: Context) => Reply | Promise<Reply>;
}

export function defineCommand<S extends AnyOptions>(command: Command<S>): Command {
  return command as unknown as Command;
}
