/**
 * The ingestion: read → map → decide → sanitise → write, for every call
 * folder of selection/ that holds inputs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { callSchema } from '../schemas/call.ts';
import { requiredFields, type LaureateData } from '../schemas/laureate.ts';
import type { CallKind } from '../schemas/taxonomy.ts';
import { formatProblems } from '../lib/validation/problem.ts';
import { laureateSchemaForValidation } from '../lib/validation/validate-content.ts';
import { validateWith } from '../lib/validation/zod-issues.ts';
import { pathToField } from '../lib/validation/problem.ts';
import { decide } from './decide.ts';
import { dossiersFromApi, dossiersFromTables, headerProblems, type BlockKey, type Dossier } from './dossiers.ts';
import { IngestError } from './errors.ts';
import { attachFiles } from './attach.ts';
import { labelsOf, loadMapping, type Mapping } from './mapping.ts';
import { mapDossier, type Warning } from './map.ts';
import { EMPTY_STORE, type AttachmentStore } from './read/attachments.ts';
import { detectInput, inputFiles, type Input } from './read/detect.ts';
import { findColumn } from './table.ts';
import { createWriter, laureateMarkdown, readManifest, resolveWrite, sha256, slugify, withPublished, writeAtomic, writeManifest, type Manifest } from './write.ts';
import { CONTENT_DIR, isLaureateFile } from '../lib/content-paths.ts';
import { apiInput, deletedReason, nextState, readFromApi, type ApiOptions, type ApiSource } from './ds-api/source.ts';
import { writeState } from './ds-api/state.ts';

export interface IngestOptions {
  root: string;
  /** Only this call (folder name under selection/). */
  call?: string;
  dryRun?: boolean;
  /** Flag the laureates written as demonstration entries (fictional sample exports). */
  demo?: boolean;
  selectionDir?: string;
  contentDir?: string;
  publicDir?: string;
  /** Progress lines (large inputs). */
  progress?: (line: string) => void;
  /** Read the dossiers and their attachments from Démarches Simplifiées' API instead of the files of selection/<call>/. */
  api?: ApiOptions;
}

export interface CallReport {
  call: string;
  inputs: Array<{ file: string; kind: string; note?: string }>;
  dossiersRead: number;
  laureates: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  conflicts: Array<{ dossier: number; file: string; review: string; reason: string }>;
  unpublished: Array<{ dossier: number; file: string; reason: string }>;
  skipped: Array<{ dossier: number; reason: string }>;
  warnings: Array<{ dossier: number; field: string; message: string }>;
  errors: Array<{ dossier?: number; message: string }>;
}

export interface IngestResult {
  reports: CallReport[];
  /** 0: all ingested (warnings allowed); 1: a laureate could not be ingested or the mapping is invalid. */
  exitCode: 0 | 1;
}

