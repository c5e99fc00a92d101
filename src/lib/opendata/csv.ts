/**
 * The CSV side of the open data: one row per laureate, plus one file per
 * repeated group (metrics, references) keyed by the laureate's id.
 *
 * The columns are a plain, serialisable description (`CsvColumn[]`) derived
 * from the record schema by `./columns.ts` at build time; this module only
 * turns records into CSV, so the listing's « Télécharger ces résultats »
 * runs the same code in the browser without shipping zod.
 */
// The library's browser build (it carries its own Buffer): the same code runs in the build and in the listing.
import { stringify } from 'csv-stringify/browser/esm/sync';

/** Separator of the values of a list in one cell (`thematics`, `audiences`…). */
export const LIST_SEPARATOR = '|';

export interface CsvColumn {
  /** Column header: the field's dotted path in the JSON record. */
  header: string;
  /** Path to the value in a record (or in an item of a repeated group). */
  path: string[];
  /**
   * `value`: a single value; `list`: a list of values joined with `|`;
   * `summary`: a list of groups, of which one field (`key`) is joined with `|`.
   */
  kind: 'value' | 'list' | 'summary';
  key?: string;
}

export interface CsvTable {
  /** File name under /donnees/. */
  file: string;
  /** How /donnees/ and the DCAT metadata name and describe the file. */
  title: string;
  description: string;
  /** Dotted path of the repeated group a child table lists (absent for the main table). */
  group?: string;
  columns: CsvColumn[];
}

function get(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function cellOf(column: CsvColumn, source: unknown): string {
  const value = get(source, column.path);
  if (column.kind === 'value') return cell(value);
  const items = Array.isArray(value) ? value : [];
  const parts = column.kind === 'summary' ? items.map((item) => get(item, [column.key!])) : items;
  return parts.map(cell).filter((s) => s !== '').join(LIST_SEPARATOR);
}

/** RFC 4180: comma, double quotes when needed, CRLF line ends, UTF-8. */
export function toCsv(headers: string[], rows: string[][]): string {
  return stringify([headers, ...rows], { record_delimiter: 'windows' });
}

/** The main table: one row per laureate. */
export function recordsCsv(records: readonly unknown[], columns: readonly CsvColumn[]): string {
  return toCsv(
    columns.map((c) => c.header),
    records.map((r) => columns.map((c) => cellOf(c, r))),
  );
}

/** Columns that key a child table's rows to their laureate. */
export const CHILD_KEY_HEADERS = ['laureateId', 'position'] as const;

/** A child table: one row per item of a repeated group, keyed by the laureate's id and the item's position (from 1). */
export function childCsv(records: readonly { id: string }[], table: CsvTable): string {
  if (!table.group) throw new Error(`${table.file} : table sans groupe`);
  const groupPath = table.group.split('.');
  const rows = records.flatMap((r) => {
    const items = get(r, groupPath);
    return (Array.isArray(items) ? items : []).map((item, i) => [r.id, String(i + 1), ...table.columns.map((c) => cellOf(c, item))]);
  });
  return toCsv([...CHILD_KEY_HEADERS, ...table.columns.map((c) => c.header)], rows);
}
