// The folder tree is the architecture: these tests read the sources and fail on an arrow that points up.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PLATFORM_LIBRARIES =
  /from\s+['"](discord\.js|@discordjs\/[^'"]+|@slack\/[^'"]+)['"]|import\(\s*['"](discord\.js|@slack\/)/;
const LEAVES = ['log', 'metrics', 'waits'];
const DOMAINS = ['jss', 'fees', 'messages', 'followups', 'advice', 'desk'];
/**
 * The deliberate seams between domains: follow-ups word their reminders with the message templates;
 * the reminder worker also sends the contract log's window alerts, worded and scored by jss, and the
 * weekly desk digest; the desk reads the score from jss and gets the follow-ups handed in as data.
 */
const SEAMS = [
  ['followups', 'messages'],
  ['followups', 'jss'],
  ['followups', 'desk'],
  ['desk', 'jss'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

type Graph = Map<string, string[]>;

/** Every relative import of every file under src, as repository paths (types included: they tie floors too). */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles('src')) {
    const source = readFileSync(file, 'utf8');
    const specs = [...source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1] ?? '');
    const targets = specs.map((spec) => relative('.', resolve(dirname(file), spec.replace(/\.js$/, '.ts'))));
    graph.set(file, targets);
  }
  return graph;
}

/** The floor a file stands on, by folder: src/core/jss/score.ts -> "jss". */
function partOf(file: string): string {
  const [, first, second] = file.split('/');
  if (first !== 'core') return first?.replace(/\.ts$/, '') ?? '';
  return second?.endsWith('.ts') ? second.replace(/\.ts$/, '') : (second ?? '');
}

/** Imports that break the floors; each as "from -> to". */
function forbiddenImports(graph: Graph): string[] {
  const allowed = (from: string, to: string): boolean => {
    if (from === to) return true;
    // log, metrics and waits are leaves every floor may call: they import nothing of the bot's.
    if (LEAVES.includes(to)) return true;
    if (LEAVES.includes(from)) return false;
    if (from === 'store') return false;
    if (from === 'runtime') return to === 'store';
    if (['dates', 'money'].includes(from)) return to === 'runtime';
    if (DOMAINS.includes(from)) {
      if (['runtime', 'store', 'dates', 'money'].includes(to)) return true;
      return SEAMS.some(([a, b]) => a === from && b === to);
    }
    if (from === 'privacy') return to !== 'commands' && to !== 'adapters' && to !== 'charts';
    if (from === 'commands') return !['adapters', 'main', 'config', 'charts'].includes(to);
    // Charts draw a reply's chart spec for the adapters: core below them, nothing above.
    if (from === 'charts') return !['commands', 'adapters', 'main', 'config'].includes(to);
    return true;
  };
  const bad: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      if (!allowed(partOf(file), partOf(target))) bad.push(`${file} -> ${target}`);
    }
  }
  return bad;
}

