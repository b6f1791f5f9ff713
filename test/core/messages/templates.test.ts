import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { checkMessage } from '../../../src/core/messages/feedbackCheck.js';
import {
  BUILT_IN_TEMPLATES,
  cleanValues,
  fillTemplate,
  RESERVED_NAMES,
  summaryOf,
  TONES,
  templateProblems,
  type Values,
} from '../../../src/core/messages/templates.js';
import { UserError } from '../../../src/core/runtime/errors.js';
import { type Block, type Reply, text } from '../../../src/core/runtime/reply.js';
import { runText } from '../../../src/core/runtime/run.js';
import { testContext } from '../../support/context.js';

/** Everything an answer shows, the lead and the details included. */
const everything = (r: Reply): Block[] => [text(r.lead), ...r.blocks, ...r.details];

const ctx = testContext;

const copyText = (blocks: Block[]) => blocks.find((b) => b.type === 'copy')?.text ?? '';
const allText = (blocks: Block[]) => JSON.stringify(blocks);

describe('fillTemplate', () => {
  const cases: [string, Values, string][] = [
    ['Hi[ {client}],', { client: 'Acme' }, 'Hi Acme,'],
    ['Hi[ {client}],', {}, 'Hi,'],
    ['[Dear {client},|Hello,]', { client: 'Ms Lee' }, 'Dear Ms Lee,'],
    ['[Dear {client},|Hello,]', {}, 'Hello,'],
    ['Hi {client|there}!', {}, 'Hi there!'],
    ['Hi {client|there}!', { client: 'Bo' }, 'Hi Bo!'],
    ['Work[ on {project} for {client}] done.', { client: 'Bo' }, 'Work done.'],
    ['Work[ on {project} for {client}] done.', { client: 'Bo', project: 'the app' }, 'Work on the app for Bo done.'],
    ['Thanks,[\n{you}]', { you: 'Sam' }, 'Thanks,\nSam'],
    ['Thanks,[\n{you}]', {}, 'Thanks,'],
  ];
  it.each(cases)('%j with %j', (template, values, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });

  it('a bare placeholder without a value reads its default words, never {client}', () => {
    expect(fillTemplate('Hello {client}, about {project}. {you}', {})).toBe('Hello there, about the project.');
    expect(() => fillTemplate('Hello {nobody}.', {})).toThrow(UserError);
  });

  it('inserts values as text: braces in a value are not expanded again', () => {
    expect(fillTemplate('Hi {client}, from[ {you}]', { client: '{you}', you: 'Sam' })).toBe('Hi {you}, from Sam');
  });

  it('cleans values: line breaks and runs of spaces collapse, blanks count as missing', () => {
    expect(cleanValues({ client: ' Acme\n\nCorp  ', project: '   ', you: undefined })).toEqual({ client: 'Acme Corp' });
  });
});

describe('built-in templates', () => {
  const subsets: Values[] = [
    {},
    { client: 'Acme' },
    { project: 'the logo redesign' },
    { you: 'Sam' },
    { client: 'Acme', project: 'the logo redesign', you: 'Sam' },
  ];
  const all = BUILT_IN_TEMPLATES.flatMap((t) =>
    TONES.flatMap((tone) => subsets.map((v) => [t.name, tone, v] as const)),
  );

  it('cover the seven messages the issue asks for', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.name)).toEqual([
      'five-star',
      'closing-nudge',
      'silent-ping',
      'close-yourself',
      'ask-feedback',
      'reconsider',
      'low-jss',
    ]);
  });

  it.each(all)('%s (%s) with %j reads naturally', (name, tone, values) => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.name === name);
    const message = fillTemplate(template?.text[tone] ?? '', values);
    expect(message).not.toMatch(/[{}[\]]/);
    expect(message).not.toMatch(/ {2}| [,.!?]|\( |\n{3}|,,/);
    expect(message).toMatch(/^(Hi|Hello|Dear)\b/);
    for (const value of Object.values(values)) expect(message).toContain(value);
    // No words glued together where a part was dropped: every word comes from the wording or a value.
    const vocabulary = new Set(
      [template?.text[tone] ?? '', ...Object.values(values)].flatMap((t) => t.split(/[^A-Za-z']+/)),
    );
    for (const word of message.split(/[^A-Za-z']+/)) expect(vocabulary).toContain(word);
  });

  it.each(all)('%s (%s) with %j passes the feedback checker', (name, tone, values) => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.name === name);
    expect(checkMessage(fillTemplate(template?.text[tone] ?? '', values))).toEqual([]);
  });

  it('have three distinct tones, brief the shortest', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      expect(new Set(TONES.map((tone) => t.text[tone])).size).toBe(3);
      expect(t.text.brief.length).toBeLessThan(t.text.warm.length);
      expect(t.text.brief.length).toBeLessThan(t.text.formal.length);
      expect(t.text.formal).not.toMatch(/\b(?:I'm|I'd|I've|don't|that's)\b/);
    }
  });

  it('valid syntax, and names the text parser cannot mistake for sub-commands', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const tone of TONES) expect(templateProblems(t.text[tone])).toEqual([]);
      expect(RESERVED_NAMES).not.toContain(t.name);
      expect(t.name).toMatch(/^[a-z][a-z0-9-]+$/);
      expect(t.when.length).toBeLessThan(200);
    }
  });
});

