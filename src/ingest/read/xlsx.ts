/** Reads every sheet of an XLSX export as plain-string tables (exceljs). */
import ExcelJS from 'exceljs';
import type { Table } from '../table.ts';

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
    const rows: string[][] = [];
    let width = 0;
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      width = Math.max(width, values.length);
      rows.push(values);
    });
    const [headers = [], ...body] = rows.map((r) => [...r, ...Array(Math.max(0, width - r.length)).fill('')]);
    tables.push({ source: `${source} › ${sheet.name}`, headers, rows: body.filter((r) => r.some((c) => c !== '')) });
  });
  return tables;
}