/** Files that import each other in a loop, one loop each (depth-first search). */
function importCycles(graph: Graph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

/** The platform folder of an adapter file (src/adapters/slack/x.ts -> "slack"); undefined for shared files. */
function platformOf(file: string): string | undefined {
  const [, first, platform, rest] = file.split('/');
  return first === 'adapters' && rest !== undefined ? platform : undefined;
}

/** Platform files importing another platform's files; shared adapter code lives in src/adapters/*.ts. */
function crossAdapterImports(graph: Graph): string[] {
  const adapterFiles = [...graph].filter(([file]) => file.startsWith('src/adapters/'));
  return adapterFiles.flatMap(([file, targets]) =>
    targets
      .filter((target) => target.startsWith('src/adapters/') && platformOf(target) !== platformOf(file))
      // A platform file may use the shared files; a shared file may use no platform's.
      .filter((target) => platformOf(target) !== undefined || platformOf(file) === undefined)
      .map((target) => `${file} -> ${target}`),
  );
}

/** What only the shared respond may call: running a command, saving its buttons, drawing its chart, notices. */
const ORCHESTRATION = /\b(runCommand|runText|pressAction|saveActions|chartFor|pendingNotice)\b/;
const SENDS_EXTRAS = /\b(saveActions|chartFor|pendingNotice)\b/;
const RUNS = /\b(runCommand|runText|pressAction)\b/;

/** Adapter files that run a command and also send its files or notices, or call the pipeline at all. */
function orchestratingAdapters(sources: Map<string, string>): string[] {
  return [...sources]
    .filter(([file]) => platformOf(file) !== undefined)
    .filter(([, source]) => ORCHESTRATION.test(source) || (RUNS.test(source) && SENDS_EXTRAS.test(source)))
    .map(([file]) => file);
}

describe('architecture', () => {
  it.each(['src/core', 'src/commands'])('%s imports no platform library and no adapter', (dir) => {
    const files = sourceFiles(dir);
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((file) => {
      const source = readFileSync(file, 'utf8');
      return PLATFORM_LIBRARIES.test(source) || /from\s+['"][./]*\/adapters\//.test(source);
    });
    expect(offenders).toEqual([]);
  });

  it('only src/charts/render.ts imports the chart libraries, and only the chart worker thread imports it', () => {
    const files = sourceFiles('src');
    const chartLibraries = /(?:from|import)\s*\(?\s*['"](echarts|@resvg\/resvg-js)['"]/;
    expect(files.filter((file) => chartLibraries.test(readFileSync(file, 'utf8')))).toEqual(['src/charts/render.ts']);
    const staticallyImportsRender = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)]
        .map((m) => relative('.', resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'))))
        .includes('src/charts/render.ts');
    expect(files.filter(staticallyImportsRender)).toEqual(['src/charts/worker.ts']);
    // The worker is loaded by file name in a thread of its own (pool.ts), never imported.
    const importsWorker = (file: string) => /from\s+['"][./]*worker\.js['"]/.test(readFileSync(file, 'utf8'));
    expect(files.filter(importsWorker)).toEqual([]);
    expect(readFileSync('src/charts/pool.ts', 'utf8')).toMatch(/'\.\.\/charts\/worker\.js'/);
  });

  it('arrows point down: store < runtime < domains < privacy < commands < charts < adapters', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(40);
    expect(forbiddenImports(graph)).toEqual([]);
  });

  it('adapters do not import each other: platform folders meet only in shared src/adapters/*.ts files', () => {
    const graph = importGraph();
    expect([...graph.keys()].filter((f) => platformOf(f) === 'slack').length).toBeGreaterThan(5);
    expect(crossAdapterImports(graph)).toEqual([]);
  });

  it('adapters do not orchestrate: one respond runs, saves buttons, sends files, the chart and notices', () => {
    const adapterFiles = sourceFiles('src/adapters');
    const sources = new Map(adapterFiles.map((f) => [f, readFileSync(f, 'utf8')]));
    expect(orchestratingAdapters(sources)).toEqual([]);
    // The pipeline is called from one place.
    const callers = adapterFiles.filter((f) => ORCHESTRATION.test(sources.get(f) ?? '')).sort();
    expect(callers).toEqual(['src/adapters/respond.ts']);
  });

  it('no import cycles', () => {
    expect(importCycles(importGraph())).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    expect(PLATFORM_LIBRARIES.test("import { Client } from 'discord.js';")).toBe(true);
    expect(PLATFORM_LIBRARIES.test("import { z } from 'zod';")).toBe(false);
    const upward: Graph = new Map([
      ['src/core/store/store.ts', ['src/core/runtime/command.ts']],
      ['src/core/jss/score.ts', ['src/core/fees/fees.ts', 'src/commands/jss.ts']],
      ['src/core/followups/delivery.ts', ['src/core/messages/templates.ts']],
      ['src/commands/fees.ts', ['src/charts/draw.ts']],
      ['src/charts/draw.ts', ['src/core/runtime/settings.ts', 'src/adapters/discord/chart.ts']],
    ]);
    expect(forbiddenImports(upward)).toEqual([
      'src/core/store/store.ts -> src/core/runtime/command.ts',
      'src/core/jss/score.ts -> src/core/fees/fees.ts',
      'src/core/jss/score.ts -> src/commands/jss.ts',
      'src/commands/fees.ts -> src/charts/draw.ts',
      'src/charts/draw.ts -> src/adapters/discord/chart.ts',
    ]);
    const loop: Graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(importCycles(loop)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    const crossing: Graph = new Map([
      ['src/adapters/slack/handler.ts', ['src/adapters/discord/render.ts', 'src/adapters/respond.ts']],
      ['src/adapters/respond.ts', ['src/adapters/console/render.ts', 'src/adapters/surface.ts']],
      ['src/main.ts', ['src/adapters/console/console.ts']],
    ]);
    expect(crossAdapterImports(crossing)).toEqual([
      'src/adapters/slack/handler.ts -> src/adapters/discord/render.ts',
      'src/adapters/respond.ts -> src/adapters/console/render.ts',
    ]);
    const adapters = new Map([
      ['src/adapters/slack/handler.ts', 'const a = await runText(line); await uploadChart(chartFor(a.reply));'],
      ['src/adapters/discord/buttons.ts', 'await respond(surface, { press: ref, commands });'],
      ['src/adapters/console/ask.ts', 'const notice = await pendingNotice(ctx);'],
    ]);
    expect(orchestratingAdapters(adapters)).toEqual(['src/adapters/slack/handler.ts', 'src/adapters/console/ask.ts']);
  });
});
