// Invisible characters never reach storage, and amounts with an ambiguous separator are refused.
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import type { ContractLog } from '../../../src/core/jss/contracts.js';
import { loadCommunity } from '../../../src/core/messages/templates.js';
import type { Context } from '../../../src/core/runtime/command.js';
import { runText } from '../../../src/core/runtime/run.js';
import { memoryStore, readUserData } from '../../../src/core/store/store.js';

const ctx = (): Context => ({
  platform: 'slack',
  workspaceId: 'T1',
  userId: 'U1',
  isAdmin: true,
  now: new Date('2026-11-22T12:00:00Z'),
  store: memoryStore(),
});

const CLASSES: [string, string[]][] = [
  ['control', ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085']],
  [
    'bidi',
    ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F'],
  ],
  ['zero-width', ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']],
];

describe.each(CLASSES)('%s characters', (_, chars) => {
  const sprinkle = (word: string) =>
    chars.map((c, i) => `${word.slice(0, i % word.length)}${c}${word.slice(i % word.length)}`);

  it('are removed from contract client names and titles before they are stored', async () => {
    const c = ctx();
    for (const client of sprinkle('Acme')) {
      const line = `/contracts add 2026-10-01 successful 500 ${client} title:Logo${chars[0]} refresh`;
      expect((await runText(line, commands, c)).outcome).toBe('ok');
    }
    const log = await readUserData<ContractLog>(c, 'contracts');
    expect(log?.contracts.map((k) => k.client)).toEqual(chars.map(() => 'Acme'));
    expect(new Set(log?.contracts.map((k) => k.title))).toEqual(new Set(['Logo refresh']));
  });

  it('are removed from follow-up fields and from template text', async () => {
    const c = ctx();
    const [first = ''] = chars;
    const started = await runText(
      `/followup start Ac${first}me 2026-11-20 project:Lo${first}go you:Sa${first}m`,
      commands,
      c,
    );
    expect(started.outcome).toBe('ok');
    const [followup] = (await readUserData<{ client: string; project?: string; you?: string }[]>(c, 'followups')) ?? [];
    expect(followup).toMatchObject({ client: 'Acme', project: 'Logo', you: 'Sam' });

    const saved = await runText(`/templates add thanks Hi {client},${chars.join('')} thanks!`, commands, c);
    expect(saved.outcome).toBe('ok');
    const [template] = await loadCommunity(c);
    expect(JSON.stringify(template)).not.toMatch(new RegExp(`[${chars.join('')}]`, 'u'));
    expect(JSON.stringify(template)).toContain('Hi {client}, thanks!');
  });
});

describe('amounts with an ambiguous separator', () => {
  it.each(['15,00', '1.500,00', '1,5k', '15,0000'])('"%s" is refused with the accepted forms', async (amount) => {
    const answer = await runText(`/fees ${amount}`, commands, ctx());
    expect(answer.outcome).toBe('user_error');
    const shown = JSON.stringify(answer.reply);
    for (const form of ['15000', '15,000', '15000.50']) expect(shown).toContain(form);
  });

  it.each([
    ['15,000', '$15,000'],
    ['15000.50', '$15,000.50'],
    ['1,500,000', '$1,500,000'],
    ['$15k', '$15,000'],
  ])('"%s" is still read as %s', async (amount, dollars) => {
    const answer = await runText(`/fees ${amount}`, commands, ctx());
    expect(answer.outcome).toBe('ok');
    expect(JSON.stringify(answer.reply)).toContain(dollars);
  });
});
