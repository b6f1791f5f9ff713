// Issue 25, the small items: each reads right for the person who asked.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { Context } from '../../src/core/runtime/command.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const run = (line: string, ctx: Context) => runText(line, commands, ctx);
const all = (r: Reply) => JSON.stringify([r.lead, r.blocks, r.details, r.footer]);

describe('contracts', () => {
  it('/contracts list says "1 star", not "1 stars"', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-01-10 1 500 acme', ctx);
    const list = await run('/contracts list details:yes', ctx);
    expect(all(list.reply)).not.toMatch(/\b1 stars\b/);
    expect(all(list.reply)).toMatch(/\b1 star\b/);
  });

  it('/contracts edit on a contract already marked says nothing changed, not "86 % to 86 %"', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-01-10 successful 500 acme', ctx);
    await run('/contracts add 2026-02-10 negative 500 bob', ctx);
    await run('/contracts edit 2 client_removed:yes', ctx);
    const again = await run('/contracts edit 2 client_removed:yes', ctx);
    expect(again.outcome).toBe('ok');
    expect(again.reply.lead).not.toMatch(/(\d+ %) to \1/);
    expect(again.reply.lead).toMatch(/already/);
  });

  it('after an undo the hint is not "undo with client_removed:no"', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-02-10 negative 500 bob', ctx);
    await run('/contracts edit 1 client_removed:yes', ctx);
    const undone = await run('/contracts edit 1 client_removed:no', ctx);
    expect(all(undone.reply)).not.toContain('undo with client_removed:no');
  });

  it('the list hint to drop one names no real id (copied as printed, it would delete that contract)', async () => {
    const ctx = testContext();
    for (const day of ['01', '02', '03', '04']) await run(`/contracts add 2026-01-${day} successful 500 acme`, ctx);
    await run('/contracts remove 1-3', ctx);
    const list = await run('/contracts list', ctx);
    expect(list.reply.footer.join(' ')).toContain('/contracts remove <id>');
    expect(list.reply.footer.join(' ')).not.toMatch(/\/contracts remove \d/);
  });

  it('"Your last review", not "Your last 1 reviews"', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-01-10 successful 500 acme', ctx);
    const list = await run('/contracts list details:yes', ctx);
    expect(all(list.reply)).not.toContain('last 1 reviews');
    expect(all(list.reply)).toContain('Your last review');
  });
});

describe('/client with details shown', () => {
  it('does not tell you to add details:yes when you did', async () => {
    const ctx = testContext();
    const line =
      '/client hire_rate:10 spent:0 jobs_posted:40 rating:2 "5 star review needed, pay outside upwork, quick easy job, unlimited revisions"';
    const short = await run(line, ctx);
    expect(all(short.reply)).toContain('add details:yes');
    const whole = await run(`${line} details:yes`, ctx);
    expect(whole.outcome).toBe('ok');
    expect(all(whole.reply)).not.toContain('add details:yes');
  });
});

describe('/mydata export', () => {
  it('names what is stored in words, not internal names such as jss-alerts', async () => {
    const ctx = testContext();
    await run('/contracts add 2026-01-10 negative 500 acme', ctx);
    await run('/contracts alerts on', ctx);
    await run('/followup start Alex today', ctx);
    const answer = await run('/mydata export', ctx);
    expect(answer.reply.lead).not.toMatch(/jss-alerts|reminder-notices|followups\b|\bcontracts\b/);
    expect(answer.reply.lead).toMatch(/contract log/);
  });
});

describe('/help', () => {
  it('keeps proper names as written (Upwork, JSS, CSV, Top Rated)', async () => {
    const ctx = testContext();
    for (const command of commands) {
      const help = await run(`/help ${command.name}`, ctx);
      // The words after the usage line (whose option names, such as csv, are lowercase by design).
      const lead = help.reply.lead.slice(help.reply.lead.indexOf(': '));
      for (const name of ['upwork', 'jss', 'csv', 'top rated', 'json']) {
        if (new RegExp(`\\b${name}\\b`, 'i').test(command.description)) {
          expect(lead, `/help ${command.name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
        }
      }
    }
  });

  it('/help templates lists the sub-commands without an empty name', async () => {
    const help = await run('/help templates', testContext());
    expect(help.reply.lead).not.toContain(': ,');
    expect(help.reply.lead).toMatch(/add, edit(,| and) remove/);
    expect(help.reply.lead).not.toMatch(/4 sub-commands/);
  });
});
