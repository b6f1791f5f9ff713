// Every command, in the order help lists them. Adding a command: write its file, add it here.
import type { Command } from '../core/command.js';
import { contractsCommands } from './contracts.js';
import { dispute } from './dispute.js';
import { fees } from './fees.js';
import { helpCommand } from './help.js';
import { jss } from './jss.js';
import { quote } from './quote.js';
import { sources } from './sources.js';

export const commands: readonly Command[] = [
  jss,
  ...contractsCommands,
  fees,
  quote,
  dispute,
  sources,
  helpCommand(() => commands),
];