function emptyReport(call: string): CallReport {
  return { call, inputs: [], dossiersRead: 0, laureates: 0, created: [], updated: [], unchanged: [], conflicts: [], unpublished: [], skipped: [], warnings: [], errors: [] };
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** Call folders of selection/ that hold at least one input file. */
export function callFolders(selectionDir: string): string[] {
  if (!existsSync(selectionDir)) return [];
  return readdirSync(selectionDir)
    .filter((n) => !n.startsWith('.') && statSync(path.join(selectionDir, n)).isDirectory())
    .filter((n) => inputFiles(path.join(selectionDir, n)).length > 0)
    .sort();
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const selectionDir = options.selectionDir ?? path.join(options.root, 'selection');
  if (options.api && !options.call) throw new IngestError('l’ingestion par l’API lit une démarche : précisez l’appel (--call <appel>)');
  const folders = options.call ? [options.call] : callFolders(selectionDir);
  const reports: CallReport[] = [];
  for (const call of folders) {
    const folder = path.join(selectionDir, call);
    if (!existsSync(folder)) throw new IngestError(`dossier ${rel(options.root, folder)} introuvable`);
    reports.push(await ingestCall(call, folder, options));
  }
  const exitCode = reports.some((r) => r.errors.length > 0) ? 1 : 0;
  return { reports, exitCode };
}

async function ingestCall(call: string, folder: string, options: IngestOptions): Promise<CallReport> {
  const report = emptyReport(call);
  const mapping = callMapping(call, folder, options.root);
  // 1. Read: the API, or every input of the folder recognised by its content.
  const selection = await readSelection(folder, mapping, report, options);
  if (!selection) return report;
  report.dossiersRead = selection.dossiers.length;
  // 2. Decide, map and sanitise, attach, write: one dossier at a time.
  const ctx = writeContext(call, report, options);
  const seen = await ingestDossiers(selection, mapping, ctx);
  await ctx.writer.flush();
  // 3. What this run did not see: deleted dossiers, and (whole reads only) absent ones.
  for (const gone of selection.api?.demarche.deleted ?? []) {
    const known = ctx.manifest.dossiers[String(gone.number)];
    if (known && !seen.has(gone.number)) unpublish(gone.number, known, deletedReason(gone), ctx);
  }
  if (!selection.api?.since) {
    for (const [number, entry] of Object.entries(ctx.manifest.dossiers)) {
      if (seen.has(Number(number))) continue;
      report.warnings.push({ dossier: Number(number), field: '', message: `dossier absent de ${selection.api ? 'la démarche' : 'cet export'} : fiche ${entry.slug}.md laissée telle quelle` });
    }
  }
  if (!options.dryRun && Object.keys(ctx.manifest.dossiers).length > 0) writeManifest(ctx.laureateDir, ctx.manifest);
  if (selection.api && !options.dryRun && report.errors.length === 0) writeState(folder, nextState(selection.api));
  return report;
}

function callMapping(call: string, folder: string, root: string): Mapping {
  const mappingFile = path.join(folder, 'mapping.yml');
  if (!existsSync(mappingFile)) throw new IngestError(`${rel(root, mappingFile)} manquant : copiez celui de selection/solutions-ia-2025/ et adaptez-le`);
  const mapping = loadMapping(mappingFile);
  if (mapping.call !== call) throw new IngestError(`${rel(root, mappingFile)} : call « ${mapping.call} » ne correspond pas au dossier « ${call} »`);
  return mapping;
}

interface Selection {
  dossiers: Dossier[];
  decisions: Map<number, string>;
  attachments: AttachmentStore;
  api?: ApiSource;
}

/** The dossiers, the committee's separate decisions and the attachments; undefined when the folder holds no export. */
async function readSelection(folder: string, mapping: Mapping, report: CallReport, options: IngestOptions): Promise<Selection | undefined> {
  const inputs = await readInputs(folder, mapping, report, options.root, options.api !== undefined);
  const decisions = decisionsOf(inputs, mapping);
  if (options.api) {
    const api = await readFromApi(folder, mapping, options.api, options.progress);
    report.inputs.unshift(apiInput(api));
    return { dossiers: api.dossiers, decisions, attachments: api.attachments, api };
  }
  const dossiers = dossiersOf(inputs, mapping, report, mapping.call);
  return dossiers ? { dossiers, decisions, attachments: attachmentsOf(inputs) } : undefined;
}

function writeContext(call: string, report: CallReport, options: IngestOptions): WriteContext {
  const { root } = options;
  const contentDir = path.resolve(root, options.contentDir ?? CONTENT_DIR);
  const laureateDir = path.join(contentDir, 'laureates', call);
  const manifest = readManifest(laureateDir, call);
  return {
    laureateDir,
    publicDir: path.resolve(root, options.publicDir ?? 'public'),
    manifest,
    taken: existingSlugs(path.join(contentDir, 'laureates'), manifest),
    report,
    options,
    writer: createWriter(),
    // The fiches present before this run, read once (an existence check per laureate waits on the disk behind the writes).
    present: new Set(existsSync(laureateDir) ? readdirSync(laureateDir) : []),
    kind: callKind(contentDir, call, root),
  };
}

/** Decides each dossier once: a laureate is ingested, a dossier that no longer is one is unpublished. */
async function ingestDossiers(selection: Selection, mapping: Mapping, ctx: WriteContext): Promise<Set<number>> {
  const { report, manifest, options } = ctx;
  const seen = new Set<number>();
  for (const [i, dossier] of selection.dossiers.entries()) {
    if ((i + 1) % 500 === 0) options.progress?.(`${mapping.call} : ${i + 1} / ${selection.dossiers.length} dossiers`);
    if (seen.has(dossier.number)) {
      report.errors.push({ dossier: dossier.number, message: 'dossier présent deux fois dans l’export' });
      continue;
    }
    seen.add(dossier.number);
    const decision = decide(dossier, mapping, selection.decisions);
    const known = manifest.dossiers[String(dossier.number)];
    if (decision.kind !== 'laureate') {
      report.skipped.push({ dossier: dossier.number, reason: decision.reason });
      if (known) unpublish(dossier.number, known, NO_LONGER_LAUREATE, ctx);
      continue;
    }
    report.laureates++;
    await ingestLaureate(dossier, mapping, selection.attachments, ctx);
  }
  return seen;
}

/** Why the ingestion withdraws a fiche whose dossier is no longer a laureate (the committee's words stay private). */
const NO_LONGER_LAUREATE = 'n’est plus lauréat dans Démarches Simplifiées';

type InputOf<K extends Input['kind']> = Extract<Input, { kind: K }>;
const ofKind = <K extends Input['kind']>(inputs: readonly Input[], kind: K) => inputs.filter((i): i is InputOf<K> => i.kind === kind);

/** Every file of the call folder, recognised by its content and listed in the report. */
async function readInputs(folder: string, mapping: Mapping, report: CallReport, root: string, fromApi: boolean): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const file of inputFiles(folder)) {
    const detected = await detectInput(file, mapping);
    // Reading from the API, only a separate decisions table is taken from the folder.
    const input: Input = fromApi && detected.kind !== 'decisions' && detected.kind !== 'ignored' ? { kind: 'ignored', file, reason: `${detected.kind === 'attachments' ? 'pièces justificatives' : 'export'} non lu : les dossiers viennent de l’API` } : detected;
    inputs.push(input);
    report.inputs.push({ file: rel(root, file), kind: input.kind, ...('note' in input && input.note ? { note: input.note } : input.kind === 'ignored' ? { note: input.reason } : {}) });
  }
  return inputs;
}

