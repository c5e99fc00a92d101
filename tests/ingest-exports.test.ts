/**
 * Exports shaped like the real ones: the date traps of DS's XLSX writer, ODS,
 * every thematic an applicant ticked, attachment names with commas or shared
 * by two files — and, property-based, every variation DS really makes must
 * give the same laureates with the same fields as the plain export.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../src/lib/validation/validate-content.ts';
import { readOds } from '../src/ingest/read/ods.ts';
import { readXlsx } from '../src/ingest/read/xlsx.ts';
import { NUMBER_COLUMNS, cloneSheets, odsPackage, sampleCsvSheet, sampleSheets, rewriteZip, writeCsv, writeOds, writeXlsx, type Cell, type DateText, type Sheet } from './export-writers.ts';
import { ZIP, cleanup, project, type Project } from './ingest-helpers.ts';

afterAll(cleanup);

const LAUREATE_COUNT = 6;
let base: Sheet[];
let zip: Buffer;
beforeAll(async () => {
  base = await sampleSheets();
  zip = readFileSync(ZIP);
});

const dossiers = (sheets: Sheet[]) => sheets.find((s) => s.name === 'Dossiers')!;
function setCell(sheet: Sheet, id: number, header: string, value: Cell): void {
  const col = sheet.headers.indexOf(header);
  if (col < 0) throw new Error(`no column ${header}`);
  const row = sheet.rows.find((r) => r[0] === id);
  if (!row) throw new Error(`no dossier ${id}`);
  row[col] = value;
}

/** Every file the ingestion wrote (content and public documents), by path, as a hash. */
function snapshot(p: Project): Record<string, string> {
  return Object.fromEntries(p.files().sort().map((f) => [f, createHash('sha256').update(readFileSync(path.join(p.root, f))).digest('hex')]));
}

async function ingestWith(files: Record<string, Buffer>) {
  const p = project();
  for (const [name, bytes] of Object.entries(files)) p.put(name, bytes);
  const result = await p.run();
  return { p, result, report: result.reports[0]! };
}

describe('dates, in every shape DS produces', () => {
  it('publishes every laureate when the first dossier is not processed and the date columns come back as Excel serials', async () => {
    const sheets = cloneSheets(base);
    const d = dossiers(sheets);
    const traite = d.headers.indexOf('Traité le');
    const unprocessed = d.rows.findIndex((r) => r[traite] === '');
    d.rows.unshift(...d.rows.splice(unprocessed, 1));
    const bytes = await writeXlsx(sheets, 'first-row');
    // The trap as DS sets it: no date format on the column, plain numbers in the cells.
    const read = (await readXlsx(bytes, 'x'))[0]!;
    expect(read.rows[1]![read.headers.indexOf('Traité le')]).toMatch(/^\d{5}\.\d+$/);

    const plain = await ingestWith({ 'export.xlsx': await writeXlsx(base), 'pieces.zip': zip });
    const { p, report } = await ingestWith({ 'export.xlsx': bytes, 'pieces.zip': zip });
    expect(report.errors).toEqual([]);
    expect(report.created).toHaveLength(LAUREATE_COUNT);
    expect(p.laureate('plume').data.selectedOn).toBe('2025-05-28');
    expect(snapshot(p)).toEqual(snapshot(plain.p));
  });

  it('reports an unreadable date with the dossier, the column and what was found, and still writes the others', async () => {
    const sheets = cloneSheets(base);
    setCell(dossiers(sheets), 22811437, 'Traité le', 'fin mai');
    const { p, report } = await ingestWith({ 'export.xlsx': await writeXlsx(sheets), 'pieces.zip': zip });
    expect(report.errors).toEqual([
      { dossier: 22811437, message: expect.stringMatching(/^fiche non écrite — selectedOn : date de traitement illisible dans la colonne « Traité le » : « fin mai » trouvé, attendu AAAA-MM-JJ.*mapping\.yml \(selectedOn: AAAA-MM-JJ\)$/) },
    ]);
    expect(report.created).toHaveLength(LAUREATE_COUNT - 1);
    expect(p.files().some((f) => f.endsWith('/plume.md'))).toBe(false);
  });

  it('says what to do when an accepted laureate has no processing date at all', async () => {
    const sheets = cloneSheets(base);
    setCell(dossiers(sheets), 22811437, 'Traité le', '');
    const { report } = await ingestWith({ 'export.xlsx': await writeXlsx(sheets) });
    expect(report.errors).toEqual([{ dossier: 22811437, message: expect.stringContaining('date de traitement vide (colonne « Traité le » ou « Date de traitement »)') }]);
    expect(report.created).toHaveLength(LAUREATE_COUNT - 1);
  });
});

