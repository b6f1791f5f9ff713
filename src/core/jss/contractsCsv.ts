// Pasted CSV -> contracts, with per-line errors; csv-parse handles quoting and odd line endings.
import { parse } from 'csv-parse/sync';
import { UserError } from '../runtime/errors.js';
import { type Contract, type ContractInput, contractFrom } from './contracts.js';
import { textOfCell } from './contractsExport.js';

export const MAX_IMPORT_LINES = 2_000;
/** Every column at its longest (title 120, client 80, ...) with quotes fits well within this. */
const MAX_LINE_CHARS = 1_000;

const COLUMNS = ['date', 'outcome', 'amount', 'client', 'title', 'long_term', 'client_removed'] as const;
type Column = (typeof COLUMNS)[number];

const HEADER_NAMES: Record<string, Column> = {
  date: 'date',
  'end date': 'date',
  end: 'date',
  ended: 'date',
  outcome: 'outcome',
  feedback: 'outcome',
  stars: 'outcome',
  amount: 'amount',
  earned: 'amount',
  client: 'client',
  title: 'title',
  'long term': 'long_term',
  longterm: 'long_term',
  'client removed': 'client_removed',
};

export interface LineError {
  /** "Line 3", or "Record 3" when the records were pasted on one line. */
  where: string;
  message: string;
}

export interface CsvResult {
  contracts: Omit<Contract, 'id'>[];
  errors: LineError[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; records: number };
}

/**
 * Lines of "date, outcome, amount, client[, title[, long_term]]", with or without a header line
 * (a header may put the columns in any order). Pasted on one line, records may be separated by ";".
 */
export function parseContractsCsv(text: string, now: Date): CsvResult {
  const oneLine = !/[\r\n]/.test(text.trim());
  checkShape(text.trim(), oneLine);
  let records: ParsedRecord[];
  try {
    records = parse(text.trim(), {
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: oneLine ? ';' : undefined,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw new UserError(
      'csv_unreadable',
      `The CSV could not be read${where ? ` at line ${where}` : ''}: ${(error as Error).message}`,
    );
  }
  if (records.length === 0)
    throw new UserError('csv_empty', 'There is nothing to import: paste one contract per line.');
  const columns = headerColumns(records[0]?.record ?? []);
  const rows = columns ? records.slice(1) : records;
  if (rows.length > MAX_IMPORT_LINES) {
    throw new UserError(
      'csv_too_many_lines',
      `At most ${MAX_IMPORT_LINES.toLocaleString('en-US')} lines can be imported at once.`,
    );
  }
  const order = columns ?? [...COLUMNS];
  const result: CsvResult = { contracts: [], errors: [] };
  for (const { record, info } of rows) {
    try {
      result.contracts.push(contractFrom(toInput(record, order), now));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      result.errors.push({ where: oneLine ? `Record ${info.records}` : `Line ${info.lines}`, message: error.message });
    }
  }
  return result;
}

/**
 * Too many lines, or a line longer than any contract, is refused before the CSV parser spends time on
 * it (a 200,000-character cell or row otherwise costs far more than every real line together).
 */
function checkShape(text: string, oneLine: boolean): void {
  const lines = text.split(oneLine ? ';' : /\r\n|\r|\n/);
  // A header, and a blank line between every two, still fit; a file of empty lines does not.
  if (lines.length > 2 * (MAX_IMPORT_LINES + 1)) {
    throw new UserError(
      'csv_too_many_lines',
      `At most ${MAX_IMPORT_LINES.toLocaleString('en-US')} lines can be imported at once.`,
    );
  }
  const long = lines.findIndex((line) => line.length > MAX_LINE_CHARS);
  if (long !== -1) {
    const where = oneLine ? `Record ${long + 1}` : `Line ${long + 1}`;
    throw new UserError(
      'csv_line_too_long',
      `${where} is over ${MAX_LINE_CHARS} characters; put one contract on each line.`,
    );
  }
}

/** The columns a header line names, or undefined when the first line is data. */
function headerColumns(first: string[]): Column[] | undefined {
  const names = first.map((cell) => HEADER_NAMES[cell.toLowerCase().replace(/[-_]+/g, ' ').trim()]);
  if (!names.includes('date')) return undefined;
  const unknown = first.filter((_, i) => names[i] === undefined);
  if (unknown.length > 0) {
    throw new UserError(
      'csv_unknown_columns',
      `The header names columns I don't know: ${unknown.join(', ')}. Use date, outcome, amount, client, title, long_term, client_removed.`,
    );
  }
  return names as Column[];
}

function toInput(record: string[], order: readonly Column[]): ContractInput {
  const cell = (column: Column) => {
    const index = order.indexOf(column);
    return index === -1 ? undefined : record[index];
  };
  if (record.length > order.length) {
    throw new UserError(
      'csv_too_many_values',
      `${record.length} values, but only ${order.length} columns (put text that contains commas in quotes).`,
    );
  }
  const missing = (['date', 'outcome', 'amount', 'client'] as const).filter((c) => !cell(c));
  if (missing.length > 0) throw new UserError('csv_missing_values', `Missing ${missing.join(', ')}.`);
  return {
    date: cell('date') ?? '',
    outcome: cell('outcome') ?? '',
    amount: cell('amount') ?? '',
    client: textOfCell(cell('client') ?? ''),
    title: textOfCell(cell('title') ?? ''),
    longTerm: cell('long_term') || undefined,
    clientRemoved: cell('client_removed') || undefined,
  };
}

/** One line ending in .csv or .txt with no comma or space in it: a file's name, not its lines. */
export const looksLikeFileName = (text: string): boolean => /^[^\s,]+\.(?:csv|txt)$/i.test(text);
