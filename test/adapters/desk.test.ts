// /desk on the console and on Discord (real discord.js classes): the lead first, private, nothing
// monospace past 64 columns, and its Done button stops a follow-up, which the next /desk no longer shows.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startConsole } from '../../src/adapters/console/console.js';
import { consoleContext } from '../../src/adapters/console/context.js';
import { createInteractionHandler } from '../../src/adapters/discord/handler.js';
import { commands } from '../../src/commands/index.js';
import { logger } from '../../src/core/log.js';
import { runText } from '../../src/core/runtime/run.js';
import { memoryStore, type Store } from '../../src/core/store/store.js';
import { testContext } from '../support/context.js';
import { type Call, fakeDiscord, GUILD, interactionPayload, slashPayload, USER, visibleText } from './discord/fake.js';

logger.level = 'silent';

const LOG = [
  '/contracts add "5 months ago" successful 500 Ana',
  '/contracts add "2 months ago" negative 200 Bolt',
  '/contracts add "3 weeks ago" successful 800 Crane',
];
/** Started on the day of delivery a week ago, no reminder sent since: its closing nudge is due today. */
const DANA = '/followup start Dana today';
const weekAgo = () => new Date(Date.now() - 7 * 86_400_000);

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

describe('/desk in the interactive console', () => {
  it('prints the lead first, fits 64 columns, and Done pressed by number drops the follow-up', async () => {
    const store = memoryStore();
    stores.push(store);
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
    });
    expect((await runText(DANA, commands, consoleContext(store, weekAgo()))).outcome).toBe('ok');
    const adapter = await startConsole({ outDir: './out' }, { store, input, output });
    input.write(`${LOG.join('\n')}\n`);
    input.write('/desk\n');
    // Wait for the desk's buttons, then press the first one (#1 Done) by its number.
    const ready = () => shown.includes('[1] #1 Done') && shown.trimEnd().endsWith('gigdesk>');
    while (!ready()) await new Promise((r) => setTimeout(r, 20));
    const desk = shown.slice(shown.indexOf('Your JSS would be'), shown.lastIndexOf('gigdesk> '));
    input.end('1\n/desk\n');
    await adapter.ended;

    // The lead comes first, wrapped at 64 columns as all prose on the console.
    const [lead = ''] = desk.split('\n\n');
    expect(lead.replace(/\n/g, ' ')).toBe(
      'Your JSS would be 33 % if it showed today, an estimate; next: nudge Dana to close the contract today.',
    );
    expect(desk).toContain('Follow-ups due in the next 7 days:');
    expect(desk).toContain('Until your score shows, Rising Talent stands in');
    expect(desk).toMatch(/\[\d+\]\s+Chart/);
    expect(desk.split('\n').filter((l) => [...l].length > 64)).toEqual([]);
    const after = shown.slice(shown.indexOf('Stopped follow-up #1 with Dana'));
    expect(after).toContain('Stopped follow-up #1 with Dana');
    const last = after.slice(after.lastIndexOf('Your JSS would be'));
    expect(last.replace(/\n/g, ' ')).toMatch(
      /^Your JSS would be 33 % if it showed today, an estimate; next: 17 more successful contracts take it to 90 %, and it should show by then\./,
    );
    expect(last).not.toContain('Dana');
  });
});

// biome-ignore lint/suspicious/noExplicitAny: walks captured JSON
const buttonsIn = (body: any): { label: string; custom_id: string }[] =>
  (body?.data?.components ?? body?.components ?? []).flatMap((row: { components: unknown[] }) => row.components);
/** The answer among the calls: a callback, or the edit of a deferred one. */
const answers = (calls: Call[]) =>
  calls.filter((c) => !c.form && (c.body?.data ?? c.body)?.embeds).map((c) => c.body?.data ?? c.body);

describe('/desk on Discord', () => {
  it('answers privately with the lead as the content and Done, Snooze and Chart buttons that work', async () => {
    const store = memoryStore();
    stores.push(store);
    const fake = fakeDiscord();
    fake.use(createInteractionHandler({ commands, store }));
    const ctx = testContext({ store, now: new Date(), platform: 'discord', workspaceId: GUILD, userId: USER });
    for (const line of LOG) expect((await runText(line, commands, ctx)).outcome).toBe('ok');
    expect((await runText(DANA, commands, { ...ctx, now: weekAgo() })).outcome).toBe('ok');

    await fake.dispatch(slashPayload(commands, 'desk', {}));
    const [desk] = answers(fake.calls);
    expect(desk.flags).toBe(64);
    expect(desk.content).toMatch(
      /^Your JSS would be 33 % if it showed today, an estimate; next: nudge Dana to close the contract today\./,
    );
    expect(desk.allowed_mentions).toEqual({ parse: [] });
    const shown = visibleText(desk);
    expect(shown).toContain('Dana');
    const mono = [...shown.matchAll(/```\n?([\s\S]*?)```/g)].flatMap((m) => (m[1] ?? '').split('\n'));
    expect(mono.length).toBeGreaterThan(0);
    expect(mono.filter((l) => [...l].length > 64)).toEqual([]);
    const labels = buttonsIn(desk).map((b) => b.label);
    expect(labels).toEqual(['#1 Done', '#1 Snooze 1 day', '#1 Snooze 1 week', 'Chart', 'Details']);

    const done = buttonsIn(desk).find((b) => b.label === '#1 Done');
    const press = interactionPayload(3, { custom_id: done?.custom_id, component_type: 2 }) as Record<string, unknown>;
    press.message = { id: '700000000000000007', channel_id: '500000000000000005', type: 0, content: '' };
    const before = fake.calls.length;
    await fake.dispatch(press);
    expect(answers(fake.calls.slice(before)).map(visibleText).join('\n')).toContain('Stopped follow-up #1 with Dana');

    const again = fake.calls.length;
    await fake.dispatch(slashPayload(commands, 'desk', {}));
    const [next] = answers(fake.calls.slice(again));
    expect(next.content).toBe(
      'Your JSS would be 33 % if it showed today, an estimate; next: 17 more successful contracts take it to 90 %, and it should show by then.',
    );
    expect(visibleText(next)).not.toContain('Dana');
  });
});
