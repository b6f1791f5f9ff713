// What the Slack listeners share: the commands, the store, and how admins are recognised.
import type { webApi } from '@slack/bolt';
import type { Command } from '../../core/runtime/command.js';
import type { RateLimits } from '../../core/runtime/rateLimit.js';
import type { Store } from '../../core/store/store.js';

export interface SlackDeps {
  commands: readonly Command[];
  store: Store;
  /** The clock commands see; tests pin it. */
  now?: () => Date;
  /** Posts a form's answer to its response_url; tests pass their fake. */
  fetch?: typeof fetch;
  /** User ids treated as admins in addition to workspace admins and owners. */
  adminUserIds?: readonly string[];
  /** How long to wait for a reply before acking empty and answering through respond(). */
  ackBudgetMs?: number;
  rateLimits?: RateLimits;
}

export type AdminCheck = (client: webApi.WebClient, teamId: string, userId: string) => Promise<boolean>;
