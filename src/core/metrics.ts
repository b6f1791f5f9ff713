// Counters for /metrics. Every count is a no-op until enableMetrics() runs (only when METRICS_PORT is set),
// so prom-client is never loaded by the console, `gigdesk ask` or the tests of the core.
// Labels are only names the code itself defines (registered command names, platforms, outcomes, store
// kinds): never a user id and never text a user typed.
import type { Registry } from 'prom-client';

export type ReminderEvent = 'scheduled' | 'delivered' | 'failed';

interface Recorders {
  command(command: string, platform: string, outcome: string, seconds: number, code?: string): void;
  reminder(event: ReminderEvent, platform: string, count: number): void;
  storeError(store: string): void;
}

let recorders: Recorders | undefined;

/** Loads prom-client and starts counting; resolves to the registry /metrics serves. */
export async function enableMetrics(): Promise<Registry> {
  const prom = await import('prom-client');
  const registry = new prom.Registry();
  prom.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const commands = new prom.Counter({
    name: 'gigdesk_commands_total',
    help: 'Commands answered, by command name, platform and outcome',
    labelNames: ['command', 'platform', 'outcome'],
    registers,
  });
  const userErrors = new prom.Counter({
    name: 'gigdesk_user_errors_total',
    help: 'Answers that explained a mistake, by command name, platform and error code',
    labelNames: ['command', 'platform', 'code'],
    registers,
  });
  const latency = new prom.Histogram({
    name: 'gigdesk_command_duration_seconds',
    help: 'Time from a command arriving to its reply being ready',
    labelNames: ['command', 'platform'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const reminders = Object.fromEntries(
    (['scheduled', 'delivered', 'failed'] as const).map((event) => [
      event,
      new prom.Counter({
        name: `gigdesk_reminders_${event}_total`,
        help: `Follow-up reminders ${event}, by platform`,
        labelNames: ['platform'],
        registers,
      }),
    ]),
  ) as Record<ReminderEvent, InstanceType<typeof prom.Counter>>;
  const storeErrors = new prom.Counter({
    name: 'gigdesk_store_errors_total',
    help: 'Store calls that failed or timed out, by store kind',
    labelNames: ['store'],
    registers,
  });
  recorders = {
    command: (command, platform, outcome, seconds, code) => {
      commands.inc({ command, platform, outcome });
      if (code) userErrors.inc({ command, platform, code });
      latency.observe({ command, platform }, seconds);
    },
    reminder: (event, platform, count) => reminders[event].inc({ platform }, count),
    storeError: (store) => storeErrors.inc({ store }),
  };
  return registry;
}

/** Stops counting (after the metrics server closes, and between tests). */
export function disableMetrics(): void {
  recorders = undefined;
}

/** `command` must be a registered command's name; 'unknown' when the line named none. */
export function countCommand(
  command: string | undefined,
  platform: string,
  outcome: string,
  seconds: number,
  code?: string,
): void {
  recorders?.command(command ?? 'unknown', platform, outcome, seconds, code);
}

export function countReminders(event: ReminderEvent, platform: string, count = 1): void {
  if (count > 0) recorders?.reminder(event, platform, count);
}

export function countStoreError(store: string): void {
  recorders?.storeError(store);
}
