// BullMQ loads only when REDIS_URL is set and a reminder is scheduled or worked: the console, `ask`
// and SQLite paths never import it. Read from the sources: one file imports it, only ever on demand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('the reminder queue loads lazily', () => {
  const sources = files('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('only scheduleRedis.ts imports bullmq', () => {
    const importers = sources.filter((s) => /from\s+['"]bullmq['"]/.test(s.text)).map((s) => s.path);
    expect(importers).toEqual(['src/core/store/scheduleRedis.ts']);
  });

  it('scheduleRedis.ts is imported by a dynamic import() alone', () => {
    const staticImports = sources.filter((s) => /from\s+['"][./]+[^'"]*scheduleRedis\.js['"]/.test(s.text));
    expect(staticImports.map((s) => s.path)).toEqual([]);
    const dynamic = sources.filter((s) => /import\(\s*['"]\.\/scheduleRedis\.js['"]\s*\)/.test(s.text));
    expect(dynamic.map((s) => s.path)).toEqual(['src/core/store/schedule.ts']);
  });
});
