// The surface contract: what one platform does to answer one event. Everything between "it arrived" and
// "everything is out" (run, buttons, deadline, order of sends, notices, failures) is respond.ts, once.
import type { Recipient } from '../core/followups/reminders.js';
import type { ButtonIds } from '../core/runtime/buttonTokens.js';
import type { Context, Platform } from '../core/runtime/command.js';
import type { Attachment, Reply } from '../core/runtime/reply.js';
import type { Outcome } from '../core/runtime/run.js';
import type { Store } from '../core/store/store.js';

export interface Surface {
  platform: Platform;
  /** Who asked, where and when, read from the platform's event (on a press: the presser, never the button). */
  context(): Context | Promise<Context>;
  /**
   * Sends the reply's text and buttons (its files too where sendFiles is absent); see UnreachableError.
   * `inPlace`: the core says this press's answer may take the place of the private answer pressed; the
   * surface does so where the event shows that message is the presser's own (ephemeral), else sends anew.
   */
  send(reply: Reply, outcome: Outcome, inPlace?: boolean): Promise<void>;
  /** Sends the reply's files after its text; absent where send carries them in the message (Discord). */
  sendFiles?(files: Attachment[], reply: Reply): Promise<void>;
  /** Shows the drawn chart with the answer after its text; absent where no picture can go (none is drawn). */
  sendChart?(chart: Attachment, reply: Reply): Promise<void>;
  /**
   * Tells the platform an answer is coming when none is ready by `at` (a performance.now() time, set when
   * the event arrived, so work before the answer, such as the rate limit, counts); absent: no deadline.
   */
  defer?: { at: number; start(): Promise<void> };
  /** Where a later private message to the same person goes (missed reminders); absent on a one-shot surface. */
  sendLater?(reply: Reply): Promise<void>;
  /** False where no press can come back (the one-shot `ask`): buttons are listed, not saved. */
  savesButtons?: false;
  /** What the platform's button ids hold: a button whose signed action fits carries it (no store write). */
  buttonIds?: ButtonIds;
}

/** Thrown by send when the person cannot be reached there at all (Discord DMs closed): the core keeps the reminder. */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/**
 * Why nothing is shared in a person's DM with gigdesk, on every platform (the only other reader is
 * gigdesk); Discord's wording shows share:yes as share:True.
 */
export const DM_WITH_GIGDESK =
  'This is your direct message with gigdesk, so there is no channel to share it in: use share:yes in a channel.';

/** The context of a reminder's recipient: their own workspace, no admin rights. */
export function recipientContext(to: Recipient, store: Store, now = new Date()): Context {
  return { platform: to.platform, workspaceId: to.workspaceId, userId: to.userId, isAdmin: false, now, store };
}
