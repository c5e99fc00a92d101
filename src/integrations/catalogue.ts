/**
 * Build-time duties of the catalogue, for `astro dev` and `astro build` alike:
 * 1. copy the DSFR dist files from node_modules to public/dsfr/ (never committed),
 *    with the per-page-kind bundles of core + components (src/lib/dsfr-assets.ts),
 *    and Decap CMS's bundle to public/admin/decap/ (the editing interface, /admin/);
 * 2. validate the whole content folder and list every problem at once —
 *    a build stops, the dev server reports and keeps running;
 * 3. after a build, index the site with Pagefind (French stemming from <html lang>);
 * 4. then write what a production server needs (src/lib/server/): the nginx configuration and the
 *    `_headers` file from the pages' own security policies, and the .br and .gz of every text file.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { CONTENT_DIR } from '../lib/content-paths.ts';
import { BUNDLES, DSFR_VERSION, bundleFiles, bundleScriptSources, type BundleName } from '../lib/dsfr-assets.ts';
import { DECAP_DIR } from '../lib/cms/config.ts';
import { addWords, usedDsfrCss } from '../lib/dsfr-purge.ts';
import { gzipSync } from 'node:zlib';
import { formatProblems } from '../lib/validation/problem.ts';
import { precompress } from '../lib/server/compress.ts';
import { headerPaths, headersFile } from '../lib/server/headers-file.ts';
import { HEADERS_FILE, NGINX_INCLUDE, SERVER_DIR, serverBlock } from '../lib/server/nginx.ts';
import { sitePolicies } from '../lib/server/policy.ts';
import { validateContent } from '../lib/validation/validate-content.ts';

/** The DSFR files the site serves as shipped, relative to @gouvfr/dsfr/dist (the CSS and JS go through bundles). */
export const DSFR_FILES = ['dsfr.print.min.css', 'fonts', 'icons', 'favicon', 'artwork'] as const;

/**
 * Puts a vendor's files in `target` (never committed): `fill` copies them into a
 * private folder that replaces the target in one step, unless the target's
 * stamp already names this `version` (builds may run side by side, e.g. in the
 * tests: a complete copy is never touched).
 */
function installCopy(target: string, version: string, fill: (staging: string) => void): void {
  const stamp = path.join(target, '.version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return;
  const staging = path.join(path.dirname(target), `.${path.basename(target)}-${process.pid}-${Date.now()}`);
  mkdirSync(staging, { recursive: true });
  fill(staging);
  writeFileSync(path.join(staging, '.version'), version);
  if (existsSync(target) && !(existsSync(stamp) && readFileSync(stamp, 'utf8') === version)) {
    rmSync(target, { recursive: true, force: true });
  }
  try {
    renameSync(staging, target);
  } catch {
    // Another build put the same files in place first.
    rmSync(staging, { recursive: true, force: true });
  }
}

const packageDir = (name: string) => path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
const packageVersion = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;

export function copyDsfr(publicDir: string): void {
  const dist = path.join(packageDir('@gouvfr/dsfr'), 'dist');
  const bundles = bundleFiles(dist);
  // The stamp names the version, the files copied and the bundles' content: any change refreshes the copy.
  const hash = createHash('sha256');
  for (const [name, body] of bundles) hash.update(name).update(body);
  const version = `${packageVersion(path.dirname(dist))} ${DSFR_FILES.join(',')} ${hash.digest('hex').slice(0, 16)}`;
  installCopy(path.join(publicDir, 'dsfr'), version, (staging) => {
    for (const item of DSFR_FILES) {
      // Shipped files under their version (dsfrFile in dsfr-assets.ts): an upgrade changes their addresses.
      const to = path.join(staging, DSFR_VERSION, item);
      mkdirSync(path.dirname(to), { recursive: true });
      cpSync(path.join(dist, item), to, { recursive: true, filter: (src) => !src.endsWith('.map') });
    }
    mkdirSync(path.join(staging, 'bundles'), { recursive: true });
    for (const [name, body] of bundles) writeFileSync(path.join(staging, 'bundles', name), body);
  });
}

/**
 * Decap CMS's browser bundle, its chunks and WebAssembly files, served from
 * /admin/decap/ (the /admin/ page loads it: nothing from another host). The
 * `cms.js` copies are the same bundle under its old name, and the source maps
 * weigh 50 MB: both are left out.
 */
export const DECAP_FILE = /^(?:\d+\.)?decap-cms\.js$|\.wasm$|^decap-cms\.js\.LICENSE\.txt$/;

export function copyDecap(publicDir: string): void {
  const pkg = packageDir('decap-cms');
  const dist = path.join(pkg, 'dist');
  const files = readdirSync(dist).filter((f) => DECAP_FILE.test(f)).sort();
  installCopy(path.join(publicDir, DECAP_DIR), `${packageVersion(pkg)} ${files.length}`, (staging) => {
    for (const f of files) cpSync(path.join(dist, f), path.join(staging, f));
  });
}

/** Every file under `dir` whose name ends with `ext`. */
function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Replaces each DSFR bundle's CSS in the built site by the rules its pages
 * can use (src/lib/dsfr-purge.ts): the pages that link it, every script of
 * the site, the readable source of the bundle's DSFR scripts. Returns the
 * sizes, for the build log.
 */
export async function reduceDsfrCss(site: string): Promise<string> {
  const bundles = path.join(site, 'dsfr', 'bundles');
  // Each page is read once: its distinct words go to the bundle it links (a page links one).
  const words = new Map<string, Set<string>>();
  for (const file of filesUnder(site, '.html')) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/href="\/dsfr\/bundles\/([a-z-]+)\.css"/g)) {
      if (!words.has(m[1]!)) words.set(m[1]!, new Set());
      addWords(words.get(m[1]!)!, html);
    }
  }
  const scripts = existsSync(path.join(site, '_astro')) ? filesUnder(path.join(site, '_astro'), '.js').map((f) => readFileSync(f, 'utf8')) : [];
  const ownCss = existsSync(path.join(site, 'css')) ? filesUnder(path.join(site, 'css'), '.css').map((f) => readFileSync(f, 'utf8')) : [];
  const report: string[] = [];
  const dsfr = path.join(packageDir('@gouvfr/dsfr'), 'dist');
  for (const name of Object.keys(BUNDLES) as BundleName[]) {
    const file = `${name}.css`;
    const css = readFileSync(path.join(bundles, file), 'utf8');
    const linking = words.get(name);
    const reduced = linking === undefined ? '' : await usedDsfrCss({ css, words: linking, scripts, ownCss, dsfrJs: bundleScriptSources(dsfr, name) });
    writeFileSync(path.join(bundles, file), reduced);
    const kb = (s: string) => `${(gzipSync(s).length / 1024).toFixed(1)}`;
    report.push(`${file} ${kb(css)} → ${kb(reduced)} Ko gzip`);
  }
  return report.join(', ');
}

