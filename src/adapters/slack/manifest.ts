// The Slack app manifest, built from the command definitions so Slack's menu never drifts from the code.
import type { webApi } from '@slack/bolt';
import type { Command } from '../../core/runtime/command.js';
import { usageLine } from '../../core/runtime/options.js';
import { slashNames } from './handler.js';
import { CHECK_WORDING_CALLBACK } from './interactions.js';

/** Slack's menu shows one line per command; longer text is cut by Slack anyway. */
const MENU_TEXT_MAX = 140;

// files:write uploads exports and charts (to the user's DM for a private answer).
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'im:write', 'users:read', 'files:write'] as const;

// A type alias, not an interface, so it fits the Yaml index signature.
export type SlashCommandEntry = {
  command: string;
  description: string;
  usage_hint?: string;
  should_escape: boolean;
};

const shorten = (text: string) => (text.length <= MENU_TEXT_MAX ? text : `${text.slice(0, MENU_TEXT_MAX - 1)}…`);

/** "/contracts add <date> [note]" -> "<date> [note]" */
const argsOf = (command: Command) =>
  usageLine(command)
    .slice(command.name.length + 1)
    .trim();

/** One entry per top-level name; a group lists its sub-commands as the usage hint. */
export function slashCommandEntries(commands: readonly Command[]): SlashCommandEntry[] {
  return slashNames(commands).map((name) => {
    const bare = commands.find((c) => c.name === name);
    const subs = commands.filter((c) => c.name.startsWith(`${name} `));
    const subNames = subs.map((c) => c.name.slice(name.length + 1));
    const others = subNames.length > 1 ? `; also ${subNames.slice(1).join(', ')}` : '';
    const description = bare?.description ?? `${subs[0]?.description}${others}`;
    const admin = [bare, ...subs].every((c) => !c || c.adminOnly) ? ' (admins only)' : '';
    const hints = [
      ...(bare && argsOf(bare) ? [argsOf(bare)] : []),
      ...subs.map((c, i) => `${subNames[i]} ${argsOf(c)}`.trim()),
    ];
    const entry: SlashCommandEntry = {
      command: `/${name}`,
      description: shorten(`${description}${admin}`),
      should_escape: false,
    };
    if (hints.length > 0) entry.usage_hint = shorten(hints.join(' | '));
    return entry;
  });
}

/** Slack's published manifest schema, as the Web API client types it: tsc checks every generated field. */
export type SlackAppManifest = webApi.AppsManifestCreateArguments['manifest'];

export interface ManifestOptions {
  name?: string;
  /** The public origin (SLACK_PUBLIC_URL) for a distributed app: HTTP request URLs and the OAuth redirect. */
  publicUrl?: string;
}

/** Without a public URL: one workspace over Socket Mode. With one: a public app installed through OAuth. */
export function slackManifest(commands: readonly Command[], options: ManifestOptions = {}) {
  const name = options.name ?? 'gigdesk';
  const events = options.publicUrl ? `${options.publicUrl}/slack/events` : undefined;
  const slashCommands = slashCommandEntries(commands).map((entry) => (events ? { ...entry, url: events } : entry));
  return {
    display_information: {
      name,
      description: 'JSS math, fee comparisons and client-message templates for freelancers',
    },
    features: {
      bot_user: { display_name: name, always_online: false },
      slash_commands: slashCommands,
      // The Home tab shows each person's desk; the messages tab is where reminders and answers to presses arrive.
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      shortcuts: [
        {
          name: 'Check this wording',
          type: 'message',
          callback_id: CHECK_WORDING_CALLBACK,
          description: "Check a message against Upwork's feedback rules (only you see the result)",
        },
      ],
    },
    oauth_config: {
      redirect_urls: options.publicUrl ? [`${options.publicUrl}/slack/oauth_redirect`] : undefined,
      scopes: { bot: [...SLACK_BOT_SCOPES] },
    },
    settings: {
      // Opening the Home tab publishes the desk; uninstalling deletes the workspace's tokens and data.
      // These events need no scope.
      event_subscriptions: events
        ? { request_url: events, bot_events: ['app_home_opened', 'app_uninstalled', 'tokens_revoked'] }
        : { bot_events: ['app_home_opened'] },
      // Buttons, forms and the message shortcut arrive as interactivity payloads (over the socket in Socket Mode).
      interactivity: events ? { is_enabled: true, request_url: events } : { is_enabled: true },
      // An org-wide install needs distribution through OAuth, so only the public app offers it.
      org_deploy_enabled: Boolean(options.publicUrl),
      socket_mode_enabled: !options.publicUrl,
      token_rotation_enabled: false,
    },
  } satisfies SlackAppManifest;
}

type Yaml = string | number | boolean | Yaml[] | { [key: string]: Yaml | undefined };

/** Block-style YAML; strings are JSON-quoted, which YAML reads as double-quoted scalars. */
export function toYaml(value: Yaml, indent = ''): string {
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        const body = toYaml(item, `${indent}  `);
        return isScalar(item) ? `${indent}- ${body}` : `${indent}-${body.slice(indent.length + 1)}`;
      })
      .join('\n');
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter((entry): entry is [string, Yaml] => entry[1] !== undefined)
      .map(([key, item]) =>
        isScalar(item) ? `${indent}${key}: ${toYaml(item)}` : `${indent}${key}:\n${toYaml(item, `${indent}  `)}`,
      )
      .join('\n');
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const isScalar = (value: Yaml) => typeof value !== 'object';
