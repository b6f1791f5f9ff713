import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PLATFORM_LIBRARIES =
  /from\s+['"](discord\.js|@discordjs\/[^'"]+|@slack\/[^'"]+)['"]|import\(\s*['"](discord\.js|@slack\/)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('architecture boundary', () => {
  it.each(['src/core', 'src/commands'])('%s imports no platform library and no adapter', (dir) => {
    const files = sourceFiles(dir);
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((file) => {
      const source = readFileSync(file, 'utf8');
      return PLATFORM_LIBRARIES.test(source) || /from\s+['"][./]*\/adapters\//.test(source);
    });
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a platform import', () => {
    expect(PLATFORM_LIBRARIES.test("import { Client } from 'discord.js';")).toBe(true);
    expect(PLATFORM_LIBRARIES.test("import { App } from '@slack/bolt';")).toBe(true);
    expect(PLATFORM_LIBRARIES.test("import { z } from 'zod';")).toBe(false);
  });
});
