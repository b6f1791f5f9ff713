// Slack installations (one per workspace, or one per Enterprise Grid org for org-wide installs) in the
// bot's own store. Each record is sealed whole with AES-256-GCM: tokens and refresh tokens never sit in clear.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { logger } from '../../core/log.js';
import type { Store } from '../../core/store/store.js';
import { encryptionKey, type Keys, openSealed, seal, WrongKeyError } from './sealed.js';

const part = (id: string) => encodeURIComponent(id);
const teamKey = (teamId: string) => `slack-install:team:${part(teamId)}`;
const orgKey = (enterpriseId: string) => `slack-install:org:${part(enterpriseId)}`;
/** Which org-wide install a workspace's commands ran under (reminders only know the workspace). */
const orgOfTeamKey = (teamId: string) => `slack-install:org-of:${part(teamId)}`;
/** The workspaces seen under an org-wide install, so uninstalling the org can clean each of them. */
const orgTeamsKey = (enterpriseId: string) => `slack-install:org-teams:${part(enterpriseId)}`;

export interface WorkspaceRef {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
}

export interface SlackInstallations extends InstallationStore {
  /** How Bolt would look up the installation that serves a workspace (org-wide or its own). */
  refFor(teamId: string): Promise<WorkspaceRef>;
  /** Records that a workspace's requests came under an org-wide install. */
  rememberOrgTeam(teamId: string, enterpriseId: string): Promise<void>;
  /** The workspaces an org-wide install has served (one entry for a plain workspace install). */
  teamsOf(ref: WorkspaceRef): Promise<string[]>;
  /** Deletes the installation and what ties workspaces to it. */
  forget(ref: WorkspaceRef): Promise<void>;
}

/** The query Bolt's authorize takes: by enterprise for an org-wide install, by team otherwise. */
export function queryOf(ref: WorkspaceRef): InstallationQuery<boolean> {
  if (ref.isEnterpriseInstall && ref.enterpriseId)
    return { teamId: undefined, enterpriseId: ref.enterpriseId, isEnterpriseInstall: true };
  return { teamId: ref.teamId ?? '', enterpriseId: ref.enterpriseId, isEnterpriseInstall: false };
}

function keyOf(query: WorkspaceRef): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return orgKey(query.enterpriseId);
  if (query.teamId) return teamKey(query.teamId);
  throw new Error('an installation query needs a team id, or an enterprise id for an org-wide install');
}

/** The keys as configured, in hex: GIGDESK_ENCRYPTION_KEY and, while rotating, GIGDESK_ENCRYPTION_KEY_PREVIOUS. */
export interface KeysHex {
  current: string;
  previous?: string;
}

export function slackInstallations(store: Store, keysHex: KeysHex): SlackInstallations {
  const keys: Keys = {
    current: encryptionKey(keysHex.current),
    ...(keysHex.previous ? { previous: encryptionKey(keysHex.previous, 'GIGDESK_ENCRYPTION_KEY_PREVIOUS') } : {}),
  };
  const told = new Set<string>();
  const read = async (storeKey: string) => {
    const sealed = await store.get<string>(storeKey);
    if (sealed === undefined) return undefined;
    let opened: ReturnType<typeof openSealed>;
    try {
      opened = openSealed(sealed, keys, storeKey);
    } catch (error) {
      if (error instanceof WrongKeyError && !told.has(storeKey)) {
        told.add(storeKey);
        logger.error({ platform: 'slack', installation: storeKey, sealedWith: error.sealedWith }, error.message);
      }
      throw error;
    }
    if (opened.stale) await reseal(store, storeKey, sealed, seal(opened.plain, keys.current, storeKey));
    return JSON.parse(opened.plain) as Installation;
  };
  const installations: SlackInstallations = {
    storeInstallation: async (installation) => {
      const storeKey = keyOf({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
      });
      await store.set(storeKey, seal(JSON.stringify(installation), keys.current, storeKey));
    },
    fetchInstallation: async (query: InstallationQuery<boolean>) => {
      const found = await read(keyOf(query));
      if (found) return found;
      throw new Error(`no installation for ${query.isEnterpriseInstall ? 'this org' : 'this workspace'}`);
    },
    deleteInstallation: async (query: InstallationQuery<boolean>) => {
      await store.delete(keyOf(query));
    },
    refFor: async (teamId) => {
      const enterpriseId = await store.get<string>(orgOfTeamKey(teamId));
      return enterpriseId
        ? { teamId, enterpriseId, isEnterpriseInstall: true }
        : { teamId, isEnterpriseInstall: false };
    },
    rememberOrgTeam: async (teamId, enterpriseId) => {
      await store.set(orgOfTeamKey(teamId), enterpriseId);
      await store.update<string[]>(orgTeamsKey(enterpriseId), (teams = []) =>
        teams.includes(teamId) ? teams : [...teams, teamId],
      );
    },
    teamsOf: async (ref) => {
      if (!(ref.isEnterpriseInstall && ref.enterpriseId)) return ref.teamId ? [ref.teamId] : [];
      return (await store.get<string[]>(orgTeamsKey(ref.enterpriseId))) ?? [];
    },
    forget: async (ref) => {
      if (ref.isEnterpriseInstall && ref.enterpriseId) {
        for (const teamId of await installations.teamsOf(ref)) await store.delete(orgOfTeamKey(teamId));
        await store.delete(orgTeamsKey(ref.enterpriseId));
      }
      await store.delete(keyOf(ref));
    },
  };
  return installations;
}

/** Writes the value sealed under the current key, unless the installation changed meanwhile (a token refresh). */
async function reseal(store: Store, storeKey: string, old: string, fresh: string): Promise<void> {
  await store.update<string>(storeKey, (current) => (current === old ? fresh : current));
}
