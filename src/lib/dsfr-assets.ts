/**
 * The DSFR a page loads: its core and only the components the page kind
 * uses, concatenated as shipped (no minifier touches them) into one CSS and
 * one JS file per kind, plus only the icons the site shows.
 *
 * The order and the dependencies of each component come from the README the
 * DSFR ships beside it (dist/component/<name>/README.md), so a new DSFR
 * version brings its own dependency list. Modern browsers only: the legacy
 * (IE 11) CSS and nomodule scripts are left out.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { THEMATICS } from '../schemas/taxonomy.ts';

/** DSFR components every page shows: header (menu, search), breadcrumb, footer, skip links, display settings. */
const CHROME = ['skiplink', 'header', 'breadcrumb', 'footer', 'display'] as const;

/**
 * The bundles, by page kind. `fiche` serves laureate, editorial, data and
 * search pages; `liste` adds what lists of cards and the facet form need.
 */
export const BUNDLES = {
  fiche: [...CHROME, 'notice', 'callout', 'tag', 'badge', 'content', 'download', 'table'],
  liste: [...CHROME, 'notice', 'callout', 'tag', 'badge', 'card', 'tile', 'form', 'checkbox', 'select', 'pagination'],
  /** The comparisons: the table, the « only differences » toggle, the add box. */
  comparaison: [...CHROME, 'callout', 'badge', 'table', 'form', 'input', 'toggle'],
  /** « Trouver une solution »: the questions (checkboxes, radios, selects, a text field) and the marked shortlist. */
  guide: [...CHROME, 'callout', 'badge', 'form', 'input', 'checkbox', 'radio', 'select'],
} as const satisfies Record<string, readonly string[]>;

export type BundleName = keyof typeof BUNDLES;

/**
 * Scripts a bundle leaves out although its components' READMEs list them:
 * the comparisons use the table without selectable rows (table, checkbox)
 * and the toggle without its « activé / désactivé » labels (toggle); their
 * markup works on CSS alone. 2.4 KB gzip that /comparer/ does not load.
 */
const SCRIPTLESS: Partial<Record<BundleName, ReadonlySet<string>>> = { comparaison: new Set(['table', 'checkbox', 'toggle']) };

/** Dependencies the DSFR lists that this site does not use: the header's language selector (French only). */
const UNUSED_DEPENDENCIES = new Set(['translate']);

/** Icons the site shows (`fr-icon-…`): the interface's and the thematics'. */
export const ICONS: readonly string[] = [
  'fr-icon-theme-fill',
  'fr-icon-building-line',
  'fr-icon-list-unordered',
  'fr-icon-download-line',
  'fr-icon-scales-3-line',
  'fr-icon-add-line',
  'fr-icon-subtract-line',
  'fr-icon-links-line',
  'fr-icon-printer-line',
  'fr-icon-delete-bin-line',
  'fr-icon-close-line',
  'fr-icon-rss-line',
  'fr-icon-mail-line',
  ...THEMATICS.map((t) => t.icon),
];

/** The DSFR's version, from its package: the shipped files are served under a path that names it. */
export const DSFR_VERSION: string = (createRequire(import.meta.url)('@gouvfr/dsfr/package.json') as { version: string }).version;

/**
 * Where the DSFR's files are served as shipped (fonts, icons, artwork, favicons, print CSS):
 * `/dsfr/<version>/`, so that a server may cache them for a year (immutable) — a new version is a
 * new path. The bundles (/dsfr/bundles/) are the site's own assembly, reduced after each build:
 * they keep one address and are revalidated.
 */
export const DSFR_SHIPPED_BASE = `/dsfr/${DSFR_VERSION}/`;
export const dsfrFile = (file: string) => `${DSFR_SHIPPED_BASE}${file}`;

export const bundleHref = (name: BundleName, ext: 'css' | 'js') => `/dsfr/bundles/${name}.${ext}`;
export const ICONS_HREF = '/dsfr/bundles/icones.css';

interface Parts {
  /** CSS files, relative to dist/, in load order. */
  css: string[];
  /** Module scripts, relative to dist/, in load order. */
  js: string[];
}

/** Reads a component's README: the CSS and module scripts it needs, in the DSFR's order. */
export function componentParts(dist: string, component: string): Parts {
  const readme = path.join(dist, 'component', component, 'README.md');
  if (!existsSync(readme)) throw new Error(`DSFR : composant « ${component} » introuvable (${readme}).`);
  const text = readFileSync(readme, 'utf8');
  const css = [...text.matchAll(/href="css\/([a-z-]+)\/\1\.min\.css"/g)].map((m) => m[1]!);
  const js = [...text.matchAll(/src="js\/([a-z-]+)\/\1\.module\.min\.js"/g)].map((m) => m[1]!);
  if (!css.includes(component)) throw new Error(`DSFR : le README de « ${component} » ne cite pas sa feuille de style.`);
  const folder = (name: string) => (name === 'core' || name === 'scheme' ? name : `component/${name}`);
  const cssFile = (name: string) => {
    const main = `${folder(name)}/${name}.main.min.css`;
    return existsSync(path.join(dist, main)) ? main : `${folder(name)}/${name}.min.css`;
  };
  return { css: css.map(cssFile), js: js.map((name) => `${folder(name)}/${name}.module.min.js`) };
}

