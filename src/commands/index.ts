// Every command, in the order help lists them. Adding a command: write its file, add it here.
import type { Command } from '../core/command.js';
import { helpCommand } from './help.js';
import { jss } from './jss.js';

export const commands: readonly Command[] = [jss, helpCommand(() => commands)];