/**
 * The dossiers of the one export (a spreadsheet wins over a CSV: it carries the
 * block sheets; else the API dump), checked against the mapping; undefined when
 * the folder holds no export at all.
 */
function dossiersOf(inputs: readonly Input[], mapping: Mapping, report: CallReport, call: string): Dossier[] | undefined {
  const exports = ofKind(inputs, 'export');
  const apis = ofKind(inputs, 'api');
  const sheets = exports.filter((e) => e.format !== 'csv');
  const main = sheets.length > 0 ? sheets : exports.filter((e) => e.format === 'csv');
  if (main.length > 1) {
    throw new IngestError(`${call} : plusieurs exports de dossiers (${main.map((m) => path.basename(m.file)).join(', ')}) — gardez seulement le plus récent`);
  }
  if (main.length === 0 && apis.length > 1) throw new IngestError(`${call} : plusieurs réponses de l’API — gardez-en une`);
  if (main.length === 0 && apis.length === 0) {
    if (inputs.some((i) => i.kind !== 'ignored')) throw new IngestError(`${call} : aucun export de dossiers (CSV, XLSX, ODS ou réponse de l’API) parmi les fichiers déposés`);
    return undefined;
  }
  if (main.length === 0) return dossiersFromApi(apis[0]!.nodes, mapping, path.basename(apis[0]!.file));

  const e = main[0]!;
  const blockSheet = (sheet: string) => e.blocks.find((b) => b.source.includes(`› (${sheet})`));
  const problems = headerProblems([e.main, ...e.joined], mapping);
  for (const block of Object.values(mapping.blocks)) {
    if (e.format !== 'csv' && block && !blockSheet(block.sheet)) {
      problems.push(`onglet du bloc répétable « ${block.label} » (${block.sheet}) introuvable dans ${path.basename(e.file)}`);
    }
  }
  if (problems.length > 0) throw new IngestError(`${path.basename(e.file)} ne correspond pas à mapping.yml :\n- ${problems.join('\n- ')}`);
  const blocks: Partial<Record<BlockKey, (typeof e.blocks)[number]>> = {};
  for (const key of ['metrics', 'references'] as const) {
    const block = mapping.blocks[key];
    const sheet = block && blockSheet(block.sheet);
    if (sheet) blocks[key] = sheet;
  }
  if (e.format === 'csv' && Object.keys(mapping.blocks).length > 0) {
    report.warnings.push({ dossier: 0, field: 'blocks', message: 'l’export CSV ne contient pas les blocs répétables (indicateurs, déploiements) : utilisez l’export XLSX ou ODS pour les publier' });
  }
  return dossiersFromTables(e.main, mapping, e.joined, blocks);
}

