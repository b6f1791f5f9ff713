import { createHash } from 'node:crypto';
import { z } from 'zod';
import { deleteAllUserData, describeStored, exportUserData, type UserDataExport } from '../core/privacy.js';
import { BUTTONS } from '../core/runtime/actions.js';
import { defineCommand } from '../core/runtime/command.js';
import { plural } from '../core/runtime/format.js';
import { reply, text } from '../core/runtime/reply.js';

const reminders = (n: number) => (n === 0 ? 'no pending reminders' : plural(n, 'pending reminder'));
/** A short fingerprint of the stored data a prompt showed (saved buttons aside: the prompt adds its own). */
function versionOf(exported: UserDataExport): string {
  const { [BUTTONS]: _buttons, ...data } = exported.data;
  const digest = createHash('sha256').update(JSON.stringify([data, exported.pendingReminders]));
  return digest.digest('base64url').slice(0, 16);
}

const PRIVATE_NOTE = 'Only you can see this, even with share:yes.';

export const mydataExport = defineCommand({
  name: 'mydata export',
  description: 'Everything gigdesk stores about you in this workspace, as JSON',
  options: z.object({}),
  usesStore: true,
  alwaysPrivate: true,
  run: async (_args, ctx) => {
    const exported = await exportUserData(ctx);
    const names = Object.keys(exported.data);
    const nothing = names.length === 0 && exported.pendingReminders.length === 0;
    return reply({
      lead: nothing
        ? 'gigdesk stores nothing about you in this workspace.'
        : `gigdesk stores ${describeStored(names) || 'no items'}, with ${reminders(exported.pendingReminders.length)}, about you here.`,
      blocks: [text(PRIVATE_NOTE)],
      // A file, so the export is whole however much is stored (a message would be cut at the platform's limit).
      attachments: [
        {
          name: 'gigdesk-my-data.json',
          contentType: 'application/json',
          data: new TextEncoder().encode(JSON.stringify(exported, null, 2)),
          alt: 'Everything gigdesk stores about you in this workspace, as JSON',
        },
      ],
      footer: ['Workspace templates are the community’s, not personal data, and are not included.'],
    });
  },
});

export const mydataDelete = defineCommand({
  name: 'mydata delete',
  description: 'Delete everything gigdesk stores about you in this workspace (asks for confirm:yes)',
  options: z.object({
    confirm: z.boolean().optional().describe('yes to delete for good'),
    shown: z
      .string()
      .max(16)
      .optional()
      .meta({ description: 'only if the data is still what the prompt showed (the button sets it)', hidden: true }),
  }),
  usesStore: true,
  alwaysPrivate: true,
  run: async ({ confirm, shown }, ctx) => {
    const exported = confirm && shown === undefined ? undefined : await exportUserData(ctx);
    // A button deletes what its prompt listed; when the data changed since, it asks again.
    const changed = exported !== undefined && shown !== undefined && shown !== versionOf(exported);
    if (exported && (!confirm || changed)) {
      const names = Object.keys(exported.data);
      const what = `${describeStored(names) || 'nothing stored'}, with ${reminders(exported.pendingReminders.length)},`;
      return reply({
        lead: changed
          ? `Nothing deleted: your data changed since the prompt; it is now ${what.slice(0, -1)}.`
          : `Nothing deleted yet: this would remove ${what} for good.`,
        blocks: [text('To go ahead: /mydata delete confirm:yes. Want a copy first? /mydata export')],
        actions: [
          {
            label: 'Delete all my data',
            style: 'danger',
            command: 'mydata delete',
            args: { confirm: true, shown: versionOf(exported) },
          },
          { label: 'Export it first', command: 'mydata export', args: {} },
        ],
      });
    }
    const removed = await deleteAllUserData(ctx);
    return reply({
      lead: `Deleted ${describeStored(removed.items) || 'nothing (nothing was stored)'}, with ${reminders(removed.reminders)}.`,
      blocks: [text(PRIVATE_NOTE)],
    });
  },
});
