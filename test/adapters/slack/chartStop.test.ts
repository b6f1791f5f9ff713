// A normal stop while charts are being drawn, in the order main.ts stops (commands drained, charts
// finished or abandoned, the app stopped, the store closed): no error is logged and every upload
// that began was completed. Real Bolt over loopback HTTP, a SQLite file store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { stopCharts } from '../../../src/charts/draw.js';
import { commands } from '../../../src/commands/index.js';
import { logger } from '../../../src/core/log.js';
import { drainCommands } from '../../../src/core/runtime/lifecycle.js';
import { openStore } from '../../../src/core/store/store.js';
import { startHarness } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'gigdesk-chart-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a stop during ten chart draws', { timeout: 90_000 }, () => {
  it('logs no error and leaves no upload half-sent', async () => {
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const store = openStore({ sqlitePath: join(dir, 'db.sqlite') });
    const h = await startHarness({ deps: { commands, store }, users: { U0PLAIN: {} } });
    // Ten different amounts, so each is a chart of its own (the cache would draw equal ones once).
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, i) => h.send('/fees', `${15_000 + i * 100} share:yes`)),
    );
    expect(sent.map((s) => s.status)).toEqual(Array(10).fill(200));

    await drainCommands(10_000); // on a busy machine some answers may still be drawing their chart: stopCharts sees to them
    await stopCharts(10_000);
    await h.close();
    await store.close();

    expect(errors.mock.calls).toEqual([]);
    const count = (method: string) => h.calls.filter((c) => c.method === method).length;
    const begun = count('files.getUploadURLExternal');
    expect(count('file_upload')).toBe(begun);
    expect(count('files.completeUploadExternal')).toBe(begun);
  });
});
