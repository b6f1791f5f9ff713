// Reading and writing a user's contract log through the per-user store (so /mydata finds it).
import type { Context } from './command.js';
import { type ContractLog, emptyLog, LOG_NAME } from './contracts.js';
import { deleteUserData, readUserData, writeUserData } from './store.js';

type Scope = Pick<Context, 'platform' | 'workspaceId' | 'userId' | 'store'>;

export async function loadLog(ctx: Scope): Promise<ContractLog> {
  return (await readUserData<ContractLog>(ctx, LOG_NAME)) ?? emptyLog();
}

export async function saveLog(ctx: Scope, log: ContractLog): Promise<void> {
  if (log.contracts.length === 0) await deleteUserData(ctx, LOG_NAME);
  else await writeUserData(ctx, LOG_NAME, log);
}