describe('ODS exports', () => {
  it('reads the same tables as the XLSX, typed dates or serials', async () => {
    const fromXlsx = await readXlsx(await writeXlsx(base), 'e');
    for (const dates of ['typed', 'serial'] as const) {
      const fromOds = await readOds(await writeOds(base, dates), 'e');
      expect(fromOds.map((t) => t.source)).toEqual(fromXlsx.map((t) => t.source));
      if (dates === 'typed') expect(fromOds).toEqual(fromXlsx);
    }
  });

  it('keeps what LibreOffice writes inside a cell: paragraphs, runs of spaces, tabs, line breaks; leaves comments out', async () => {
    const sheets = cloneSheets(base);
    setCell(dossiers(sheets), 22811437, 'Nom de la solution', 'Plume   v2');
    setCell(dossiers(sheets), 22811437, 'Description de la solution', 'Ligne un\nLigne deux');
    const bytes = await writeOds(sheets);
    const read = (await readOds(bytes, 'e'))[0]!;
    const row = read.rows.find((r) => r[0] === '22811437')!;
    expect(row[read.headers.indexOf('Nom de la solution')]).toBe('Plume   v2');
    expect(row[read.headers.indexOf('Description de la solution')]).toBe('Ligne un\nLigne deux');

    const cell = '<table:table-cell office:value-type="string"><office:annotation><dc:creator>Instructeur</dc:creator><text:p>avis <text:s/>privé</text:p></office:annotation><text:p>Un<text:tab/>deux<text:line-break/>trois <text:s text:c="2"/>quatre</text:p><text:p>cinq</text:p></table:table-cell>';
    const [table] = await readOds(await odsPackage(`<table:table table:name="Dossiers"><table:table-row><table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell></table:table-row><table:table-row>${cell}</table:table-row></table:table>`), 'e');
    expect(table!.rows).toEqual([['Un\tdeux\ntrois   quatre\ncinq']]);
  });

  it('publishes the same laureates from an ODS export as from the XLSX', async () => {
    const plain = await ingestWith({ 'export.xlsx': await writeXlsx(base), 'pieces.zip': zip });
    const ods = await ingestWith({ 'export.ods': await writeOds(base, 'serial'), 'pieces.zip': zip });
    expect(ods.report.errors).toEqual([]);
    expect(ods.report.inputs[0]).toMatchObject({ kind: 'export' });
    expect(ods.report.created).toHaveLength(LAUREATE_COUNT);
    expect(snapshot(ods.p)).toEqual(snapshot(plain.p));
  });
});

