// Through real discord.js dispatch: a form's field label is short and whole (Discord cuts it at 45
// characters), the columns or placeholders go in the field's placeholder (100), and a form that holds
// less than the option takes (4,000 of 6,000 or more characters) says so, pointing a CSV to csv_file.
import { afterAll, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../../../src/adapters/discord/handler.js';
import { commands } from '../../../src/commands/index.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { fakeDiscord, MANAGE_GUILD, slashPayload } from './fake.js';

const store = memoryStore();
const fake = fakeDiscord();
fake.use(createInteractionHandler({ commands, store }));
afterAll(() => store.close());

/** The text field of the form a command opens when its text is left out. */
async function formField(name: string, values: Record<string, unknown>, admin = false) {
  const before = fake.calls.length;
  await fake.dispatch(slashPayload(commands, name, values, admin ? { permissions: MANAGE_GUILD } : {}));
  const modal = fake.calls.slice(before).find((c) => c.path.endsWith('/callback'))?.body;
  expect(modal?.type).toBe(9);
  return modal.data.components[0].components[0] as { label: string; placeholder?: string; max_length: number };
}

describe('form labels on Discord', () => {
  it('/contracts import: a whole label, the columns in the placeholder, the limit and csv_file named', async () => {
    const field = await formField('contracts import', {});
    expect(field.label).not.toContain('…');
    expect(field.label.length).toBeLessThanOrEqual(45);
    expect(field.label).toContain('4,000 characters');
    expect(field.max_length).toBe(4000);
    expect(field.placeholder?.length).toBeLessThanOrEqual(100);
    expect(field.placeholder).toContain('client_removed');
    expect(field.placeholder).toContain('csv_file');
  });

  it('/templates add: "The message", its placeholders in the placeholder', async () => {
    const field = await formField('templates add', { name: 'thanks' }, true);
    expect(field.label).toBe('The message');
    expect(field.placeholder).toContain('{client|fallback}');
    expect(field.placeholder?.length).toBeLessThanOrEqual(100);
  });

  it('/check: a label that fits stays whole, with no placeholder to repeat it', async () => {
    const field = await formField('check', {});
    expect(field.label).toBe('The message you plan to send');
    expect(field.placeholder).toBeUndefined();
  });
});
