// The 2023 carry-over: a client already past $10,000 kept the 5 % rate under the flat fee until the end of 2023.
// Every line of the answer must name the rule that applied, never the flat 10 % it replaced.
import { describe, expect, it } from 'vitest';
import { fees } from '../../src/commands/fees.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';
import { replyText } from '../support/replyText.js';

const ask = (line: string) => runText(line, [fees], testContext({ now: new Date('2026-11-22T12:00:00Z') }));

function flatRow(reply: Reply): string[] {
  for (const b of [...reply.blocks, ...reply.details]) {
    if (b.type !== 'table') continue;
    const found = b.rows.find((r) => r[0]?.startsWith('Flat'));
    if (found) return found;
  }
  throw new Error('no Flat row');
}

describe('/fees under the 2023 carry-over', () => {
  it('names the kept 5 % in the lead, the table row, the billed line, the footer and the chart', async () => {
    const { reply, outcome } = await ask('/fees 5000 billed:12000 date:2023-06-01 details:yes chart:on');
    expect(outcome).toBe('ok');
    expect(reply.lead).toMatch(/\$4,750 of \$5,000/);
    expect(reply.lead).toMatch(/5 %/);
    expect(reply.lead).toMatch(/past \$10,000/);
    const [label, fee] = flatRow(reply);
    expect(fee).toBe('$250.00');
    expect(label).toMatch(/5 %/);
    expect(label).not.toMatch(/10 %/);
    const all = replyText(reply);
    expect(all).not.toMatch(/moves only the sliding tiers/);
    expect(all).toMatch(/already paid you \$12,000.*5 %/s);
    const flatFooter = reply.footer.find((l) => l.startsWith('Upwork flat fee'));
    expect(flatFooter).toMatch(/5 % kept until 2023-12-31/);
    expect(reply.chart?.subtitle).toMatch(/5 %/);
  });

  it('a client short of $10,000 in 2023 paid the flat 10 %, said the old way', async () => {
    const { reply } = await ask('/fees 5000 billed:9999 date:2023-06-01 details:yes');
    expect(reply.lead).toMatch(/under the 10 % Upwork fee/);
    expect(flatRow(reply)[0]).toBe('Flat 10 % (in force)');
    expect(replyText(reply)).toMatch(/moves only the sliding tiers/);
  });

  it('from 2024 the carry-over is gone', async () => {
    const { reply } = await ask('/fees 5000 billed:12000 date:2024-01-01 details:yes');
    expect(reply.lead).toMatch(/under the 10 % Upwork fee/);
    expect(flatRow(reply)[1]).toBe('$500.00');
  });
});
