// A contract log built through the commands, line by line, as a person would type it.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { Context } from '../../src/core/runtime/command.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from './context.js';
import { blockText, replyText } from './replyText.js';

/** Runs one line that must succeed; its reply and the reply's whole text. */
export async function ask(line: string, ctx: Context) {
  const answer = await runText(line, commands, ctx);
  expect(answer.outcome, line).toBe('ok');
  return { reply: answer.reply, all: replyText(answer.reply) };
}

/** Runs one line, whatever its outcome: the answer, its whole text, and its lead and blocks alone. */
export async function answer(line: string, ctx = testContext()) {
  const a = await runText(line, commands, ctx);
  return { ...a, all: replyText(a.reply), short: [a.reply.lead, ...a.reply.blocks.map(blockText)].join('\n') };
}

/** Every line fits the 64-column console. */
export function narrow(text: string): void {
  for (const l of text.split('\n')) expect(l.length, l).toBeLessThanOrEqual(64);
}

/** A fresh context whose log holds what the lines add. */
export async function logOf(lines: string[]): Promise<Context> {
  const ctx = testContext();
  for (const line of lines) await ask(line, ctx);
  return ctx;
}

/** The 40-contract log of test/fixtures/established40.csv. */
export const established = () =>
  logOf([`/contracts import "${readFileSync(new URL('../fixtures/established40.csv', import.meta.url), 'utf8')}"`]);

/** How a short log's answer gives its count to 90 %, and how it frames it while the score may not show. */
export const COUNT = /\b\d+ more successful contracts?\b/;
export const FRAMED = /\bonce it shows\b|\bshould show by then\b/;
