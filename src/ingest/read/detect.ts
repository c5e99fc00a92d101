/**
 * Recognises the files dropped in selection/<call>/ by their content, not
 * only their name: DS CSV or XLSX export, decisions table, attachments ZIP or
 * extracted folder, GraphQL API dump.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { apiNodes } from '../dossiers.ts';
import type { ApiDossier } from '../ds-api/query.ts';
import { IngestError } from '../errors.ts';
import { labelsOf, type Mapping } from '../mapping.ts';
import { findColumn, type Table } from '../table.ts';
import { attachmentsFromFolder, attachmentsFromZip, type AttachmentStore } from './attachments.ts';
import { readCsv } from './csv.ts';
import { readOds } from './ods.ts';
import { readXlsx } from './xlsx.ts';

export type Input =
  | { kind: 'export'; file: string; format: ExportFormat; main: Table; joined: Table[]; blocks: Table[]; note?: string }
  | { kind: 'api'; file: string; nodes: ApiDossier[] }
  | { kind: 'decisions'; file: string; table: Table }
  | { kind: 'attachments'; file: string; store: AttachmentStore }
  | { kind: 'ignored'; file: string; reason: string };

/** Export formats: the spreadsheets (XLSX, ODS) carry the block sheets, the CSV does not. */
export type ExportFormat = 'csv' | 'xlsx' | 'ods';

/** Files kept in selection/<call>/ that are not inputs. */
export const NOT_INPUTS = new Set(['mapping.yml', 'readme.md', '.gitkeep', '.gitignore']);

function isZip(bytes: Buffer): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function zipHas(bytes: Buffer, name: string): boolean {
  // Local file headers carry the entry names in clear: enough to tell XLSX, ODS and DS ZIPs apart.
  return bytes.includes(Buffer.from(name, 'utf8'));
}

function classifyTables(file: string, format: ExportFormat, tables: Table[], mapping: Mapping, note?: string): Input {
  const stateLabels = labelsOf(mapping.dossier.state);
  const main = tables.find((t) => /› Dossiers$/.test(t.source) && findColumn(t, stateLabels)) ?? tables.find((t) => findColumn(t, stateLabels));
  if (main) {
    const blocks = tables.filter((t) => /› \(\d+\)/.test(t.source));
    const joined = tables.filter((t) => /› Etablissements$/i.test(t.source));
    return { kind: 'export', file, format, main, joined, blocks, ...(note ? { note } : {}) };
  }
  const d = mapping.decisionsTable;
  if (d) {
    const table = tables.find((t) => findColumn(t, labelsOf(d.number)) && findColumn(t, labelsOf(d.decision)));
    if (table) return { kind: 'decisions', file, table };
  }
  return { kind: 'ignored', file, reason: 'tableau sans colonne d’état de dossier ni colonnes de décision reconnues' };
}

export async function detectInput(file: string, mapping: Mapping): Promise<Input> {
  const name = path.basename(file);
  if (statSync(file).isDirectory()) {
    const hasExport = existsDeep(file, (rel) => /(^|\/)export\/dossier-\d+\/pieces_justificatives\//.test(rel));
    return hasExport
      ? { kind: 'attachments', file, store: attachmentsFromFolder(file) }
      : { kind: 'ignored', file, reason: 'dossier sans arborescence export/dossier-<n>/pieces_justificatives/' };
  }
  const bytes = readFileSync(file);
  if (isZip(bytes)) {
    if (zipHas(bytes, 'xl/workbook.xml')) return classifyTables(file, 'xlsx', await readXlsx(bytes, name), mapping);
    if (zipHas(bytes, 'application/vnd.oasis.opendocument.spreadsheet')) return classifyTables(file, 'ods', await readOds(bytes, name), mapping);
    if (zipHas(bytes, 'pieces_justificatives/') || zipHas(bytes, 'export/dossier-')) {
      return { kind: 'attachments', file, store: await attachmentsFromZip(bytes, name) };
    }
    return { kind: 'ignored', file, reason: 'archive ZIP qui n’est ni un export XLSX ni un export de pièces justificatives' };
  }
  const head = bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      return { kind: 'ignored', file, reason: `JSON illisible (${(error as Error).message})` };
    }
    const read = apiNodes(json);
    if (read && 'problem' in read) throw new IngestError(`${name} : ${read.problem}`);
    return read ? { kind: 'api', file, nodes: read.nodes } : { kind: 'ignored', file, reason: 'JSON qui n’est pas une réponse de l’API GraphQL (demarche.dossiers.nodes)' };
  }
  if (bytes.includes(0)) return { kind: 'ignored', file, reason: 'fichier binaire non reconnu' };
  const table = readCsv(bytes, name);
  const note = `CSV ${table.encoding}, séparateur « ${table.delimiter === '\t' ? 'tabulation' : table.delimiter} »`;
  return classifyTables(file, 'csv', [table], mapping, note);
}

function existsDeep(dir: string, test: (rel: string) => boolean, base = dir, depth = 0): boolean {
  if (depth > 4) return false;
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    const rel = path.relative(base, abs).split(path.sep).join('/');
    if (statSync(abs).isDirectory()) {
      if (test(`${rel}/`) || existsDeep(abs, test, base, depth + 1)) return true;
    } else if (test(rel)) return true;
  }
  return false;
}

/** Inputs of a call folder, in a stable order. */
export function inputFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((n) => !NOT_INPUTS.has(n.toLowerCase()) && !n.startsWith('.') && !n.toLowerCase().endsWith('.md'))
    .sort()
    .map((n) => path.join(folder, n));
}