describe('nothing the applicant declared is lost', () => {
  it('keeps every thematic ticked, whatever the category, and the catalogue accepts it', async () => {
    const sheets = cloneSheets(base);
    setCell(dossiers(sheets), 22811437, 'Thématiques', 'Agents conversationnels, Bases de données vectorielles (RAG, API), Inférence et optimisation énergétique des modèles, Autre');
    const { p, report } = await ingestWith({ 'export.xlsx': await writeXlsx(sheets) });
    expect(report.errors).toEqual([]);
    const { data } = p.laureate('plume');
    expect(data.category).toBe('solutions-applicatives');
    expect(data.thematics).toEqual(['agents-conversationnels', 'bases-vectorielles', 'inference-optimisation', 'autre']);
    expect(report.warnings.filter((w) => w.field === 'thematics')).toEqual([]);
    expect((await validateContent(p.root, 'content')).problems.filter((x) => x.severity !== 'warning')).toEqual([]);
  });

  it('makes every option it cannot keep a report line with the dossier', async () => {
    const sheets = cloneSheets(base);
    setCell(dossiers(sheets), 22811437, 'Thématiques', 'Agents conversationnels, Vision par ordinateur');
    setCell(dossiers(sheets), 22811437, 'Taille de l’entreprise', 'Très grande entreprise');
    const { p, report } = await ingestWith({ 'export.xlsx': await writeXlsx(sheets) });
    expect(p.laureate('plume').data.thematics).toEqual(['agents-conversationnels']);
    expect(report.warnings).toContainEqual(expect.objectContaining({ dossier: 22811437, field: 'thematics', message: expect.stringContaining('« Vision par ordinateur » non reprise') }));
    expect(p.laureate('plume').data.submitter.size).toBeUndefined();
    expect(report.warnings).toContainEqual(expect.objectContaining({ dossier: 22811437, field: 'submitter.size', message: expect.stringContaining('« Très grande entreprise » non reprise') }));
  });

  it('reports each zero it reads as « not answered »', async () => {
    const { report } = await ingestWith({ 'export.xlsx': await writeXlsx(base) });
    // Dossier 22931674 declared a deployment cost of 0 (the sample's « 0 »).
    expect(report.warnings).toContainEqual(expect.objectContaining({ dossier: 22931674, field: 'costs.deploymentCost', message: expect.stringContaining('valeur 0, considérée comme non renseignée') }));
  });

  it('splits attachment names that contain commas against the files of the export', async () => {
    const sheets = cloneSheets(base);
    setCell(dossiers(sheets), 22811437, 'Captures d’écran', 'plume-ecran-courrier.jpg, Plume, tableau de bord.jpg');
    const renamed = await rewriteZip(zip, (n) => n.replace('plume-tableau-de-bord-', 'Plume, tableau de bord-'));
    const plain = await ingestWith({ 'export.xlsx': await writeXlsx(base), 'pieces.zip': zip });
    const { p, report } = await ingestWith({ 'export.xlsx': await writeXlsx(sheets), 'pieces.zip': renamed });
    expect(report.warnings.filter((w) => w.field.startsWith('screenshots.'))).toEqual([]);
    expect(p.laureate('plume').data.screenshots).toHaveLength(2);
    expect(snapshot(p)).toEqual(snapshot(plain.p));
  });

  it('keeps both of two attachments that share a name, in order', async () => {
    const sheets = cloneSheets(base);
    setCell(dossiers(sheets), 22811437, 'Captures d’écran', 'capture.jpg, capture.jpg');
    const renamed = await rewriteZip(zip, (n) => n.replace(/plume-(ecran-courrier|tableau-de-bord)-/, 'capture-'));
    const plain = await ingestWith({ 'export.xlsx': await writeXlsx(base), 'pieces.zip': zip });
    const { p } = await ingestWith({ 'export.xlsx': await writeXlsx(sheets), 'pieces.zip': renamed });
    expect(snapshot(p)).toEqual(snapshot(plain.p));
  });
});

// ---------------------------------------------------------------------------
// Property: what DS varies never changes the laureates.
// ---------------------------------------------------------------------------

interface Variation {
  columnSeed: number;
  unprocessedFirst: boolean;
  zerosEmpty: boolean;
  crlf: boolean;
  spacedNumbers: '' | '\u00a0' | '\u202f';
  spacedHeader: boolean;
  archiveHeader: boolean;
}

