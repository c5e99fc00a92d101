/**
 * Builds the fixture content set with the real Astro build and checks the
 * pages a reader needs exist with their key content; then checks that invalid
 * content stops the build with the friendly report.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const ASTRO = path.join(ROOT, 'node_modules/.bin/astro');
const work = mkdtempSync(path.join(tmpdir(), 'catalogue-build-'));

function build(contentDir: string, outDir: string) {
  return spawnSync(ASTRO, ['build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      CATALOGUE_CONTENT_DIR: contentDir,
      CATALOGUE_OUT_DIR: outDir,
      CATALOGUE_CACHE_DIR: path.join(work, 'cache-' + path.basename(outDir)),
      PUBLIC_SITE_URL: 'https://catalogue.example.gouv.fr',
      NO_COLOR: '1',
    },
  });
}

const out = path.join(work, 'dist');
const page = (route: string) => readFileSync(path.join(out, route, 'index.html'), 'utf8');
let result: ReturnType<typeof build>;

beforeAll(() => {
  result = build(path.join(ROOT, 'tests/fixtures/content'), out);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('build of the fixture content set', () => {
  it('succeeds', () => {
    expect(result.stderr + result.stdout).toContain('Complete!');
    expect(result.status).toBe(0);
  });

  it('writes every route', () => {
    for (const route of [
      '',
      'solutions',
      'solutions/fixture-inferis',
      'solutions/fixture-courrier',
      'solutions/fixture-dgs',
      'categories/solutions-applicatives',
      'categories/briques-technologiques',
      'thematiques/inference-optimisation',
      'thematiques/autre',
      'appels/solutions-ia-2025',
      'appels/ami-ia-2019',
      'plan-du-site',
      'a-propos',
    ]) {
      expect(existsSync(path.join(out, route, 'index.html')), route).toBe(true);
    }
    expect(existsSync(path.join(out, '404.html'))).toBe(true);
    expect(existsSync(path.join(out, 'dsfr/dsfr.min.css'))).toBe(true);
    expect(existsSync(path.join(out, 'dsfr/fonts/Marianne-Regular.woff2'))).toBe(true);
  });

  it('renders a laureate page in French DSFR with its facts', () => {
    const html = page('solutions/fixture-inferis');
    expect(html).toMatch(/<html lang="fr" data-fr-scheme="system"/);
    expect(html).toContain('<title>Fixture Inferis — Catalogue des lauréats IA de l’État</title>');
    expect(html).toContain('class="fr-header"');
    expect(html).toContain('class="fr-footer"');
    expect(html).toContain('class="fr-skiplinks"');
    expect(html).toContain('Fiche de démonstration');
    expect(html).toContain('<caption>Indicateurs d’impact de Fixture Inferis (2 indicateurs)</caption>');
    expect(html).toContain('<th scope="col">Niveau de preuve</th>');
    expect(html).toContain('Qualifié SecNumCloud');
    expect(html).toContain('40\u202f000\u00a0€ HT');
    expect(html).toMatch(/<img[^>]+alt="Logo d’Inferis"/);
    expect(html).toContain('href="/categories/briques-technologiques/"');
    expect(html).toContain('href="/appels/solutions-ia-2025/"');
    expect(html).toContain('<link rel="canonical" href="https://catalogue.example.gouv.fr/solutions/fixture-inferis/"');
  });

  it('shows a 2019 project without the commercial sections, with its sources', () => {
    const html = page('solutions/fixture-dgs');
    expect(html).toContain('Administration porteuse');
    expect(html).not.toContain('Coûts</h2>');
    expect(html).toContain('Intelligence artificielle : 15 nouveaux projets vont être expérimentés dans les administrations');
    expect(html).toContain('href="https://github.com/numerique-gouv/ami-ia-dgs"');
  });

  it('lists laureates on the listing, category, thematic and call pages', () => {
    expect(page('solutions')).toContain('3 lauréats publiés');
    expect(page('categories/briques-technologiques')).toContain('href="/solutions/fixture-inferis/"');
    expect(page('categories/briques-technologiques')).not.toContain('href="/solutions/fixture-courrier/"');
    expect(page('thematiques/autre')).toContain('href="/solutions/fixture-courrier/"');
    const call = page('appels/ami-ia-2019');
    expect(call).toContain('href="/solutions/fixture-dgs/"');
    expect(call).toContain('<q>pertinence du défi technique</q>');
    expect(call).toContain('4 juillet 2019');
  });

  it('gives every page a unique title', () => {
    const routes = ['', 'solutions', 'solutions/fixture-inferis', 'categories/solutions-applicatives', 'thematiques/autre', 'appels/ami-ia-2019', 'plan-du-site', 'a-propos'];
    const titles = routes.map((r) => page(r).match(/<title>(.*?)<\/title>/)?.[1]);
    expect(new Set(titles).size).toBe(routes.length);
  });
});

describe('build of invalid content', () => {
  it('stops with every problem, naming file, field and fix, and writes no site', () => {
    const content = path.join(work, 'broken-content');
    cpSync(path.join(ROOT, 'tests/fixtures/content'), content, { recursive: true });
    const file = path.join(content, 'laureates/solutions-ia-2025/fixture-inferis.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('category: briques-technologiques', 'category: briques'));
    const brokenOut = path.join(work, 'broken-dist');
    const failed = build(content, brokenOut);
    const output = failed.stdout + failed.stderr;
    expect(failed.status).not.toBe(0);
    expect(output).toContain('laureates/solutions-ia-2025/fixture-inferis.md');
    expect(output).toContain('✗ category : valeur « briques » inconnue (Catégorie de l’appel 2025)');
    expect(output).toContain('attendu : une de ces valeurs : solutions-applicatives, briques-technologiques');
    expect(output).toContain('correction : vouliez-vous dire « briques-technologiques » ?');
    expect(output).not.toContain('Stack trace');
    expect(existsSync(path.join(brokenOut, 'index.html'))).toBe(false);
  });
});
