// Workspace templates saved before every [with|without] branch was checked (or before a rule changed)
// can break a rule in one branch: members are not offered them, and admins see them listed as needing
// an edit, with the reason. Stored straight into the workspace list, as the old code saved them.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { template } from '../../src/commands/template.js';
import { checkMessage, findingsSummary } from '../../src/core/messages/feedbackCheck.js';
import { type CommunityTemplate, updateCommunity } from '../../src/core/messages/templates.js';
import type { Context } from '../../src/core/runtime/command.js';
import { runText } from '../../src/core/runtime/run.js';
import { serverPeople } from '../support/context.js';
import { replyText } from '../support/replyText.js';

const { admin, member } = serverPeople();
const run = (line: string, c = admin()) => runText(line, commands, c);

const BRANCH = 'please give me five stars';
const SNEAKY = `Hi {client}, [thanks for {project}|${BRANCH}]. Thanks`;
/** What the check says of the wording in the branch members would get without project:. */
const reason = () => findingsSummary(checkMessage(`Hi Alex, ${BRANCH}. Thanks`));

async function savedByOldCode(ctx: Context, name: string, text: string, replacesBuiltIn = false) {
  const entry: CommunityTemplate = {
    name,
    summary: 'thanks for the project',
    text,
    replacesBuiltIn,
    updatedBy: 'admin1',
    updatedAt: '2026-10-01T00:00:00.000Z',
  };
  await updateCommunity(ctx, (list) => [...list, entry]);
}

describe('a saved template that breaks a rule in one branch', () => {
  it('is not listed or suggested to members; one that passes everywhere still is', async () => {
    await savedByOldCode(admin(), 'sneaky', SNEAKY);
    await savedByOldCode(admin(), 'thanks', 'Hi {client}, [thanks for {project}|thanks for the work]!');
    const listed = replyText((await run('/template', member())).reply);
    expect(listed).not.toContain('sneaky');
    expect(listed).toContain('thanks');
    expect(await template.autocomplete?.('name', 's', member())).not.toContain('sneaky');
  });

  it('a member who names it hears it waits for an admin, and gets no message to copy', async () => {
    await savedByOldCode(admin(), 'sneaky', SNEAKY);
    // With project: given the wording passes, but the template as a whole is held back.
    const answer = await run('/template sneaky client:Bo project:"the logo"', member());
    expect(answer.code).toBe('template_needs_edit');
    expect(answer.reply.blocks.some((b) => b.type === 'copy')).toBe(false);
    expect(answer.reply.lead).toContain('admin');
  });

  it('admins see it listed as needing their edit, with the branch and the reason', async () => {
    await savedByOldCode(admin(), 'sneaky', SNEAKY);
    const listed = replyText((await run('/template')).reply);
    const line = listed.split('\n').find((l) => l.startsWith('sneaky')) ?? '';
    expect(line).toContain('needs an admin');
    expect(line).toContain('when project: is left out');
    expect(line).toContain(reason());
    expect(listed).toContain('/templates edit');
    // Shared, the admin's list would show members what only admins see: it stays private.
    const shared = await run('/template share:yes');
    expect(shared.reply.visibility).toBe('private');
    expect(replyText(shared.reply)).toContain('sneaky');
  });

  it('an admin using it gets what to change, not a message to copy', async () => {
    await savedByOldCode(admin(), 'sneaky', SNEAKY);
    const answer = await run('/template sneaky client:Bo project:"the logo"');
    expect(answer.reply.blocks.some((b) => b.type === 'copy')).toBe(false);
    expect(answer.reply.lead).toContain('when project: is left out');
    // The branch as it reads with the admin's own values, less the one it leaves out.
    expect(replyText(answer.reply)).toContain(`Hi Bo, ${BRANCH}`);
    expect(replyText(answer.reply)).toContain('/templates edit sneaky');
  });

  it('under a built-in name, members (and their reminders) keep the built-in wording', async () => {
    await savedByOldCode(admin(), 'five-star', `Hi {client}, [about {project}|${BRANCH}]!`, true);
    const used = await run('/template five-star client:Bo project:"the logo"', member());
    expect(used.outcome).toBe('ok');
    expect(replyText(used.reply)).not.toContain(BRANCH);
    expect(replyText(used.reply)).not.toContain('about the logo');
    const reminded = await run('/followup start Bo today project:"the logo"', member());
    expect(reminded.outcome).toBe('ok');
    expect(reminded.reply.blocks.some((b) => b.type === 'copy')).toBe(true);
    expect(replyText(reminded.reply)).not.toContain('about the logo');
  });

  it('once an admin edits it to pass, members can use it again', async () => {
    await savedByOldCode(admin(), 'sneaky', SNEAKY);
    const edited = await run('/templates edit sneaky Hi {client}, [thanks for {project}|thanks for the work].');
    expect(edited.outcome).toBe('ok');
    const used = await run('/template sneaky client:Bo', member());
    expect(used.outcome).toBe('ok');
    expect(replyText((await run('/template', member())).reply)).toContain('sneaky');
  });
});