const variation = fc.record<Variation>({
  columnSeed: fc.integer({ min: 0, max: 1_000_000 }),
  unprocessedFirst: fc.boolean(),
  zerosEmpty: fc.boolean(),
  crlf: fc.boolean(),
  spacedNumbers: fc.constantFrom('' as const, '\u00a0' as const, '\u202f' as const),
  spacedHeader: fc.boolean(),
  archiveHeader: fc.boolean(),
});

/** A deterministic shuffle (mulberry32) so that a failing case replays. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const grouped = (n: number, space: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, space);

function vary(sheets: Sheet[], v: Variation): Sheet[] {
  const out = cloneSheets(sheets);
  for (const sheet of out) {
    sheet.rows = sheet.rows.map((r) =>
      r.map((c, i) => {
        const h = sheet.headers[i]!;
        if (typeof c === 'number' && NUMBER_COLUMNS.has(h)) {
          if (c === 0 && v.zerosEmpty) return '';
          if (v.spacedNumbers && c >= 1000) return grouped(c, v.spacedNumbers);
        }
        if (typeof c === 'string' && v.crlf) return c.replace(/\n/g, '\r\n');
        return c;
      }),
    );
  }
  const d = out.find((s) => s.name === 'Dossiers')!;
  if (v.archiveHeader) d.headers = d.headers.map((h) => (h === 'À archiver' ? 'Archivé' : h));
  if (v.spacedHeader) d.headers = d.headers.map((h) => (h === 'Nom de la solution' ? 'Nom de la\u00a0solution ' : h === 'Thématiques' ? '\u202fThématiques' : h));
  if (v.unprocessedFirst) {
    const traite = d.headers.indexOf('Traité le');
    const i = d.rows.findIndex((r) => r[traite] === '');
    d.rows.unshift(...d.rows.splice(i, 1));
  }
  const order = shuffled(d.headers.map((_, i) => i), v.columnSeed);
  d.headers = order.map((i) => d.headers[i]!);
  d.rows = d.rows.map((r) => order.map((i) => r[i]!));
  return out;
}

const RUNS = Number(process.env.FC_RUNS ?? 8);

describe('property: every variation DS makes gives the same laureates', () => {
  it('XLSX and ODS, dates typed, as DS formats them, or as serials', async () => {
    const plain = snapshot((await ingestWith({ 'export.xlsx': await writeXlsx(base), 'pieces.zip': zip })).p);
    await fc.assert(
      fc.asyncProperty(variation, fc.constantFrom('xlsx-typed', 'xlsx-first-row', 'ods-typed', 'ods-serial'), async (v, format) => {
        const sheets = vary(base, v);
        const bytes = format.startsWith('xlsx') ? await writeXlsx(sheets, format === 'xlsx-typed' ? 'typed' : 'first-row') : await writeOds(sheets, format === 'ods-typed' ? 'typed' : 'serial');
        const { p, report } = await ingestWith({ [`export.${format.slice(0, 4).replace('-', '')}`]: bytes, 'pieces.zip': zip });
        expect(report.errors).toEqual([]);
        expect(snapshot(p)).toEqual(plain);
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV in every encoding and separator, dates as DS, Excel or ISO write them', async () => {
    const csv = sampleCsvSheet();
    const plain = snapshot((await ingestWith({ 'export.csv': writeCsv(csv), 'pieces.zip': zip })).p);
    await fc.assert(
      fc.asyncProperty(variation, fc.constantFrom('ds' as const, 'excel-fr' as const, 'bom' as const), fc.constantFrom<DateText>('ds', 'fr', 'iso'), async (v, style, dates) => {
        const [sheet] = vary([csv], v);
        const { p, report } = await ingestWith({ 'export.csv': writeCsv(sheet!, style, dates), 'pieces.zip': zip });
        expect(report.errors).toEqual([]);
        expect(snapshot(p)).toEqual(plain);
      }),
      { numRuns: RUNS },
    );
  });
});
