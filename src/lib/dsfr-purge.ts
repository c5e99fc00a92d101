/**
 * The DSFR CSS a bundle really needs, computed from the built site: the
 * rules whose selectors the pages that load the bundle can match — in their
 * HTML, in every state the scripts put them in. Run after the build on
 * dist/dsfr/bundles/*.css (src/integrations/catalogue.ts); the dev server
 * keeps the whole bundles.
 *
 * What the scripts can add is read from their code, never listed by hand:
 * - our scripts (dist/_astro/*.js) write whole class names (`fr-badge--info`);
 * - the DSFR's scripts name classes and attributes without the prefix —
 *   `ns('collapse')`, `ns.selector('modal__body')`, `ns.attr('theme')` — and
 *   build state modifiers from a class and a word (`fr-collapse` +
 *   `--expanded`, `fr-modal` + `--opened`): every word of their string
 *   literals may follow a class the pages use.
 * tests/e2e/dsfr-purge.test.ts compares, element by element, the computed
 * styles of each page kind with the whole and the reduced CSS, in the
 * states the DSFR's scripts create (menus, modals, collapses, dark theme).
 */
import { PurgeCSS } from 'purgecss';

export interface DsfrVocabulary {
  /** Classes the DSFR's scripts name (prefixed): `fr-collapse`, `fr-collapsing`… */
  classes: Set<string>;
  /** Attributes they set: `data-fr-theme`, `data-fr-js-modal`… */
  attributes: Set<string>;
  /** Words of their string literals: the state modifiers among them. */
  words: Set<string>;
}

/** What the DSFR's scripts may put on the page, read from their code (`prefix` is the DSFR's, `fr`). */
export function dsfrVocabulary(dsfrJs: string, prefix = 'fr'): DsfrVocabulary {
  const classes = new Set<string>();
  const attributes = new Set<string>();
  const words = new Set<string>();
  for (const m of dsfrJs.matchAll(/\bns(?:\.selector)?\(\s*['`]([a-z0-9_-]+)/g)) classes.add(`${prefix}-${m[1]}`);
  for (const m of dsfrJs.matchAll(/\bns\.attr(?:\.selector)?\(\s*['`]([a-z0-9_-]+)/g)) attributes.add(`data-${prefix}-${m[1]}`);
  for (const m of dsfrJs.matchAll(/['"`]([a-z][a-z0-9-]*)['"`]/g)) words.add(m[1]!);
  for (const m of dsfrJs.matchAll(/\bid:\s*['"`]([a-z][a-z0-9-]*)/g)) words.add(m[1]!);
  return { classes, attributes, words };
}

/** The DSFR classes named in a text (HTML or script): whole `fr-…` tokens. */
export function classesIn(text: string, prefix = 'fr'): Set<string> {
  return new Set([...text.matchAll(new RegExp(`(?<![\\w-])${prefix}-[a-z0-9_-]+`, 'g'))].map((m) => m[0]));
}

/** ARIA and HTML state attributes the DSFR's styles select on and the scripts toggle. */
const STATE_ATTRIBUTES = ['aria-expanded', 'aria-selected', 'aria-pressed', 'aria-current', 'aria-checked', 'aria-hidden', 'aria-invalid', 'aria-disabled', 'disabled', 'hidden', 'open', 'inert'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/**
 * The words PurgeCSS reads in a text (its default extractor, the same for
 * HTML and scripts): a page's distinct words say all it can match, so the
 * build reads each page once and hands PurgeCSS the union, not the pages.
 */
export function addWords(into: Set<string>, text: string): Set<string> {
  for (const m of text.matchAll(/[A-Za-z0-9_-]+/g)) into.add(m[0]);
  return into;
}

/**
 * The rules of `css` that pages can match, from `words` (the distinct words
 * of their HTML, `addWords`), `scripts` (every script they load), `dsfrJs`
 * (the DSFR's own, for the classes and states it creates) and `ownCss` (the
 * site's stylesheets, for the DSFR custom properties they read).
 */
export async function usedDsfrCss({ css, words, scripts, dsfrJs, ownCss = [] }: { css: string; words: ReadonlySet<string>; scripts: readonly string[]; dsfrJs: string; ownCss?: readonly string[] }): Promise<string> {
  const vocabulary = dsfrVocabulary(dsfrJs);
  const used = new Set<string>(vocabulary.classes);
  const pageText = [...words].join(' ');
  for (const text of [pageText, ...scripts]) for (const c of classesIn(text)) used.add(c);
  // Each instance of a component gets `data-fr-js-<component>` from the DSFR's scripts (`ns.attr(`js-${dashed}`)`).
  const instanceAttributes = [...used].filter((c) => !/__|--/.test(c)).map((c) => `data-${c.replace(/^fr-/, 'fr-js-')}`);
  // A state modifier of a class the pages use: `fr-collapse--expanded`, `fr-nav__btn--…`.
  const states = new RegExp(`^(?:${[...used].map(escape).join('|')})--(?:${[...vocabulary.words].map(escape).join('|')})$`);
  const [result] = await new PurgeCSS().purge({
    content: [
      { raw: pageText, extension: 'html' },
      ...scripts.map((raw) => ({ raw, extension: 'js' })),
      { raw: [...used].join(' '), extension: 'txt' },
    ],
    css: [{ raw: css }],
    // The DSFR's custom properties our own styles and scripts read (`var(--border-default-grey)`) stay.
    safelist: { standard: [states], variables: [...new Set([...ownCss, ...scripts].flatMap((t) => [...t.matchAll(/--[a-z][a-z0-9-]*/g)].map((m) => m[0])))] },
    dynamicAttributes: [...vocabulary.attributes, ...instanceAttributes, ...STATE_ATTRIBUTES],
    keyframes: true,
    variables: true,
  });
  return result!.css;
}
