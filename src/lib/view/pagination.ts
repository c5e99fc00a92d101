/**
 * Pages of a long list of cards (the listing, categories, thematics, calls):
 * the slice each static page shows, its address, and the DSFR pagination
 * drawn once (an element tree of ./markup.ts) for the build and for the
 * listing's script, which paginates filtered results the same way.
 */
import { h, type El } from './markup.ts';

/** Cards per page: a multiple of 2 and 3, the grids' column counts. */
export const PAGE_SIZE = 24;

/** Pages needed for `total` items (at least one: an empty list still has its page). */
export const pageCount = (total: number, size = PAGE_SIZE): number => Math.max(1, Math.ceil(total / size));

/** The items of page `page` (1-based). */
export function pageSlice<T>(items: readonly T[], page: number, size = PAGE_SIZE): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** The static address of page `page` of the list at `base` (which ends with a slash): page 1 is the base itself. */
export const pageHref = (base: string, page: number): string => (page <= 1 ? base : `${base}page/${page}/`);

/** The page number of a static address under `base`, or undefined when it is not one of its pages. */
export function pageOfPath(base: string, pathname: string): number | undefined {
  if (pathname === base) return 1;
  const m = pathname.startsWith(base) ? /^page\/([1-9][0-9]*)\/$/.exec(pathname.slice(base.length)) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Page numbers to show around `current` among `count`: always the first and
 * the last, the current one and its neighbours; `'…'` where numbers are left out.
 */
export function pageWindow(current: number, count: number): Array<number | '…'> {
  const keep = new Set([1, count, current - 1, current, current + 1].filter((n) => n >= 1 && n <= count));
  const out: Array<number | '…'> = [];
  let previous = 0;
  for (const n of [...keep].sort((a, b) => a - b)) {
    if (n - previous === 2) out.push(n - 1);
    else if (n - previous > 2) out.push('…');
    out.push(n);
    previous = n;
  }
  return out;
}

/** « Page 2 sur 5 », for titles and headings (RGAA 8.6: the title says which page). */
export const pageLabel = (page: number, count: number): string => `page ${page} sur ${count}`;

export interface PaginationSpec {
  current: number;
  count: number;
  /** The address of page n. */
  href: (n: number) => string;
  /** The navigation landmark's name (unique on the page). */
  label: string;
}

/**
 * The DSFR pagination (composant « Pagination »): first / previous, the page
 * numbers, next / last; the current page carries aria-current, links that
 * lead nowhere are disabled as the DSFR documents (aria-disabled, role link,
 * no href). Nothing when there is a single page.
 */
export function paginationMarkup({ current, count, href, label }: PaginationSpec): El | undefined {
  if (count <= 1) return undefined;
  const link = (cls: string, text: string, target: number | undefined, title?: string) =>
    h('li', {}, h('a', target === undefined ? { class: cls, 'aria-disabled': 'true', role: 'link', title } : { class: cls, href: href(target), title, 'data-page': target }, text));
  const edge = (cls: string, text: string, target: number, enabled: boolean) => link(`fr-pagination__link ${cls}`, text, enabled ? target : undefined);
  const numbers = pageWindow(current, count).map((n) => {
    if (n === '…') return h('li', {}, h('span', { class: 'fr-pagination__link fr-hidden fr-unhidden-lg', 'aria-hidden': 'true' }, '…'));
    // Far pages only on large screens, as the DSFR's example: the first, the last, the current one always.
    const far = n !== 1 && n !== count && n !== current;
    const cls = `fr-pagination__link${far ? ' fr-hidden fr-unhidden-lg' : ''}`;
    if (n === current) return h('li', {}, h('a', { class: cls, 'aria-current': 'page', title: `Page ${n}` }, String(n)));
    return h('li', {}, h('a', { class: cls, href: href(n), title: `Page ${n}`, 'data-page': n }, String(n)));
  });
  return h(
    'nav',
    { role: 'navigation', class: 'fr-pagination fr-mt-4w', 'aria-label': label },
    h(
      'ul',
      { class: 'fr-pagination__list' },
      edge('fr-pagination__link--first', 'Première page', 1, current > 1),
      edge('fr-pagination__link--prev fr-pagination__link--lg-label', 'Page précédente', current - 1, current > 1),
      numbers,
      edge('fr-pagination__link--next fr-pagination__link--lg-label', 'Page suivante', current + 1, current < count),
      edge('fr-pagination__link--last', 'Dernière page', count, current < count),
    ),
  );
}

/** A list's title on its page: « Titre (page 2 sur 5) » beyond the first (RGAA 8.6: each page's title is its own). */
export const pagedTitle = (title: string, page: number, count: number): string => (page > 1 ? `${title} (${pageLabel(page, count)})` : title);

/** The breadcrumb of a list's page: the list's own trail, then « Page N » beyond the first. */
export function pagedBreadcrumb<T extends { href: string; label: string }>(trail: readonly T[], base: string, page: number): Array<T | { href: string; label: string }> {
  return page > 1 ? [...trail, { href: pageHref(base, page), label: `Page ${page}` }] : [...trail];
}

/**
 * The `[...page]` parameter of each static page of a list of `total` items:
 * none for the first (the list's own address), `page/N` beyond.
 */
export const pageParams = (total: number): Array<{ param: string | undefined; page: number }> =>
  Array.from({ length: pageCount(total) }, (_, i) => ({ param: i === 0 ? undefined : `page/${i + 1}`, page: i + 1 }));
