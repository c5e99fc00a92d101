/**
 * Reads a CSV export whatever the way it was saved: DS's UTF-8 with commas,
 * UTF-8 with a BOM ("CSV UTF-8" in Excel), or a French Excel's Windows-1252
 * with semicolons and CRLF. Encoding and separator are read from the bytes.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Table } from '../table.ts';

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}

/** The separator used in the header line: `;`, `,` or tab, outside quotes. */
export function sniffDelimiter(text: string): string {
  const firstLine: string[] = [];
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    firstLine.push(ch);
  }
  const line = firstLine.join('');
  const count = (d: string) => line.split(d).length - 1;
  const candidates = [';', ',', '\t'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

export function readCsv(bytes: Uint8Array, source: string): Table & { encoding: string; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  const delimiter = sniffDelimiter(text);
  const records: string[][] = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: false,
  });
  const [headers = [], ...rows] = records;
  return { source, headers, rows, encoding, delimiter };
}
