// Runs test/support/worker.ts as a child process and collects its JSON lines.
import { type ChildProcess, spawn } from 'node:child_process';

export interface WorkerRun {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
}

export function startWorker(env: Record<string, string>, args: string[]): WorkerRun {
  const child = spawn('node', ['--import', 'tsx', 'test/support/worker.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  const lines: Record<string, unknown>[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) if (part.trim()) lines.push(JSON.parse(part));
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(stderr);
      resolve(code);
    }),
  );
  return { child, lines, exited };
}

export async function runWorker(env: Record<string, string>, args: string[]): Promise<Record<string, unknown>[]> {
  const run = startWorker(env, args);
  const code = await run.exited;
  if (code !== 0) throw new Error(`worker ${args[0]} exited ${code}`);
  return run.lines;
}
