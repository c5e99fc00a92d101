/**
 * Writes DS-shaped exports from a table model, in every format DS (or a tool
 * re-saving its files) produces: XLSX with typed or untyped date columns,
 * ODS, CSV in three encodings, and the attachments ZIP with renamed files.
 * Used by the ingestion tests to vary what DS really varies.
 */
import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import yazl from 'yazl';
import { readCsv } from '../src/ingest/read/csv.ts';
import { readXlsx } from '../src/ingest/read/xlsx.ts';
import { openZip } from '../src/ingest/read/zip.ts';
import { CSV, XLSX } from './ingest-helpers.ts';

/** A date cell: Paris wall-clock `AAAA-MM-JJ HH:MM:SS`. */
export interface DateCell {
  date: string;
}
export type Cell = string | number | DateCell;
export interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}

export const isDateCell = (c: Cell): c is DateCell => typeof c === 'object' && c !== null && 'date' in c;

/** Columns of `Dossiers` and `Etablissements` that hold timestamps or dates. */
export const DATE_COLUMNS = new Set([
  'Dernière mise à jour le',
  'Dernière mise à jour du dossier le',
  'Déposé le',
  'Passé en instruction le',
  'Traité le',
  'Entreprise date de création',
  'Association date de création',
  'Association date de déclaration',
  'Association date de publication',
]);

/** Number columns of the form (DS exports an empty number as 0). */
export const NUMBER_COLUMNS = new Set([
  'Coût indicatif de déploiement (€ HT)',
  'Charge de déploiement (jours-homme)',
  'Durée de déploiement (semaines)',
  'Coût annuel de maintenance (€ HT)',
  'Valeur avant',
  'Valeur après',
  'Depuis',
  'Nombre d’utilisateurs',
]);

