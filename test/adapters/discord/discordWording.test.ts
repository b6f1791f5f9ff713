// Through real discord.js dispatch: command lines gigdesk shows as something to type are written the way
// Discord takes them (every option named, True/False, no quotes, "/desk use"), and /help explains
// Discord's way; the registration words its descriptions for Discord. Console and Slack keep typed lines.
import { afterAll, describe, expect, it } from 'vitest';
import { buildCommandJson } from '../../../src/adapters/discord/commands.js';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { forDiscord } from '../../../src/adapters/discord/wording.js';
import { commands } from '../../../src/commands/index.js';
import { runText } from '../../../src/core/runtime/run.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { testContext } from '../../support/context.js';
import { replyText } from '../../support/replyText.js';
import { fakeDiscord, MANAGE_GUILD, slashPayload, visibleText } from './fake.js';

const store = memoryStore();
const fake = fakeDiscord();
fake.use(createInteractionHandler({ commands, store, now: () => new Date('2026-11-22T12:00:00Z') }));
afterAll(() => store.close());

/** Everything the answer to one slash command showed. */
async function shown(name: string, values: Record<string, unknown> = {}, admin = false): Promise<string> {
  const before = fake.calls.length;
  await fake.dispatch(slashPayload(commands, name, values, admin ? { permissions: MANAGE_GUILD } : {}));
  return fake.calls
    .slice(before)
    .map((c) => visibleText(c.body))
    .join('\n');
}

describe('command lines in answers, as Discord takes them', () => {
  it('/help leads with named options and explains picking a command and filling its options', async () => {
    const help = await shown('help');
    expect(help).toContain('/jss successful:7 negative:1 total:8');
    expect(help).toContain('/fees amount:15000');
    expect(help).not.toMatch(/\/jss 7 1 8|Options go in order|share:yes|details:yes/);
    expect(help).toContain('share:True');
    expect(help).toMatch(/fill in its options/);
    expect(help).toContain('/help command:jss');
  });

  it('/help lists /desk as Discord has it, "/desk use", and its usage as options to fill', async () => {
    const help = await shown('help');
    expect(help).toMatch(/^\/desk use$/m);
    expect(help).not.toMatch(/^\/desk$/m);
    const jss = await shown('help', { command: 'jss' });
    expect(jss).toContain('/jss [successful:] [negative:] [total:] [target:]');
    expect(jss).not.toContain('<successful>');
  });

  it('a hint with positional words names every option: /desk, /contracts clear', async () => {
    const desk = await shown('desk use');
    expect(desk).toContain('/contracts add date:2026-03-14 outcome:successful amount:800 client:Acme');
    expect(desk).toContain('/jss successful:7 negative:1 total:8 scores 7 successful');
    await shown('contracts add', { date: '2026-10-01', outcome: 'successful', amount: 100, client: 'Acme' });
    expect(await shown('desk use')).toContain('A weekly private message with this: /desk digest state:on');
    const clear = await shown('contracts clear');
    expect(clear).toContain('To go ahead: /contracts clear confirm:True');
    expect(clear).not.toContain('confirm:yes');
  });

  it('a quoted value loses its quotes (Discord would keep them): the /template list hint', async () => {
    const list = await shown('template');
    expect(list).toContain('/template name:five-star client:Alex project:the logo you:Sam');
    expect(list).not.toContain('"the logo"');
  });

  it('yes/no option words read True/False, and "workspace" reads server', () => {
    expect(forDiscord('not in your log; tell me with profile:yes or no_holds:no')).toBe(
      'not in your log; tell me with profile:True or no_holds:False',
    );
    expect(forDiscord('Only workspace admins can change these settings.')).toBe(
      'Only server admins can change these settings.',
    );
  });

  it('leaves prose after a command, other slashes and unknown commands as written', () => {
    const same = [
      'Try /jss to score your log.',
      'run /check on the part you plan to send.',
      'There is no command /foo. Type /help for the list.',
      'Source: https://support.upwork.com/hc/en-us/articles/211062538, Europe/Berlin',
    ];
    for (const line of same) expect(forDiscord(line)).toBe(line);
    expect(forDiscord('Client closed it? /followup done 3. More time? /followup snooze 3 3.')).toBe(
      'Client closed it? /followup done which:3. More time? /followup snooze which:3 days:3.',
    );
  });
});

describe('console and Slack keep the typed form', () => {
  it('/help on the console and on Slack', async () => {
    const consoleHelp = replyText((await runText('/help', commands, testContext())).reply);
    expect(consoleHelp).toContain('start with /jss 7 1 8');
    expect(consoleHelp).toContain('Options go in order or as name:value');
    expect(consoleHelp).not.toContain('Check this wording');
    const slackHelp = replyText((await runText('/help', commands, testContext({ platform: 'slack' }))).reply);
    expect(slackHelp).toContain('Options go in order or as name:value');
    expect(slackHelp).toMatch(/More actions menu, 'Check this wording'/);
  });
});

describe('/help names the message action on Discord', () => {
  it('says where "Check this wording" is', async () => {
    expect(await shown('help')).toMatch(/Apps, 'Check this wording'/);
  });
});

describe('the registration, worded for Discord', () => {
  const json = JSON.stringify(buildCommandJson(commands));
  // biome-ignore lint/suspicious/noExplicitAny: walks the registration JSON
  const command = (name: string): any => buildCommandJson(commands).find((c) => c.name === name);

  it('gives every command the same generic details description, with nothing about eras or windows', () => {
    // biome-ignore lint/suspicious/noExplicitAny: registration JSON
    const details = command('settings').options.find((o: any) => o.name === 'details');
    expect(details.description).not.toMatch(/era|window|formula/);
    expect(json).not.toContain('every era, every window');
  });

  it('hides /contracts clear count (the button sets it) from Discord and /help', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: registration JSON
    const clear = command('contracts').options.find((o: any) => o.name === 'clear');
    // biome-ignore lint/suspicious/noExplicitAny: registration JSON
    expect(clear.options.map((o: any) => o.name)).not.toContain('count');
    expect(await shown('help', { command: 'contracts' })).not.toMatch(/button sets it/);
  });

  it('calls a workspace a server and yes/no options True/False', () => {
    expect(json).not.toMatch(/workspace/i);
    expect(command('settings').description).toMatch(/server/);
    // biome-ignore lint/suspicious/noExplicitAny: registration JSON
    const clear = command('contracts').options.find((o: any) => o.name === 'clear');
    expect(clear.description).toContain('confirm:True');
    // biome-ignore lint/suspicious/noExplicitAny: registration JSON
    expect(clear.options.find((o: any) => o.name === 'confirm').description).toMatch(/^True to/);
    // biome-ignore lint/suspicious/noExplicitAny: registration JSON
    const holds = command('toprated').options.find((o: any) => o.name === 'no_holds');
    expect(holds.description).toMatch(/^no account holds/);
  });
});
