import { z } from 'zod';
import type { Command } from './command.js';

export type OptionType = 'integer' | 'number' | 'string' | 'boolean';

/** What an adapter needs to know about one option, derived from the command's zod schema. */
export interface OptionSpec {
  name: string;
  type: OptionType;
  required: boolean;
  description: string;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  choices?: string[];
  /** Kept for buttons or old lines (`.meta({ hidden: true })`): read by name, never offered or filled by position. */
  hidden?: boolean;
  /** A day (`.meta({ date: true })`): on a text line it takes every word of "2 weeks ago" or "14 Mar 2026". */
  date?: boolean;
}

interface JsonProperty {
  type?: string;
  enum?: unknown[];
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  hidden?: boolean;
  date?: boolean;
}

const cache = new WeakMap<Command, OptionSpec[]>();

/** Option specs in the schema's key order (which is also the positional order on text platforms). */
export function optionSpecs(command: Command): OptionSpec[] {
  const cached = cache.get(command);
  if (cached) return cached;
  const schema = z.toJSONSchema(command.options, { io: 'input', unrepresentable: 'throw' }) as {
    properties?: Record<string, JsonProperty>;
    required?: string[];
  };
  const specs = Object.entries(schema.properties ?? {}).map(([name, p]) =>
    toSpec(command.name, name, p, schema.required?.includes(name) ?? false),
  );
  cache.set(command, specs);
  return specs;
}

function toSpec(commandName: string, name: string, p: JsonProperty, required: boolean): OptionSpec {
  const type = p.enum ? 'string' : p.type;
  if (type !== 'integer' && type !== 'number' && type !== 'string' && type !== 'boolean') {
    throw new Error(`/${commandName} option "${name}" has a type chat platforms cannot express: ${p.type}`);
  }
  const spec: OptionSpec = { name, type, required, description: p.description ?? name };
  const min = p.minimum ?? p.exclusiveMinimum;
  const max = p.maximum ?? p.exclusiveMaximum;
  // zod reports the safe-integer limits for every .int(); they are no real bound.
  if (min !== undefined && Math.abs(min) < Number.MAX_SAFE_INTEGER) spec.min = min;
  if (max !== undefined && Math.abs(max) < Number.MAX_SAFE_INTEGER) spec.max = max;
  if (p.minLength !== undefined) spec.minLength = p.minLength;
  if (p.maxLength !== undefined) spec.maxLength = p.maxLength;
  if (p.enum) spec.choices = p.enum.map(String);
  if (p.hidden) spec.hidden = true;
  if (p.date) spec.date = true;
  return spec;
}

/** The options a person is offered: usage lines, /help, the Discord registration. */
export const shownOptions = (command: Command): OptionSpec[] => optionSpecs(command).filter((o) => !o.hidden);

/** "/jss <successful> <negative> <total> [target]" */
export function usageLine(command: Command): string {
  const parts = shownOptions(command).map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return [`/${command.name}`, ...parts].join(' ');
}

/** Every command takes these: replies are private unless shared, and short unless details are asked for. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'share',
    type: 'boolean',
    required: false,
    description: 'post the answer in the channel for everyone (default: only you see it)',
  },
  {
    name: 'details',
    type: 'boolean',
    required: false,
    description: 'show the whole answer, with what the short one leaves out',
  },
];
