// Sends due reminders through an adapter. A step is claimed (status 'sending', index entry gone)
// before it is handed to the adapter, so a restart can never send it twice.
import { logger } from '../log.js';
import { countReminders } from '../metrics.js';
import { saveActions } from '../runtime/actions.js';
import type { Platform } from '../runtime/command.js';
import type { Reply } from '../runtime/reply.js';
import { readUserData, type Store, writeUserData } from '../store/store.js';
import type { Followup } from './ladders.js';
import { reminderReply } from './notices.js';
import {
  INDEX_KEY,
  LADDERS,
  loadFollowups,
  NOTICES,
  type Notice,
  type PendingReminder,
  type Recipient,
  readIndex,
  type Scope,
  sameRecipient,
  withLock,
} from './reminders.js';

/** Due reminders claimed per index write; also the most a crash mid-pass can leave unsent. */
const CLAIM_BATCH = 25;

/**
 * The one capability an adapter adds for reminders: send a Reply privately to one user
 * (a DM on Discord and Slack, printed in the console). Resolves false when the user cannot be
 * reached (DMs closed), so the core keeps the reminder and tells the user at their next command.
 */
export type Deliver = (to: Recipient, reply: Reply) => Promise<boolean>;

/** Reminders due at `now`, earliest first. */
export async function findDue(store: Store, now: Date): Promise<PendingReminder[]> {
  return (await readIndex(store)).filter((e) => e.dueAt <= now.getTime()).sort((a, b) => a.dueAt - b.dueAt);
}

export interface DeliveryReport {
  delivered: number;
  undelivered: number;
  /** Index entries whose ladder or step was gone or already handled. */
  dropped: number;
}

/**
 * Hands every due reminder to `deliver` once. `platforms` limits the run to the recipients this
 * adapter can reach, so each adapter's poller leaves the others' reminders alone.
 */
export async function deliverDue(
  store: Store,
  now: Date,
  deliver: Deliver,
  options: { platforms?: Platform[] } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, undelivered: 0, dropped: 0 };
  const due = (await findDue(store, now)).filter(
    (e) => !options.platforms || options.platforms.includes(e.to.platform),
  );
  for (let i = 0; i < due.length; i += CLAIM_BATCH) {
    const claimed = await claim(store, due.slice(i, i + CLAIM_BATCH), now);
    report.dropped += Math.min(CLAIM_BATCH, due.length - i) - claimed.length;
    for (const { entry, message } of claimed) {
      let ok = false;
      try {
        // Its Done and Snooze buttons are saved for the recipient first, as for any answer with buttons.
        ok = await deliver(entry.to, await saveActions(message, entry.to, store, now));
      } catch (error) {
        logger.warn({ err: error, platform: entry.to.platform }, 'reminder delivery failed');
      }
      await record(store, entry, ok, now);
      countReminders(ok ? 'delivered' : 'failed', entry.to.platform);
      if (ok) report.delivered++;
      else report.undelivered++;
    }
  }
  return report;
}

const sameEntry = (a: PendingReminder, b: PendingReminder) =>
  sameRecipient(a.to, b.to) && a.followupId === b.followupId && a.step === b.step;

/**
 * Marks each still-pending step 'sending' and drops the entries from the index, in one pass over
 * the index. A crash before sending leaves at most one batch marked 'sending': never re-sent, and
 * /followup list says so.
 */
function claim(
  store: Store,
  entries: PendingReminder[],
  now: Date,
): Promise<{ entry: PendingReminder; message: Reply }[]> {
  return withLock(store, async () => {
    const claimed: { entry: PendingReminder; message: Reply }[] = [];
    const ladders = new Map<string, { scope: Scope; list: Followup[] }>();
    for (const entry of entries) {
      const key = JSON.stringify(entry.to);
      const scope = { ...entry.to, store };
      const owner = ladders.get(key) ?? { scope, list: await loadFollowups(scope) };
      ladders.set(key, owner);
      const followup = owner.list.find((f) => f.id === entry.followupId);
      const step = followup?.steps[entry.step];
      if (!followup || step?.status !== 'pending') continue;
      step.status = 'sending';
      step.at = now.toISOString();
      claimed.push({ entry, message: await reminderReply(scope, followup, step) });
    }
    // Steps are marked before their index entries go: a crash in between leaves entries that claim nothing.
    for (const { scope, list } of ladders.values()) await writeUserData(scope, LADDERS, list);
    const index = await readIndex(store);
    await store.set(
      INDEX_KEY,
      index.filter((e) => !entries.some((done) => sameEntry(e, done))),
    );
    return claimed;
  });
}

function record(store: Store, entry: PendingReminder, ok: boolean, now: Date): Promise<void> {
  const scope = { ...entry.to, store };
  return withLock(store, async () => {
    const list = await loadFollowups(scope);
    const step = list.find((f) => f.id === entry.followupId)?.steps[entry.step];
    if (step?.status !== 'sending') return;
    step.status = ok ? 'sent' : 'undelivered';
    step.at = now.toISOString();
    await writeUserData(scope, LADDERS, list);
    if (!ok) {
      const notices = (await readUserData<Notice[]>(scope, NOTICES)) ?? [];
      await writeUserData(scope, NOTICES, [...notices, { followupId: entry.followupId, step: entry.step }]);
    }
  });
}
