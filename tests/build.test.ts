/**
 * Builds the fixture content set with the real Astro build and checks the
 * pages a reader needs exist with their key content; then checks that invalid
 * content stops the build with the friendly report.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/run.ts';
import { sampleSheets, writeXlsx } from './export-writers.ts';
import { CALL, LAUREATES, ZIP } from './ingest-helpers.ts';
import { privateValues } from './private-values.ts';
import { RESERVED_LAUREATE_SLUGS } from '../src/lib/slug.ts';
import { javaForNu, nuCheckSite } from './w3c.ts';
import { dsfrFile } from '../src/lib/dsfr-assets.ts';

const nuJava = javaForNu();
if ('skip' in nuJava) console.warn(nuJava.skip);

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

/** The fixture content, in a git repository of its own with two commits: the fiches' history reads it. */
const content = path.join(work, 'content');
function gitRepository() {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Éditrice', GIT_AUTHOR_EMAIL: 'editrice@exemple.fr', GIT_COMMITTER_NAME: 'Éditrice', GIT_COMMITTER_EMAIL: 'editrice@exemple.fr' };
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-C', content, ...args], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} : ${r.stderr}`);
  };
  cpSync(path.join(ROOT, 'tests/fixtures/content'), content, { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'Fixture content', '--date', '2026-11-01T10:00:00');
  const fiche = path.join(content, 'laureates/solutions-ia-2025/fixture-inferis.md');
  writeFileSync(fiche, readFileSync(fiche, 'utf8').replace('Export complet des journaux', 'Export complet des journaux et des modèles'));
  git('commit', '-q', '-am', 'Update inferis\n\nFiche : Conditions de sortie précisées', '--date', '2026-11-22T10:00:00');
}

