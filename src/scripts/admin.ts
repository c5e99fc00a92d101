/**
 * /admin/: starts Decap CMS (served from /admin/decap/, copied from
 * node_modules at build time) with the configuration the page carries,
 * generated from the schema (src/lib/cms/config.ts). Registers the file
 * format that changes only what the editor changed (src/lib/cms/format.ts)
 * and completes the French locale. The DSFR page stays until the editor
 * opens the interface (or arrives on one of its addresses, #/…).
 */
import type { ConfigField, FieldShape } from '../lib/cms/format.ts';
import type { Phrases } from '../lib/cms/locale-fr.ts';
import type { PreviewCall } from '../lib/cms/preview.ts';
import type { FactRow } from '../lib/view/laureate.ts';

interface Collection {
  name: string;
  format: string;
  extension: string;
  fields: ConfigField[];
}
/** React's createElement, which Decap's bundle exposes as `h` for preview templates. */
type H = (tag: string, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
interface PreviewProps {
  entry: { get(key: 'data'): { toJS(): Record<string, unknown> } };
  widgetFor(name: string): unknown;
}
interface Decap {
  registerPreviewTemplate(collection: string, template: (props: PreviewProps) => unknown): void;
  registerPreviewStyle(href: string): void;
  registerCustomFormat(name: string, extension: string, format: { fromFile: (text: string) => unknown; toFile: (data: Record<string, unknown>) => string }): void;
  registerLocale(locale: string, phrases: Phrases): void;
  getLocale(locale: string): Phrases | undefined;
  init(options: { config: unknown }): void;
}
declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: Decap;
    h?: H;
  }
}

/** The preview of a fiche: what to fix before publishing, then the fiche as the site shows it (DSFR styles). */
function previewTemplate(h: H, fichePreview: typeof import('../lib/cms/preview.ts').fichePreview, call: PreviewCall, tree: FieldShape[]) {
  const list = (rows: readonly FactRow[]) =>
    h('dl', { className: 'apercu-faits' }, ...rows.flatMap((r) => [h('dt', { key: `t${r.term}` }, r.term), h('dd', { key: `d${r.term}` }, r.items ? r.items.join(', ') : r.value)]));
  return ({ entry, widgetFor }: PreviewProps) => {
    const p = fichePreview(entry.get('data').toJS(), call, tree);
    const n = p.problems.length;
    return h(
      'div',
      { className: 'fr-container fr-my-4w', lang: 'fr' },
      h('p', { className: 'fr-badge fr-badge--info fr-mb-2w' }, 'Aperçu de la fiche'),
      h('h1', null, p.name),
      p.summary ? h('p', { className: 'fr-text--lead' }, p.summary) : null,
      h(
        'div',
        { className: `fr-callout ${n > 0 ? 'fr-callout--orange-terre-battue' : 'fr-callout--green-emeraude'}` },
        h('p', { className: 'fr-callout__title' }, n === 0 ? 'Rien à corriger : la fiche passera le contrôle.' : `${n} point${n > 1 ? 's' : ''} à corriger avant la publication`),
        n > 0 ? h('ul', null, ...p.problems.map((x, i) => h('li', { key: i }, h('strong', null, `${x.where} : `), x.message, x.hint ? ` — ${x.hint}` : ''))) : null,
      ),
      p.facts ? h('h2', { className: 'fr-h4 fr-mt-4w' }, 'En bref') : null,
      p.facts ? list(p.facts) : null,
      h('h2', { className: 'fr-h4 fr-mt-4w' }, 'Description'),
      widgetFor('body'),
      ...(p.sections ?? []).map((s) => h('section', { key: s.id }, h('h2', { className: 'fr-h4 fr-mt-4w' }, s.title), ...(s.paragraphs ?? []).map((t, i) => h('p', { key: i }, t)), list(s.rows))),
    );
  };
}

/** The configuration Decap validates: without the keys only our writer reads. */
function forDecap<T>(value: T): T {
  if (Array.isArray(value)) return value.map(forDecap) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'yaml_style').map(([k, v]) => [k, forDecap(v)])) as T;
  return value;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} n’a pas pu être chargé`));
    document.head.append(script);
  });
}

let started = false;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

async function start(): Promise<void> {
  if (started) return;
  started = true;
  const page = JSON.parse(document.getElementById('cms-configuration')!.textContent!) as {
    /** Where the configuration is: fetched now, not with the page. */
    configuration: string;
    script: string;
    /** Whether a forge is configured; without one, only the local proxy (npm run edit) can save. */
    forge: boolean;
  };

  const status = document.getElementById('edition-statut')!;
  if (!page.forge && !LOOPBACK.has(location.hostname)) {
    // Without a forge, saving goes through the local proxy of the editor's own machine: not from this site.
    status.textContent = 'L’édition en ligne n’est pas configurée pour ce site. Les fiches se modifient avec npm run edit sur un poste de l’équipe (voir le guide de l’éditeur, GUIDE-EDITEUR.md).';
    started = false;
    return;
  }
  status.textContent = 'Chargement de l’interface d’édition…';
  window.CMS_MANUAL_INIT = true;
  // The writer, the preview's checks (zod, the view models) and the phrases load with the CMS, not with the page.
  let modules: [typeof import('../lib/cms/format.ts'), typeof import('../lib/cms/locale-fr.ts'), typeof import('../lib/cms/preview.ts')];
  let data: {
    config: { collections: Collection[] };
    /** The call of each collection of fiches, for their preview. */
    previewCalls: Record<string, PreviewCall>;
    previewStyles: string[];
  };
  try {
    const configuration = fetch(page.configuration).then((r) => {
      if (!r.ok) throw new Error(`${page.configuration} : ${r.status}`);
      return r.json() as Promise<typeof data>;
    });
    [modules, data] = await Promise.all([
      Promise.all([import('../lib/cms/format.ts'), import('../lib/cms/locale-fr.ts'), import('../lib/cms/preview.ts')]),
      configuration,
      loadScript(page.script),
    ]);
  } catch (error) {
    status.textContent = `L’interface d’édition n’a pas pu être chargée (${(error as Error).message}). Rechargez la page ; si l’erreur persiste, signalez-la à l’équipe technique.`;
    started = false;
    return;
  }
  const [{ fieldShapes, fromFile, toFile }, { frenchPhrases }, { fichePreview }] = modules;
  const cms = window.CMS!;
  for (const c of data.config.collections) {
    const tree = fieldShapes(c.fields);
    cms.registerCustomFormat(c.format, c.extension, { fromFile, toFile: (d) => toFile(d, tree) });
    const call = data.previewCalls[c.name];
    if (call && window.h) cms.registerPreviewTemplate(c.name, previewTemplate(window.h, fichePreview, call, tree));
  }
  for (const href of data.previewStyles) cms.registerPreviewStyle(href);
  cms.registerLocale('fr', frenchPhrases(cms.getLocale('fr') ?? {}));
  // The CMS takes the whole page: the DSFR page and its styles (which would restyle the CMS's own) step aside.
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) link.disabled = true;
  for (const el of document.body.children) if (el instanceof HTMLElement && el.tagName !== 'SCRIPT') el.hidden = true;
  // « Voir la page » links go to the site that serves this interface.
  cms.init({ config: { ...forDecap(data.config), site_url: location.origin, display_url: location.origin } });
}

document.getElementById('edition-ouvrir')?.addEventListener('click', () => void start());
if (location.hash.startsWith('#/')) void start();
