/**
 * The comparison as files: CSV and JSON with the table's columns and rows.
 * Loaded by /comparer/ on the first click only (the CSV library is 10 KB).
 */
import { toCsv } from '../opendata/csv.ts';
import { cellText, comparisonCaption, type ComparisonTable } from './compare.ts';

/** The columns of the comparison's exports, as the table's: the group, the row, then one per solution. */
export function exportColumns(table: ComparisonTable): Array<{ key: string; label: string; url?: string }> {
  return [{ key: 'rubrique', label: 'Rubrique' }, { key: 'critere', label: 'Critère' }, ...table.columns.map((c) => ({ key: c.id, label: c.name, url: c.href }))];
}

/** A spreadsheet reads a cell starting with = + - @ as a formula: such text is kept, behind an apostrophe. */
export const spreadsheetSafe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * The comparison as CSV, the table's rows and columns (one header row, one
 * row per criterion), with a byte-order mark so that spreadsheets read it
 * as UTF-8 (it is made to be opened by a person, unlike the open data).
 */
export function comparisonCsv(table: ComparisonTable): string {
  const rows = table.groups.flatMap((g) => g.rows.map((r) => [g.title, r.label, ...r.cells.map(cellText)]));
  return '\ufeff' + toCsv(
    exportColumns(table).map((c) => spreadsheetSafe(c.label)),
    rows.map((r) => r.map(spreadsheetSafe)),
  );
}

/** The comparison as JSON: the same columns (keyed by the solutions' identifiers) and rows, with where it comes from. */
export function comparisonJson(table: ComparisonTable, source: { url: string; site: string }): string {
  const columns = exportColumns(table).map((c) => (c.url ? { ...c, url: new URL(c.url, source.site).href } : c));
  const rows = table.groups.flatMap((g) =>
    g.rows.map((r) => ({ rubrique: g.title, critere: r.label, ...Object.fromEntries(r.cells.map((c, i) => [table.columns[i]!.id, cellText(c)])) })),
  );
  return `${JSON.stringify({ title: comparisonCaption(table), url: source.url, columns, rows }, null, 2)}\n`;
}
