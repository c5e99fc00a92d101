/**
 * Smoke run of `npm run bench` (100 laureates, no Lighthouse): proves the
 * bench works from a clean clone and writes a complete report. It checks the
 * shape of the figures, never their values (timings belong to the bench).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const out = mkdtempSync(path.join(tmpdir(), 'catalogue-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench (smoke, 100 laureates)', () => {
  it('builds the catalogue and the bare Astro baseline side by side and reports every figure', { timeout: 600_000 }, () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench.ts'), '--sizes', '100', '--no-lighthouse', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status, run.stdout.slice(-2000) + run.stderr.slice(-2000)).toBe(0);
    const files = readdirSync(out);
    expect(files.some((f) => f.endsWith('.md'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(out, files.find((f) => f.endsWith('.json'))!), 'utf8'));
    const r = report.results[0];
    expect(r.laureates).toBe(100);
    for (const run of [r.catalogue.full, r.catalogue.rebuildOneChanged, r.bareAstro, r.bareAstroPlusPagefind]) {
      expect(run.seconds).toBeGreaterThan(0);
      expect(run.peakRssMb).toBeGreaterThan(0);
    }
    expect(r.ratios.fullVsBareAstroPlusPagefind).toBeGreaterThan(0);
    // Where the time went: every phase of a catalogue build found in its log, adding up to the run.
    for (const run of [r.catalogue.full, r.catalogue.rebuildOneChanged]) {
      const phases = run.phases as Array<{ name: string; seconds: number }>;
      expect(phases.map((p) => p.name)).toEqual([
        'ingestion et validation du contenu',
        'synchronisation du contenu (Astro)',
        'compilation (Vite)',
        'pages, données, images de partage',
        'optimisation des images',
        'réduction de la CSS du DSFR',
        'index Pagefind',
        'le reste (sitemap, fin de construction, remplacement de dist/)',
      ]);
      expect(Math.abs(phases.reduce((sum, p) => sum + p.seconds, 0) - run.seconds)).toBeLessThan(0.1);
    }
    expect(r.catalogue.pagefindMb).toBeGreaterThan(0);
    expect(Object.keys(r.pages)).toEqual(['accueil', 'liste', 'laureat', 'categorie', 'recherche']);
    for (const page of Object.values(r.pages) as Array<{ requests: number; htmlCssJsGzipKb: number }>) {
      expect(page.requests).toBeGreaterThan(3);
      expect(page.htmlCssJsGzipKb).toBeGreaterThan(5);
    }
    // Search as you type: the first query loads the index, the next ones reuse it.
    expect(r.search.firstQueryMs).toBeGreaterThan(0);
    expect(r.search.firstQueryKb).toBeGreaterThan(10);
    expect(r.search.nextQueriesMedianMs).toBeGreaterThan(0);
    expect(r.search.nextQueries).toBe(10);
  });
});
