// Fields that name one of a command's options are typed as keys of its schema: a typo does not compile.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineCommand, type OptionName } from '../../../src/core/runtime/command.js';
import { reply } from '../../../src/core/runtime/reply.js';

const options = z.object({
  text: z.string().describe('the message'),
  tone: z.enum(['warm', 'brief']).optional().describe('how it sounds'),
});
const run = () => reply({ lead: 'ok' });

describe('typed option names', () => {
  it('are the keys of the command schema', () => {
    expectTypeOf<OptionName<typeof options>>().toEqualTypeOf<'text' | 'tone'>();
  });

  it('longText must name an option', () => {
    const good = defineCommand({ name: 'say', description: 'says', options, longText: 'text', run });
    expect(good.longText).toBe('text');
    // @ts-expect-error "txt" is not an option of this command
    defineCommand({ name: 'say', description: 'says', options, longText: 'txt', run });
  });

  it('autocomplete receives only the option names, so a misspelt one is caught', () => {
    const suggest = defineCommand({
      name: 'say',
      description: 'says',
      options,
      run,
      autocomplete: (option) => (option === 'tone' ? ['warm', 'brief'] : []),
    });
    expect(suggest.autocomplete?.('tone', '', {} as never)).toEqual(['warm', 'brief']);
    defineCommand({
      name: 'say',
      description: 'says',
      options,
      run,
      // @ts-expect-error "tones" can never be the option asked about
      autocomplete: (option) => (option === 'tones' ? ['warm'] : []),
    });
  });
});
