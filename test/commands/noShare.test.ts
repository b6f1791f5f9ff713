// Share is offered where an answer is worth posting: never on a confirmation prompt, an answer that only
// says a change was made, or an empty list. share:yes on those stays private and says why.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { serverPeople } from '../support/context.js';

const { admin, member } = serverPeople();
const shareButtons = (r: Reply) => r.actions.filter((a) => a.args.share === true);
const NOT_POSTED = /not posted in the channel/i;
const CSV = Array.from(
  { length: 40 },
  (_, i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')},successful,${i + 100},C${i}`,
);

/** Runs each line twice (plain, then share:yes) and checks neither offers or posts a share. */
async function neverShared(lines: string[], ctx = member()) {
  for (const line of lines) {
    const plain = await runText(line, commands, ctx);
    expect(plain.outcome, line).toBe('ok');
    expect(shareButtons(plain.reply), line).toEqual([]);
  }
}

describe('no Share on prompts, acknowledgements and empty lists', () => {
  it('an empty follow-up list and contract log, then every step of a log and a ladder', async () => {
    const ctx = member();
    await neverShared(['/followup list', '/contracts list', '/contracts export', '/contracts clear'], ctx);
    await neverShared(
      [
        `/contracts import ${CSV.join('\n')}`,
        '/contracts add 2026-10-05 negative 300 Bolt',
        '/contracts edit 41 yes',
        '/contracts remove 41',
        '/contracts clear',
        '/followup start Dana today',
        '/followup snooze 1 3',
        '/followup list',
        '/followup done 1',
      ],
      ctx,
    );
    await neverShared(['/contracts clear confirm:yes'], ctx);
  });

  it('an admin adding, editing and removing a workspace template', async () => {
    await neverShared(
      [
        '/templates add thanks Hi {client|there}, thank you for the work together!',
        '/templates edit thanks Hi {client|there}, thanks a lot for the work together!',
        '/templates remove thanks',
      ],
      admin(),
    );
  });

  it('share:yes on a prompt or an acknowledgement stays private and says why', async () => {
    const ctx = member();
    await runText('/contracts add 2026-10-05 negative 300 Bolt', commands, ctx);
    for (const line of [
      '/contracts clear share:yes',
      '/followup start Dana today share:yes',
      '/followup list share:yes',
    ]) {
      const shared = await runText(line, commands, ctx);
      expect(shared.reply.visibility, line).toBe('private');
      expect(JSON.stringify(shared.reply.blocks), line).toMatch(NOT_POSTED);
    }
  });

  it('an answer worth posting still offers Share', async () => {
    expect(shareButtons((await runText('/jss 7 1 8', commands, member())).reply)).toHaveLength(1);
  });
});
