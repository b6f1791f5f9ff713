// /toprated and Rising Talent: it stands in for a JSS only for freelancers who do not have one yet
// (FACTS.md §4), so an established log is never asked about it; a new freelancer still is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { Context } from '../../src/core/runtime/command.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

const RISING = /rising[_ ]talent/i;

async function ask(line: string, ctx: Context) {
  const answer = await runText(line, commands, ctx);
  expect(answer.outcome, line).toBe('ok');
  return { reply: answer.reply, all: replyText(answer.reply) };
}

async function established(): Promise<Context> {
  const ctx = testContext();
  const csv = readFileSync(new URL('../fixtures/established40.csv', import.meta.url), 'utf8');
  await ask(`/contracts import "${csv}"`, ctx);
  return ctx;
}

async function newFreelancer(): Promise<Context> {
  const ctx = testContext();
  await ask('/contracts add 2026-09-01 successful 300 ana', ctx);
  await ask('/contracts add 2026-10-01 negative 200 ben', ctx);
  await ask('/contracts add 2026-11-05 successful 400 cal', ctx);
  return ctx;
}

describe('/toprated and Rising Talent', () => {
  it('an established 40-contract log is neither asked about nor offered Rising Talent', async () => {
    const ctx = await established();
    for (const line of ['/toprated', '/toprated details:yes', '/toprated rule:best-of details:yes']) {
      const { reply, all } = await ask(line, ctx);
      expect(all, line).not.toMatch(RISING);
      expect(JSON.stringify(reply.actions), line).not.toMatch(RISING);
    }
  });

  it('rising_talent:yes does not stand in for the score of a log that has one', async () => {
    const ctx = await established();
    const plain = await ask('/toprated details:yes', ctx);
    const claimed = await ask('/toprated rising_talent:yes details:yes', ctx);
    expect(claimed.reply.lead).toBe(plain.reply.lead);
    expect(claimed.all).not.toMatch(/Met: JSS 90 %/);
  });

  it('a new freelancer with 3 contracts and no score yet is still asked', async () => {
    const ctx = await newFreelancer();
    const { all } = await ask('/toprated', ctx);
    expect(all).toMatch(/rising_talent:yes/);
    const rising = await ask('/toprated rising_talent:yes details:yes', ctx);
    expect(rising.all).toMatch(/Met: JSS 90 %\+[^\n]*Rising Talent/);
  });
});
