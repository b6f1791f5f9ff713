// Buttons as a Block Kit `actions` block. The value is the action's ref and nothing else; the action_id is
// the ref when saved ("<id>.<index>", short), or "t<index>" for a signed token, which only the value can hold.
import type { types } from '@slack/bolt';
import type { Action } from '../../core/runtime/reply.js';

/** Slack's limits: 25 elements per actions block, 75 characters per button label, 2000 per value. */
export const ACTION_LIMITS = { elements: 25, label: 75, value: 2000 };
/** A saved action's ref: a 22-character random id and an index. */
const SAVED_REF = /^[A-Za-z0-9_-]{22}\.\d{1,2}$/;
/** Every button's action_id: a saved ref, or "t" and the button's index when its value is a token. */
export const BUTTON_ACTION_ID = /^(?:[A-Za-z0-9_-]{22}\.\d{1,2}|t\d{1,2})$/;

export function actionsBlocks(actions: readonly Action[]): types.KnownBlock[] {
  const buttons = actions
    .filter((a) => a.ref)
    .slice(0, ACTION_LIMITS.elements)
    .map((a, i) => ({
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: clipLabel(a.label) },
      action_id: SAVED_REF.test(a.ref ?? '') ? (a.ref ?? '') : `t${i}`,
      value: a.ref ?? '',
      ...(a.style ? { style: a.style } : {}),
    }));
  return buttons.length > 0 ? [{ type: 'actions', elements: buttons }] : [];
}

function clipLabel(label: string): string {
  return label.length <= ACTION_LIMITS.label ? label : `${label.slice(0, ACTION_LIMITS.label - 1)}…`;
}
