// Buttons and files on the console: a numbered list to press by typing its number, and files written to disk.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../../src/adapters/console/console.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { assertBuilt, CLI } from '../../support/cli.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gigdesk-buttons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ask(...args: string[]): Promise<string> {
  const env = {
    ...process.env,
    GIGDESK_DB_PATH: join(dir, 'db.sqlite'),
    GIGDESK_OUT_DIR: join(dir, 'out'),
    LOG_LEVEL: 'silent',
  };
  assertBuilt();
  const { stdout } = await run('node', [CLI, 'ask', ...args], { env });
  return stdout;
}

describe('buttons and files in the one-shot console', () => {
  it('shows Done and Snooze for each follow-up in ask --json "/followup list"', async () => {
    await ask('/followup start Ana today');
    const reply = JSON.parse(await ask('--json', '/followup list'));
    expect(reply.actions).toEqual(
      expect.arrayContaining([
        // list:yes and inPlace: a press answers in the list's place with the list as it then stands.
        {
          label: '#1 Done',
          style: 'primary',
          command: 'followup done',
          args: { which: '1', list: true },
          inPlace: true,
        },
        {
          label: '#1 Snooze 1 day',
          command: 'followup snooze',
          args: { which: '1', days: 1, list: true },
          inPlace: true,
        },
        {
          label: '#1 Snooze 1 week',
          command: 'followup snooze',
          args: { which: '1', days: 7, list: true },
          inPlace: true,
        },
      ]),
    );
  });

  it('writes /mydata export under GIGDESK_OUT_DIR and prints the path', async () => {
    const out = await ask('/mydata export');
    const path = /Saved (\S+gigdesk-my-data\.json)/.exec(out)?.[1] ?? '';
    expect(path.startsWith(join(dir, 'out'))).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8')).data.followups[0].client).toBe('Ana');
  });
});

describe('buttons in the interactive console', () => {
  it('lists the buttons by number and presses one (Copy-ready) when its number is typed', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
    });
    const adapter = await startConsole({ outDir: join(dir, 'console-out') }, { store: memoryStore(), input, output });
    input.end('/template five-star client:Ana\n1\n');
    await adapter.ended;
    expect(shown).toContain('[1] Copy-ready  [2] Share in channel');
    // Copy-ready pressed: the filled message alone, no copy frame around it.
    const pressed = shown.slice(shown.indexOf('(type a number to press it)') + 27);
    expect(pressed).toMatch(/^\s*gigdesk> Hi Ana,\n/);
    expect(pressed).not.toContain('Ready to copy');
    expect(pressed).not.toContain('Copy-ready');
  });
});
