// Discord over HTTP: Discord POSTs each interaction, signed, to /discord/interactions; no gateway
// connection is opened. The interactions are the same discord.js objects the gateway makes, answered by
// the same handler and surface; only the transport differs: the first answer (reply, deferral, modal,
// suggestions) goes back as the HTTP response itself, later edits and files over REST with the bot token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  Client,
  ClientApplication,
  ClientUser,
  Events,
  type Interaction,
  type InternalRequest,
  RequestMethod,
} from 'discord.js';
import { commands as allCommands } from '../../commands/index.js';
import { logger, referenceId } from '../../core/log.js';
import type { Command } from '../../core/runtime/command.js';
import type { RateLimits } from '../../core/runtime/rateLimit.js';
import type { Store } from '../../core/store/store.js';
import type { RunningAdapter } from '../running.js';
import { serveOn } from '../sharedPort.js';
import { discordDeliver } from './deliver.js';
import { deployedCommands } from './deploy.js';
import { createInteractionHandler } from './handler.js';
import { isSignedByDiscord, publicKeyFromHex } from './signature.js';

export const INTERACTIONS_PATH = '/discord/interactions';
/** Discord waits 3 s for the first answer; respond() defers before this (surface.ts). */
const FIRST_ANSWER_MS = 2900;
const MAX_BODY_BYTES = 1_000_000;
const PING = 1;
/** Callback types: a message answer, and its deferral. */
const MESSAGE = 4;
const DEFERRED_MESSAGE = 5;
const EPHEMERAL = 64;

export interface HttpOptions {
  token: string;
  applicationId: string;
  publicKey: string;
  port: number;
  store: Store;
  rateLimits?: RateLimits;
  host?: string;
  /** Where REST calls other than the first answer go; tests pass a fake Discord. */
  upstream?: typeof fetch;
  /** The REST API's base URL (DISCORD_API_URL); discord.js's default is https://discord.com/api. */
  apiUrl?: string;
  deferAfterMs?: number;
  lateDeferAfterMs?: number;
  /** Every command by default; tests add their own. */
  commands?: readonly Command[];
  now?: () => Date;
}

/** The first answer, as the body of the HTTP response; `sent` is called once that response is done. */
interface FirstAnswer {
  body: Buffer;
  contentType: string;
  sent?: () => void;
}

type Answer = (answer: FirstAnswer) => void;

export async function startDiscordHttp(options: HttpOptions): Promise<RunningAdapter & { port: number }> {
  const commands = options.commands ?? allCommands;
  deployedCommands(commands); // fails at start if a command cannot be registered
  const key = publicKeyFromHex(options.publicKey);
  const waiting = new Map<string, Answer>();
  const upstream = options.upstream ?? fetch;
  const client = new Client({
    intents: [],
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      // A first answer with files reaches the queue (see client.rest.request below) and arrives here, multipart.
      makeRequest: async (url: string, init: RequestInit) => {
        const answer = init.body instanceof FormData ? takeWaiting(new URL(url).pathname, waiting) : undefined;
        return answer ? deferForFiles(url, init, answer, options.applicationId, upstream) : upstream(url, init);
      },
      // biome-ignore lint/suspicious/noExplicitAny: discord.js types makeRequest with undici's own Response type
    } as any,
  });
  client.rest.setToken(options.token);
  // A first answer without files is the HTTP response, not a request to Discord: it skips discord.js's
  // request queue (routing, rate-limit handler, abort timer, headers, a Response read back), which cost
  // about as much as the command itself (docs/benchmarks.md).
  const queue = client.rest.request.bind(client.rest);
  client.rest.request = async (request) => {
    const answer = firstAnswerTo(request, waiting);
    if (!answer) return queue(request);
    answer({ body: Buffer.from(JSON.stringify(request.body)), contentType: 'application/json' });
    return new ArrayBuffer(0); // what the queue gives back for Discord's 204
  };
  // Never logged in: what a login would have told the client, the configuration says (the bot user's id is the app's).
  client.application = Reflect.construct(ClientApplication, [client, { id: options.applicationId }]);
  client.user = Reflect.construct(ClientUser, [
    client,
    { id: options.applicationId, username: 'gigdesk', discriminator: '0', bot: true },
  ]);
  const handle = createInteractionHandler({
    commands,
    store: options.store,
    rateLimits: options.rateLimits,
    deferAfterMs: options.deferAfterMs,
    lateDeferAfterMs: options.lateDeferAfterMs,
    now: options.now,
  });
  const running = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const work = handle(interaction).finally(() => running.delete(work));
    running.add(work);
  });

  const answerInteraction = async (raw: { id: string; type: number }): Promise<FirstAnswer | undefined> => {
    const first = new Promise<FirstAnswer | undefined>((resolve) => {
      waiting.set(raw.id, resolve);
      setTimeout(() => resolve(undefined), FIRST_ANSWER_MS).unref();
    });
    // biome-ignore lint/suspicious/noExplicitAny: the actions manager is internal to discord.js
    (client as any).actions.InteractionCreate.handle(raw);
    const answer = await first;
    waiting.delete(raw.id);
    return answer;
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    void serve(req, res).catch((error: unknown) => {
      logger.error({ ref: referenceId(), err: error, platform: 'discord' }, 'interaction request failed');
      if (!res.headersSent) reply(res, 500, { error: 'internal error' });
    });
  };
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url !== INTERACTIONS_PATH) return reply(res, 404, { error: 'not found' });
    const body = await readBody(req);
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (!body || !isSignedByDiscord(key, header(signature), header(timestamp), body)) {
      return reply(res, 401, { error: 'invalid request signature' });
    }
    const raw = JSON.parse(body.toString('utf8')) as { id: string; type: number };
    if (raw.type === PING) return reply(res, 200, { type: 1 });
    const answer = await answerInteraction(raw);
    if (!answer) return reply(res, 500, { error: 'no answer in time' });
    if (answer.sent) res.once('close', answer.sent);
    res.writeHead(200, { 'content-type': answer.contentType });
    res.end(answer.body);
  };

  // Its own server, or one shared with Slack's receiver when SLACK_PORT is the same port.
  const served = await serveOn(options.port, options.host ?? '0.0.0.0', INTERACTIONS_PATH, listener);
  const { port } = served;
  logger.info({ port, path: INTERACTIONS_PATH }, 'discord interactions over HTTP');
  return {
    platform: 'discord',
    port,
    connected: served.connected,
    deliver: discordDeliver(client, options.store),
    stop: async () => {
      await served.close();
      await Promise.allSettled([...running]);
      client.destroy();
    },
  };
}

