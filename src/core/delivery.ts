import type { Platform } from './command.js';
import type { Reply } from './reply.js';

/** Who a private message (a follow-up reminder) is for. */
export interface Recipient {
  platform: Platform;
  workspaceId: string;
  userId: string;
}

/**
 * The one capability an adapter adds for reminders: send a Reply privately to one user
 * (a DM on Discord and Slack, printed in the console). Resolves false when the user cannot be
 * reached (DMs closed), so the core keeps the reminder and tells the user at their next command.
 */
export type Deliver = (to: Recipient, reply: Reply) => Promise<boolean>;
