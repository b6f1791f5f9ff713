// Deploy compares the registered commands with the local ones and writes only when they differ.
import { ApplicationCommandType, REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { buildCommandJson, type CommandJson } from '../../../src/adapters/discord/commands.js';
import {
  commandsRoute,
  deployCommands,
  deployedCommands,
  diffCommandSets,
  hasChanges,
} from '../../../src/adapters/discord/deploy.js';
import { commands } from '../../../src/commands/index.js';
import { APP, type Call, GUILD, json } from './fake.js';

const local = buildCommandJson(commands);

// biome-ignore lint/suspicious/noExplicitAny: echo of loosely typed JSON
type Loose = any;

/** What Discord returns for a registered command: ids and versions added, false `required` left out. */
function echo(command: CommandJson, i: number): Loose {
  const strip = (o: Loose): Loose => {
    const { required, options, ...rest } = o;
    return {
      ...rest,
      ...(required ? { required } : {}),
      ...(options ? { options: options.map(strip) } : {}),
      name_localizations: null,
      description_localizations: null,
    };
  };
  return {
    ...strip(command),
    id: String(800000000000000000n + BigInt(i)),
    application_id: APP,
    version: '900000000000000000',
    default_permission: true,
    nsfw: false,
    integration_types: command.integration_types ?? [0],
    dm_permission: undefined,
  };
}

describe('diffCommandSets', () => {
  it('sees no change when Discord echoes the same commands back in another order', () => {
    const remote = local.map(echo).reverse();
    expect(diffCommandSets(local, remote)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('names added, removed and changed commands', () => {
    const remote = local.map(echo).filter((c: Loose) => c.name !== 'jss');
    const help = remote.find((c: Loose) => c.name === 'help');
    help.options[0].description = 'an older description';
    remote.push({ ...echo(local[0] as CommandJson, 99), name: 'oldcommand' });
    const diff = diffCommandSets(local, remote);
    expect(diff).toEqual({ added: ['jss'], removed: ['oldcommand'], changed: ['help'] });
    expect(hasChanges(diff)).toBe(true);
  });

  it('notices a changed bound, choice, permission or option order', () => {
    const mutations: ((c: Loose) => void)[] = [
      (c) => {
        c.options[0].min_value = 5;
      },
      (c) => {
        c.default_member_permissions = '32';
      },
      (c) => {
        c.options.reverse();
      },
      (c) => {
        c.options[0].autocomplete = true;
      },
    ];
    for (const mutate of mutations) {
      const remote = local.map(echo);
      mutate(remote.find((c: Loose) => c.name === 'jss'));
      expect(diffCommandSets(local, remote).changed).toEqual(['jss']);
    }
  });
});

describe('deployCommands', () => {
  function fakeRest(registered: Loose[]) {
    const calls: Call[] = [];
    const rest = new REST({
      makeRequest: async (url: string, init: RequestInit) => {
        const call = { method: String(init.method), path: new URL(url).pathname, body: init.body };
        calls.push(call);
        return init.method === 'GET' ? json(200, registered) : json(200, JSON.parse(String(init.body)));
      },
      // biome-ignore lint/suspicious/noExplicitAny: discord.js types makeRequest with undici's Response
    } as any).setToken('test-token');
    return { rest, calls };
  }

  it('does not write when the registered set is the same', async () => {
    const { rest, calls } = fakeRest(local.map(echo));
    const result = await deployCommands(rest, commandsRoute(APP, GUILD), local);
    expect(result.written).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(['GET']);
    expect(calls[0]?.path).toBe(`/api/v10/applications/${APP}/guilds/${GUILD}/commands`);
  });

  it('writes the whole local set globally when something differs', async () => {
    const { rest, calls } = fakeRest([]);
    const result = await deployCommands(rest, commandsRoute(APP), local);
    expect(result.written).toBe(true);
    expect(result.diff.added).toEqual(local.map((c) => c.name));
    expect(calls.map((c) => [c.method, c.path])).toEqual([
      ['GET', `/api/v10/applications/${APP}/commands`],
      ['PUT', `/api/v10/applications/${APP}/commands`],
    ]);
    expect(JSON.parse(String(calls[1]?.body))).toEqual(local);
  });
});

describe('the deployed set', () => {
  it('includes the "Check this wording" message command, and an echo of it compares equal', () => {
    const deployed = deployedCommands(commands);
    const message = deployed.find((c) => c.type === ApplicationCommandType.Message);
    expect(message).toMatchObject({ name: 'Check this wording', type: 3 });
    expect(deployed).toHaveLength(local.length + 1);
    const remote = deployed.map((c, i) => ({
      ...echo(c as CommandJson, i),
      description: 'description' in c ? c.description : '',
    }));
    expect(hasChanges(diffCommandSets(deployed, remote))).toBe(false);
    expect(diffCommandSets(deployed, remote.slice(0, -1)).added).toEqual(['Check this wording']);
    expect(message).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
  });

  it('sees commands registered for servers only (before user install) as changed, so deploy rewrites them', () => {
    const before = local.map((c, i) => ({ ...echo(c, i), integration_types: [0], contexts: [0] }));
    const diff = diffCommandSets(local, before);
    expect(diff.changed).toEqual(local.filter((c) => c.integration_types?.includes(1)).map((c) => c.name));
    expect(diff.changed).toContain('jss');
    expect(diff.changed).not.toContain('settings');
  });
});
