// The one-shot's registry: which modules hold each slash name, so `gigdesk ask` imports (and builds the
// option schemas of) only the command asked. index.ts stays the full list; a test keeps the two in step.
import type { Command } from '../core/runtime/command.js';

type Load = () => Promise<readonly Command[]>;

const BY_NAME: Record<string, Load> = {
  jss: async () => [(await import('./jss.js')).jss],
  contracts: async () => {
    const [list, edit, alerts] = await Promise.all([
      import('./contracts.js'),
      import('./contractsEdit.js'),
      import('./contractsAlerts.js'),
    ]);
    return [...list.contractsCommands, edit.contractsEdit, alerts.contractsAlerts];
  },
  fees: async () => [(await import('./fees.js')).fees],
  quote: async () => [(await import('./quote.js')).quote],
  dispute: async () => [(await import('./dispute.js')).dispute],
  sources: async () => [(await import('./sources.js')).sources],
  toprated: async () => [(await import('./toprated.js')).toprated],
  rate: async () => [(await import('./rate.js')).rate],
  profile: async () => [(await import('./profile.js')).profile],
  client: async () => [(await import('./client.js')).client],
  template: async () => [(await import('./template.js')).template],
  templates: async () => {
    const m = await import('./templates.js');
    return [m.templateAdd, m.templateEdit, m.templateRemove];
  },
  check: async () => [(await import('./check.js')).check],
  followup: async () => {
    const m = await import('./followup.js');
    return [m.followupStart, m.followupList, m.followupDone, m.followupSnooze];
  },
  mydata: async () => {
    const m = await import('./mydata.js');
    return [m.mydataExport, m.mydataDelete];
  },
  settings: async () => [(await import('./settings.js')).settings],
  advice: async () => [(await import('./advice.js')).advice],
  desk: async () => {
    const m = await import('./desk.js');
    return [m.desk, m.deskDigest];
  },
};

/** The slash names this registry knows (for the test that keeps it in step with index.ts). */
export const lazyNames = Object.keys(BY_NAME);

/** The commands a line may run: its slash name's modules, or every command (help, a name we do not know). */
export async function commandsFor(line: string): Promise<readonly Command[]> {
  const name = /^\s*\/?(\S+)/.exec(line)?.[1]?.toLowerCase() ?? '';
  const load = Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined;
  return load ? load() : (await import('./index.js')).commands;
}
