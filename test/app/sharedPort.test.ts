// `gigdesk start` (the compiled bot, a child process) with DISCORD_HTTP_PORT equal to SLACK_PORT: one
// port answers a signed Slack slash command and signed Discord interactions.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { APP, visibleText as discordText, slashPayload } from '../adapters/discord/fake.js';
import { PUBLIC_KEY, postSigned } from '../adapters/discord/signed.js';
import { postSlash, SIGNING_SECRET, visibleText as slackText } from '../adapters/slack/harness.js';
import { startBot } from '../support/cli.js';
import { freePort } from '../support/ports.js';

const postDiscord = (port: number, payload: object) =>
  postSigned(`http://127.0.0.1:${port}/discord/interactions`, payload);

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-shared-port-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Slack Web API on loopback: ok to everything, auth.test with the bot's ids. */
async function slackApi() {
  const server = createHttpServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, user_id: 'U0GIGDESK', bot_id: 'B0GIGDESK', team_id: 'T0TEST' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('npm start with Slack and Discord over HTTP on one port', { timeout: 60_000 }, () => {
  it('answers a Slack slash command and Discord interactions on the same port', async () => {
    const [port, api] = [await freePort(), await slackApi()];
    const bot = startBot({
      DISCORD_TOKEN: 'test-token',
      DISCORD_APPLICATION_ID: APP,
      DISCORD_PUBLIC_KEY: PUBLIC_KEY,
      DISCORD_HTTP_PORT: String(port),
      // The chart edit that follows /jss goes to this loopback fake, never to discord.com.
      DISCORD_API_URL: `http://127.0.0.1:${api.port}/discord-api`,
      SLACK_BOT_TOKEN: 'xoxb-1111-2222-sharedporttoken',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: String(port),
      SLACK_API_URL: `http://127.0.0.1:${api.port}/api/`,
      GIGDESK_DB_PATH: join(dir, 'db.sqlite'),
      LOG_LEVEL: 'info',
    });
    try {
      await bot.waitFor('slack adapter started', 'stderr');
      // No button secret here: the log says buttons are saved, and how to sign them instead.
      expect(bot.logs()).toContain('set GIGDESK_BUTTON_SECRET to sign them');
      const slack = await postSlash(port, '/jss', '7 1 8');
      expect(slack.status).toBe(200);
      expect(slackText(JSON.parse(slack.body))).toContain('75 %');
      const ping = await postDiscord(port, { id: '1', type: 1, application_id: APP, token: 't', version: 1 });
      expect(ping).toEqual({ status: 200, json: { type: 1 } });
      const jss = await postDiscord(port, slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
      expect(jss.json.type).toBe(4);
      expect(discordText(jss.json)).toContain('75 %');
    } finally {
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      await api.close();
    }
  });
});
