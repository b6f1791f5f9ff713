// A separate gigdesk process for multi-process tests, on the store its environment names
// (REDIS_URL or GIGDESK_DB_PATH). Prints one JSON line per result on stdout.
//   write  "U1|/contracts add ..." ...   run each line as that Slack user
//   deliver <iso-now> [start-at-ms]       deliver due reminders once (from a wall-clock instant, so two
//                                         processes race for real), printing each one delivered
//   hammer                                add contracts one after another until killed
//   lock <ms>                             hold the lock 'long' for ms, logging start and end in 'lock-log'
//   work ok|hang                          run the reminder worker until SIGTERM; `hang` announces each
//                                         send and never finishes it (killed mid-send), on a 1 s lease
import { commands } from '../../src/commands/index.js';
import { loadConfig } from '../../src/config.js';
import { deliverDue } from '../../src/core/followups/delivery.js';
import { startReminderWorker } from '../../src/core/followups/loop.js';
import { runText } from '../../src/core/runtime/run.js';
import { openStore } from '../../src/core/store/store.js';
import { testContext } from './context.js';

const store = openStore(loadConfig().store);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const as = (userId: string) => testContext({ platform: 'slack', workspaceId: 'T1', userId, store });

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'write') {
  for (const item of rest) {
    const [user = 'U1', line = ''] = item.split('|');
    const answer = await runText(line, commands, as(user));
    print({ line, outcome: answer.outcome, reply: answer.reply });
  }
} else if (mode === 'deliver') {
  await store.get('warm-up'); // connect first, so the race below is between deliveries, not start-ups
  const startAt = Number(rest[1] ?? 0);
  if (startAt > Date.now()) await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()));
  const report = await deliverDue(store, new Date(rest[0] ?? Date.now()), async (to, reply) => {
    print({ delivered: `${to.userId}:${reply.lead}` });
    return true;
  });
  print({ report });
} else if (mode === 'work') {
  const hang = rest[0] === 'hang';
  const stop = await startReminderWorker(
    store,
    async (to, reply) => {
      print({ sending: `${to.userId}:${reply.lead}` });
      if (hang) await new Promise(() => {});
      print({ delivered: `${to.userId}:${reply.lead}` });
      return true;
    },
    // The dying worker's short lease hands its job on quickly; a live one's longer lease keeps a slow
    // machine from handing a job still being sent to the other worker (a duplicate, by design).
    { platforms: ['slack'], leaseMs: hang ? 1000 : 10_000, backoffMs: 50, pollMs: 100 },
  );
  print({ working: process.pid });
  // The worker's own timers do not hold the process open (the bot's adapters do): wait for the signal.
  const alive = setInterval(() => {}, 60_000);
  await new Promise((resolve) => process.once('SIGTERM', resolve));
  clearInterval(alive);
  await stop();
} else if (mode === 'hammer') {
  for (let i = 1; ; i++) {
    const answer = await runText(`/contracts add 2026-10-01 successful ${i} Client${i}`, commands, as('U1'));
    if (answer.outcome !== 'ok') throw new Error(JSON.stringify(answer.reply));
    print({ written: i });
  }
} else if (mode === 'lock') {
  const note = (what: string) => store.update<string[]>('lock-log', (log = []) => [...log, `${process.pid}:${what}`]);
  await store.withLock('long', async () => {
    await note('start');
    await new Promise((resolve) => setTimeout(resolve, Number(rest[0])));
    await note('end');
  });
}
await store.close();