/** The committee's decisions from separate decisions tables, by dossier number. */
function decisionsOf(inputs: readonly Input[], mapping: Mapping): Map<number, string> {
  const decisions = new Map<number, string>();
  const spec = mapping.decisionsTable;
  if (!spec) return decisions;
  for (const input of ofKind(inputs, 'decisions')) {
    const n = findColumn(input.table, labelsOf(spec.number))!;
    const d = findColumn(input.table, labelsOf(spec.decision))!;
    for (const row of input.table.rows) {
      const number = Number(String(row[n.index] ?? '').replace(/\D/g, ''));
      if (number) decisions.set(number, row[d.index] ?? '');
    }
  }
  return decisions;
}

/** One store over every attachments input (ZIP exports, extracted folders). */
function attachmentsOf(inputs: readonly Input[]): AttachmentStore {
  const stores = ofKind(inputs, 'attachments').map((i) => i.store);
  if (stores.length === 0) return EMPTY_STORE;
  return {
    size: stores.reduce((s, x) => s + x.size, 0),
    names: (dossier) => stores.flatMap((s) => s.names(dossier)),
    async read(dossier, name) {
      for (const s of stores) {
        const found = await s.read(dossier, name);
        if (found) return found;
      }
      return undefined;
    },
  };
}

/** The kind of a call, from content/calls/<call>.md: the fields its laureates must fill in follow from it. */
function callKind(contentDir: string, call: string, root: string): CallKind {
  const file = path.join(contentDir, 'calls', `${call}.md`);
  if (!existsSync(file)) {
    throw new IngestError(`${rel(root, file)} introuvable : décrivez l’appel « ${call} » dans content/calls/ avant d’en intégrer les lauréats`);
  }
  const result = validateWith(rel(root, file), callSchema, parseFrontmatter(readFileSync(file, 'utf8')).frontmatter);
  if (!result.ok) throw new IngestError(`L’appel ${call} est invalide :\n${formatProblems(result.problems)}`);
  return result.data.kind;
}

/** Slugs already used in the catalogue, except those the manifest gives to this call's dossiers. */
function existingSlugs(laureatesDir: string, manifest: Manifest): Map<string, string> {
  const own = new Map(Object.entries(manifest.dossiers).map(([n, e]) => [e.slug, n]));
  const taken = new Map<string, string>();
  if (!existsSync(laureatesDir)) return taken;
  for (const folder of readdirSync(laureatesDir)) {
    const dir = path.join(laureatesDir, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      if (!isLaureateFile(`${folder}/${name}`)) continue;
      const slug = name.slice(0, -3);
      taken.set(slug, own.get(slug) ?? `${folder}/${name}`);
    }
  }
  return taken;
}

/** A stable slug per dossier: the manifest's, else from the name, else with the dossier number. */
function slugFor(number: number, name: string, manifest: Manifest, taken: Map<string, string>): string {
  const known = manifest.dossiers[String(number)];
  if (known) return known.slug;
  const base = slugify(name);
  const owner = taken.get(base);
  const slug = owner === undefined || owner === String(number) ? base : `${base}-${number}`;
  taken.set(slug, String(number));
  return slug;
}

interface WriteContext {
  laureateDir: string;
  publicDir: string;
  manifest: Manifest;
  taken: Map<string, string>;
  report: CallReport;
  options: IngestOptions;
  writer: ReturnType<typeof createWriter>;
  /** File names in the call's laureate folder before this run. */
  present: ReadonlySet<string>;
  /** The call's kind: what a laureate must fill in follows from it. */
  kind: CallKind;
}

