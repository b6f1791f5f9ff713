// A slash command through real Bolt: its line is parsed once, and only after the rate limit let it in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { type Harness, startHarness, visibleText } from './harness.js';

// The real parser, wrapped so the test can count how often a command's line is parsed.
const parsed = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock('../../../src/core/runtime/textArgs.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/runtime/textArgs.js')>();
  return {
    ...real,
    parseLine: (line: string, list: Parameters<typeof real.parseLine>[1]) => {
      parsed.lines.push(line);
      return real.parseLine(line, list);
    },
  };
});

logger.level = 'silent';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  parsed.lines.length = 0;
});

async function start(perUser = 20): Promise<Harness> {
  harness = await startHarness({
    deps: { commands, store: memoryStore(), rateLimits: { perUser, perWorkspace: 1000, windowMs: 60_000 } },
    users: { U0PLAIN: {} },
  });
  return harness;
}

describe('a Slack slash command', () => {
  it('is parsed once, and answered as before', async () => {
    const h = await start();
    const res = await h.send('/jss', '7 1 8');
    expect(visibleText(JSON.parse(res.body))).toContain('75 %');
    expect(parsed.lines).toEqual(['jss 7 1 8']);
  });

  it('is parsed once when it opens a form, and when its line is wrong', async () => {
    const h = await start();
    await h.send('/check', '');
    await h.waitForCalls('views.open', 1);
    expect(parsed.lines).toHaveLength(1);
    parsed.lines.length = 0;
    const res = await h.send('/jss', '7 1 8 "unclosed');
    expect(visibleText(JSON.parse(res.body))).toContain('is not closed');
    expect(parsed.lines).toHaveLength(1);
  });

  it('over the rate limit gets the usual answer and no parse and no form', async () => {
    const h = await start(1);
    await h.send('/jss', '7 1 8');
    parsed.lines.length = 0;
    const refused = visibleText(JSON.parse((await h.send('/check', '')).body));
    expect(refused).toContain('more than 1 commands in 60 s');
    const typed = visibleText(JSON.parse((await h.send('/jss', '7 1 8')).body));
    expect(typed).toContain('more than 1 commands in 60 s');
    expect(parsed.lines).toEqual([]);
    expect(h.calls.filter((c) => c.method === 'views.open')).toEqual([]);
  });
});
