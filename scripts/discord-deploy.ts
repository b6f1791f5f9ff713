// npm run discord:deploy [-- --guild ID]: registers the slash commands, only when they changed.
import { REST } from 'discord.js';
import { commandsRoute, deployCommands, deployedCommands } from '../src/adapters/discord/deploy.js';
import { commands } from '../src/commands/index.js';
import { loadConfig, loadDotEnv } from '../src/config.js';

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--guild');
  const guildId = at === -1 ? undefined : argv[at + 1];
  if (at !== -1 && !/^\d{15,21}$/.test(guildId ?? '')) throw new Error('--guild needs a server id (digits).');
  loadDotEnv();
  const config = loadConfig();
  if (!config.discord) throw new Error('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).');
  const local = deployedCommands(commands);
  const rest = new REST().setToken(config.discord.token);
  const where = guildId ? `server ${guildId}` : 'all servers (global; may take up to an hour to show)';
  const { diff, written } = await deployCommands(rest, commandsRoute(config.discord.applicationId, guildId), local);
  if (!written) {
    process.stdout.write(`${local.length} commands already registered for ${where}; nothing to do.\n`);
    return;
  }
  const list = (label: string, names: string[]) => (names.length ? [`  ${label}: ${names.join(', ')}`] : []);
  const lines = [...list('added', diff.added), ...list('changed', diff.changed), ...list('removed', diff.removed)];
  process.stdout.write(`Registered ${local.length} commands for ${where}:\n${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`discord:deploy failed: ${error.message}\n`);
  process.exitCode = 1;
});
