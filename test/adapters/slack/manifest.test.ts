// The generated Slack manifest: every command, minimal scopes, and the committed file kept current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { slashNames } from '../../../src/adapters/slack/handler.js';
import { SLACK_BOT_SCOPES, slackManifest, slashCommandEntries, toYaml } from '../../../src/adapters/slack/manifest.js';
import { slackMode } from '../../../src/adapters/slack/start.js';
import { commands } from '../../../src/commands/index.js';
import { defineCommand } from '../../../src/core/runtime/command.js';
import { reply } from '../../../src/core/runtime/reply.js';

const make = (name: string, options: z.ZodObject = z.object({}), adminOnly = false) =>
  defineCommand({ name, description: `does ${name}`, options, adminOnly, run: () => reply({ lead: name }) });

describe('slack manifest', () => {
  it('has one slash command per top-level name of the real command list', () => {
    const entries = slashCommandEntries(commands);
    const expected = [...new Set(commands.map((c) => `/${c.name.split(' ')[0]}`))];
    expect(entries.map((e) => e.command)).toEqual(expected);
    for (const e of entries) {
      expect(e.description.length).toBeGreaterThan(0);
      expect(e.description.length).toBeLessThanOrEqual(140);
      expect(e.should_escape).toBe(false);
    }
  });

  it("turns options into usage hints and lists a group's sub-commands", () => {
    const list = [
      make('calc', z.object({ amount: z.number().describe('amount'), note: z.string().optional().describe('note') })),
      make('notes'),
      make('notes add', z.object({ text: z.string().describe('text') })),
      make('notes clear', z.object({}), true),
      make('wipe', z.object({}), true),
    ];
    expect(slashNames(list)).toEqual(['calc', 'notes', 'wipe']);
    expect(slashCommandEntries(list)).toEqual([
      { command: '/calc', description: 'does calc', should_escape: false, usage_hint: '<amount> [note]' },
      { command: '/notes', description: 'does notes', should_escape: false, usage_hint: 'add <text> | clear' },
      { command: '/wipe', description: 'does wipe (admins only)', should_escape: false },
    ]);
    const groupOnly = slashCommandEntries([make('tags add'), make('tags list'), make('tags clear')]);
    expect(groupOnly[0]?.description).toBe('does tags add; also list, clear');
  });

  it('asks for the minimal scopes and turns Socket Mode on', () => {
    const manifest = slackManifest(commands);
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'commands',
      'chat:write',
      'im:write',
      'users:read',
      'files:write',
    ]);
    expect(manifest.oauth_config.scopes.bot).toEqual([...SLACK_BOT_SCOPES]);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('with a public URL: OAuth redirect, HTTP request URLs, uninstall events, org-wide installs', () => {
    const manifest = slackManifest(commands, { publicUrl: 'https://bot.example.com' });
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://bot.example.com/slack/oauth_redirect']);
    expect(
      manifest.features.slash_commands.every((c) => 'url' in c && c.url === 'https://bot.example.com/slack/events'),
    ).toBe(true);
    expect(manifest.settings).toMatchObject({
      event_subscriptions: { bot_events: ['app_home_opened', 'app_uninstalled', 'tokens_revoked'] },
      org_deploy_enabled: true,
      socket_mode_enabled: false,
    });
    expect(slackManifest(commands).settings.org_deploy_enabled).toBe(false);
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://bot.example.com/slack/events',
    });
  });

  it('turns the Home tab on and subscribes to app_home_opened, in Socket Mode and over HTTP', () => {
    for (const manifest of [
      slackManifest(commands),
      slackManifest(commands, { publicUrl: 'https://bot.example.com' }),
    ]) {
      expect(manifest.features.app_home.home_tab_enabled).toBe(true);
      expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    }
    const yaml = readFileSync('slack/manifest.yml', 'utf8');
    expect(yaml).toMatch(/app_home:\n\s+home_tab_enabled: true/);
    expect(yaml).toMatch(/event_subscriptions:\n\s+bot_events:\n\s+- "app_home_opened"/);
  });

  it('enables interactivity and declares the "Check this wording" message shortcut', () => {
    const manifest = slackManifest(commands);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true });
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ name: 'Check this wording', type: 'message', callback_id: 'check_wording' }),
    ]);
    const yaml = readFileSync('slack/manifest.yml', 'utf8');
    expect(yaml).toContain('callback_id: "check_wording"');
    expect(yaml).toMatch(/interactivity:\n\s+is_enabled: true/);
  });

  it('writes block YAML with JSON-quoted strings', () => {
    const yaml = toYaml({ a: 'x: "y"', list: [{ k: 1, m: true }, 'plain'], nested: { deep: ['p', 'q'] } });
    expect(yaml).toBe(
      [
        'a: "x: \\"y\\""',
        'list:',
        '  - k: 1',
        '    m: true',
        '  - "plain"',
        'nested:',
        '  deep:',
        '    - "p"',
        '    - "q"',
      ].join('\n'),
    );
  });

  it('matches the committed slack/manifest.yml (run `npm run slack:manifest` after changing commands)', () => {
    const committed = readFileSync('slack/manifest.yml', 'utf8');
    expect(committed.slice(committed.indexOf('\n') + 1)).toBe(`${toYaml(slackManifest(commands))}\n`);
  });
});

describe('slackMode', () => {
  const base = { botToken: 'xoxb-1', adminUserIds: [] };
  it('uses Socket Mode unless a signing secret and a port ask for HTTP', () => {
    expect(slackMode({ ...base, appToken: 'xapp-1', signingSecret: undefined, port: undefined })).toBe('socket');
    expect(slackMode({ ...base, appToken: 'xapp-1', signingSecret: 's', port: undefined })).toBe('socket');
    expect(slackMode({ ...base, appToken: undefined, signingSecret: 's', port: 3000 })).toBe('http');
    expect(slackMode({ ...base, appToken: 'xapp-1', signingSecret: 's', port: 3000 })).toBe('http');
  });
});
