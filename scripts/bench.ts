/**
 * npm run bench [-- --sizes 1000,5000] [--no-lighthouse] [--out bench/results]
 *
 * Side by side, on this machine, for each size N:
 *  1. the catalogue: N synthetic laureates (every section, 3–6 metrics, a logo
 *     each) added to a temporary copy of the project, full `npm run build`
 *     (ingestion, validation, Astro, Pagefind) — wall time and peak RSS;
 *     then one laureate changed and the build run again (content-layer and
 *     image caches warm);
 *  2. a bare Astro 7 site (bench/baseline/) with N markdown pages of the same
 *     text, built the same way, then indexed by Pagefind;
 *  3. the built catalogue in Chromium: per page type, the requests and the
 *     gzip weight of HTML + CSS + JS (fonts and images apart);
 *  4. Lighthouse scores (performance, accessibility, best practices, SEO).
 * Writes bench/results/<date>.json and .md; the markdown becomes BENCHMARKS.md.
 * A benchmark, not a test: figures and ratios, no pass/fail.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { CHROMIUM_ARGS, chromiumExecutable, launch } from '../tests/e2e/browser.ts';
import { measure, type Run } from './measure.ts';
import { buildPhases } from './phases.ts';
import { resolveFile, serve } from '../tests/e2e/serve.ts';
import { NGINX_MISSING, findNginx, freePort, startNginx } from '../src/lib/server/run-nginx.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CALL = 'solutions-ia-2025';
const TEMPLATE = path.join(ROOT, 'content/laureates', CALL, 'plume.md');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    lighthouse: { type: 'boolean', default: true },
    out: { type: 'string', default: 'bench/results' },
    'keep-work': { type: 'boolean', default: false },
  },
  allowNegative: true,
});
const sizes = values.sizes.split(',').map(Number);
const withLighthouse = values.lighthouse;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = path.join(dir, e.name);
    return sum + (e.isDirectory() ? dirSize(p) : statSync(p).size);
  }, 0);
}

// ---------------------------------------------------------------------------
// Synthetic content
// ---------------------------------------------------------------------------

const WORDS = 'administration usagers dossiers courriers délais qualité agents service public données hébergement souverain modèle langue traitement réponse instruction contrôle accueil territoire collectivité santé sécurité conformité'.split(' ');
const words = (seed: number, n: number) => Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');

function templateParts(): { front: Record<string, unknown>; body: string } {
  const text = readFileSync(TEMPLATE, 'utf8');
  const [, front, body] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/)!;
  return { front: parseYaml(front!) as Record<string, unknown>, body: body! };
}

async function logo(i: number): Promise<Buffer> {
  const hue = (i * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" rx="48" fill="hsl(${hue},55%,40%)"/><circle cx="128" cy="128" r="${50 + (i % 40)}" fill="#fff" opacity="0.85"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const slug = (i: number) => `bench-${String(i).padStart(5, '0')}`;

/** Writes N laureates shaped like a complete real one, each with its own logo. */
async function writeLaureates(project: string, n: number): Promise<string[]> {
  const { front, body } = templateParts();
  const dir = path.join(project, 'content/laureates', CALL);
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  const metrics = front.metrics as Array<Record<string, unknown>>;
  const bodies: string[] = [];
  for (let i = 1; i <= n; i++) {
    const id = slug(i);
    const count = 3 + (i % 4);
    const data: Record<string, unknown> = {
      ...front,
      name: `Solution ${i} ${words(i, 2)}`,
      summary: `Solution de démonstration ${i} : ${words(i, 24)}.`.slice(0, 270),
      metrics: Array.from({ length: count }, (_, k) => ({ ...metrics[k % metrics.length], label: `Indicateur ${k + 1} de la solution ${i}` })),
      logo: { src: `./images/${id}-logo.png`, alt: `Logo de la solution ${i}` },
      screenshots: [],
      selectedOn: new Date(Date.UTC(2025, 5, 1 + (i % 28))),
    };
    delete data.dossierNumber;
    const text = `${body}\n\n${words(i, 120)}.\n`;
    bodies.push(text);
    writeFileSync(path.join(dir, `${id}.md`), `---\n${stringifyYaml(data)}---\n${text}`);
    writeFileSync(path.join(dir, 'images', `${id}-logo.png`), await logo(i));
  }
  return bodies;
}