beforeAll(() => {
  gitRepository();
  result = build(content, out);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('build of the fixture content set', () => {
  it('a fiche shows its history from its file’s git log, newest first, without authors, and its last review', () => {
    const html = page('solutions/fixture-inferis');
    const history = html.slice(html.indexOf('id="titre-historique"'), html.indexOf('id="titre-signaler"'));
    expect(history).toContain('<time datetime="2026-11-22">22 novembre 2026</time> — Conditions de sortie précisées');
    expect(history).toContain('<time datetime="2026-11-01">1 novembre 2026</time> — Publication de la fiche');
    expect(history.indexOf('2026-11-22')).toBeLessThan(history.indexOf('2026-11-01'));
    expect(history).not.toMatch(/Éditrice|editrice@/);
    expect(html).toMatch(/Dernière revue de la fiche<\/dt>\s*<dd>22 novembre 2026/);
  });

  it('« Comment y accéder »: the route, reversibility, contact, the reminder of article 2; « vérifié » with its date and source; a report link naming the fiche', () => {
    const html = page('solutions/fixture-inferis');
    expect(html).toContain('Comment y accéder');
    expect(html).toContain('href="https://centrale.example.fr/offres/fix-2026-001"');
    expect(html).toContain('Être lauréat n’est pas une préqualification');
    expect(html).toMatch(/Vérifié le&nbsp;<time datetime="2026-11-21">21 novembre 2026<\/time>/);
    expect(html).toContain('href="https://cyber.gouv.fr/prestataires-de-service-qualifies"');
    expect(html).toContain('Déclaré par la structure dans sa candidature');
    const mailto = /href="(mailto:[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const subject = new URLSearchParams(mailto.split('?')[1]).get('subject');
    expect(subject).toBe('Signalement sur la fiche « Fixture Inferis » — https://catalogue.example.gouv.fr/solutions/fixture-inferis/');
    // A 2019 project: no 2025 reminder, no route section when it says nothing of reuse.
    expect(page('solutions/fixture-dgs')).not.toContain('Être lauréat n’est pas une préqualification');
    // The open data carries the routes and the verifications.
    const data = JSON.parse(readFileSync(path.join(out, 'donnees/laureats.json'), 'utf8'));
    const inferis = data.laureates.find((l: { id: string }) => l.id === 'fixture-inferis');
    expect(inferis.access.routes[0]).toMatchObject({ kind: 'centrale-achat', checkedOn: '2026-11-20' });
    expect(inferis.verifications).toEqual([{ field: 'dataSecurity.secNumCloud', on: '2026-11-21', source: 'https://cyber.gouv.fr/prestataires-de-service-qualifies' }]);
    expect(readFileSync(path.join(out, 'donnees/laureats-voies-acces.csv'), 'utf8')).toContain('fixture-inferis,1,centrale-achat');
    // …and they validate against the published schema.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(out, 'donnees/schema/laureat.schema.json'), 'utf8')));
    expect(validate(inferis), JSON.stringify(validate.errors)).toBe(true);
  });

  it('succeeds', () => {
    expect(result.stderr + result.stdout).toContain('Complete!');
    expect(result.status).toBe(0);
  });

  it.skipIf('skip' in nuJava)('RGAA 8.2: every page passes the W3C Nu Html Checker (tests/w3c.ts)', async () => {
    const problems = await nuCheckSite((nuJava as { java: string }).java, out);
    expect(Object.keys(problems).length).toBeGreaterThanOrEqual(30);
    expect(Object.entries(problems).filter(([, p]) => p.length > 0)).toEqual([]);
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
    expect(existsSync(path.join(out, 'dsfr/bundles/fiche.css'))).toBe(true);
    expect(existsSync(path.join(out, 'dsfr/bundles/liste.js'))).toBe(true);
    expect(existsSync(path.join(out, dsfrFile('fonts/Marianne-Regular.woff2')))).toBe(true);
    // What a production server needs, written beside the site (src/lib/server/).
    expect(readFileSync(path.join(out, '_serveur/nginx.conf'), 'utf8')).toContain("frame-ancestors 'none'");
    expect(readFileSync(path.join(out, '_headers'), 'utf8')).toContain('/_astro/*\n');
    expect(existsSync(path.join(out, 'solutions/fixture-inferis/index.html.br'))).toBe(true);
    expect(existsSync(path.join(out, 'solutions/fixture-inferis/index.html.gz'))).toBe(true);
  });

  it('takes the public address from PUBLIC_SITE_URL: canonical, feeds, sitemap, robots.txt, open data', () => {
    const site = 'https://catalogue.example.gouv.fr';
    expect(page('solutions/fixture-inferis')).toContain(`<link rel="canonical" href="${site}/solutions/fixture-inferis/">`);
    expect(page('solutions/fixture-inferis')).toContain(`<meta property="og:image" content="${site}/partage/solutions/fixture-inferis.png">`);
    expect(readFileSync(path.join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${site}/sitemap-index.xml`);
    expect(readFileSync(path.join(out, 'sitemap-index.xml'), 'utf8')).toContain(`<loc>${site}/sitemap-0.xml</loc>`);
    expect(readFileSync(path.join(out, 'flux/laureats.xml'), 'utf8')).toContain(`<link>${site}/solutions/fixture-inferis/</link>`);
    const data = JSON.parse(readFileSync(path.join(out, 'donnees/laureats.json'), 'utf8'));
    expect(data.laureates.map((l: { url: string }) => l.url).sort()).toEqual(
      ['fixture-courrier', 'fixture-dgs', 'fixture-inferis'].map((id) => `${site}/solutions/${id}/`),
    );
    const allText = readdirRecursive(out).filter((f) => /\.(html|xml|json|jsonld|csv|txt)$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(allText).not.toContain('catalogue-ia.numerique.gouv.fr');
  });

  it('renders a laureate page in French DSFR with its facts', () => {
    const html = page('solutions/fixture-inferis');
    expect(html).toMatch(/<html lang="fr" data-fr-scheme="system"/);
    expect(html).toContain('<title>Fixture Inferis — Catalogue des lauréats IA de l’État</title>');
    expect(html).toContain('class="fr-header fr-no-print"');
    expect(html).toContain('class="fr-footer fr-no-print"');
    expect(html).toContain('class="fr-skiplinks fr-no-print"');
    expect(html).toContain('Fiche de démonstration');
    expect(html).toContain('<caption id="indicateurs-titre">Indicateurs d’impact de Fixture Inferis (2 indicateurs)</caption>');
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
    expect(page('solutions')).toContain('<p id="liste-statut" role="status" class="fr-text--lg fr-mb-1w">3 solutions</p>');
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
    expect(output).toMatch(/✗ ligne \d+ · category : valeur « briques » inconnue \(Catégorie de l’appel 2025\)/);
    expect(output).toContain('attendu : une de ces valeurs : solutions-applicatives, briques-technologiques');
    expect(output).toContain('correction : vouliez-vous dire « briques-technologiques » ?');
    expect(output).not.toContain('Stack trace');
    expect(existsSync(path.join(brokenOut, 'index.html'))).toBe(false);
  });
});

describe('build of ingested content', () => {
  const LONG_NAME = `Établi ${'plateforme d’assistance à la production et à l’optimisation du code des équipes '.repeat(3)}publiques`;
  const HOSTILE = '<script>alert("x")</script>\n# Titre injecté\n---\n[lien](javascript:alert(1)) https://evil.example/ contact@evil.example';
  let html: string;
  let dist: string;

  beforeAll(async () => {
    const root = path.join(work, 'ingested');
    cpSync(path.join(ROOT, 'tests/fixtures/content'), path.join(root, 'content'), { recursive: true });
    const selection = path.join(root, 'selection', CALL);
    cpSync(path.join(ROOT, 'selection', CALL, 'mapping.yml'), path.join(selection, 'mapping.yml'));
    // Shaped like the real export: the first dossier (by deposit) is not processed, so DS's
    // writer leaves the date columns unformatted (Excel serials); thematics across categories;
    // a name over 200 characters.
    const sheets = await sampleSheets();
    const d = sheets.find((x) => x.name === 'Dossiers')!;
    const col = (h: string) => d.headers.indexOf(h);
    const row = (id: number) => d.rows.find((r) => r[0] === id)!;
    row(22811437)[col('Description de la solution')] = HOSTILE;
    row(22811437)[col('Thématiques')] = 'Agents conversationnels, Bases de données vectorielles (RAG, API), Autre';
    row(22940093)[col('Nom de la solution')] = LONG_NAME;
    d.rows.unshift(...d.rows.splice(d.rows.findIndex((r) => r[col('Traité le')] === ''), 1));
    writeFileSync(path.join(selection, 'export.xlsx'), await writeXlsx(sheets, 'first-row'));
    writeFileSync(path.join(selection, 'pieces.zip'), readFileSync(ZIP));
    // A laureate withdrawn by the editors: it must not appear anywhere, exports included.
    const withdrawn = readFileSync(path.join(root, 'content/laureates/solutions-ia-2025/fixture-courrier.md'), 'utf8')
      .replace(/^name: .*$/m, 'name: Solution retirée du catalogue')
      .replace(/^---\n/, '---\npublished: false\n');
    writeFileSync(path.join(root, 'content/laureates/solutions-ia-2025/fixture-retiree.md'), withdrawn);
    const { exitCode, reports } = await ingest({ root, contentDir: 'content' });
    expect(reports[0]!.errors).toEqual([]);
    expect(reports[0]!.created).toHaveLength(LAUREATES.length);
    expect(exitCode).toBe(0);
    dist = path.join(work, 'ingested-dist');
    const built = build(path.join(root, 'content'), dist);
    expect(built.status, built.stdout + built.stderr).toBe(0);
    html = readFileSync(path.join(dist, 'solutions/plume/index.html'), 'utf8');
  });

  it.skipIf('skip' in nuJava)('RGAA 8.2: every page, applicants’ texts included, passes the W3C Nu Html Checker', async () => {
    const problems = await nuCheckSite((nuJava as { java: string }).java, dist);
    expect(Object.entries(problems).filter(([, p]) => p.length > 0)).toEqual([]);
  });

  it('renders applicant text as text: no script, heading, rule or link from it', () => {
    const description = html.slice(html.indexOf('id="titre-description"'), html.indexOf('id="titre-impact"'));
    expect(description).toContain('&lt;script&gt;alert(');
    expect(description).toContain('# Titre injecté');
    expect(description).toContain('[lien](javascript:alert(1))');
    expect(description).not.toMatch(/<(script|h1|hr|a)\b/);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('href="https://evil.example');
    expect(html).not.toContain('mailto:contact@evil.example');
  });

  it('publishes every ingested laureate with its images, every thematic it declared and its whole name', () => {
    expect(html).toMatch(/<h1 class="fr-mb-0"[^>]*>Plume<\/h1>/);
    expect(html).toMatch(/<img[^>]+alt="Logo de Plume"/);
    expect(existsSync(path.join(dist, 'solutions/sentinelle/index.html'))).toBe(true);
    // Plume is a « solution applicative » that declared a RAG thematic: it is on that thematic's page.
    for (const thematic of ['agents-conversationnels', 'bases-vectorielles', 'autre']) {
      expect(readFileSync(path.join(dist, `thematiques/${thematic}/index.html`), 'utf8'), thematic).toContain('href="/solutions/plume/"');
    }
    const long = readdirSync(path.join(dist, 'solutions')).find((n) => n.startsWith('etabli-'))!;
    const page = readFileSync(path.join(dist, 'solutions', long, 'index.html'), 'utf8');
    expect(page).toContain(`>${LONG_NAME}</h1>`);
    expect(page).toContain(`<title>${LONG_NAME}`);
    const data = JSON.parse(readFileSync(path.join(dist, 'donnees/laureats.json'), 'utf8'));
    expect(data.laureates.map((l: { name: string }) => l.name)).toContain(LONG_NAME);
  });

  it('shows no DS dossier number on any page', () => {
    const pages = readdirRecursive(dist).filter((f) => f.endsWith('.html'));
    for (const f of pages) {
      const text = readFileSync(f, 'utf8');
      for (const n of LAUREATES) expect(text, `${path.relative(dist, f)} : dossier ${n}`).not.toContain(String(n));
    }
  });

  it('exports exactly the published laureates, and neither dossier numbers nor withdrawn entries', () => {
    const data = JSON.parse(readFileSync(path.join(dist, 'donnees/laureats.json'), 'utf8'));
    const ids: string[] = data.laureates.map((l: { id: string }) => l.id);
    // Every folder of /solutions/ is a fiche, but the listing's own (its later pages and its data).
    const pages = readdirSync(path.join(dist, 'solutions'), { withFileTypes: true }).filter((e) => e.isDirectory() && !RESERVED_LAUREATE_SLUGS.includes(e.name)).map((e) => e.name);
    expect([...ids].sort()).toEqual([...pages].sort());
    expect(ids).toEqual(expect.arrayContaining(['plume', 'sentinelle', 'fixture-courrier']));
    expect(ids).not.toContain('fixture-retiree');
    const exports = ['donnees/laureats.json', 'donnees/laureats.csv', 'donnees/laureats-indicateurs.csv', 'donnees/laureats-references.csv', 'donnees/catalogue.jsonld', 'flux/laureats.xml', 'flux/solutions-ia-2025.xml']
      .map((f) => readFileSync(path.join(dist, f), 'utf8'))
      .join('\n');
    expect(exports).toContain('Plume');
    expect(exports).not.toContain('Solution retirée du catalogue');
    expect(exports).not.toContain('fixture-retiree');
    for (const n of LAUREATES) expect(exports, `dossier ${n}`).not.toContain(String(n));
    for (const value of privateValues()) expect(exports, value).not.toContain(value);
  });

  it('leaks no private value of the export anywhere in the site', () => {
    const files = readdirRecursive(dist).filter((f) => /\.(html|xml|json|jsonld|csv|txt|js|css)$/.test(f));
    const site = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const value of privateValues()) expect(site, value).not.toContain(value);
  });
});

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? readdirRecursive(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
