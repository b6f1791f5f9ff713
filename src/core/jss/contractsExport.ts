// The contract log as CSV in the columns /contracts import reads, so an export imports back unchanged.
import { stringify } from 'csv-stringify/sync';
import type { Contract } from './contracts.js';

export const EXPORT_COLUMNS = ['date', 'outcome', 'amount', 'client', 'title', 'long_term', 'client_removed'];

/** A spreadsheet runs a cell starting with = + - @ (tab, CR) as a formula; quotes before one are escaped too. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** Client and title are written after a single quote when they would start a formula. */
export const cellFor = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
/** What cellFor wrote, back as it was: exactly the one quote it added comes off. */
export const textOfCell = (cell: string): string =>
  cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;

/** Oldest first, as a log is usually kept; stars are written as stars so they map the same way again. */
export function contractsToCsv(contracts: readonly Contract[]): string {
  const sorted = [...contracts].sort((a, b) => (a.end === b.end ? a.id - b.id : a.end < b.end ? -1 : 1));
  const rows = sorted.map((c) => [
    c.end,
    c.stars === undefined ? c.outcome : String(c.stars),
    (c.amountCents / 100).toFixed(2),
    cellFor(c.client),
    cellFor(c.title ?? ''),
    c.longTerm ? 'yes' : 'no',
    c.clientRemoved ? 'yes' : 'no',
  ]);
  // ";" separates records pasted on one line, so a field holding one is quoted like one with a comma.
  return stringify(rows, { header: true, columns: EXPORT_COLUMNS, quoted_match: ';' });
}
