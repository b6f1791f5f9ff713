// /healthz and /metrics on METRICS_PORT: what a container orchestrator and Prometheus read.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningAdapter } from './adapters/running.js';
import type { Config } from './config.js';
import { logger } from './core/log.js';
import { disableMetrics, enableMetrics } from './core/metrics.js';
import type { Platform } from './core/runtime/command.js';
import type { Store } from './core/store/store.js';

export interface HealthSources {
  /** Every platform the configuration asks for. */
  expected: Platform[];
  /** The adapters started so far (main.ts adds to this list as each one starts). */
  adapters: readonly RunningAdapter[];
  store: Store;
}

/** The platforms main.ts starts for this configuration (the console when no token is set). */
export function expectedPlatforms(config: Config): Platform[] {
  const platforms: Platform[] = [];
  if (config.discord) platforms.push('discord');
  if (config.slack) platforms.push('slack');
  return platforms.length > 0 ? platforms : ['console'];
}

/** Why the bot is not healthy, one reason each; empty when every adapter is connected and the store answers. */
export async function healthProblems({ expected, adapters, store }: HealthSources): Promise<string[]> {
  const problems = expected.flatMap((platform) => {
    const adapter = adapters.find((a) => a.platform === platform);
    if (!adapter) return [`${platform}: starting`];
    return adapter.connected && !adapter.connected() ? [`${platform}: not connected`] : [];
  });
  try {
    await store.get('health'); // bounded by the store's own timeout
  } catch (error) {
    logger.warn({ err: error }, 'health check: the store did not answer');
    problems.push(`store (${store.kind}): not answering`);
  }
  return problems;
}

export interface Monitor {
  port: number;
  stop(): Promise<void>;
}

/** Starts counting and serves both endpoints; port 0 picks a free one (logged, and returned). */
export async function startMonitor(port: number, sources: HealthSources): Promise<Monitor> {
  const registry = await enableMetrics();
  const server = createServer((request, response) => {
    const answer = async (): Promise<[number, string, string]> => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/metrics') return [200, registry.contentType, await registry.metrics()];
      if (path !== '/healthz') return [404, 'text/plain', 'not found: try /healthz or /metrics\n'];
      const problems = await healthProblems(sources);
      return problems.length === 0 ? [200, 'text/plain', 'ok\n'] : [503, 'text/plain', `${problems.join('\n')}\n`];
    };
    answer().then(
      ([status, type, body]) => response.writeHead(status, { 'content-type': type }).end(body),
      (error: unknown) => {
        logger.error({ err: error }, 'monitor request failed');
        response.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  logger.info({ port: bound }, 'health and metrics listening');
  return {
    port: bound,
    stop: async () => {
      disableMetrics();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
