/**
 * Reads an XLSX export as plain-string tables, streaming each sheet's XML
 * (yauzl + saxes) instead of loading the workbook: 10,000 dossiers with
 * their block sheets fit in a few hundred megabytes.
 *
 * Only the sheets the ingestion may need are parsed: `Dossiers`,
 * `Etablissements` and the repeatable-block sheets `(<id>) …`; the `Avis`
 * sheet (experts' private opinions) is never parsed.
 *
 * Cells become the text DS wrote: shared and inline strings as typed,
 * numbers as written in the file, booleans `true`/`false`, and date cells as
 * Paris wall-clock `AAAA-MM-JJ HH:MM:SS` (`AAAA-MM-JJ` at midnight). A date
 * column DS left unformatted (its first dossier had no date) arrives as an
 * Excel serial number: the date reader (../dates.ts) reads both.
 */
import { IngestError } from '../errors.ts';
import { excelSerialToText } from '../dates.ts';
import type { Table } from '../table.ts';
import { openZip, type Zip } from './zip.ts';

export const WANTED_SHEET = /^(Dossiers|Etablissements|\(\d+\).*)$/i;

/** Built-in number formats that are dates or times (ECMA-376, 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code is a date when it has d, m, y, h or s outside quotes, escapes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** OOXML escapes characters XML cannot carry as `_xHHHH_` (`_x000D_` for a carriage return). */
export function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** `AB12` → 27 (0-based column of a cell reference). */
function columnIndex(ref: string | undefined): number | undefined {
  const letters = /^[A-Z]+/i.exec(ref ?? '')?.[0];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A number as written in the file, without exponent (`8.5033810400019E13` → `85033810400019`). */
function numberText(v: string): string {
  if (!/e/i.test(v)) return v;
  const n = Number(v);
  return Number.isFinite(n) && Number.isInteger(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n.toFixed(0) : v;
}

interface WorkbookIndex {
  sheets: Array<{ name: string; path: string }>;
  date1904: boolean;
}

async function workbookIndex(zip: Zip, source: string): Promise<WorkbookIndex> {
  const sheets: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  const found = await zip.parseXml('xl/workbook.xml', {
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.name ?? '', rid: a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '' });
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  if (!found) throw new IngestError(`${source} : classeur XLSX sans xl/workbook.xml`);
  const targets = new Map<string, string>();
  await zip.parseXml('xl/_rels/workbook.xml.rels', {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
    },
  });
  return {
    date1904,
    sheets: sheets.map((s) => {
      const target = targets.get(s.rid) ?? '';
      return { name: s.name, path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` };
    }),
  };
}

/** For each cell style index, whether its number format is a date. */
async function dateStyles(zip: Zip): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const formats: number[] = [];
  await zip.parseXml('xl/styles.xml', {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of formats) styles.push(custom.has(id) ? isDateFormatCode(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id));
  return styles;
}

/** The shared strings, rich text flattened, phonetic guides (`rPh`) left out. */
async function sharedStrings(zip: Zip): Promise<string[]> {
  const strings: string[] = [];
  let parts: string[] = [];
  let inT = false;
  let phonetic = 0;
  await zip.parseXml('xl/sharedStrings.xml', {
    open(name) {
      if (name === 'si') parts = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inT = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(decodeOoxmlEscapes(parts.join('')));
    },
    text(t) {
      if (inT) parts.push(t);
    },
  });
  return strings;
}

async function readSheet(zip: Zip, path: string, shared: readonly string[], isDate: readonly boolean[], date1904: boolean): Promise<string[][]> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell: { col: number; type: string; style: number; text: string[]; inText: boolean; phonetic: number } | undefined;
  let next = 0;
  await zip.parseXml(path, {
    open(name, a) {
      if (name === 'row') {
        row = [];
        next = 0;
      } else if (name === 'c') {
        const col = columnIndex(a.r) ?? next;
        cell = { col, type: a.t ?? 'n', style: Number(a.s ?? 0), text: [], inText: false, phonetic: 0 };
        next = col + 1;
      } else if (cell && name === 'rPh') cell.phonetic++;
      else if (cell && (name === 'v' || (name === 't' && cell.phonetic === 0))) cell.inText = true;
    },
    close(name) {
      if (!cell) {
        if (name === 'row' && row.some((v) => v !== '')) rows.push(row);
        return;
      }
      if (name === 'v' || name === 't') cell.inText = false;
      else if (name === 'rPh') cell.phonetic--;
      else if (name === 'c') {
        const raw = cell.text.join('');
        let value: string;
        switch (cell.type) {
          case 's':
            value = shared[Number(raw)] ?? '';
            break;
          case 'inlineStr':
          case 'str':
            value = decodeOoxmlEscapes(raw);
            break;
          case 'b':
            value = raw === '1' || raw === 'true' ? 'true' : raw === '' ? '' : 'false';
            break;
          case 'e':
            value = '';
            break;
          case 'd':
            value = raw.replace('T', ' ').replace(/(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/, '').replace(/ 00:00:00$/, '');
            break;
          default:
            value = raw !== '' && isDate[cell.style] ? (excelSerialToText(Number(raw), date1904) ?? raw) : numberText(raw);
        }
        while (row.length < cell.col) row.push('');
        row[cell.col] = value;
        cell = undefined;
      }
    },
    text(t) {
      if (cell?.inText) cell.text.push(t);
    },
  });
  return rows;
}

export async function readXlsx(bytes: Buffer, source: string): Promise<Table[]> {
  const zip = await openZip(bytes, source);
  const index = await workbookIndex(zip, source);
  const wanted = index.sheets.filter((s) => WANTED_SHEET.test(s.name));
  const [shared, isDate] = await Promise.all([sharedStrings(zip), dateStyles(zip)]);
  // Sheets read side by side: one inflates (zlib's thread pool) while another is parsed.
  return Promise.all(wanted.map(async (sheet) => toTable(`${source} › ${sheet.name}`, await readSheet(zip, sheet.path, shared, isDate, index.date1904))));
}

/** First row as headers, every row padded to the widest. */
export function toTable(source: string, rows: string[][]): Table {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const [headers = [], ...body] = rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
  return { source, headers, rows: body };
}
