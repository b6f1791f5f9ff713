// /settings answers like every command: its first line says what the setting is, in one sentence.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

const admin = () => testContext({ isAdmin: true });
const ask = (line: string, ctx = admin()) => runText(line, commands, ctx);

describe('/settings', () => {
  it('leads with what the charts setting is, as a sentence, before and after a change', async () => {
    const ctx = admin();
    const shown = await ask('/settings', ctx);
    expect(shown.reply.lead).toBe('Charts are on in this workspace for /jss, /fees and /toprated.');
    const off = await ask('/settings charts:off', ctx);
    expect(off.reply.lead).toBe('Charts are now off in this workspace for /jss, /fees and /toprated.');
    expect((await ask('/settings', ctx)).reply.lead).toBe(
      'Charts are off in this workspace for /jss, /fees and /toprated.',
    );
    expect(replyText(off.reply)).toMatch(/settings charts:on/);
  });

  it('refuses a member, and the setting stays as it was', async () => {
    const ctx = admin();
    const refused = await ask('/settings charts:off', { ...ctx, isAdmin: false });
    expect(refused.outcome).toBe('user_error');
    expect(refused.code).toBe('admin_only');
    expect((await ask('/settings', ctx)).reply.lead).toMatch(/^Charts are on/);
  });
});