async function ingestLaureate(dossier: Dossier, mapping: Mapping, attachments: AttachmentStore, ctx: WriteContext): Promise<void> {
  const { manifest, report, options } = ctx;
  const warn = (w: Warning) => report.warnings.push({ dossier: dossier.number, ...w });
  // Map (and sanitise) only the mapped public fields.
  const mapped = mapDossier(dossier, mapping, attachments.names(dossier.number));
  mapped.warnings.forEach(warn);
  if (mapped.errors.length > 0) {
    report.errors.push(...mapped.errors.map((e) => ({ dossier: dossier.number, message: `fiche non écrite — ${e.field} : ${e.message}` })));
    return;
  }
  const data = mapped.data;
  if (options.demo) data.demo = true;
  const name = typeof data.name === 'string' ? data.name : `dossier ${dossier.number}`;
  const slug = slugFor(dossier.number, name, manifest, ctx.taken);
  const entry = manifest.dossiers[String(dossier.number)];

  // Attachments: only real images and PDFs, beside the fiche.
  const { files, ...attached } = await attachFiles(
    { dossier: dossier.number, call: mapping.call, slug, name, laureateDir: ctx.laureateDir, publicDir: ctx.publicDir, store: attachments, previous: entry?.files, relative: (f) => rel(options.root, f), writer: ctx.writer, dryRun: !!options.dryRun, warn },
    mapped.attachments,
  );
  Object.assign(data, attached);

  // Everything written validates against the laureate schema and the call's required fields.
  const problems = laureateProblems(dossier.number, data, ctx.kind);
  if (problems.length > 0) {
    report.errors.push({ dossier: dossier.number, message: `fiche non écrite, elle serait invalide — ${problems.join(' ; ')}` });
    return;
  }
  const markdown = laureateMarkdown(data, mapped.body);
  if (await writeLaureate(dossier.number, slug, markdown, ctx)) manifest.dossiers[String(dossier.number)] = { slug, hash: sha256(markdown), files };
}

/** Why a mapped laureate would be invalid (schema, then the fields its call requires), in French. */
function laureateProblems(number: number, data: Record<string, unknown>, kind: CallKind): string[] {
  const parsed = validateWith(`dossier ${number}`, laureateSchemaForValidation, data);
  if (!parsed.ok) return parsed.problems.map((p) => `${p.field} : ${p.message}`);
  return requiredFields(kind)
    .filter((r) => r.isMissing(parsed.data as LaureateData))
    .map((r) => `${pathToField(r.path)} : ${r.label} manquant(e)`);
}

/** Writes the fiche unless an editor changed it (then a copy to review goes beside it); false when nothing was taken. */
async function writeLaureate(number: number, slug: string, markdown: string, ctx: WriteContext): Promise<boolean> {
  const { laureateDir, report, options, writer } = ctx;
  const file = path.join(laureateDir, `${slug}.md`);
  const relFile = rel(options.root, file);
  const current = ctx.present.has(`${slug}.md`) ? readFileSync(file, 'utf8') : undefined;
  const decision = resolveWrite(markdown, current, ctx.manifest.dossiers[String(number)]?.hash);
  switch (decision.kind) {
    case 'created':
    case 'updated':
      if (!options.dryRun) await writer.write(file, markdown);
      report[decision.kind].push(relFile);
      return true;
    case 'unchanged':
      report.unchanged.push(relFile);
      return true;
    case 'conflict': {
      const review = path.join(laureateDir, `_${slug}.ingestion.md`);
      if (decision.review && !options.dryRun) await writer.write(review, markdown);
      report.conflicts.push({ dossier: number, file: relFile, review: decision.review ? rel(options.root, review) : '', reason: decision.reason });
      return false;
    }
  }
}

function unpublish(number: number, entry: Manifest['dossiers'][string], reason: string, ctx: WriteContext): void {
  const { laureateDir, manifest, report, options } = ctx;
  const file = path.join(laureateDir, `${entry.slug}.md`);
  const relFile = rel(options.root, file);
  if (!existsSync(file)) return;
  const current = readFileSync(file, 'utf8');
  if (sha256(current) !== entry.hash) {
    report.conflicts.push({ dossier: number, file: relFile, review: '', reason: `${reason}, mais la fiche a été modifiée par un éditeur : laissée telle quelle, à dépublier à la main (published: false)` });
    return;
  }
  const next = withPublished(current, false, reason);
  if (next === current) return;
  if (!options.dryRun) writeAtomic(file, next);
  manifest.dossiers[String(number)] = { ...entry, hash: sha256(next) };
  report.unpublished.push({ dossier: number, file: relFile, reason });
}
