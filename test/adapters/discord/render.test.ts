// Reply -> embeds: layout, code blocks, visibility, and Discord's size limits.
import type { APIEmbed } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMBED_LIMITS,
  renderDiscord,
  renderDiscordMessages,
  splitLines,
} from '../../../src/adapters/discord/render.js';
import { copy, fields, pre, reply, table, text } from '../../../src/core/runtime/reply.js';

function totalChars(embeds: APIEmbed[]): number {
  return embeds.reduce(
    (n, e) =>
      n +
      (e.title ?? '').length +
      (e.description ?? '').length +
      (e.footer?.text ?? '').length +
      (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}

function withinLimits(embeds: APIEmbed[]): void {
  expect(embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embeds);
  expect(totalChars(embeds)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  for (const e of embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect((e.description ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
    }
    // Every code block that opens also closes.
    for (const s of [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]) {
      expect((s.match(/```/g) ?? []).length % 2).toBe(0);
    }
  }
}

describe('renderDiscord', () => {
  it('puts the lead first in the message, then text, fields, code blocks and footer in the embed', () => {
    const out = renderDiscord(
      reply({
        lead: 'Fees for $15,000',
        blocks: [
          text('Intro line.'),
          fields([
            ['Fee', '$1,300.00'],
            ['You keep', '$13,700.00'],
          ]),
          table(['era', 'fee'], [['sliding', '$1,300.00']]),
          copy('Hi Ann, my rate is going up.', 'Message'),
        ],
        footer: ['Rule: sliding era, as of 2016-06-21', 'Source: help article 211062538'],
      }),
    );
    const [embed] = out.embeds;
    expect(out.content).toBe('Fees for $15,000');
    expect(embed?.title).toBeUndefined();
    expect(embed?.description).toBe('Intro line.');
    expect(embed?.fields?.slice(0, 2)).toEqual([
      { name: 'Fee', value: '$1,300.00', inline: true },
      { name: 'You keep', value: '$13,700.00', inline: true },
    ]);
    expect(embed?.fields?.[2]?.value).toBe('```\nera            fee\n-------  ---------\nsliding  $1,300.00\n```');
    expect(embed?.fields?.[3]).toEqual({ name: 'Message', value: '```\nHi Ann, my rate is going up.\n```' });
    expect(embed?.footer?.text).toBe('Rule: sliding era, as of 2016-06-21\nSource: help article 211062538');
    expect(out.flags).toBe(64);
    expect(out.allowedMentions).toEqual({ parse: [] });
  });

  it('quotes a copy-ready message with lines over 64 characters instead of a code block', () => {
    const message = `Hi Ann, ${'a long line of text '.repeat(5)}`;
    const out = renderDiscord(reply({ lead: 'T', blocks: [copy(message, 'Message')] }));
    const field = out.embeds[0]?.fields?.[0];
    expect(field?.name).toBe('Message');
    expect(field?.value).toBe(`> ${message}`);
  });

  it('sends only the lead when there is nothing else', () => {
    const out = renderDiscord(reply({ lead: 'Contract added.' }));
    expect(out.content).toBe('Contract added.');
    expect(out.embeds).toEqual([]);
  });

  it('omits the ephemeral flag for public replies and keeps mentions off', () => {
    const out = renderDiscord(reply({ lead: 'x', blocks: [text('@everyone')], visibility: 'public' }));
    expect(out.flags).toBeUndefined();
    expect(out.allowedMentions).toEqual({ parse: [] });
  });

  it('keeps a fence inside copy-ready text from closing the code block early', () => {
    const out = renderDiscord(reply({ lead: 't', blocks: [pre('a ``` b')] }));
    const description = out.embeds[0]?.description ?? '';
    expect(description.startsWith('```\n')).toBe(true);
    expect((description.match(/```/g) ?? []).length).toBe(2);
    withinLimits(out.embeds);
  });

  it('splits a long table into several code blocks at line breaks', () => {
    const rows = Array.from({ length: 300 }, (_, i) => [
      `2026-01-${String(i).padStart(3, '0')}`,
      'Acme Corp',
      '$500.00',
    ]);
    const out = renderDiscord(reply({ lead: 'Contracts', blocks: [table(['date', 'client', 'amount'], rows)] }));
    withinLimits(out.embeds);
    const shown = out.embeds.map((e) => e.description ?? '').join('\n');
    expect(shown).toContain('2026-01-000');
    // Cut at row boundaries: no row is broken in two.
    for (const line of shown.split('\n').filter((l) => l.startsWith('2026'))) expect(line).toMatch(/\$500\.00$/);
  });

  it('sends an answer over 6000 characters whole in further messages, the footer on the last', () => {
    const long = Array.from({ length: 20 }, (_, i) => text(`${i} ${'word '.repeat(190)}`));
    const out = renderDiscordMessages(reply({ lead: 'Long', blocks: long, footer: ['Rule: test'] }));
    expect(out.length).toBeGreaterThan(1);
    for (const message of out) withinLimits(message.embeds);
    const all = out
      .flatMap((m) => m.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]))
      .join('\n');
    for (let i = 0; i < 20; i++) expect(all).toContain(`${i} word`);
    expect(out.at(-1)?.embeds.at(-1)?.footer?.text).toBe('Rule: test');
    expect(JSON.stringify(out)).not.toContain('shortened');
  });

  it('cuts only past five messages, and says so in the footer', () => {
    const huge = Array.from({ length: 80 }, (_, i) => text(`${i} ${'word '.repeat(190)}`));
    const out = renderDiscordMessages(reply({ lead: 'Huge', blocks: huge, footer: ['Rule: test'] }));
    expect(out).toHaveLength(5);
    for (const message of out) withinLimits(message.embeds);
    expect(out.at(-1)?.embeds.at(-1)?.footer?.text).toMatch(/^Rule: test\n\(shortened/);
  });

  it('moves fields past 25 into a further embed', () => {
    const many = fields(Array.from({ length: 30 }, (_, i): [string, string] => [`f${i}`, `v${i}`]));
    const out = renderDiscord(reply({ lead: 'Many', blocks: [many] }));
    withinLimits(out.embeds);
    const names = out.embeds.flatMap((e) => (e.fields ?? []).map((f) => f.name));
    expect(names).toEqual(Array.from({ length: 30 }, (_, i) => `f${i}`));
  });

  it('truncates a long lead and an oversized field value safely', () => {
    const out = renderDiscord(
      reply({ lead: 'T'.repeat(3000), blocks: [fields([['Big', 'x'.repeat(3000)]])], footer: ['f'] }),
    );
    withinLimits(out.embeds);
    expect(out.content).toHaveLength(EMBED_LIMITS.content);
    expect(out.embeds.map((e) => e.description ?? '').join('')).toContain('x'.repeat(2000));
  });

  it('splits text at line breaks and hard-splits only lines longer than the limit', () => {
    expect(splitLines('aa\nbb\ncc', 5)).toEqual(['aa\nbb', 'cc']);
    expect(splitLines('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
    expect(splitLines('', 3)).toEqual(['']);
  });
});

describe('renderDiscord within limits for any reply', () => {
  const textArb = fc.string({ maxLength: 3000, unit: fc.constantFrom('a', ' ', '\n', '`', 'é', '$', '@') });
  const blockArb = fc.oneof(
    textArb.map(text),
    textArb.map(pre),
    fc.tuple(textArb, fc.option(fc.string({ maxLength: 300 }), { nil: undefined })).map(([t, l]) => copy(t, l)),
    fc.array(fc.tuple(fc.string({ maxLength: 300 }), textArb), { maxLength: 30 }).map(fields),
    fc
      .array(fc.array(fc.string({ maxLength: 40 }), { minLength: 3, maxLength: 3 }), { maxLength: 200 })
      .map((rows) => table(['a', 'b', 'c'], rows)),
  );
  it('never exceeds a Discord limit and never leaves a code block open', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.array(blockArb, { maxLength: 12 }),
        fc.array(fc.string({ maxLength: 800 }), { maxLength: 4 }),
        (lead, blocks, footer) => {
          for (const message of renderDiscordMessages(reply({ lead, blocks, footer }))) withinLimits(message.embeds);
        },
      ),
      { numRuns: 300 },
    );
  });
});
