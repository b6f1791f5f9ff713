// Signed slash-command POSTs per second through gigdesk's Slack adapter against a bare Bolt app that only acks.
import { commands } from '../src/commands/index.js';
import { memoryStore } from '../src/core/store.js';
import { startHarness } from '../test/slackHarness.js';
import { type BenchRow, measure, type Timing, timingRow } from './lib.js';

const ROUNDS = 5;
const RUNS_PER_ROUND = 400;

/** Rounds alternate between the two apps so a busy machine slows both alike. */
function combine(name: string, rounds: Timing[]): Timing {
  const runs = rounds.reduce((n, t) => n + t.runs, 0);
  const ms = rounds.reduce((total, t) => total + (t.runs / t.perSecond) * 1000, 0);
  const p50s = rounds.map((t) => t.p50Ms).sort((a, b) => a - b);
  return {
    name,
    runs,
    p50Ms: p50s[Math.floor(p50s.length / 2)] ?? 0,
    p99Ms: Math.max(...rounds.map((t) => t.p99Ms)),
    perSecond: (runs / ms) * 1000,
  };
}

export async function bench(): Promise<BenchRow[]> {
  // /fees 15000 is the benchmark the issue names; /jss 7 1 8 stands in while /fees is not registered.
  const [command, text] = commands.some((c) => c.name === 'fees') ? ['/fees', '15000'] : ['/jss', '7 1 8'];
  const gigdesk = await startHarness({ deps: { commands, store: memoryStore() }, users: { U0PLAIN: {} } });
  const bare = await startHarness({
    setup: (app) =>
      app.command(command, async ({ ack }) => {
        await ack();
      }),
  });
  try {
    const check = await gigdesk.send(command, text);
    if (check.status !== 200 || !check.body.includes('"blocks"')) {
      throw new Error(
        `gigdesk did not answer ${command} ${text} in the ack: ${check.status} ${check.body.slice(0, 200)}`,
      );
    }
    const bareRounds: Timing[] = [];
    const gigRounds: Timing[] = [];
    // CPU time per POST (client and server share this process) is steadier than wall time on a busy machine.
    const cpu = { bare: 0, gigdesk: 0 };
    const round = async (which: keyof typeof cpu, send: () => Promise<unknown>) => {
      const before = process.cpuUsage();
      const timing = await measure(which, send, RUNS_PER_ROUND);
      const used = process.cpuUsage(before);
      cpu[which] += (used.user + used.system) / 1000;
      return timing;
    };
    for (let i = 0; i < ROUNDS; i++) {
      bareRounds.push(await round('bare', () => bare.send(command, text)));
      gigRounds.push(await round('gigdesk', () => gigdesk.send(command, text)));
    }
    const posts = ROUNDS * (RUNS_PER_ROUND + Math.min(50, RUNS_PER_ROUND));
    const cpuMs = { bare: cpu.bare / posts, gigdesk: cpu.gigdesk / posts };
    const bareTiming = combine(`Slack bare Bolt ack, ${command} ${text}`, bareRounds);
    const gigTiming = combine(`Slack gigdesk answer, ${command} ${text}`, gigRounds);
    const ratio = gigTiming.perSecond / bareTiming.perSecond;
    return [
      timingRow(bareTiming, `${bareTiming.perSecond.toFixed(0)} signed POSTs/s, empty ack`),
      timingRow(gigTiming, `${gigTiming.perSecond.toFixed(0)} signed POSTs/s, Block Kit answer in the ack`),
      {
        what: 'Slack throughput, gigdesk / bare Bolt',
        value: ratio.toFixed(2),
        note: `target >= 0.9; wall clock; same machine, one run, ${ROUNDS} alternating rounds of ${RUNS_PER_ROUND} sequential loopback POSTs each; p50 = median round, p99 = worst round`,
      },
      {
        what: 'Slack CPU per POST, bare Bolt vs gigdesk',
        value: `${cpuMs.bare.toFixed(3)} ms vs ${cpuMs.gigdesk.toFixed(3)} ms`,
        note: `ratio ${(cpuMs.bare / cpuMs.gigdesk).toFixed(2)}: the throughput ratio on an idle core`,
      },
    ];
  } finally {
    await gigdesk.close();
    await bare.close();
  }
}
