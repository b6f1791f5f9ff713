// The compiled `gigdesk` command as the tests run it: `node dist/cli.js`, exactly what `npm start`,
// the bin and the Docker image run. `npm test` builds dist/ first; a stale build fails loudly here.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const CLI = 'dist/cli.js';

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newestSource(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

/** Throws unless dist/ was built after the last change under src/. */
export function assertBuilt(): void {
  let built = 0;
  try {
    built = statSync(CLI).mtimeMs;
  } catch {}
  if (built < newestSource('src')) throw new Error('dist/ is missing or older than src/: run `npm run build` first.');
}

/** `gigdesk start` in a child process, with its output collected. */
export function startBot(env: Record<string, string | undefined>, nodeArgs: string[] = []) {
  assertBuilt();
  const child = spawn('node', [...nodeArgs, CLI, 'start'], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string, stream: 'stdout' | 'stderr' = 'stdout') => {
    const read = () => (stream === 'stdout' ? stdout : stderr);
    for (let i = 0; i < 300 && !read().includes(text); i++) await new Promise((r) => setTimeout(r, 100));
    expect(read()).toContain(text);
  };
  return { child, exited, waitFor, output: () => stdout, logs: () => stderr };
}
