// The two ways to add gigdesk on Discord, as OAuth2 links: to a server (everyone there can use it),
// or to one person's account (their commands work in any server, the bot's DM and other DMs).

/** A server install: slash commands, and a bot user so reminders can be DMed and removal is noticed. */
export const SERVER_SCOPES = ['bot', 'applications.commands'];
/** An account install can only carry commands; Discord allows no bot scope there. */
export const ACCOUNT_SCOPES = ['applications.commands'];

function link(applicationId: string, integrationType: 0 | 1, scopes: string[]): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    integration_type: String(integrationType),
    scope: scopes.join(' '),
  });
  // Every answer goes back through the interaction, so the bot asks for no channel permissions.
  if (scopes.includes('bot')) query.set('permissions', '0');
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}

/** `gigdesk discord invite`: both links, each with the scopes it asks for and why. */
export function inviteText(applicationId: string): string {
  return [
    'Add gigdesk to a server (needs Manage Server there):',
    `  ${link(applicationId, 0, SERVER_SCOPES)}`,
    `  scopes: ${SERVER_SCOPES.join(', ')}; no channel permissions`,
    '',
    'Add gigdesk to your own account (works in any server, and in DMs):',
    `  ${link(applicationId, 1, ACCOUNT_SCOPES)}`,
    `  scopes: ${ACCOUNT_SCOPES.join(', ')}`,
    '',
    'Both need "User Install" and "Guild Install" ticked under Installation in the developer portal.',
  ].join('\n');
}
