/** Builds temporary projects with crafted selection exports for the ingestion tests. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parseFrontmatter } from 'astro/markdown';
import { ingest, type IngestOptions } from '../src/ingest/run.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SAMPLE = path.join(ROOT, 'tests/fixtures/selection');
export const CSV = path.join(SAMPLE, 'dossiers_ami-solutions-ia-2025_2025-06-12_16-30.csv');
export const XLSX = path.join(SAMPLE, 'dossiers_ami-solutions-ia-2025_2025-06-12_16-30.xlsx');
export const ZIP = path.join(SAMPLE, 'dossiers_ami-solutions-ia-2025_2025-06-12_16-30_pieces.zip');
export const CALL = 'solutions-ia-2025';
export const LAUREATES = [22811437, 22846120, 22874902, 22903556, 22931674, 22940093];
export const CONSENT = 'J’accepte la publication de la fiche de ma solution sur les sites de la sphère publique';

const created: string[] = [];
export function cleanup(): void {
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface Project {
  root: string;
  selection: string;
  laureates: string;
  put(name: string, data: string | Buffer): void;
  remove(name: string): void;
  run(options?: Partial<IngestOptions>): ReturnType<typeof ingest>;
  /** Parsed front matter and body of a written laureate. */
  laureate(slug: string): { data: Record<string, any>; body: string; raw: string };
  files(): string[];
}

/** A temporary project: fixture content (2 calls, 3 laureates), the real mapping, no export yet. */
export function project(): Project {
  const root = mkdtempSync(path.join(tmpdir(), 'catalogue-ingest-'));
  created.push(root);
  cpSync(path.join(ROOT, 'tests/fixtures/content'), path.join(root, 'content'), { recursive: true });
  const selection = path.join(root, 'selection', CALL);
  mkdirSync(selection, { recursive: true });
  cpSync(path.join(ROOT, 'selection', CALL, 'mapping.yml'), path.join(selection, 'mapping.yml'));
  const laureates = path.join(root, 'content/laureates', CALL);
  return {
    root,
    selection,
    laureates,
    put: (name, data) => writeFileSync(path.join(selection, name), data),
    remove: (name) => rmSync(path.join(selection, name), { recursive: true, force: true }),
    run: (options = {}) => ingest({ root, contentDir: 'content', ...options }),
    laureate(slug) {
      const raw = readFileSync(path.join(laureates, `${slug}.md`), 'utf8');
      const { frontmatter, content } = parseFrontmatter(raw);
      return { data: frontmatter as Record<string, any>, body: content.trim(), raw };
    },
    files: () => listAll(root).filter((f) => !f.startsWith('selection/')),
  };
}

function listAll(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name);
    return e.isDirectory() ? listAll(abs, base) : [path.relative(base, abs).split(path.sep).join('/')];
  });
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

export type Row = Record<string, string>;

export function csvRows(): { headers: string[]; rows: string[][] } {
  const [headers, ...rows] = parse(readFileSync(CSV, 'utf8')) as string[][];
  return { headers: headers!, rows };
}

/** Edits the sample CSV: `edit(get, set)` per row; `headers` renames columns. */
export function editedCsv(
  edit: (row: { id: string; get(h: string): string; set(h: string, v: string): void }) => void = () => {},
  renames: Record<string, string> = {},
): { headers: string[]; rows: string[][] } {
  const { headers, rows } = csvRows();
  for (const row of rows) {
    edit({
      id: row[headers.indexOf('ID')]!,
      get: (h) => row[headers.indexOf(h)]!,
      set: (h, v) => {
        const i = headers.indexOf(h);
        if (i < 0) throw new Error(`no column ${h}`);
        row[i] = v;
      },
    });
  }
  return { headers: headers.map((h) => renames[h] ?? h), rows };
}

// ---------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------

/** Edits the sample XLSX with exceljs. */
export async function editedXlsx(edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(XLSX);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function setDossierCell(workbook: ExcelJS.Workbook, dossier: number, header: string, value: ExcelJS.CellValue): void {
  const sheet = workbook.getWorksheet('Dossiers')!;
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const col = headers.indexOf(header);
  if (col < 0) throw new Error(`no column ${header}`);
  sheet.eachRow((row, n) => {
    if (n > 1 && String(row.getCell(1).value) === String(dossier)) row.getCell(col).value = value;
  });
}
