// One HTTP server per port in the process, so Discord's interactions endpoint and Slack's Bolt receiver
// can share a port (DISCORD_HTTP_PORT equal to SLACK_PORT). A request goes to the route whose path
// prefix it starts with, else to the catch-all route (''), else gets 404.
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logger } from '../core/log.js';

interface Shared {
  server: Server;
  routes: Map<string, RequestListener>;
  listening: Promise<void>;
}

export interface Served {
  /** The port listened on (known once listening; useful when asked for port 0). */
  port: number;
  connected: () => boolean;
  /** Stops serving this route; the server closes with its last route. */
  close: () => Promise<void>;
}

const byPort = new Map<number, Shared>();

/** Serves requests whose path starts with `prefix` ('' takes whatever no other route does) on `port`. */
export async function serveOn(
  port: number,
  host: string | undefined,
  prefix: string,
  listener: RequestListener,
): Promise<Served> {
  // Port 0 asks for a fresh free port each time, so it is never shared.
  const shared = (port !== 0 && byPort.get(port)) || listen(port, host);
  if (shared.routes.has(prefix)) throw new Error(`port ${port} already serves ${prefix || 'a catch-all route'}`);
  shared.routes.set(prefix, listener);
  try {
    await shared.listening;
  } catch (error) {
    shared.routes.delete(prefix);
    throw error;
  }
  const { server, routes } = shared;
  return {
    port: (server.address() as AddressInfo).port,
    connected: () => server.listening,
    close: async () => {
      if (!routes.delete(prefix) || routes.size > 0) return;
      if (byPort.get(port) === shared) byPort.delete(port);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(port: number, host: string | undefined): Shared {
  const routes = new Map<string, RequestListener>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const prefix = [...routes.keys()].find((p) => p !== '' && path.startsWith(p)) ?? '';
    const route = routes.get(prefix);
    if (route) route(req, res);
    else notFound(res);
  });
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      // An error after listening (rare) is logged, not thrown into the event loop.
      server.on('error', (error) => logger.error({ err: error, port }, 'http server error'));
      resolve();
    });
  });
  const shared = { server, routes, listening };
  if (port !== 0) byPort.set(port, shared);
  listening.catch(() => {
    if (byPort.get(port) === shared) byPort.delete(port);
  });
  return shared;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'not found' }));
}
