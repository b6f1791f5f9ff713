// Every command, in the order help lists them. Adding a command: write its file, add it here.
import type { Command } from '../core/runtime/command.js';
import { advice } from './advice.js';
import { check } from './check.js';
import { client } from './client.js';
import { contractsCommands } from './contracts.js';
import { contractsAlerts } from './contractsAlerts.js';
import { contractsEdit } from './contractsEdit.js';
import { desk, deskDigest } from './desk.js';
import { dispute } from './dispute.js';
import { fees } from './fees.js';
import { followupDone, followupList, followupSnooze, followupStart } from './followup.js';
import { helpCommand } from './help.js';
import { jss } from './jss.js';
import { mydataDelete, mydataExport } from './mydata.js';
import { profile } from './profile.js';
import { quote } from './quote.js';
import { rate } from './rate.js';
import { settings } from './settings.js';
import { sources } from './sources.js';
import { template } from './template.js';
import { templateAdd, templateEdit, templateRemove } from './templates.js';
import { toprated } from './toprated.js';

export const commands: readonly Command[] = [
  desk,
  deskDigest,
  jss,
  ...contractsCommands,
  contractsEdit,
  contractsAlerts,
  fees,
  quote,
  dispute,
  sources,
  toprated,
  rate,
  profile,
  advice,
  client,
  template,
  templateAdd,
  templateEdit,
  templateRemove,
  check,
  followupStart,
  followupList,
  followupDone,
  followupSnooze,
  mydataExport,
  mydataDelete,
  settings,
  helpCommand(() => commands),
];
