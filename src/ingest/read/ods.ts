/**
 * Reads an ODS export (OpenDocument spreadsheet, the State's open format)
 * as the same plain-string tables as the XLSX reader, streaming
 * `content.xml` (yauzl + saxes). Same sheets kept, `Avis` never read.
 *
 * Cells: strings as typed (paragraphs joined by line breaks, `text:s`
 * spaces, tabs and line breaks kept, comments left out), numbers from
 * `office:value` (the raw number, not its display), dates from
 * `office:date-value` as `AAAA-MM-JJ HH:MM:SS`, booleans `true`/`false`.
 * Repeated cells and rows (`number-columns-repeated`) are expanded only
 * when they hold a value: the trailing empty columns of a sheet cost nothing.
 */
import { IngestError } from '../errors.ts';
import type { Table } from '../table.ts';
import { WANTED_SHEET, toTable } from './xlsx.ts';
import { openZip } from './zip.ts';

/** Bounds on repeated cells and rows with content (a real export has none this large). */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;

const attr = (a: Record<string, string>, local: string) => {
  for (const [k, v] of Object.entries(a)) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
};

function dateValueText(v: string): string {
  return v.replace('T', ' ').replace(/(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/, '').replace(/ 00:00:00$/, '');
}

interface OdsCell {
  repeat: number;
  type?: string;
  value?: string;
  date?: string;
  boolean?: string;
  paragraphs: string[];
  current?: string[];
}

/** The reader's position in content.xml: the sheet, the row and the cell being read. */
interface OdsState {
  source: string;
  tables: Table[];
  table?: { name: string; rows: string[][] };
  row: string[];
  rowRepeat: number;
  /** Empty cells seen since the last value: written only if a value follows. */
  pendingEmpty: number;
  cell?: OdsCell;
  /** Depth inside office:annotation (a comment, not the cell's value). */
  skip: number;
}

function openCell(a: Record<string, string>): OdsCell {
  return {
    repeat: Number(attr(a, 'number-columns-repeated') ?? 1) || 1,
    type: attr(a, 'value-type'),
    value: attr(a, 'value'),
    date: attr(a, 'date-value'),
    boolean: attr(a, 'boolean-value'),
    paragraphs: [],
  };
}

function openElement(st: OdsState, name: string, a: Record<string, string>): void {
  if (name === 'table') {
    const sheet = attr(a, 'name') ?? '';
    st.table = WANTED_SHEET.test(sheet) ? { name: sheet, rows: [] } : undefined;
  } else if (!st.table) {
    return;
  } else if (name === 'table-row') {
    st.row = [];
    st.pendingEmpty = 0;
    st.rowRepeat = Number(attr(a, 'number-rows-repeated') ?? 1) || 1;
  } else if (name === 'table-cell' || name === 'covered-table-cell') {
    st.cell = openCell(a);
  } else if (st.cell) {
    if (name === 'annotation') st.skip = 1;
    else if (name === 'p' || name === 'h') st.cell.current = [];
    else if (name === 's') st.cell.current?.push(' '.repeat(Number(attr(a, 'c') ?? 1) || 1));
    else if (name === 'tab') st.cell.current?.push('\t');
    else if (name === 'line-break') st.cell.current?.push('\n');
  }
}

function closeCell(st: OdsState, table: NonNullable<OdsState['table']>, cell: OdsCell): void {
  const value = cellValue(cell);
  if (value === '') st.pendingEmpty += cell.repeat;
  else {
    if (st.row.length + st.pendingEmpty + cell.repeat > MAX_COLUMNS) throw new IngestError(`${st.source} › ${table.name} : plus de ${MAX_COLUMNS} colonnes`);
    for (; st.pendingEmpty > 0; st.pendingEmpty--) st.row.push('');
    for (let i = 0; i < cell.repeat; i++) st.row.push(value);
  }
  st.cell = undefined;
}

function closeElement(st: OdsState, name: string): void {
  const { table, cell } = st;
  if (!table) return;
  if (cell && (name === 'p' || name === 'h')) {
    if (cell.current) cell.paragraphs.push(cell.current.join(''));
    cell.current = undefined;
  } else if (cell && (name === 'table-cell' || name === 'covered-table-cell')) {
    closeCell(st, table, cell);
  } else if (name === 'table-row' && st.row.length > 0) {
    if (table.rows.length + st.rowRepeat > MAX_ROWS) throw new IngestError(`${st.source} › ${table.name} : plus de ${MAX_ROWS} lignes`);
    for (let i = 0; i < st.rowRepeat; i++) table.rows.push(i === 0 ? st.row : [...st.row]);
  } else if (name === 'table') {
    st.tables.push(toTable(`${st.source} › ${table.name}`, table.rows));
    st.table = undefined;
  }
}

export async function readOds(bytes: Buffer, source: string): Promise<Table[]> {
  const zip = await openZip(bytes, source);
  const st: OdsState = { source, tables: [], row: [], rowRepeat: 1, pendingEmpty: 0, skip: 0 };
  const found = await zip.parseXml('content.xml', {
    // saxes reports a close for every open, self-closing elements included.
    open(name, a) {
      if (st.skip > 0) st.skip++;
      else openElement(st, name, a);
    },
    close(name) {
      if (st.skip > 0) st.skip--;
      else closeElement(st, name);
    },
    text(t) {
      if (st.skip === 0 && st.cell?.current) st.cell.current.push(t);
    },
  });
  if (!found) throw new IngestError(`${source} : classeur ODS sans content.xml`);
  return st.tables;
}

function cellValue(cell: OdsCell): string {
  switch (cell.type) {
    case 'float':
    case 'percentage':
    case 'currency':
      return cell.value ?? cell.paragraphs.join('\n');
    case 'date':
      return cell.date ? dateValueText(cell.date) : cell.paragraphs.join('\n');
    case 'boolean':
      return cell.boolean === undefined ? cell.paragraphs.join('\n') : cell.boolean === 'true' ? 'true' : 'false';
    default:
      return cell.paragraphs.join('\n');
  }
}
