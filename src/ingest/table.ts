/**
 * A sheet of an export as plain strings, with headers compared after
 * normalisation (NFC, trimmed, collapsed spaces, ’ = ').
 */
import { normaliseLabel } from '../schemas/enum.ts';

export interface Table {
  /** Where the table comes from, for messages (`dossiers.csv`, `dossiers.xlsx › Dossiers`). */
  source: string;
  headers: string[];
  rows: string[][];
}

export function headerKey(label: string): string {
  return normaliseLabel(label).toLowerCase();
}

/** Indexes of the columns whose header matches `label`. */
export function columnsOf(table: Table, label: string): number[] {
  const key = headerKey(label);
  const found: number[] = [];
  table.headers.forEach((h, i) => {
    if (headerKey(h) === key) found.push(i);
  });
  return found;
}

/** The first of `labels` present in the table, with its column index. */
export function findColumn(table: Table, labels: readonly string[]): { label: string; index: number; count: number } | undefined {
  for (const label of labels) {
    const cols = columnsOf(table, label);
    if (cols.length > 0) return { label, index: cols[0]!, count: cols.length };
  }
  return undefined;
}

/** Rows as records keyed by normalised header; duplicate headers keep every value. */
export function recordsOf(table: Table): Array<Map<string, string[]>> {
  const keys = table.headers.map(headerKey);
  return table.rows.map((row) => {
    const record = new Map<string, string[]>();
    keys.forEach((k, i) => record.set(k, [...(record.get(k) ?? []), row[i] ?? '']));
    return record;
  });
}