/**
 * The production server's files, from the built site's own facts: its pages' security policies
 * (one for the site, one for /admin/; a page that differs stops the build), its folders. Written
 * under dist/ (`_headers`, `_serveur/`), which the nginx configuration refuses to serve.
 */
export function writeServerFiles(site: string): void {
  const pages = filesUnder(site, '.html').map((file) => ({ route: `/${path.relative(site, file).split(path.sep).join('/')}`.replace(/index\.html$/, ''), html: readFileSync(file, 'utf8') }));
  const policies = sitePolicies(pages);
  mkdirSync(path.join(site, SERVER_DIR), { recursive: true });
  writeFileSync(path.join(site, NGINX_INCLUDE), `${serverBlock(policies, { brotli: false })}\n`);
  writeFileSync(path.join(site, NGINX_INCLUDE.replace(/\.conf$/, '-brotli.conf')), `${serverBlock(policies, { brotli: true })}\n`);
  writeFileSync(path.join(site, HEADERS_FILE), headersFile(headerPaths(site), policies));
}

/**
 * Astro keeps the parsed content in its cache (data-store.json) and re-parses
 * it when content.config.ts changes, but not when a schema it imports does:
 * entries would then miss a new field's default. The hash of the schema
 * files, kept beside the cache, drops the cache when they change.
 */
function forgetStaleContent(root: string, cacheDir: string): boolean {
  const hash = createHash('sha256');
  const schemaDir = path.join(root, 'src/schemas');
  for (const file of [path.join(root, 'src/content.config.ts'), ...readdirSync(schemaDir).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(schemaDir, f))]) {
    hash.update(file).update(readFileSync(file));
  }
  const digest = hash.digest('hex');
  const stamp = path.join(cacheDir, 'schemas.sha256');
  const store = path.join(cacheDir, 'data-store.json');
  const stale = existsSync(store) && (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== digest);
  if (stale) rmSync(store, { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stamp, digest);
  return stale;
}

export default function catalogue(): AstroIntegration {
  return {
    name: 'catalogue',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        copyDsfr(fileURLToPath(config.publicDir));
        copyDecap(fileURLToPath(config.publicDir));
        if (command !== 'build' && command !== 'dev') return;
        if (forgetStaleContent(root, fileURLToPath(config.cacheDir))) logger.info('schémas modifiés : le cache du contenu est reconstruit');
        if (!existsSync(path.resolve(root, CONTENT_DIR))) {
          throw new Error(`Dossier de contenu introuvable : ${path.resolve(root, CONTENT_DIR)}`);
        }
        const { problems: all, counts } = await validateContent(root, CONTENT_DIR);
        const problems = all.filter((p) => p.severity !== 'warning');
        const warnings = all.filter((p) => p.severity === 'warning');
        if (warnings.length > 0) logger.warn(`Avertissements sur le contenu (ils n’empêchent pas la publication) :\n\n${formatProblems(warnings)}`);
        if (problems.length === 0) {
          logger.info(`contenu valide : ${counts.calls} appels, ${counts.laureates} lauréats, ${counts.pages} pages`);
          return;
        }
        const report = `Le contenu comporte des erreurs :\n\n${formatProblems(problems)}`;
        logger.error(report);
        if (command === 'build') {
          // An editor's mistake, not a crash: the report above says everything,
          // a stack trace would only hide it. Nothing has been written yet.
          logger.error('Construction interrompue : corrigez ces erreurs puis relancez la commande.');
          process.exit(1);
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const reduced = await reduceDsfrCss(site);
        logger.info(`CSS du DSFR réduite aux règles utilisées : ${reduced}`);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
        if (!index) throw new Error(`Pagefind : ${errors.join(', ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind : ${added.errors.join(', ')}`);
        const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind : ${written.errors.join(', ')}`);
        await pagefind.close();
        logger.info(`index de recherche : ${added.page_count} pages`);
        writeServerFiles(site);
        const compressed = await precompress(site);
        logger.info(`serveur : ${NGINX_INCLUDE}, ${HEADERS_FILE} ; ${compressed.files} fichiers compressés (brotli ${(compressed.bytes / 1024).toFixed(0)} → ${(compressed.brotliBytes / 1024).toFixed(0)} Ko)`);
      },
    },
  };
}