/**
 * The files of a bundle: each component's parts in order, each file once. A module whose script a
 * README lists brings its stylesheet too: the display settings' README names the scheme's script
 * (the light/dark switch) but not `scheme.min.css`, which holds the dark palette — without it
 * `data-fr-theme="dark"` changes nothing on screen.
 */
export function bundleParts(dist: string, components: readonly string[]): Parts {
  const css = new Set<string>();
  const js = new Set<string>();
  for (const c of components) {
    const parts = componentParts(dist, c);
    const used = (f: string) => !UNUSED_DEPENDENCIES.has(path.posix.basename(path.posix.dirname(f)));
    parts.css.filter(used).forEach((f) => css.add(f));
    parts.js.filter(used).forEach((f) => {
      js.add(f);
      const module = path.posix.dirname(f);
      const style = `${module}/${path.posix.basename(module)}.min.css`;
      if (module === 'scheme' && existsSync(path.join(dist, style))) css.add(style);
    });
  }
  return { css: [...css], js: [...js] };
}

/** Rewrites the relative `url()`s of a DSFR stylesheet to absolute paths under /dsfr/<version>/. */
export function absoluteUrls(css: string, fileInDist: string): string {
  const dir = path.posix.dirname(fileInDist);
  return css.replace(/url\((['"]?)([^)'"]+)\1\)/g, (whole, quote: string, ref: string) => {
    if (/^(data:|https?:|\/|#)/.test(ref)) return whole;
    return `url(${quote}${dsfrFile(path.posix.normalize(path.posix.join(dir, ref)))}${quote})`;
  });
}

/** The CSS of a bundle: the files concatenated, URLs made absolute. */
export function bundleCss(dist: string, parts: Parts): string {
  return parts.css.map((f) => `/* ${f} */\n${absoluteUrls(readFileSync(path.join(dist, f), 'utf8'), f)}`).join('\n');
}

/**
 * The JS of a bundle: each DSFR module in its own block, so that their
 * top-level `const`s do not collide (they share nothing but window.dsfr).
 */
export function bundleJs(dist: string, parts: Parts): string {
  return parts.js
    .map((f) => {
      const code = readFileSync(path.join(dist, f), 'utf8');
      if (/^\s*(import|export)\b/m.test(code)) throw new Error(`DSFR : ${f} importe ou exporte : il ne peut pas être regroupé.`);
      return `/* ${f} */\n{\n${code}\n}`;
    })
    .join('\n');
}

/** Only the icons the site shows, taken from the DSFR's icon stylesheet. */
export function iconsCss(dist: string, icons: readonly string[]): string {
  const file = 'utility/icons/icons.main.min.css';
  const all = readFileSync(path.join(dist, file), 'utf8');
  const rules = [...new Set(icons)].map((icon) => {
    const escaped = icon.replace(/[-]/g, '\\-');
    const rule = all.match(new RegExp(`\\.${escaped}:after,\\.${escaped}:before\\{[^}]*\\}`));
    if (!rule) throw new Error(`DSFR : icône « ${icon} » introuvable dans ${file}.`);
    return rule[0];
  });
  return absoluteUrls(rules.join('\n'), file);
}

/** Every file to write under public/dsfr/bundles/, by name. */
/** The files of a bundle as it is served (its scriptless components' scripts left out). */
function servedParts(dist: string, name: BundleName): Parts {
  const parts = bundleParts(dist, BUNDLES[name]);
  const skipped = SCRIPTLESS[name];
  if (skipped) parts.js = parts.js.filter((f) => !skipped.has(path.posix.basename(path.posix.dirname(f))));
  return parts;
}

/**
 * The readable (unminified) source of a bundle's DSFR scripts: where the
 * classes, attributes and states they create are named (src/lib/dsfr-purge.ts).
 */
export function bundleScriptSources(dist: string, name: BundleName): string {
  return servedParts(dist, name).js.map((f) => readFileSync(path.join(dist, f.replace(/\.min\.js$/, '.js')), 'utf8')).join('\n');
}

export function bundleFiles(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of Object.keys(BUNDLES) as BundleName[]) {
    const parts = servedParts(dist, name);
    files.set(`${name}.css`, bundleCss(dist, parts));
    files.set(`${name}.js`, bundleJs(dist, parts));
  }
  files.set('icones.css', iconsCss(dist, ICONS));
  return files;
}
