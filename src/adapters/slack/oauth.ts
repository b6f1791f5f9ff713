// Slack for many workspaces: Bolt's OAuth install (/slack/install, /slack/oauth_redirect), each
// workspace's own token from the encrypted installation store, and a full clean-up on uninstall.
import { createHash } from 'node:crypto';
import { App, HTTPReceiver, type StateStore, webApi } from '@slack/bolt';
import slackOAuth from '@slack/oauth';
import { commands as allCommands } from '../../commands/index.js';
import type { Config } from '../../config.js';
import { logger } from '../../core/log.js';
import { deleteWorkspaceData } from '../../core/privacy.js';
import type { Store } from '../../core/store/store.js';
import type { AdapterDeps } from '../running.js';
import { serveOn } from '../sharedPort.js';
import { type ClientFor, slackDeliver } from './deliver.js';
import { register } from './handler.js';
import { queryOf, type SlackInstallations, slackInstallations, type WorkspaceRef } from './installations.js';
import { SLACK_BOT_SCOPES } from './manifest.js';
import { callbackPages, installPage } from './oauthPages.js';
import { WrongKeyError } from './sealed.js';
import { boltListener, boltLogger, type SlackBot } from './start.js';

// A CommonJS package whose exports Node's ESM loader cannot name one by one.
const { ClearStateStore, InvalidStateError } = slackOAuth;

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
/** How long an "Add to Slack" link stays good. */
const STATE_TTL_SECONDS = 600;

export interface OAuthExtras {
  /** Web API client options (tests pass a fake fetch). */
  clientOptions?: webApi.WebClientOptions;
  host?: string;
}

/**
 * Bolt's signed state, issued by this app and accepted once: saved for its lifetime when the link is
 * made, taken (deleted) when the redirect comes back, so a replayed redirect is refused.
 */
function singleUseStates(store: Store, secret: string): StateStore {
  const signed = new ClearStateStore(secret, STATE_TTL_SECONDS);
  const keyOf = (state: string) => `slack-oauth-state:${createHash('sha256').update(state).digest('hex')}`;
  return {
    generateStateParam: async (options, now) => {
      const state = await signed.generateStateParam(options, now);
      await store.expiring.save(keyOf(state), true, STATE_TTL_SECONDS * 1000);
      return state;
    },
    verifyStateParam: async (now, state) => {
      const options = await signed.verifyStateParam(now, state);
      if (!(await store.expiring.take<boolean>(keyOf(state))))
        throw new InvalidStateError('this install link was already used or has expired');
      return options;
    },
  };
}

export async function startSlackOAuth(
  { slack: config, rateLimits }: Pick<Config, 'slack'> & Partial<Pick<Config, 'rateLimits'>>,
  deps: AdapterDeps & OAuthExtras,
): Promise<SlackBot> {
  const { store, ...extras } = deps;
  const oauth = config?.oauth;
  if (!config || !oauth || !config.signingSecret)
    throw new Error('Slack OAuth mode needs the OAuth variables and a signing secret');
  const installations = slackInstallations(store, {
    current: oauth.encryptionKey,
    previous: oauth.previousEncryptionKey,
  });
  const log = boltLogger();
  // The Web API client's default retries span half an hour; a chat answer or a DM cannot wait that long.
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: { retries: 2 },
    timeout: 10_000,
    logger: log,
    ...(oauth.apiUrl ? { slackApiUrl: oauth.apiUrl } : {}),
    ...extras.clientOptions,
  };
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    scopes: [...SLACK_BOT_SCOPES],
    redirectUri: oauth.publicUrl ? `${oauth.publicUrl}${REDIRECT_PATH}` : undefined,
    installationStore: installations,
    logger: log,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      stateVerification: true,
      stateStore: singleUseStates(store, oauth.stateSecret),
      stateCookieExpirationSeconds: STATE_TTL_SECONDS,
      renderHtmlForInstallPath: installPage,
      callbackOptions: callbackPages,
      clientOptions,
    },
  });
  const installer = receiver.installer;
  if (!installer) throw new Error('Bolt did not set up the OAuth installer');
  const app = new App({ receiver, logger: log, convoStore: false, clientOptions });

  rememberOrgWorkspaces(app, installations);
  const clients = workspaceClients(installations, (ref) => installer.authorize(queryOf(ref)), clientOptions);
  const uninstall = async (ref: WorkspaceRef) => {
    const teams = await installations.teamsOf(ref);
    await installations.forget(ref);
    for (const teamId of teams) {
      clients.evict(teamId);
      const removed = await deleteWorkspaceData({ platform: 'slack', workspaceId: teamId, store });
      logger.info({ platform: 'slack', workspace: teamId, ...removed }, 'uninstalled: workspace data deleted');
    }
  };
  register(
    app,
    { commands: extras.commands ?? allCommands, store, adminUserIds: config.adminUserIds, rateLimits },
    {
      app_uninstalled: async ({ context }) => uninstall(refOf(context)),
      tokens_revoked: async ({ event, context }) => {
        // Only the bot token ends the install; gigdesk asks for no user tokens.
        if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length > 0) await uninstall(refOf(context));
      },
    },
  );

  // Served on a port Discord's interactions may share (DISCORD_HTTP_PORT equal to SLACK_PORT).
  const served = await serveOn(config.port ?? 3000, extras.host, '', boltListener(receiver, log));
  const { port } = served;
  logger.info({ mode: 'oauth', port, installPath: INSTALL_PATH }, 'slack adapter started');
  return {
    platform: 'slack',
    mode: 'http',
    port,
    deliver: slackDeliver(clients.forWorkspace, store),
    stop: served.close,
  };
}

const refOf = (context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): WorkspaceRef => ({
  teamId: context.teamId,
  enterpriseId: context.enterpriseId,
  isEnterpriseInstall: context.isEnterpriseInstall === true,
});

/** Reminders know only the workspace; this notes which org-wide install serves it, once per process. */
function rememberOrgWorkspaces(app: App, installations: SlackInstallations): void {
  const seen = new Set<string>();
  app.use(async ({ context, next }) => {
    const { teamId, enterpriseId } = context;
    if (context.isEnterpriseInstall && teamId && enterpriseId && !seen.has(teamId)) {
      await installations.rememberOrgTeam(teamId, enterpriseId);
      seen.add(teamId);
    }
    await next();
  });
}

type Authorize = (ref: WorkspaceRef) => Promise<{ botToken?: string }>;

/**
 * One Web API client per workspace, carrying that workspace's bot token. Bolt's authorize reads the
 * installation and refreshes a rotating token close to expiry, storing the new pair.
 */
function workspaceClients(installations: SlackInstallations, authorize: Authorize, options: webApi.WebClientOptions) {
  const cache = new Map<string, { token: string; client: webApi.WebClient }>();
  const forWorkspace: ClientFor = async (teamId) => {
    let token: string | undefined;
    try {
      token = (await authorize(await installations.refFor(teamId))).botToken;
    } catch (error) {
      // A key that opens nothing was already logged once by the installation store, with what to do.
      if (!(error instanceof WrongKeyError))
        logger.warn({ err: error, platform: 'slack', workspace: teamId }, 'no installation for this workspace');
      return undefined;
    }
    if (!token) return undefined;
    const hit = cache.get(teamId);
    if (hit?.token === token) return hit.client;
    const client = new webApi.WebClient(token, { ...options, teamId });
    cache.set(teamId, { token, client });
    return client;
  };
  return { forWorkspace, evict: (teamId: string) => void cache.delete(teamId) };
}
