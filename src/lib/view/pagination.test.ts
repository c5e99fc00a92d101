import { describe, expect, it } from 'vitest';
import { toHtml } from './markup.ts';
import { PAGE_SIZE, pageCount, pageHref, pageOfPath, pageParams, pageSlice, pageWindow, pagedBreadcrumb, pagedTitle, paginationMarkup } from './pagination.ts';

describe('pagination', () => {
  it('cuts a list into pages of PAGE_SIZE, the last one shorter, an empty list on one page', () => {
    const items = Array.from({ length: PAGE_SIZE * 2 + 5 }, (_, i) => i);
    expect(pageCount(items.length)).toBe(3);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE)).toBe(1);
    expect(pageSlice(items, 1)).toEqual(items.slice(0, PAGE_SIZE));
    expect(pageSlice(items, 3)).toEqual(items.slice(PAGE_SIZE * 2));
    expect(pageSlice(items, 1).length + pageSlice(items, 2).length + pageSlice(items, 3).length).toBe(items.length);
  });

  it('gives the first page the list’s own address and the others …/page/N/, and reads them back', () => {
    expect(pageHref('/solutions/', 1)).toBe('/solutions/');
    expect(pageHref('/solutions/', 4)).toBe('/solutions/page/4/');
    expect(pageOfPath('/solutions/', '/solutions/')).toBe(1);
    expect(pageOfPath('/solutions/', '/solutions/page/4/')).toBe(4);
    expect(pageOfPath('/solutions/', '/solutions/page/04/')).toBeUndefined();
    expect(pageOfPath('/solutions/', '/solutions/plume/')).toBeUndefined();
    expect(pageOfPath('/solutions/', '/categories/x/page/2/')).toBeUndefined();
    expect(pageParams(PAGE_SIZE + 1)).toEqual([{ param: undefined, page: 1 }, { param: 'page/2', page: 2 }]);
    expect(pageParams(0)).toEqual([{ param: undefined, page: 1 }]);
  });

  it('shows the first, the last, the current page and its neighbours, with ellipses where pages are left out', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 10)).toEqual([1, 2, '…', 10]);
    expect(pageWindow(5, 10)).toEqual([1, '…', 4, 5, 6, '…', 10]);
    // A single missing page is shown rather than replaced by an ellipsis.
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, '…', 10]);
    expect(pageWindow(10, 10)).toEqual([1, '…', 9, 10]);
  });

  it('draws the DSFR pagination: current page marked, first/previous disabled on page 1, nothing for one page', () => {
    expect(paginationMarkup({ current: 1, count: 1, href: (n) => `/p/${n}`, label: 'Pages' })).toBeUndefined();
    const html = toHtml(paginationMarkup({ current: 1, count: 3, href: (n) => pageHref('/l/', n), label: 'Pages de la liste' })!);
    expect(html).toContain('<nav role="navigation" class="fr-pagination fr-mt-4w" aria-label="Pages de la liste">');
    expect(html).toContain('<a class="fr-pagination__link fr-pagination__link--first" aria-disabled="true" role="link">Première page</a>');
    expect(html).toContain('<a class="fr-pagination__link" aria-current="page" title="Page 1">1</a>');
    expect(html).toContain('<a class="fr-pagination__link fr-hidden fr-unhidden-lg" href="/l/page/2/" title="Page 2" data-page="2">2</a>');
    expect(html).toContain('<a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href="/l/page/2/" data-page="2">Page suivante</a>');
    expect(html).toContain('<a class="fr-pagination__link fr-pagination__link--last" href="/l/page/3/" data-page="3">Dernière page</a>');
    const last = toHtml(paginationMarkup({ current: 3, count: 3, href: (n) => pageHref('/l/', n), label: 'Pages' })!);
    expect(last).toContain('<a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">Page suivante</a>');
    expect(last).toContain('href="/l/" title="Page 1" data-page="1"');
  });

  it('says the page in the title and the breadcrumb beyond the first', () => {
    expect(pagedTitle('Toutes les solutions', 1, 3)).toBe('Toutes les solutions');
    expect(pagedTitle('Toutes les solutions', 2, 3)).toBe('Toutes les solutions (page 2 sur 3)');
    const trail = [{ href: '/solutions/', label: 'Toutes les solutions' }];
    expect(pagedBreadcrumb(trail, '/solutions/', 1)).toEqual(trail);
    expect(pagedBreadcrumb(trail, '/solutions/', 2)).toEqual([...trail, { href: '/solutions/page/2/', label: 'Page 2' }]);
  });
});
