// Buttons as a Block Kit `actions` block: action_id and value are the saved action's ref and nothing else.
import type { types } from '@slack/bolt';
import type { Action } from '../../core/runtime/reply.js';

/** Slack's limits: 25 elements per actions block, 75 characters per button label. */
export const ACTION_LIMITS = { elements: 25, label: 75 };

export function actionsBlocks(actions: readonly Action[]): types.KnownBlock[] {
  const buttons = actions
    .filter((a) => a.ref)
    .slice(0, ACTION_LIMITS.elements)
    .map((a) => ({
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: clipLabel(a.label) },
      action_id: a.ref ?? '',
      value: a.ref ?? '',
      ...(a.style ? { style: a.style } : {}),
    }));
  return buttons.length > 0 ? [{ type: 'actions', elements: buttons }] : [];
}

function clipLabel(label: string): string {
  return label.length <= ACTION_LIMITS.label ? label : `${label.slice(0, ACTION_LIMITS.label - 1)}…`;
}
