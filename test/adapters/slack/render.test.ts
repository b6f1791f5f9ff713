// The Block Kit renderer on its own: escaping, and splitting long replies within Slack's limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lineFor } from '../../../src/adapters/slack/handler.js';
import {
  clip,
  escapeSlack,
  renderSlack,
  SLACK_LIMITS,
  type SlackMessage,
  splitEscaped,
  unescapeSlack,
} from '../../../src/adapters/slack/render.js';
import { defineCommand } from '../../../src/core/runtime/command.js';
import { copy, fields, pre, reply, table, text } from '../../../src/core/runtime/reply.js';
import { blockStrings, visibleText } from './harness.js';

function expectWithinLimits(messages: SlackMessage[]): void {
  expect(messages.length).toBeLessThanOrEqual(SLACK_LIMITS.messages);
  for (const m of messages) {
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    // The packer estimates sizes without serialising; 5 % covers JSON escapes of newlines and quotes.
    expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.charsPerMessage * 1.05);
    for (const block of m.blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
      if (block.type === 'section') {
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        expect(block.fields?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.fieldsPerSection);
        for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
      }
      if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
    }
  }
}

describe('escaping', () => {
  it('escapes exactly &, < and >, and unescaping restores any text', () => {
    expect(escapeSlack('a & b <!here> <@U1>')).toBe('a &amp; b &lt;!here&gt; &lt;@U1&gt;');
    fc.assert(fc.property(fc.string(), (s) => unescapeSlack(escapeSlack(s)) === s));
  });

  it('never cuts inside an entity or a surrogate pair when clipping or splitting', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 10, max: 60 }), (raw, max) => {
        const escaped = escapeSlack(raw);
        const pieces = splitEscaped(escaped, max);
        for (const piece of [...pieces, clip(escaped, max)]) {
          expect(piece.length).toBeLessThanOrEqual(max);
          expect(piece).not.toMatch(/&(?!amp;|lt;|gt;)/);
          expect(piece).not.toMatch(/[\ud800-\udbff]$/);
        }
        expect(pieces.join('').replace(/\n/g, '')).toBe(escaped.replace(/\n/g, ''));
      }),
    );
  });
});

describe('renderSlack', () => {
  it('renders each kind of block and marks the visibility', () => {
    const [message] = renderSlack(
      reply({
        lead: 'Fees',
        blocks: [
          text('Plain words'),
          fields([['Fee', '$1,300.00']]),
          table(['era', 'fee'], [['sliding', '$1,300.00']]),
          pre('a  b'),
          copy('Hi, a quick note.', 'Message'),
        ],
        footer: ['Rule: sliding, as of 2016-06-21'],
        visibility: 'public',
      }),
    );
    expect(message?.response_type).toBe('in_channel');
    expect(message?.text).toBe('Fees');
    expect(message?.blocks.map((b) => b.type)).toEqual([
      'section',
      'section',
      'section',
      'section',
      'section',
      'section',
      'section',
      'context',
    ]);
    expect(blockStrings(message ?? { blocks: [] })).toEqual([
      'Fees',
      'Plain words',
      '*Fee*\n$1,300.00',
      '```\nera            fee\n-------  ---------\nsliding  $1,300.00\n```',
      '```\na  b\n```',
      '*Message*',
      '```\nHi, a quick note.\n```',
      'Rule: sliding, as of 2016-06-21',
    ]);
  });

  it('splits a very long reply into messages within every limit, keeping all of it in order', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`row ${i}`, 'x'.repeat(30)]);
    const long = reply({
      lead: `A title far longer than a header can hold & <!here> ${'t'.repeat(300)}`,
      blocks: [
        text(`${'word '.repeat(1500)}end-of-text`),
        fields(Array.from({ length: 35 }, (_, i): [string, string] => [`label ${i}`, 'v'.repeat(2500)])),
        table(['name', 'value'], rows),
      ],
      footer: Array.from({ length: 15 }, (_, i) => `footer line ${i}`),
    });
    const messages = renderSlack(long);
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const shown = messages.map(visibleText).join('\n');
    expect(shown).toContain('end-of-text');
    for (const [name] of rows) expect(shown).toMatch(new RegExp(`^${name} `, 'm'));
    expect(shown.indexOf('row 399')).toBeGreaterThan(shown.indexOf('label 34'));
    expect(shown).toContain('footer line 14');
    // The lead opens the first message only, as a plain section, never as a header.
    expect(messages[0]?.blocks[0]).toMatchObject({
      type: 'section',
      text: { text: expect.stringMatching(/^A title/) },
    });
    expect(messages.every((m) => m.blocks.every((b) => b.type !== 'header'))).toBe(true);
  });

  it("stops at Slack's message count and says the rest was cut", () => {
    const endless = reply({ lead: 'Too much', blocks: Array.from({ length: 400 }, (_, i) => text(`line ${i}`)) });
    const messages = renderSlack(endless);
    expect(messages).toHaveLength(SLACK_LIMITS.messages);
    expectWithinLimits(messages);
    expect(visibleText(messages.at(-1) ?? {})).toContain('The rest of this answer is too long for Slack.');
  });
});

describe('lineFor', () => {
  const needsTwo = defineCommand({
    name: 'pair',
    description: 'two numbers',
    options: z.object({ a: z.number().describe('a'), b: z.number().describe('b') }),
    run: () => reply({ lead: 'pair' }),
  });
  const bare = defineCommand({
    name: 'list',
    description: 'no arguments needed',
    options: z.object({ filter: z.string().optional().describe('filter') }),
    run: () => reply({ lead: 'list' }),
  });
  const sub = defineCommand({ ...bare, name: 'group add' });
  const list = [needsTwo, bare, sub];

  it('turns help, or nothing where arguments are needed, into /help <name>', () => {
    expect(lineFor('pair', ' Help ', list)).toBe('help pair');
    expect(lineFor('pair', '', list)).toBe('help pair');
    expect(lineFor('group', '', list)).toBe('help group');
    expect(lineFor('list', '', list)).toBe('list ');
  });

  it("passes the typed text on with Slack's escapes undone", () => {
    expect(lineFor('pair', '1 2', list)).toBe('pair 1 2');
    expect(lineFor('group', 'add Tom &amp; Jerry &lt;3', list)).toBe('group add Tom & Jerry <3');
  });
});
