// `node --import ./test/support/recordImports.mjs`: appends every module URL the process resolves to the
// file named by IMPORT_LOG, so a test can tell which packages a real process loaded.
import { register } from 'node:module';

register('./importHooks.mjs', import.meta.url, { data: { log: process.env.IMPORT_LOG } });
