// Preload (node --import) that writes every file the process loads to GIGDESK_LOADED_LOG, one a line:
// ES modules through a loader hook as they load, CommonJS ones from require.cache at exit.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const log = process.env.GIGDESK_LOADED_LOG ?? '';
const hook = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
const require = createRequire(import.meta.url);
process.on('exit', () => appendFileSync(log, `${Object.keys(require.cache).join('\n')}\n`));
