import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../../src/commands/index.js';
import { defineCommand } from '../../../src/core/runtime/command.js';
import { UserError } from '../../../src/core/runtime/errors.js';
import { reply } from '../../../src/core/runtime/reply.js';
import { parseArgs, parseLine, parseNumber, tokenize } from '../../../src/core/runtime/textArgs.js';

const fees = defineCommand({
  name: 'fees',
  description: 'test',
  options: z.object({ amount: z.number(), billed: z.number().optional(), jobs: z.number().int().optional() }),
  run: () => reply({ lead: 'x' }),
});
const note = defineCommand({
  name: 'notes add',
  description: 'test',
  options: z.object({ client: z.string(), text: z.string() }),
  run: () => reply({ lead: 'x' }),
});
const notesList = defineCommand({
  name: 'notes list',
  description: 'test',
  options: z.object({}),
  run: () => reply({ lead: 'x' }),
});
const registry = [fees, note, notesList];

describe('parseNumber', () => {
  it.each([
    ['15000', 15000],
    ['15,000', 15000],
    ['$15k', 15000],
    ['1.5k', 1500],
    ['1.15k', 1150],
    ['2M', 2_000_000],
    ['90%', 90],
    ['-3', -3],
    ['.5', 0.5],
  ])('%s -> %d', (raw, value) => expect(parseNumber(raw)).toBe(value));

  it.each(['abc', '', '1.2.3', '15kk', '$', '1e5', '0x10'])('rejects %j', (raw) => {
    expect(parseNumber(raw)).toBeUndefined();
  });
  it('reads no number longer than 32 characters, so no pattern runs on a long token', () => {
    expect(parseNumber('1'.repeat(32))).toBe(Number('1'.repeat(32)));
    expect(parseNumber('1'.repeat(33))).toBeUndefined();
    expect(parseNumber(`  ${'1'.repeat(30)}  `)).toBe(Number('1'.repeat(30)));
  });
});

describe('tokenize', () => {
  it('keeps quoted text together, including name:"value with spaces" and smart quotes', () => {
    expect(tokenize('a "b c" client:"Acme Corp" “d e”').map((t) => t.value)).toEqual([
      'a',
      'b c',
      'client:Acme Corp',
      'd e',
    ]);
  });
  it('reports an unclosed quote', () => {
    expect(() => tokenize('a "b c')).toThrow(UserError);
  });
  it('reads an unclosed quote as text when asked to (long text takes it as written)', () => {
    expect(tokenize('a "b c \u201cd', true).map((t) => t.value)).toEqual(['a', '"b', 'c', '\u201cd']);
    expect(tokenize('"a "b c" d', true).map((t) => t.value)).toEqual(['a b', 'c"', 'd']);
  });
});

describe('parseArgs', () => {
  it('fills positionals in schema key order and accepts name:value anywhere', () => {
    expect(parseArgs(fees, '15000 billed:8000')).toEqual({ amount: 15000, billed: 8000 });
    expect(parseArgs(fees, 'billed:$8k 15,000')).toEqual({ amount: 15000, billed: 8000 });
    expect(parseArgs(fees, 'jobs:3 $15k 2k')).toEqual({ amount: 15000, billed: 2000, jobs: 3 });
  });
  it('keeps text that is not a number so validation can quote it', () => {
    expect(parseArgs(fees, 'lots')).toEqual({ amount: 'lots' });
  });
  it('lets the last text option take the rest of the line as written', () => {
    expect(parseArgs(note, 'Acme  Thanks  so much,\nsee you: soon')).toEqual({
      client: 'Acme',
      text: 'Thanks  so much,\nsee you: soon',
    });
    expect(parseArgs(note, 'client:Acme "just this"')).toEqual({ client: 'Acme', text: 'just this' });
    expect(parseArgs(note, 'text:Big build for Acme client:Ana')).toEqual({
      text: 'Big build for Acme',
      client: 'Ana',
    });
    expect(parseArgs(note, 'Acme Big build note:Ana')).toEqual({ client: 'Acme', text: 'Big build note:Ana' });
    expect(parseArgs(note, 'Acme text:"one"')).toEqual({ client: 'Acme', text: 'one' });
    // One word of text keeps quotes that do not wrap all of it, as a longer text does.
    expect(parseArgs(note, 'Acme a,"b, c"')).toEqual({ client: 'Acme', text: 'a,"b, c"' });
    expect(parseArgs(note, 'Acme text:a,"b, c"')).toEqual({ client: 'Acme', text: 'a,"b, c"' });
  });
  it('takes long text with an unclosed quote as written; other options still refuse one', () => {
    expect(parseArgs(note, 'Acme He said "email me at bob@x.com')).toEqual({
      client: 'Acme',
      text: 'He said "email me at bob@x.com',
    });
    expect(() => parseArgs(fees, '"15000')).toThrow(expect.objectContaining({ code: 'unclosed_quote' }));
  });
  it('passes over optional yes/no and number slots before a trailing text option when the word is neither', () => {
    const post = defineCommand({
      name: 'post',
      description: 'test',
      options: z.object({ verified: z.boolean().optional(), rate: z.number().optional(), text: z.string() }),
      run: () => reply({ lead: 'x' }),
    });
    expect(parseArgs(post, 'Looking for a designer')).toEqual({ text: 'Looking for a designer' });
    expect(parseArgs(post, 'rate:20 Looking for a designer')).toEqual({ rate: 20, text: 'Looking for a designer' });
    expect(parseArgs(post, 'no 20 Looking')).toEqual({ verified: false, rate: 20, text: 'Looking' });
  });
  it('takes share:yes for every command', () => {
    expect(parseArgs(fees, '100 share:yes')).toEqual({ amount: 100, share: true });
  });
  it('refuses an option given twice, an unknown option and extra values', () => {
    expect(() => parseArgs(fees, '100 amount:200')).toThrow(/given twice/);
    expect(() => parseArgs(fees, '100 colour:red')).toThrow(/no option "colour"/);
    expect(() => parseArgs(fees, 'colour:red 100')).toThrow(/no option "colour"/);
    expect(() => parseArgs(fees, '1 2 3 4')).toThrow(/Too many values/);
  });
});

describe('parseLine', () => {
  it('finds sub-commands by their first two words', () => {
    const parsed = parseLine('/notes add Acme hello there', registry);
    expect(parsed.command.name).toBe('notes add');
    expect(parsed.args).toEqual({ client: 'Acme', text: 'hello there' });
  });
  it('works with or without the slash and in any case', () => {
    expect(parseLine('FEES 100', registry).args).toEqual({ amount: 100 });
  });
  it('names the sub-commands of a group when none or a wrong one is given', () => {
    expect(() => parseLine('/notes', registry)).toThrow('/notes needs a sub-command: add, list.');
    expect(() => parseLine('/notes frob', registry)).toThrow(/"frob" is not one of them/);
  });
  it('refuses unknown commands, empty lines and huge input', () => {
    expect(() => parseLine('/nope', registry)).toThrow(/no command \/nope/);
    expect(() => parseLine('   ', registry)).toThrow(/Type a command/);
    expect(() => parseLine(`/fees ${'9'.repeat(9000)}`, registry)).toThrow(/too long/);
  });
  it('gives the same arguments as typed options for the real /jss', () => {
    const typed = { successful: 7, negative: 1, total: 8 };
    expect(parseLine('/jss 7 1 8', commands).args).toEqual(typed);
    expect(parseLine('/jss total:8 successful:7 negative:1', commands).args).toEqual(typed);
  });
});
