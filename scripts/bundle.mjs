// `npm run build`, second step: dist/cli.js as one bundle for the one-shot paths (ask, --version, deploy,
// manifest, health). Loading one file instead of hundreds is what makes `gigdesk ask` quick (docs/benchmarks.md).
// `gigdesk start` stays on tsc's dist/main.js; platform, storage and chart packages stay in node_modules,
// loaded when used. Lazy parts go to dist/chunks/, one level below dist/ like dist/charts/, so
// pool.ts finds its worker at ../charts/worker.js from either place.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

/** Pure-JS packages on the one-shot path; every other dependency is left to node_modules. */
const BUNDLED = ['zod', 'pino', 'date-fns', 'csv-parse', 'csv-stringify'];
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys(dependencies).filter((name) => !BUNDLED.includes(name));

// Chunk names carry a hash: without this, every build would leave the previous ones behind.
rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`), './main.js'],
  // Bundled CommonJS (pino) calls require; an ES module has none of its own.
  banner: {
    js: "import { createRequire as gigdeskRequire } from 'node:module'; const require = gigdeskRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