function typed(name: string, headers: string[], rows: string[][]): Sheet {
  return {
    name,
    headers,
    rows: rows.map((r) =>
      r.map((v, i) => {
        const h = headers[i]!;
        const date = /^(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?)(?: [+-]\d{4})?$/.exec(v);
        if (DATE_COLUMNS.has(h) && date) return { date: date[1]! };
        if ((NUMBER_COLUMNS.has(h) || h === 'ID' || h === 'Dossier ID' || h === 'Ligne') && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
        return v;
      }),
    ),
  };
}

/** The sample XLSX as typed sheets: dates as date cells, numbers as numbers. */
export async function sampleSheets(): Promise<Sheet[]> {
  const tables = await readXlsx(readFileSync(XLSX), 'sample');
  return tables.map((t) => typed(t.source.split(' › ')[1]!, t.headers, t.rows));
}

/** The sample CSV (which has the establishment columns and no block sheet) as one typed sheet. */
export function sampleCsvSheet(): Sheet {
  const t = readCsv(readFileSync(CSV), 'sample.csv');
  return typed('Dossiers', t.headers, t.rows);
}

export function cloneSheets(sheets: readonly Sheet[]): Sheet[] {
  return sheets.map((s) => ({ name: s.name, headers: [...s.headers], rows: s.rows.map((r) => r.map((c) => (isDateCell(c) ? { ...c } : c))) }));
}

/** Excel serial (1900 system) of a wall-clock timestamp. */
export function toSerial(wallClock: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?/.exec(wallClock)!;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return Math.round(((ms - Date.UTC(1899, 11, 30)) / 86_400_000) * 1e6) / 1e6;
}

/** How a date is written as text: DS's CSV, an Excel re-save, ISO 8601. */
export type DateText = 'ds' | 'fr' | 'iso';
export function dateText(wallClock: string, style: DateText): string {
  const [day, time = '00:00:00'] = wallClock.split(' ');
  const [y, m, d] = day!.split('-');
  if (style === 'fr') return `${d}/${m}/${y} ${time.slice(0, 5)}`;
  if (style === 'iso') return `${day}T${time}+02:00`;
  return `${day} ${time} +0200`;
}

/**
 * XLSX as DS writes it: `typed` gives every date column a date format;
 * `first-row` does as DS's writer does, formatting a column as dates only
 * when the first data row holds one (else the column holds plain serials).
 */
export async function writeXlsx(sheets: readonly Sheet[], dates: 'typed' | 'first-row' | 'serial' = 'typed'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow(sheet.headers);
    const typedColumn = sheet.headers.map((_, i) => dates === 'typed' || (dates === 'first-row' && isDateCell(sheet.rows[0]?.[i] ?? '')));
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map((c, i) => (isDateCell(c) ? (typedColumn[i] ? wallClockDate(c.date) : toSerial(c.date)) : c)));
      row.forEach((c, i) => {
        if (isDateCell(c) && typedColumn[i]) added.getCell(i + 1).numFmt = 'yyyy/m/d h:mm';
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** exceljs writes a Date's UTC fields as the cell's wall clock. */
function wallClockDate(wallClock: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?/.exec(wallClock)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A string cell as LibreOffice writes it: one text:p per line, runs of spaces as text:s. */
function odsText(value: string): string {
  return value
    .split(/\r\n|\n|\r/)
    .map((line) => `<text:p>${xml(line).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`)}</text:p>`)
    .join('');
}

function odsCell(c: Cell, dates: 'typed' | 'serial'): string {
  if (isDateCell(c)) {
    return dates === 'typed'
      ? `<table:table-cell office:value-type="date" office:date-value="${c.date.replace(' ', 'T')}"><text:p>${xml(c.date)}</text:p></table:table-cell>`
      : `<table:table-cell office:value-type="float" office:value="${toSerial(c.date)}"><text:p>${toSerial(c.date)}</text:p></table:table-cell>`;
  }
  if (typeof c === 'number') return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
  if (c === '') return '<table:table-cell/>';
  return `<table:table-cell office:value-type="string">${odsText(c)}</table:table-cell>`;
}

const ODS_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"';

/** ODS (content.xml in a ZIP whose first entry is the uncompressed mimetype). */
export async function writeOds(sheets: readonly Sheet[], dates: 'typed' | 'serial' = 'typed'): Promise<Buffer> {
  const tables = sheets
    .map((s) => {
      const rows = [s.headers, ...s.rows]
        .map((r) => `<table:table-row>${r.map((c) => odsCell(c, dates)).join('')}<table:table-cell table:number-columns-repeated="1000"/></table:table-row>`)
        .join('');
      return `<table:table table:name="${xml(s.name)}"><table:table-column table:number-columns-repeated="1024"/>${rows}<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>`;
    })
    .join('');
  return odsPackage(tables);
}

/** An ODS file around the given `<table:table>` elements. */
export function odsPackage(tables: string): Promise<Buffer> {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODS_NS} office:version="1.3"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return zipOf([
    ['mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), false],
    ['META-INF/manifest.xml', Buffer.from(manifest), true],
    ['content.xml', Buffer.from(content), true],
  ]);
}

/** CSV as DS writes it, or as a French Excel or « CSV UTF-8 » re-saves it. */
export function writeCsv(sheet: Sheet, style: 'ds' | 'excel-fr' | 'bom' = 'ds', dates: DateText = 'ds'): Buffer {
  const rows = [sheet.headers, ...sheet.rows.map((r) => r.map((c) => (isDateCell(c) ? dateText(c.date, style === 'excel-fr' && dates === 'ds' ? 'fr' : dates) : String(c))))];
  // Windows-1252 has no U+202F: a French Excel writes the thousands separator as U+00A0.
  if (style === 'excel-fr') return iconv.encode(stringify(rows, { delimiter: ';', record_delimiter: '\r\n' }).replace(/\u202f/g, '\u00a0'), 'win1252');
  const text = stringify(rows, { delimiter: ',', record_delimiter: '\n' });
  return style === 'bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
}

function zipOf(files: Array<[string, Buffer, boolean]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(Date.UTC(2025, 5, 12, 14, 30));
  for (const [name, bytes, compress] of files) zip.addBuffer(bytes, name, { mtime, compress });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** The attachments ZIP with entries renamed (`rename` returns the new path, or the same). */
export async function rewriteZip(bytes: Buffer, rename: (path: string) => string): Promise<Buffer> {
  const zip = await openZip(bytes, 'zip');
  const files: Array<[string, Buffer, boolean]> = [];
  for (const name of zip.names) {
    if (name.endsWith('/')) continue;
    files.push([rename(name), await zip.read(zip.entry(name)!), true]);
  }
  return zipOf(files);
}