/**
 * Discord takes no files in the HTTP response, so a first answer with files defers there (type 5) and,
 * once that response is out, replaces the deferral with the message and its files (PATCH @original,
 * multipart). What it returns is what discord.js sees as the callback's result.
 */
async function deferForFiles(
  url: string,
  init: RequestInit,
  answer: Answer,
  applicationId: string,
  upstream: typeof fetch,
): Promise<Response> {
  const form = init.body as FormData;
  const { type, data = {} } = JSON.parse(String(form.get('payload_json'))) as { type: number; data?: Message };
  // gigdesk's answers with files are new messages (it never updates a message with a file).
  if (type !== MESSAGE) throw new Error(`interaction callback type ${type} cannot carry files`);
  const deferral = { type: DEFERRED_MESSAGE, data: { flags: (data.flags ?? 0) & EPHEMERAL } };
  await new Promise<void>((sent) =>
    answer({ body: Buffer.from(JSON.stringify(deferral)), contentType: 'application/json', sent }),
  );
  // Whether the message is private was settled by the deferral; an edit cannot change it.
  const { flags: _flags, ...message } = data;
  const edit = new FormData();
  for (const [name, value] of form) edit.append(name, name === 'payload_json' ? JSON.stringify(message) : value);
  const original = url.replace(
    /\/interactions\/\d+\/([^/]+)\/callback(\?.*)?$/,
    `/webhooks/${applicationId}/$1/messages/@original`,
  );
  const response = await upstream(original, { method: 'PATCH', body: edit, headers: init.headers });
  return response.ok ? new Response(null, { status: 204 }) : response;
}

/** An interaction's callback route (the REST route, or a URL path ending in it); its interaction id. */
const CALLBACK = /\/interactions\/(\d+)\/[^/]+\/callback$/;

/** The waiting HTTP response for the interaction a callback path names, taken off the map. */
function takeWaiting(path: string, waiting: Map<string, Answer>): Answer | undefined {
  const id = CALLBACK.exec(path)?.[1];
  const answer = id ? waiting.get(id) : undefined;
  if (id && answer) waiting.delete(id);
  return answer;
}

/** The waiting HTTP response for an interaction's first callback without files, taken off the map. */
function firstAnswerTo(request: InternalRequest, waiting: Map<string, Answer>): Answer | undefined {
  if (request.method !== RequestMethod.Post || (request.files?.length ?? 0) > 0) return undefined;
  return takeWaiting(request.fullRoute, waiting);
}

interface Message {
  flags?: number;
  [field: string]: unknown;
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The raw bytes the signature covers; undefined past the size limit. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
