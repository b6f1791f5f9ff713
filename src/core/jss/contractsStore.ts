// Reading and writing a user's contract log through the per-user store (so /mydata finds it).
import type { Context } from '../runtime/command.js';
import { readUserData, updateUserData } from '../store/store.js';
import { type ContractLog, emptyLog, LOG_NAME } from './contracts.js';
import { replanWindowAlerts } from './windowAlerts.js';

type Scope = Pick<Context, 'platform' | 'workspaceId' | 'userId' | 'store'>;

export async function loadLog(ctx: Scope): Promise<ContractLog> {
  return (await readUserData<ContractLog>(ctx, LOG_NAME)) ?? emptyLog();
}

/**
 * Changes the log under its lock; an empty log is deleted. Window alerts, when on, are planned
 * again from the new log. Resolves to the log before and after.
 */
export async function changeLog(
  ctx: Scope & Pick<Context, 'now'>,
  change: (log: ContractLog) => ContractLog,
): Promise<{ before: ContractLog; after: ContractLog }> {
  const { before, after } = await updateUserData<ContractLog>(ctx, LOG_NAME, (current) => {
    const next = change(current ?? emptyLog());
    return next.contracts.length === 0 ? undefined : next;
  });
  const changed = { before: before ?? emptyLog(), after: after ?? emptyLog() };
  await replanWindowAlerts(ctx, changed.after.contracts, ctx.now);
  return changed;
}
