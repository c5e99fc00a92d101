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

export async function readOds(bytes: Buffer, source: string): Promise<Table[]> {
  const zip = await openZip(bytes, source);
  const tables: Table[] = [];
  let table: { name: string; rows: string[][] } | undefined;
  let row: string[] = [];
  let rowRepeat = 1;
  let pendingEmpty = 0;
  let cell: { repeat: number; type?: string; value?: string; date?: string; boolean?: string; paragraphs: string[]; current?: string[] } | undefined;
  let skip = 0; // inside office:annotation (a comment, not the cell's value)

  const found = await zip.parseXml('content.xml', {
    open(name, a) {
      // saxes reports a close for every open, self-closing elements included.
      if (skip > 0) {
        skip++;
        return;
      }
      if (name === 'table') {
        const sheet = attr(a, 'name') ?? '';
        table = WANTED_SHEET.test(sheet) ? { name: sheet, rows: [] } : undefined;
        return;
      }
      if (!table) return;
      if (name === 'table-row') {
        row = [];
        pendingEmpty = 0;
        rowRepeat = Number(attr(a, 'number-rows-repeated') ?? 1) || 1;
      } else if (name === 'table-cell' || name === 'covered-table-cell') {
        cell = {
          repeat: Number(attr(a, 'number-columns-repeated') ?? 1) || 1,
          type: attr(a, 'value-type'),
          value: attr(a, 'value'),
          date: attr(a, 'date-value'),
          boolean: attr(a, 'boolean-value'),
          paragraphs: [],
        };
      } else if (cell) {
        if (name === 'annotation') skip = 1;
        else if (name === 'p' || name === 'h') cell.current = [];
        else if (name === 's') cell.current?.push(' '.repeat(Number(attr(a, 'c') ?? 1) || 1));
        else if (name === 'tab') cell.current?.push('\t');
        else if (name === 'line-break') cell.current?.push('\n');
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      if (!table) return;
      if (cell && (name === 'p' || name === 'h')) {
        if (cell.current) cell.paragraphs.push(cell.current.join(''));
        cell.current = undefined;
      } else if (cell && (name === 'table-cell' || name === 'covered-table-cell')) {
        const value = cellValue(cell);
        if (value === '') pendingEmpty += cell.repeat;
        else {
          if (row.length + pendingEmpty + cell.repeat > MAX_COLUMNS) throw new IngestError(`${source} › ${table.name} : plus de ${MAX_COLUMNS} colonnes`);
          for (; pendingEmpty > 0; pendingEmpty--) row.push('');
          for (let i = 0; i < cell.repeat; i++) row.push(value);
        }
        cell = undefined;
      } else if (name === 'table-row') {
        if (row.length > 0) {
          if (table.rows.length + rowRepeat > MAX_ROWS) throw new IngestError(`${source} › ${table.name} : plus de ${MAX_ROWS} lignes`);
          for (let i = 0; i < rowRepeat; i++) table.rows.push(i === 0 ? row : [...row]);
        }
      } else if (name === 'table') {
        tables.push(toTable(`${source} › ${table.name}`, table.rows));
        table = undefined;
      }
    },
    text(t) {
      if (skip === 0 && cell?.current) cell.current.push(t);
    },
  });
  if (!found) throw new IngestError(`${source} : classeur ODS sans content.xml`);
  return tables;
}

function cellValue(cell: { type?: string; value?: string; date?: string; boolean?: string; paragraphs: string[] }): string {
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
