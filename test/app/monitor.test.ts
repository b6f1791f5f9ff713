// /healthz and /metrics of the real compiled bot (console mode) over HTTP, and the container's health command.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, startBot } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-monitor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `gigdesk start` with METRICS_PORT=0 and reads the port it picked from its log. */
async function startMonitored(env: Record<string, string> = {}) {
  const bot = startBot({ GIGDESK_DB_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'info', METRICS_PORT: '0', ...env });
  await bot.waitFor('health and metrics listening', 'stderr');
  const port = Number(/"port":(\d+),"msg":"health and metrics listening"/.exec(bot.logs())?.[1]);
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
  };
  /** `gigdesk health`, the Dockerfile's HEALTHCHECK, against this bot. */
  const health = () =>
    new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile('node', [CLI, 'health'], { env: { ...process.env, METRICS_PORT: String(port) } }, (error, stdout) =>
        resolve({ code: error ? Number(error.code) : 0, stdout }),
      );
    });
  return { ...bot, port, get, health };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('health and metrics (METRICS_PORT)', () => {
  it('serves /healthz 200 and counts commands by registered name, platform and outcome', async () => {
    const bot = await startMonitored();
    await bot.waitFor('gigdesk>');
    expect(await bot.get('/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
    expect(await bot.health()).toEqual({ code: 0, stdout: 'ok\n' });

    bot.child.stdin.write('/jss 7 1 8\n/jss 9 1 8\n/nosuchcommand my-private-words\n/followup start Acme today\n');
    await bot.waitFor('Follow-up #1 with Acme');
    const metrics = await bot.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toContain('text/plain');
    expect(metrics.body).toContain('gigdesk_commands_total{command="jss",platform="console",outcome="ok"} 1');
    expect(metrics.body).toContain('gigdesk_commands_total{command="jss",platform="console",outcome="user_error"} 1');
    expect(metrics.body).toContain(
      'gigdesk_commands_total{command="unknown",platform="console",outcome="user_error"} 1',
    );
    expect(metrics.body).toContain(
      'gigdesk_user_errors_total{command="jss",platform="console",code="counts_exceed_total"} 1',
    );
    expect(metrics.body).toContain(
      'gigdesk_user_errors_total{command="unknown",platform="console",code="unknown_command"} 1',
    );
    expect(metrics.body).toContain('gigdesk_command_duration_seconds_count{command="jss",platform="console"} 2');
    expect(metrics.body).toContain('gigdesk_reminders_scheduled_total{platform="console"} 3');
    expect(metrics.body).toContain('# TYPE gigdesk_reminders_delivered_total counter');
    expect(metrics.body).toContain('# TYPE gigdesk_store_errors_total counter');
    expect(metrics.body).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(metrics.body).not.toContain('my-private-words');
    expect(metrics.body).not.toContain('Acme');
    expect((await bot.get('/other')).status).toBe(404);

    bot.child.stdin.end();
    expect(await bot.exited).toBe(0);
  });

  it('answers /healthz 503 with the reason while the store does not answer', async () => {
    const bot = await startMonitored({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    await bot.waitFor('gigdesk>');
    const health = await bot.get('/healthz');
    expect(health).toMatchObject({ status: 503, body: 'store (redis): not answering\n' });
    expect(await bot.health()).toEqual({ code: 1, stdout: 'store (redis): not answering\n' });
    expect((await bot.get('/metrics')).body).toMatch(/^gigdesk_store_errors_total\{store="redis"\} [1-9]/m);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    // One warning that Redis is away, not one per reconnect attempt of every queue and worker.
    // (Counted by the warning's own message: the health check's log quotes the store error, which
    // says the same words once the probe has noticed, depending on timing.)
    expect(bot.logs().match(/"msg":"redis is not answering/g)).toHaveLength(1);
    expect(bot.logs()).not.toMatch(/"level":40[^\n]*"msg":"reminder (queue connection|worker) error"/);
  });
});
