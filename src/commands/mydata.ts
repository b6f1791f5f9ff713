import { z } from 'zod';
import { deleteAllUserData, exportUserData } from '../core/privacy.js';
import { defineCommand } from '../core/runtime/command.js';
import { plural } from '../core/runtime/format.js';
import { reply, text } from '../core/runtime/reply.js';

const reminders = (n: number) => (n === 0 ? 'no pending reminders' : plural(n, 'pending reminder'));
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
        : `gigdesk stores ${names.join(', ') || 'no items'} and ${reminders(exported.pendingReminders.length)} about you here.`,
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
  }),
  usesStore: true,
  alwaysPrivate: true,
  run: async ({ confirm }, ctx) => {
    if (!confirm) {
      const exported = await exportUserData(ctx);
      const names = Object.keys(exported.data);
      return reply({
        lead: `Nothing deleted yet: this would remove ${names.join(', ') || 'nothing stored'} and ${reminders(exported.pendingReminders.length)} for good.`,
        blocks: [text('To go ahead: /mydata delete confirm:yes. Want a copy first? /mydata export')],
        actions: [
          { label: 'Delete all my data', style: 'danger', command: 'mydata delete', args: { confirm: true } },
          { label: 'Export it first', command: 'mydata export', args: {} },
        ],
      });
    }
    const removed = await deleteAllUserData(ctx);
    return reply({
      lead: `Deleted: ${removed.items.join(', ') || 'nothing was stored'}, and ${reminders(removed.reminders)}.`,
      blocks: [text(PRIVATE_NOTE)],
    });
  },
});
