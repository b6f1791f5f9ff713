import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../../src/adapters/console/console.js';
import { renderText } from '../../../src/adapters/console/render.js';
import { copy, fields, reply, table, text } from '../../../src/core/runtime/reply.js';
import { memoryStore } from '../../../src/core/store/store.js';
import { assertBuilt, CLI } from '../../support/cli.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gigdesk-ask-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
assertBuilt();

/** Runs the real one-shot entry point as a child process, as `gigdesk ask` (and `npm run ask`) does. */
async function ask(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, GIGDESK_DB_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'silent' };
  try {
    const { stdout, stderr } = await run('node', [CLI, 'ask', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('one-shot console (gigdesk ask)', () => {
  it('prints the score as plain text and exits 0', async () => {
    const { code, stdout } = await ask('/jss 7 1 8');
    expect(code).toBe(0);
    expect(stdout).toContain('75 %');
    expect(stdout).not.toContain('\u001b['); // no colour when stdout is a pipe
  });

  it('prints a user error on stderr and exits 1', async () => {
    const { code, stdout, stderr } = await ask('/jss 9 1 8');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('cannot exceed total');
  });

  it('prints the Reply object with --json', async () => {
    const { code, stdout } = await ask('--json', '/jss', '7', '1', '8');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ visibility: 'private', lead: expect.stringContaining('75 %') });
  });

  it('stops quietly when the reader of its output has gone (gigdesk ask … | head)', async () => {
    const env = { ...process.env, GIGDESK_DB_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'silent' };
    const child = spawn('node', [CLI, 'ask', '/jss 7 1 8'], { env });
    child.stdout.destroy(); // the pipe's reading end closes before the answer is written
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 2 with the variable named when the configuration is broken', async () => {
    const { code, stderr } = await run('node', [CLI, 'ask', '/help'], {
      env: { ...process.env, REDIS_URL: 'nonsense' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('REDIS_URL must start with redis://');
  });
});

describe('interactive console', () => {
  it('answers each line in order and ends on end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
    });
    const consoleAdapter = await startConsole({ outDir: dir }, { store: memoryStore(), input, output });
    input.end('/jss 7 1 8\n/jss 2 5 3\n\n/help\n');
    await consoleAdapter.ended;
    const score = shown.indexOf('75 %');
    const error = shown.indexOf('cannot exceed total');
    const help = shown.indexOf('gigdesk answers JSS, fee and client-message questions');
    expect(score).toBeGreaterThan(0);
    expect(error).toBeGreaterThan(score);
    expect(help).toBeGreaterThan(error);
  });
});

describe('renderText', () => {
  it('lays out every block type as plain text', () => {
    const out = renderText(
      reply({
        lead: 'T',
        blocks: [
          text('hello'),
          fields([['Fee', '$1,300.00']]),
          table(['era', 'fee'], [['flat', '$1,500']]),
          copy('Hi Ana'),
        ],
        footer: ['Rule: sliding, as of 2016-06-21'],
      }),
    );
    expect(out).toBe(
      [
        'T',
        'hello',
        'Fee  $1,300.00',
        'era      fee\n----  ------\nflat  $1,500',
        `Ready to copy:\n${'-'.repeat(40)}\nHi Ana\n${'-'.repeat(40)}`,
        'Rule: sliding, as of 2016-06-21',
      ].join('\n\n'),
    );
  });

  it('puts the lead first and wraps prose, labels and footers at 64 columns, between words', () => {
    const long = 'Your JSS is 75 %. Twelve more successful contracts take it to 90 % on the published formula.';
    const out = renderText(
      reply({
        lead: long,
        blocks: [text(long), fields([['Score', long]]), fields([['A label far too long to sit beside', long]])],
        footer: [long],
      }),
    );
    const lines = out.split('\n');
    // "90 %" is one unit: the number never ends a line without its percent sign.
    expect(lines[0]).toBe('Your JSS is 75 %. Twelve more successful contracts take it to');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(64);
    expect(out).toContain('Score  Your JSS is 75 %.');
    expect(out).toContain('\n       it to 90 % on the published formula.');
    expect(out).not.toMatch(/\d\n *%/);
    // Every word survives whole: joining the lines gives the sentence back.
    expect(lines.slice(0, 2).join(' ')).toBe(long);
  });

  it('turns a table wider than 64 columns into label and value lines', () => {
    const out = renderText(reply({ lead: 'T', blocks: [table(['Name', 'Note'], [['alpha', 'x '.repeat(40)]])] }));
    expect(out).toContain('alpha');
    expect(out).toContain('Note: x x');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(64);
  });

  it('adds colour only when asked (on a terminal)', () => {
    expect(renderText(reply({ lead: 'T' }), true)).toContain('\u001b[1mT');
  });
});
