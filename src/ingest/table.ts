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

const keys = new Map<string, string>();

/** The comparison key of a header or a mapped label (memoised: looked up for every cell read). */
export function headerKey(label: string): string {
  let key = keys.get(label);
  if (key === undefined) {
    key = normaliseLabel(label).toLowerCase();
    if (keys.size < 100_000) keys.set(label, key);
  }
  return key;
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

/** A row read by header key: the value of the first column with that header, undefined when no column has it. */
export type TableRecord = (key: string) => string | undefined;

/** Rows as records keyed by normalised header; one index per table, not one map per row. */
export function recordsOf(table: Table): TableRecord[] {
  const index = new Map<string, number>();
  table.headers.forEach((h, i) => {
    const key = headerKey(h);
    if (!index.has(key)) index.set(key, i);
  });
  return table.rows.map((row) => (key) => {
    const i = index.get(key);
    return i === undefined ? undefined : (row[i] ?? '');
  });
}

/** The first record that has the key answers (a dossier's own row, then its joined rows). */
export function firstOf(records: readonly TableRecord[]): TableRecord {
  return (key) => {
    for (const record of records) {
      const v = record(key);
      if (v !== undefined) return v;
    }
    return undefined;
  };
}