/** The baseline's pages: the same text as each laureate (front matter values and body), and the same logo. */
function writeBaselinePages(dir: string, project: string, n: number): void {
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  const laureates = path.join(project, 'content/laureates', CALL);
  for (let i = 1; i <= n; i++) {
    const source = readFileSync(path.join(laureates, `${slug(i)}.md`), 'utf8');
    const [, front, body] = source.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/)!;
    const data = parseYaml(front!) as { name: string; logo: { src: string; alt: string } };
    const facts = front!.split('\n').filter((l) => /:\s*\S/.test(l)).map((l) => `- ${l.trim()}`).join('\n');
    cpSync(path.join(laureates, data.logo.src), path.join(dir, data.logo.src));
    writeFileSync(path.join(dir, `${slug(i)}.md`), `---\n${stringifyYaml({ title: data.name, logo: data.logo })}---\n${body}\n\n## Faits\n\n${facts}\n`);
  }
}

// ---------------------------------------------------------------------------
// A project copy
// ---------------------------------------------------------------------------

const SKIP = new Set(['node_modules', 'dist', '.git', '.astro', 'bench', '.dist-staging']);

function copyProject(work: string): string {
  const project = path.join(work, 'project');
  mkdirSync(project, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (SKIP.has(entry)) continue;
    cpSync(path.join(ROOT, entry), path.join(project, entry), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}public${path.sep}dsfr`),
    });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  return project;
}

// ---------------------------------------------------------------------------
// Pages in Chromium: requests and weights; Lighthouse
// ---------------------------------------------------------------------------

const PAGE_TYPES = (laureate: string) => ({
  accueil: '/',
  liste: '/solutions/',
  laureat: `/solutions/${laureate}/`,
  categorie: '/categories/solutions-applicatives/',
  recherche: '/recherche/?q=courrier',
});

interface PageWeight {
  path: string;
  requests: number;
  /** gzip bytes of HTML + CSS + JS, fonts and images apart. */
  htmlCssJsGzipKb: number;
  byType: Record<string, { requests: number; gzipKb: number }>;
}

async function pageWeights(dist: string, laureate: string): Promise<Record<string, PageWeight>> {
  const { server, url } = await serve(dist, { gzip: true });
  const browser = await launch();
  const out: Record<string, PageWeight> = {};
  try {
    for (const [name, route] of Object.entries(PAGE_TYPES(laureate))) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const responses: Array<{ type: string; body: Promise<Buffer> }> = [];
      // Bodies are read from dist/ (Chromium does not always hand over a very large document's body).
      page.on('response', (r) => {
        const file = resolveFile(dist, new URL(r.url()).pathname);
        responses.push({ type: r.request().resourceType(), body: file ? Promise.resolve(readFileSync(file)) : r.body().catch(() => Buffer.alloc(0)) });
      });
      await page.goto(url + route, { waitUntil: 'networkidle' });
      if (name === 'recherche') await page.waitForSelector('#recherche-resultats li', { timeout: 15_000 }).catch(() => undefined);
      const byType: PageWeight['byType'] = {};
      for (const r of responses) {
        const kind = r.type === 'document' ? 'html' : r.type === 'stylesheet' ? 'css' : r.type === 'script' ? 'js' : r.type;
        const gz = gzipSync(await r.body).length;
        byType[kind] ??= { requests: 0, gzipKb: 0 };
        byType[kind].requests += 1;
        byType[kind].gzipKb += gz / 1024;
      }
      for (const t of Object.values(byType)) t.gzipKb = round(t.gzipKb, 1);
      const main = ['html', 'css', 'js'].reduce((s, k) => s + (byType[k]?.gzipKb ?? 0), 0);
      out[name] = { path: route, requests: responses.length, htmlCssJsGzipKb: round(main, 1), byType };
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

/** Queries of the search timing: the first one, then the next ones (each typed in place of the previous). */
const FIRST_QUERY = 'courrier';
const NEXT_QUERIES = ['traduction', 'sécurité', 'collectivité', 'transcription', 'données', 'agents', 'santé', 'code', 'résumé', 'fraude'];

interface SearchTiming {
  /** Keystroke (the query put in the field, as typed) to the first result in the DOM, index not yet loaded. */
  firstQueryMs: number;
  /** Bytes fetched by that first query (on the wire). */
  firstQueryKb: number;
  /** Median, keystroke to results drawn, for the next queries. */
  nextQueriesMedianMs: number;
  nextQueries: number;
}

/** /recherche/ in Chromium: from the query typed to its results in the DOM. */
async function searchTiming(dist: string): Promise<SearchTiming> {
  const { server, url } = await serve(dist, { gzip: true });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}/recherche/`, { waitUntil: 'networkidle' });
    const sizes: Promise<number>[] = [];
    const onResponse = (r: import('playwright-core').Response) => sizes.push(r.request().sizes().then((x) => x.responseBodySize + x.responseHeadersSize, () => 0));
    page.on('response', onResponse);
    const typed = (q: string) =>
      page.evaluate(
        (query) =>
          new Promise<number>((resolve) => {
            const input = document.querySelector<HTMLInputElement>('#recherche-page-champ')!;
            const t0 = performance.now();
            input.value = query;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            // The list says which query its results are for once they are drawn.
            const check = () => {
              if (document.querySelector<HTMLElement>('#recherche-resultats')?.dataset.requete === query) resolve(performance.now() - t0);
              else requestAnimationFrame(check);
            };
            check();
          }),
        q,
      );
    const firstQueryMs = await typed(FIRST_QUERY);
    await page.waitForLoadState('networkidle');
    page.off('response', onResponse);
    const firstQueryKb = (await Promise.all(sizes)).reduce((a, b) => a + b, 0) / 1024;
    const next: number[] = [];
    for (const q of NEXT_QUERIES) next.push(await typed(q));
    next.sort((a, b) => a - b);
    return { firstQueryMs: round(firstQueryMs, 0), firstQueryKb: round(firstQueryKb, 1), nextQueriesMedianMs: round(next[Math.floor(next.length / 2)]!, 0), nextQueries: next.length };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Lighthouse through the production server when this machine has nginx (its caching and its
 * brotli/gzip copies: what a visitor gets); else through the tests' static server, and the report
 * says which.
 */
async function lighthouseServer(dist: string): Promise<{ url: string; via: string; close: () => Promise<void> }> {
  const nginx = findNginx();
  if (nginx) {
    const running = await startNginx({ nginx, root: dist, port: await freePort() });
    return { url: running.url, via: `nginx (${running.brotli ? 'brotli' : 'gzip'})`, close: running.stop };
  }
  console.warn(`Lighthouse sans nginx : ${NGINX_MISSING}`);
  const { server, url } = await serve(dist, { gzip: true });
  return { url, via: 'serveur statique des tests (gzip à la volée, sans en-têtes de cache)', close: async () => void server.close() };
}

async function lighthouseScores(dist: string, laureate: string): Promise<Record<string, Record<string, number> & { failing: string[] }> & { via?: string }> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const { url, via, close } = await lighthouseServer(dist);
  const chrome = await chromeLauncher.launch({
    chromePath: (await chromiumExecutable()).path,
    chromeFlags: CHROMIUM_ARGS,
  });
  const out: Record<string, Record<string, number> & { failing: string[] }> = {};
  console.log(`Lighthouse servi par : ${via}`);
  try {
    const types = PAGE_TYPES(laureate);
    for (const name of ['accueil', 'liste', 'laureat', 'recherche'] as const) {
      const result = await lighthouse(url + types[name], {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const lhr = result!.lhr;
      const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      out[name] = Object.assign(scores, { failing });
    }
  } finally {
    await chrome.kill();
    await close();
  }
  return Object.assign(out, { via });
}

// ---------------------------------------------------------------------------
// One size
// ---------------------------------------------------------------------------

/** A run's figures and where its time went (its stamped lines stay out of the results). */
const timed = ({ lines, ...run }: Run) => ({ ...run, phases: buildPhases(lines, run.seconds * 1000) });

async function benchSize(n: number) {
  const work = mkdtempSync(path.join(tmpdir(), `catalogue-bench-${n}-`));
  try {
    console.log(`\n== ${n} lauréats (${work})`);
    const project = copyProject(work);
    const bodies = await writeLaureates(project, n);
    const env = { CATALOGUE_CACHE_DIR: path.join(work, 'cache'), CATALOGUE_OUT_DIR: path.join(project, 'dist') };

    console.log('catalogue : construction complète…');
    const full = timed(await measure(process.execPath, [path.join(project, 'scripts/build.ts')], project, env, path.join(work, 'build-full.log')));
    const dist = path.join(project, 'dist');
    const sizes = { distMb: round(dirSize(dist) / 1e6, 1), pagefindMb: round(dirSize(path.join(dist, 'pagefind')) / 1e6, 1), pages: n };

    console.log('catalogue : une fiche modifiée, nouvelle construction…');
    const changed = path.join(project, 'content/laureates', CALL, `${slug(1)}.md`);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/^summary: .*$/m, 'summary: Résumé modifié pour mesurer une reconstruction.'));
    const rebuild = timed(await measure(process.execPath, [path.join(project, 'scripts/build.ts')], project, env, path.join(work, 'build-rebuild.log')));

    console.log('Astro nu : construction…');
    const baselineContent = path.join(work, 'baseline-content');
    writeBaselinePages(baselineContent, project, n);
    const baselineDist = path.join(work, 'baseline-dist');
    const astro = path.join(ROOT, 'node_modules/.bin/astro');
    const bare = timed(await measure(astro, ['build', '--root', path.join(ROOT, 'bench/baseline')], ROOT, {
      BENCH_CONTENT_DIR: baselineContent,
      BENCH_OUT_DIR: baselineDist,
      BENCH_CACHE_DIR: path.join(work, 'baseline-cache'),
    }));
    const pagefind = timed(await measure(process.execPath, [path.join(ROOT, 'bench/pagefind-index.ts'), baselineDist], ROOT, {}));
    const bareWithPagefind = { seconds: round(bare.seconds + pagefind.seconds, 2), peakRssMb: Math.max(bare.peakRssMb, pagefind.peakRssMb) };

    console.log('pages dans Chromium…');
    const weights = await pageWeights(dist, slug(2));
    console.log('recherche au fil de la frappe…');
    const search = await searchTiming(dist);
    const lighthouse = withLighthouse ? (console.log('Lighthouse…'), await lighthouseScores(dist, slug(2))) : undefined;
    const textKb = round(bodies.reduce((s, b) => s + b.length, 0) / n / 1024, 1);
    return {
      laureates: n,
      averageBodyKb: textKb,
      catalogue: { full, rebuildOneChanged: rebuild, ...sizes },
      bareAstro: bare,
      bareAstroPlusPagefind: bareWithPagefind,
      ratios: {
        fullVsBareAstroPlusPagefind: round(full.seconds / bareWithPagefind.seconds, 2),
        fullVsBareAstro: round(full.seconds / bare.seconds, 2),
        rebuildVsFull: round(rebuild.seconds / full.seconds, 2),
      },
      pages: weights,
      search,
      lighthouse,
    };
  } finally {
    if (!values['keep-work']) rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

type SizeResult = Awaited<ReturnType<typeof benchSize>>;

function markdown(date: string, machine: string, results: SizeResult[]): string {
  const lines = [
    `# Mesures de performance`,
    '',
    `Mesuré le ${date} sur ${machine}, par \`npm run bench\` (${'`scripts/bench.ts`'}). Les chiffres absolus dépendent de la machine (partagée et bruyante) : les rapports entre le catalogue et Astro nu, construits dans la même exécution, sont les chiffres à suivre.`,
    '',
    '## Construction',
    '',
    '| lauréats | catalogue (complet) | pic mémoire | Astro nu | Astro nu + Pagefind | rapport | reconstruction (1 fiche modifiée) | dist/ | index Pagefind |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.laureates} | ${r.catalogue.full.seconds} s | ${r.catalogue.full.peakRssMb} Mo | ${r.bareAstro.seconds} s (${r.bareAstro.peakRssMb} Mo) | ${r.bareAstroPlusPagefind.seconds} s | ×${r.ratios.fullVsBareAstroPlusPagefind} | ${r.catalogue.rebuildOneChanged.seconds} s (×${r.ratios.rebuildVsFull}) | ${r.catalogue.distMb} Mo | ${r.catalogue.pagefindMb} Mo |`,
    ),
    '',
    'Le catalogue complet comprend l’ingestion (sans export : rien à faire), la validation de tout le contenu, Astro (pages, images, images de partage, données ouvertes, flux) et Pagefind ; la base de comparaison est un site Astro 7 minimal (`bench/baseline/`) avec autant de pages Markdown du même texte et le même logo (optimisé par `astro:assets`, 96 px en 1x et 2x comme sur la fiche), puis indexé par Pagefind.',
    '',
    '## Où va le temps de construction du catalogue',
    '',
    'Phases lues dans le journal de la construction, chaque ligne horodatée à son arrivée (`scripts/phases.ts`).',
    '',
    `| phase | ${results.flatMap((r) => [`${r.laureates} : complète`, `${r.laureates} : reconstruction`]).join(' | ')} |`,
    `| --- | ${results.flatMap(() => ['---:', '---:']).join(' | ')} |`,
    ...[...new Set(results.flatMap((r) => [...r.catalogue.full.phases, ...r.catalogue.rebuildOneChanged.phases].map((p) => p.name)))].map((name) => {
      const cell = (phases: Array<{ name: string; seconds: number }>) => {
        const p = phases.find((x) => x.name === name);
        return p ? `${p.seconds} s` : '—';
      };
      return `| ${name} | ${results.flatMap((r) => [cell(r.catalogue.full.phases), cell(r.catalogue.rebuildOneChanged.phases)]).join(' | ')} |`;
    }),
    '',
  ];
  for (const r of results) {
    lines.push(`## Poids des pages (${r.laureates} lauréats)`, '', '| page | requêtes | HTML + CSS + JS (gzip) | détail |', '| --- | ---: | ---: | --- |');
    for (const [name, w] of Object.entries(r.pages)) {
      const detail = Object.entries(w.byType).map(([k, t]) => `${k} : ${t.requests} (${t.gzipKb} Ko)`).join(', ');
      lines.push(`| ${name} (\`${w.path}\`) | ${w.requests} | ${w.htmlCssJsGzipKb} Ko | ${detail} |`);
    }
    lines.push('');
    lines.push(
      `## Recherche au fil de la frappe (${r.laureates} lauréats)`,
      '',
      '| première requête : frappe → premier résultat | octets chargés par la première requête | requêtes suivantes : médiane frappe → résultats |',
      '| ---: | ---: | ---: |',
      `| ${r.search.firstQueryMs} ms | ${r.search.firstQueryKb} Ko | ${r.search.nextQueriesMedianMs} ms (${r.search.nextQueries} requêtes) |`,
      '',
      'Mesuré dans Chromium, de la requête saisie dans le champ de `/recherche/` à ses résultats dans la page (l’annonce dans la zone de statut attend, elle, une pause de 500 ms dans la frappe).',
      '',
    );
    if (r.lighthouse) {
      const { via, ...pages } = r.lighthouse as typeof r.lighthouse & { via?: string };
      lines.push(`## Lighthouse (${r.laureates} lauréats, profil mobile par défaut, servi par ${via ?? 'le serveur statique des tests'})`, '', '| page | performance | accessibilité | bonnes pratiques | SEO | audits sous 90 |', '| --- | ---: | ---: | ---: | ---: | --- |');
      for (const [name, s] of Object.entries(pages)) {
        lines.push(`| ${name} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${s.failing.join(', ') || '—'} |`);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The bench's part of BENCHMARKS.md, between these markers; what follows them (other measures, written by hand) is kept. */
const GENERATED_END = '<!-- fin des mesures de npm run bench : ce qui suit est écrit à la main et conservé -->';

function withHandWritten(report: string, current: string): string {
  const at = current.indexOf(GENERATED_END);
  return `${report}\n${at === -1 ? `${GENERATED_END}\n` : current.slice(at)}`;
}

const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} cœurs (${cpus()[0]?.model.trim() ?? 'processeur inconnu'}), ${Math.round(totalmem() / 2 ** 30)} Go, Node ${process.versions.node}`;
const results: SizeResult[] = [];
for (const n of sizes) results.push(await benchSize(n));
const outDir = path.resolve(ROOT, values.out);
mkdirSync(outDir, { recursive: true });
const stem = `${date}-${sizes.join('-')}`;
const report = markdown(date, machine, results);
writeFileSync(path.join(outDir, `${stem}.json`), `${JSON.stringify({ date, machine, results }, null, 2)}\n`);
writeFileSync(path.join(outDir, `${stem}.md`), report);
const benchmarks = path.join(ROOT, 'BENCHMARKS.md');
if (sizes.length > 1 || sizes[0]! >= 1000) writeFileSync(benchmarks, withHandWritten(report, existsSync(benchmarks) ? readFileSync(benchmarks, 'utf8') : ''));
console.log(`\n${report}`);
console.log(`Résultats : ${path.relative(ROOT, path.join(outDir, `${stem}.json`))}`);
