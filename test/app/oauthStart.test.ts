// `npm start` in OAuth mode as a real child process: serves the install page, completes an install
// against the fake Slack API on loopback, and writes no secret to its logs or its SQLite file.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { botTokenOf, fakeSlackApi } from '../adapters/slack/fakeSlackApi.js';
import { install, OAUTH_SECRETS, startInstall } from '../adapters/slack/oauthFlow.js';
import { assertBuilt, CLI } from '../support/cli.js';
import { freePort } from '../support/ports.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gigdesk-oauth-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENV = {
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: OAUTH_SECRETS.clientSecret,
  SLACK_STATE_SECRET: OAUTH_SECRETS.stateSecret,
  SLACK_SIGNING_SECRET: OAUTH_SECRETS.signingSecret,
  GIGDESK_ENCRYPTION_KEY: OAUTH_SECRETS.encryptionKey,
};

function waitFor(child: ChildProcess, text: string, seen: { stderr: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" in: ${seen.stderr}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen.stderr += chunk.toString();
      if (seen.stderr.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

assertBuilt();

describe('npm start in Slack OAuth mode', () => {
  it('refuses to start without GIGDESK_ENCRYPTION_KEY, naming it and echoing no secret', async () => {
    const env = { ...process.env, ...ENV, GIGDESK_ENCRYPTION_KEY: '', SLACK_PORT: '3999' };
    const failed = await run('node', [CLI, 'start'], { env }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('GIGDESK_ENCRYPTION_KEY is required for Slack OAuth mode');
    for (const secret of Object.values(ENV)) if (secret.length > 12) expect(failed.stderr).not.toContain(secret);
  });

  it('serves /slack/install, completes an install, and logs or stores no secret in clear', async () => {
    const api = fakeSlackApi([{ teamId: 'T0A', name: 'Alpha', rotation: true }]);
    const apiUrl = await api.listen();
    const port = await freePort();
    const env = {
      ...process.env,
      ...ENV,
      SLACK_PORT: String(port),
      SLACK_API_URL: apiUrl,
      GIGDESK_DB_PATH: join(dir, 'db.sqlite'),
      LOG_LEVEL: 'debug',
    };
    const child = spawn('node', [CLI, 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const seen = { stderr: '' };
    try {
      await waitFor(child, 'slack adapter started', seen);
      const base = `http://127.0.0.1:${port}`;
      const { authorizeUrl } = await startInstall(base);
      expect(authorizeUrl.searchParams.get('client_id')).toBe('1111.2222');
      expect(authorizeUrl.searchParams.get('scope')).toContain('commands');
      const done = await install(base, 'T0A');
      expect(done.status).toBe(200);
      expect(done.page).toContain('/jss 7 1 8');
      expect(api.calls.map((c) => c.method)).toEqual(['oauth.v2.access', 'auth.test']);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await api.close();
    }
    const stored = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('');
    expect(stored).toContain('slack-install:team:T0A');
    const secrets = [...Object.values(ENV), botTokenOf('T0A'), 'xoxe-1-T0A-refresh-0'];
    for (const secret of secrets) {
      expect(seen.stderr, 'log').not.toContain(secret);
      expect(stored, 'store').not.toContain(secret);
    }
    expect(seen.stderr).toContain('"level":20'); // debug lines were written, so the grep had something to read
  }, 40_000);
});
