// Issue 23's six seed questions and the profile checklist (item 10): each answer acts on the user's own
// log or options and carries the seed's reasoning and its source.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

async function ask(line: string, ctx = testContext()) {
  const answer = await runText(line, commands, ctx);
  return { ...answer, all: replyText(answer.reply) };
}

async function withLog(lines: string) {
  const ctx = testContext();
  expect((await ask(`/contracts import ${lines}`, ctx)).outcome).toBe('ok');
  return ctx;
}

describe('the seed questions', () => {
  it('(10) /advice profile checks the rest of a profile from the options given', async () => {
    const { reply, all, outcome } = await ask(
      '/advice profile skills:3 portfolio:0 availability:no video:yes media:no earnings_hidden:no rate_lowered:yes',
    );
    expect(outcome).toBe('ok');
    expect(reply.lead).toMatch(/\d+ things? to finish/);
    expect(all).toMatch(/portfolio/i);
    expect(all).toMatch(/availability/i);
    expect(all).toMatch(/video[^.]*media/i);
    expect(all).toMatch(/hid(e|ing) (your )?earnings/i);
    expect(all).toMatch(/course/);
    expect((await ask('/advice profile')).all).toMatch(/\/advice profile skills:/);
  });

  it('"whose revision lifts it most": a what-if per negative on the log', async () => {
    const ctx = await withLog(
      '2026-01-01,successful,500,A;2026-02-01,negative,2000,Big;2026-03-01,negative,200,Small;2026-04-01,successful,500,C',
    );
    const { reply, all } = await ask('/advice revise', ctx);
    expect(reply.lead).toMatch(/Big/);
    expect(reply.lead).toMatch(/\d+ %/);
    expect(all).toMatch(/Small/);
    expect(all).toMatch(/estimate/i);
  });

  it('"should I end this contract myself": let a good one be ended by the client, end a failing one', async () => {
    expect((await ask('/advice end going:well')).reply.lead).toMatch(/let the client end/i);
    const bad = await ask('/advice end going:badly tried:yes');
    expect(bad.reply.lead).toMatch(/end it yourself/i);
    expect(bad.all).toMatch(/course/);
  });

  it('"what could this bad review cost me": jobs it stays in view for, at the user\'s average contract', async () => {
    const ctx = await withLog('2026-06-01,successful,1000,A;2026-07-01,negative,500,B;2026-08-01,successful,1500,C');
    const { reply, all } = await ask('/advice review-cost', ctx);
    expect(reply.lead).toMatch(/\$1,000/); // the average of 1000, 500 and 1500
    expect(reply.lead).toMatch(/estimate/);
    expect(all).toMatch(/ten/);
  });

  it('"how do I get more invites": the author\'s belief, tied to the log', async () => {
    const ctx = await withLog('2026-06-01,successful,1000,A;2026-07-01,successful,500,A;2026-08-01,successful,1500,C');
    const { all } = await ask('/advice invites', ctx);
    expect(all).toMatch(/not confirmed by Upwork/);
    expect(all).toMatch(/repeat client/i);
    expect(all).toMatch(/average/);
    expect(all).toMatch(/since your last/);
  });

  it('"keep a low score from being published" and "is my profile complete" point to their answers', async () => {
    expect((await ask('/advice hidden')).all).toMatch(/hidden score beats a low one/);
    expect((await ask('/advice profile')).all).toMatch(/\/advice profile skills:/);
    expect((await ask('/help')).all).toMatch(/\/advice/);
  });
});
