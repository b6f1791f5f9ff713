// Buttons rendered within each platform's limits, carrying only the saved ref; unsaved actions are not shown.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { renderDiscord } from '../../src/adapters/discord/render.js';
import { renderSlack } from '../../src/adapters/slack/render.js';
import { type Action, plainMessage, reply, text } from '../../src/core/runtime/reply.js';

const saved = (n: number): Action[] =>
  Array.from({ length: n }, (_, i) => ({
    label: `Button ${i + 1} ${'x'.repeat(i === 0 ? 100 : 0)}`,
    command: 'jss',
    args: { successful: 7, negative: 1, total: 8 },
    ref: `AAAAAAAAAAAAAAAAAAAAA${i % 10}.${i}`,
    ...(i === 1 ? { style: 'danger' as const } : {}),
  }));

describe('buttons on Discord', () => {
  it('packs at most 5 buttons a row and 5 rows, labels within 80 characters, custom_id = ref', () => {
    const payload = renderDiscord(reply({ lead: 'x', blocks: [text('y')], actions: saved(30) }));
    const rows = payload.components ?? [];
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.components.length).toBeLessThanOrEqual(5);
    const buttons = rows.flatMap((r) => r.components);
    expect(buttons[0]?.label?.length).toBeLessThanOrEqual(80);
    expect(buttons[1]?.style).toBe(4);
    expect(buttons.map((b) => b.custom_id)).toEqual(saved(25).map((a) => a.ref));
  });

  it('shows no button for an action that was not saved, and sends a plain message as content', () => {
    const unsaved = { label: 'Share', command: 'jss', args: {} };
    expect(renderDiscord(reply({ lead: 'x', actions: [unsaved] })).components).toBeUndefined();
    const plain = renderDiscord(plainMessage('Hi Ana,\n\nThanks!'));
    expect(plain.content).toBe('Hi Ana,\n\nThanks!');
    expect(plain.embeds).toEqual([]);
  });
});

describe('buttons on Slack', () => {
  it('puts at most 25 buttons in one actions block at the end of the last message', () => {
    const messages = renderSlack(reply({ lead: 'x', blocks: [text('y')], actions: saved(30) }));
    const last = messages.at(-1)?.blocks ?? [];
    const block = last.at(-1) as {
      type: string;
      elements: { action_id: string; value: string; text: { text: string } }[];
    };
    expect(block.type).toBe('actions');
    expect(block.elements).toHaveLength(25);
    expect(block.elements[0]?.text.text.length).toBeLessThanOrEqual(75);
    expect(block.elements.every((e) => e.action_id === e.value)).toBe(true);
  });

  it('keeps the message within 50 blocks with the buttons added', () => {
    const long = Array.from({ length: 120 }, (_, i) => text(`line ${i}`));
    for (const message of renderSlack(reply({ lead: 'x', blocks: long, actions: saved(3) }))) {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
    }
  });
});

describe('buttons on the console', () => {
  it('lists them by number after the answer', () => {
    const shown = renderText(reply({ lead: 'x', actions: saved(2) }));
    // A long label wraps at 64 columns like any console line; the numbers stay in order.
    expect(shown.replace(/\n/g, ' ')).toMatch(/\[1\] Button 1 [x ]+\[2\] Button 2\s*$/);
    for (const line of shown.split('\n')) expect(line.length).toBeLessThanOrEqual(64);
  });
});
