// What the console shows beyond the text: the buttons as a numbered list, and files written to disk.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Action, Attachment } from '../../core/runtime/reply.js';

/** "Buttons: [1] Details  [2] Share in channel", or nothing when there are none. */
export function buttonsLine(actions: readonly Action[], pressable: boolean): string {
  if (actions.length === 0) return '';
  const list = actions.map((a, i) => `[${i + 1}] ${a.label}`).join('  ');
  return pressable ? `${list}\n(type a number to press it)` : list;
}

/** Writes each attachment under `dir` (created when missing) and returns the paths written. */
export async function writeAttachments(attachments: readonly Attachment[], dir: string): Promise<string[]> {
  if (attachments.length === 0) return [];
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of attachments) {
    // Only the base name: a file name can never point outside the output folder.
    const path = resolve(join(dir, basename(file.name) || 'attachment'));
    await writeFile(path, file.data);
    paths.push(path);
  }
  return paths;
}

export function savedLines(paths: readonly string[]): string {
  return paths.map((p) => `Saved ${p}`).join('\n');
}
