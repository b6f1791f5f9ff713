// Every command's answers, through all three renderers: the lead first, and nothing monospace (or on the
// console, nothing at all) wider than 64 columns, with and without details:yes.
import { afterAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { renderDiscord } from '../../src/adapters/discord/render.js';
import { forDiscord } from '../../src/adapters/discord/wording.js';
import { renderSlack, unescapeSlack } from '../../src/adapters/slack/render.js';
import { commands } from '../../src/commands/index.js';
import { MONO_WIDTH, pre, type Reply, reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const LOG = [
  '/contracts add 2025-01-10 successful 1200 acme',
  '/contracts add 2025-04-02 negative 300 "Bolt Industries International"',
  '/contracts add 2025-09-15 4.5 800 crane title:"Brand refresh with a long title for the table"',
  '/contracts add 2026-02-20 neutral 150 delta',
  '/contracts add 2026-06-01 successful 5000 acme long_term:yes',
  '/contracts add "3 weeks ago" 2 90000 echo',
  '/followup start Ana "2 weeks ago" project:"logo refresh"',
  '/followup start "Bartholomew Longname-Client" today tz:America/Los_Angeles',
];

const QUESTIONS = [
  '/jss 7 1 8',
  '/jss 179 0 200',
  '/jss 9 1 10 100',
  '/jss 1000 1 1001 100',
  '/jss 3 5 10 target:95',
  '/jss 999999 3 1000000',
  '/jss',
  '/jss target:100',
  '/contracts list',
  '/contracts add yesterday 5 250 fox',
  '/contracts remove 1',
  '/contracts import 2026-01-01,successful,500,A;2026-02-01,3.5,500,B',
  '/contracts clear',
  '/toprated',
  '/toprated rule:best-of profile:yes availability:yes no_holds:yes agency:yes large:30000',
  '/fees 15000',
  '/fees 600 jobs:30',
  '/fees 99999999 jobs:10000 billed:5000000',
  '/fees 1000 billed:10000 date:2023-06-01',
  '/fees 1000 date:2015-01-01',
  '/quote 5000',
  '/quote 99999999 vat:30 withdrawal:wire connects:1000',
  '/quote 490 era:sliding',
  '/quote 1000 era:variable rate:15 withdrawal:paypal',
  '/dispute 300',
  '/dispute 350',
  '/dispute 99999999',
  '/sources',
  '/sources fees',
  '/sources jss',
  '/sources money',
  '/template',
  '/template five-star client:Ana project:"the logo refresh" you:Sam delivered:today',
  '/template close-yourself tone:formal',
  '/templates add thanks Hi {client}, thanks for coming back[ for {project}]!\\nSee you soon.',
  '/templates add nag Please leave me 5 stars or email me at a@b.co',
  '/templates edit thanks Thanks {client|there}, truly.',
  '/templates remove thanks',
  '/check Please leave me 5 stars and I will refund you 10%',
  '/check A five-star review would mean a lot. Email me at sam@example.com or WhatsApp me.',
  '/check Any feedback is welcome.',
  '/followup list',
  '/desk',
  '/desk digest on friday 17 Europe/Berlin',
  '/desk digest',
  '/desk digest off',
  '/followup snooze 1 3',
  '/followup done 2',
  '/mydata export',
  '/contracts export',
  '/settings',
  '/settings charts:off',
  '/mydata delete',
  '/help',
  '/help contracts',
  '/jss 9 1 8',
  '/fees abc',
  '/contracts import 2026-01-01,great,500,A;not a line',
  '/nonsense',
];

async function answers(line: string): Promise<Reply[]> {
  const ctx = testContext({ isAdmin: true });
  for (const setup of LOG) expect((await runText(setup, commands, ctx)).outcome, setup).toBe('ok');
  const short = await runText(line, commands, ctx);
  const whole = await runText(`${line} details:yes`, commands, ctx);
  return [short.reply, whole.reply];
}

/** Lines inside ``` fences: what a chat shows in monospace. */
function monospaceLines(text: string): string[] {
  const parts = text.split('```');
  return parts.filter((_, i) => i % 2 === 1).flatMap((block) => block.split('\n'));
}

/** Monospace lines seen per platform, so the width checks are known to look at something. */
const seen = { discord: 0, slack: 0 };

describe('every answer fits 64 columns, lead first, on every platform', () => {
  afterAll(() => {
    expect(seen.discord).toBeGreaterThan(100);
    expect(seen.slack).toBeGreaterThan(100);
  });

  it('finds a monospace line that is too wide (the check can fail)', () => {
    const wide = reply({ lead: 'x', blocks: [pre('y'.repeat(65))] });
    const fenced = renderDiscord(wide).embeds[0]?.description ?? '';
    expect(monospaceLines(fenced).some((l) => l.length > MONO_WIDTH)).toBe(true);
  });

  it.each(QUESTIONS)('%s', async (line) => {
    for (const reply of await answers(line)) {
      const consoleLines = renderText(reply).split('\n');
      expect(consoleLines[0], 'console: the lead comes first').toBe(
        renderText({ ...reply, blocks: [], footer: [] }).split('\n')[0],
      );
      for (const l of consoleLines) expect(l.length, `console line: ${l}`).toBeLessThanOrEqual(MONO_WIDTH);

      const discord = renderDiscord(reply);
      // Discord shows command lines with their options named (../../src/adapters/discord/wording.ts).
      expect(discord.content.replace(/\\(.)/g, '$1')).toBe(forDiscord(reply.lead).slice(0, 2000));
      const discordTexts = discord.embeds.flatMap((e) => [
        e.description ?? '',
        ...(e.fields ?? []).map((f) => f.value),
      ]);
      for (const l of discordTexts.flatMap(monospaceLines)) {
        seen.discord++;
        expect(l.length, `discord monospace line: ${l}`).toBeLessThanOrEqual(MONO_WIDTH);
      }

      const slack = renderSlack(reply);
      const first = slack[0]?.blocks[0];
      expect(first?.type === 'section' && unescapeSlack(first.text?.text ?? '')).toBe(reply.lead);
      expect(unescapeSlack(slack[0]?.text ?? '')).toBe(reply.lead);
      const slackTexts = slack.flatMap((m) =>
        m.blocks.flatMap((b) => (b.type === 'section' ? [b.text?.text ?? ''] : [])),
      );
      for (const l of slackTexts.flatMap(monospaceLines).map(unescapeSlack)) {
        seen.slack++;
        expect(l.length, `slack monospace line: ${l}`).toBeLessThanOrEqual(MONO_WIDTH);
      }
    }
  });

  it('leads with a sentence, never a label: no lead ends without punctuation', async () => {
    for (const line of QUESTIONS) {
      for (const reply of await answers(line)) expect(reply.lead, line).toMatch(/[.:!?)]$/);
    }
  });

  it('shows no private marks and no jargon', async () => {
    for (const line of QUESTIONS) {
      for (const reply of await answers(line)) {
        const all = JSON.stringify(reply);
        expect(all, line).not.toMatch(/[†◀]|best-of input|older: /);
      }
    }
  });
});
