/**
 * Reads an XLSX export as plain-string tables (exceljs). Only the sheets the
 * ingestion may need are kept: `Dossiers`, `Etablissements` and the
 * repeatable-block sheets `(<id>) …`; the `Avis` sheet (experts' private
 * opinions) is dropped unread.
 *
 * exceljs's streaming reader would use less memory, but it cannot follow
 * workbooks that store their index last (as the DS sample does) and it
 * garbles accented characters split across chunks: correctness first.
 */
import ExcelJS from 'exceljs';
import type { Table } from '../table.ts';

export const WANTED_SHEET = /^(Dossiers|Etablissements|\(\d+\).*)$/i;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs gives the Paris wall-clock time as if it were UTC: keep it as written.
    return value.toISOString().replace('T', ' ').replace(/\.000Z$/, '').replace(/ 00:00:00$/, '');
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array, source: string): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables: Table[] = [];
  workbook.eachSheet((sheet) => {
    if (!WANTED_SHEET.test(sheet.name)) return;
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (values.some((v) => v !== '')) rows.push(values);
    });
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const [headers = [], ...body] = rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
    tables.push({ source: `${source} › ${sheet.name}`, headers, rows: body });
  });
  return tables;
}