describe('templateProblems', () => {
  const bad: [string, RegExp][] = [
    ['Hi {name}', /\{name\} is not a placeholder/],
    ['Hi {client', /\{ or \} has no partner/],
    ['Hi client}', /\{ or \} has no partner/],
    ['Hi [{client}', /\[ or \] has no partner/],
    ['Hi [a [{client}] b]', /\[ or \] has no partner/],
    ['Hi [there],', /holds no \{placeholder\}/],
    ['Hi [{client}|a|b],', /more than one \|/],
    ['Hi {},', /\{\} is not a placeholder/],
  ];
  it.each(bad)('%j is refused', (text, message) => {
    expect(templateProblems(text).join(' ')).toMatch(message);
  });

  it.each(['Hi {client}', 'Hi {client|there}, [about {project}|about the work]', 'Plain text.'])(
    '%j is fine',
    (text) => {
      expect(templateProblems(text)).toEqual([]);
    },
  );
});

describe('summaryOf', () => {
  it('takes the first sentence after the greeting, shortened', () => {
    expect(summaryOf('Hi {client|there}, thanks for coming back! More text.')).toBe('thanks for coming back!');
    expect(summaryOf(`Hello, ${'a'.repeat(100)}.`)).toHaveLength(70);
  });
});

describe('/template', () => {
  it('alone lists every built-in with one line each', async () => {
    const answer = await runText('/template', commands, ctx());
    expect(answer.outcome).toBe('ok');
    for (const t of BUILT_IN_TEMPLATES) expect(allText(everything(answer.reply))).toContain(`"label":"${t.name}"`);
  });

  it('fills the placeholders, in a copy block, with the when/why line', async () => {
    const answer = await runText(
      '/template five-star client:Acme project:"the logo redesign" you:Sam',
      commands,
      ctx(),
    );
    const message = copyText(everything(answer.reply));
    expect(message).toMatch(/^Hi Acme,\n\nThe final delivery for the logo redesign is in\./);
    expect(message).toMatch(/Thanks again,\nSam$/);
    expect(allText(everything(answer.reply))).toContain('When: Send it with the final delivery');
    expect(answer.reply.visibility).toBe('private');
  });

  it('switches tone', async () => {
    const formal = copyText(
      (await runText('/template closing-nudge client:Acme tone:formal', commands, ctx())).reply.blocks,
    );
    const brief = copyText(
      (await runText('/template closing-nudge client:Acme tone:brief', commands, ctx())).reply.blocks,
    );
    expect(formal).toMatch(/^Dear Acme,/);
    expect(formal).toContain('Kind regards,');
    expect(brief).toMatch(/^Hi Acme, could you close the contract/);
    expect(brief.split('\n')).toHaveLength(1);
  });

  it('given delivered:, shows the ladder dates and marks this template', async () => {
    const answer = await runText('/template closing-nudge delivered:2026-01-31', commands, ctx());
    const ladder = everything(answer.reply).find((b) => b.type === 'table');
    expect(ladder?.type === 'table' && ladder.rows.map((r) => r[0])).toEqual([
      '2026-01-31',
      '2026-02-07',
      '2026-02-21',
      '2026-02-28',
    ]);
    expect(ladder?.type === 'table' && ladder.rows[1]?.[2]).toBe('Closing nudge (this one)');
    expect(ladder?.type === 'table' && ladder.rows[0]?.[1]).toBe('295 days ago');
    expect(answer.reply.footer.join(' ')).toContain('calendar days in UTC');
  });

  it('takes named options in any order, the last one (delivered) included', async () => {
    const answer = await runText('/template five-star delivered:2026-01-31 client:Acme tone:brief', commands, ctx());
    expect(answer.outcome).toBe('ok');
    expect(copyText(everything(answer.reply))).toMatch(/^Hi Acme, the final delivery is in\./);
    expect(allText(everything(answer.reply))).toContain('"2026-02-07"');
  });

  it('reads delivered:today as today in UTC', async () => {
    const late = ctx({ now: new Date('2026-03-01T23:30:00-08:00') });
    const answer = await runText('/template five-star delivered:today', commands, late);
    expect(allText(everything(answer.reply))).toContain('"2026-03-02","today"');
  });

  it.each([
    ['/template nope', /no template ..nope...*Templates: five-star/],
    ['/template five-star delivered:2026-02-30', /not a date I can read/],
    ['/template five-star tone:loud', /must be one of: warm, formal, brief/],
    ['/template use five-star', /name comes straight after \/template/],
  ])('%s is refused clearly', async (line, message) => {
    const answer = await runText(line, commands, ctx());
    expect(answer.outcome).toBe('user_error');
    expect(allText(everything(answer.reply))).toMatch(message);
  });

  it('carries a mass mention as text, for the renderers to neutralise', async () => {
    const answer = await runText('/template five-star client:@everyone', commands, ctx());
    expect(copyText(everything(answer.reply))).toMatch(/^Hi @everyone,/);
  });

  it('autocompletes template names', async () => {
    const command = commands.find((c) => c.name === 'template');
    expect(await command?.autocomplete?.('name', 'c', ctx())).toEqual(['closing-nudge', 'close-yourself']);
    expect(await command?.autocomplete?.('client', 'Acme ', ctx())).toEqual(['Acme']);
    expect(await command?.autocomplete?.('client', '', ctx())).toEqual([]);
    expect(await command?.autocomplete?.('delivered', '2026-03-01', ctx())).toEqual([
      '2026-03-01',
      'today',
      'yesterday',
    ]);
  });
});
