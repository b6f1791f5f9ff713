// `npm start` with Slack configured while the Slack API is unreachable, as a real child process: it stays
// up, logs each retry (no secret), and answers a signed slash command once the API comes back.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postSlash, SIGNING_SECRET, visibleText } from '../adapters/slack/harness.js';
import { assertBuilt, CLI } from '../support/cli.js';
import { freePort } from '../support/ports.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-slack-outage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOT_TOKEN = 'xoxb-1111-2222-outagetesttoken';

/** The Slack Web API, late: it answers auth.test (and everything else) with ok once listening. */
function slackApi(port: number) {
  const methods: string[] = [];
  const server = createHttpServer((req, res) => {
    methods.push(String(req.url));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, user_id: 'U0GIGDESK', bot_id: 'B0GIGDESK', team_id: 'T0TEST' }));
  });
  return {
    methods,
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

assertBuilt();

describe('npm start while Slack is unreachable', () => {
  it('stays up, logs the retries, then answers once the Slack API is back', async () => {
    const [apiPort, slackPort] = [await freePort(), await freePort()];
    const env = {
      ...process.env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: String(slackPort),
      SLACK_API_URL: `http://127.0.0.1:${apiPort}/api/`,
      GIGDESK_DB_PATH: join(dir, 'db.sqlite'),
      LOG_LEVEL: 'debug',
    };
    const child = spawn('node', [CLI, 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let logs = '';
    child.stderr.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const waitForLog = async (text: string) => {
      for (let i = 0; i < 200 && !logs.includes(text); i++) await new Promise((r) => setTimeout(r, 100));
      expect(logs).toContain(text);
    };
    const api = slackApi(apiPort);
    try {
      await waitForLog('slack unreachable at start; retrying');
      expect(logs).toContain('ECONNREFUSED');
      expect(child.exitCode).toBe(null);
      await api.listen();
      await waitForLog('slack adapter started');
      expect(api.methods).toContain('/api/auth.test');

      const res = await postSlash(slackPort, '/jss', '7 1 8');
      expect(res.status).toBe(200);
      expect(visibleText(JSON.parse(res.body))).toContain('75 %');
    } finally {
      child.kill('SIGTERM');
      await api.close();
    }
    expect(await exited).toBe(0);
    expect(logs).not.toContain(BOT_TOKEN);
    expect(logs).not.toContain(SIGNING_SECRET);
  }, 40_000);
});
