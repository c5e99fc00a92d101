/**
 * npm run bench:ingest [-- --dossiers 10000]
 * Generates an XLSX export of N dossiers (with the block sheets), shaped like
 * the sample, in a temporary project, then times the ingestion in a separate
 * process and reports wall time and peak memory (RSS). A benchmark, not a test.
 * Target on a 2-core machine: 10,000 dossiers in ≤ 10 s and ≤ 500 MB.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type ExcelJS from 'exceljs';

const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLE = path.join(ROOT, 'tests/fixtures/selection/dossiers_ami-solutions-ia-2025_2025-06-12_16-30.xlsx');
const CALL = 'solutions-ia-2025';

if (process.env.BENCH_INGEST_ROOT) {
  // Child: the measured run.
  const { ingest } = await import('../src/ingest/run.ts');
  const start = performance.now();
  const { reports } = await ingest({ root: process.env.BENCH_INGEST_ROOT, contentDir: 'content' });
  const ms = performance.now() - start;
  const r = reports[0]!;
  const usage = process.resourceUsage();
  console.log(JSON.stringify({ ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024, read: r.dossiersRead, laureates: r.laureates, created: r.created.length, errors: r.errors.length, firstErrors: r.errors.slice(0, 3) }));
  process.exit(0);
}

// The generator's library is loaded by the parent only: the measured child loads what the ingestion loads.
const { default: Excel } = await import('exceljs');
const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '10000' } } });
const count = Number(values.dossiers);

const work = mkdtempSync(path.join(tmpdir(), 'bench-ingest-'));
try {
  cpSync(path.join(ROOT, 'tests/fixtures/content'), path.join(work, 'content'), { recursive: true });
  const selection = path.join(work, 'selection', CALL);
  mkdirSync(selection, { recursive: true });
  cpSync(path.join(ROOT, 'selection', CALL, 'mapping.yml'), path.join(selection, 'mapping.yml'));

  // Generate: the sample's dossiers repeated with new numbers (and names), block rows following them.
  const t0 = performance.now();
  const sample = new Excel.Workbook();
  await sample.xlsx.readFile(SAMPLE);
  const dossierIds = sample.getWorksheet('Dossiers')!.getColumn(1).values.slice(2).map(String);
  const copies = Math.ceil(count / dossierIds.length);
  const newId = (id: string, k: number) => String(30_000_000 + k * 100 + dossierIds.indexOf(id));
  const out = new Excel.stream.xlsx.WorkbookWriter({ filename: path.join(selection, 'export.xlsx') });
  for (const sheet of sample.worksheets) {
    const target = out.addWorksheet(sheet.name);
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    const [header, ...body] = rows;
    target.addRow(header!).commit();
    const nameCol = sheet.name === 'Dossiers' ? header!.indexOf('Nom de la solution') : -1;
    for (let k = 0; k < copies; k++) {
      for (const source of body) {
        if (k * dossierIds.length + dossierIds.indexOf(String(source[0])) >= count) continue;
        const copy = [...source];
        copy[0] = newId(String(source[0]), k);
        if (nameCol >= 0) copy[nameCol] = `${String(source[nameCol])} ${k}`;
        target.addRow(copy).commit();
      }
    }
    target.commit();
  }
  await out.commit();
  console.log(`export de ${count} dossiers généré en ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const child = spawnSync(process.execPath, [import.meta.filename], { env: { ...process.env, BENCH_INGEST_ROOT: work }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(child.stderr);
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
  console.log(`ingestion : ${result.read} dossiers lus, ${result.laureates} lauréats, ${result.created} fiches écrites, ${result.errors} erreurs`);
  for (const e of result.firstErrors) console.log(`  erreur : dossier ${e.dossier} : ${e.message}`);
  console.log(`temps : ${(result.ms / 1000).toFixed(2)} s (cible ≤ 10 s ; temps de calcul ${(result.cpuMs / 1000).toFixed(2)} s, tous fils confondus) · mémoire max : ${Math.round(result.maxRssMb)} Mo (cible ≤ 500 Mo)`);
} finally {
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(work);
}
