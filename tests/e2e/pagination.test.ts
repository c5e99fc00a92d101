/**
 * Lists that scale: the listing, category, thematic and call pages are cut
 * into static pages (DSFR pagination, navigable without JavaScript) that
 * together show each of their laureates once, in the site's order; the
 * listing's filters, sort and pages work across every laureate from the
 * compact index, with exact counts and unchanged addresses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';
import { attr, elements, loadPages, text, type BuiltPage } from './pages.ts';
import { PAGE_SIZE, pageHref } from '../../src/lib/view/pagination.ts';

const baseUrl = inject('baseUrl');
const dist = inject('distDir');
interface Rec {
  id: string;
  name: string;
  call: string;
  category?: string;
  thematics: string[];
}
const records = (JSON.parse(readFileSync(path.join(dist, 'donnees/laureats.json'), 'utf8')) as { laureates: Rec[] }).laureates;
const pages = new Map(loadPages(dist).map((p) => [p.route, p]));
const cardLinks = (p: BuiltPage) =>
  [...elements(p.document)].filter((e) => e.tagName === 'a' && /fr-card__title/.test(attr(e.parentNode as never, 'class') ?? '')).map((a) => attr(a, 'href')!);
const titleOf = (p: BuiltPage) => text([...elements(p.document)].find((e) => e.tagName === 'title')!);

/** Every list of cards and the laureates it must show, in the site's order (the open data's). */
const lists: Array<[string, Rec[]]> = [
  ['/solutions/', records],
  ...[...new Set(records.map((r) => r.category).filter((c): c is string => !!c))].map((c): [string, Rec[]] => [`/categories/${c}/`, records.filter((r) => r.category === c)]),
  ...[...new Set(records.flatMap((r) => r.thematics))].map((t): [string, Rec[]] => [`/thematiques/${t}/`, records.filter((r) => r.thematics.includes(t))]),
  ...[...new Set(records.map((r) => r.call))].map((c): [string, Rec[]] => [`/appels/${c}/`, records.filter((r) => r.call === c)]),
];

describe('static pages of each list', () => {
  it('the repository has a list long enough to have several pages', () => {
    expect(records.length).toBeGreaterThan(PAGE_SIZE);
  });

  it.each(lists)('%s: its pages show each of its laureates once, in order, with the DSFR pagination and their own titles', (base, expected) => {
    const count = Math.max(1, Math.ceil(expected.length / PAGE_SIZE));
    const shown: string[] = [];
    const titles = new Set<string>();
    for (let n = 1; n <= count; n++) {
      const page = pages.get(pageHref(base, n));
      expect(page, `${pageHref(base, n)} est construite`).toBeDefined();
      shown.push(...cardLinks(page!));
      titles.add(titleOf(page!));
      const nav = [...elements(page!.document)].find((e) => e.tagName === 'nav' && /fr-pagination/.test(attr(e, 'class') ?? ''));
      if (count === 1) {
        expect(nav).toBeUndefined();
        continue;
      }
      expect(attr(nav!, 'aria-label')).toMatch(/^Pages d/);
      const current = [...elements(nav!)].filter((e) => attr(e, 'aria-current') === 'page');
      expect(current.map((e) => text(e))).toEqual([String(n)]);
      const next = [...elements(nav!)].find((e) => /fr-pagination__link--next/.test(attr(e, 'class') ?? ''))!;
      expect(attr(next, 'href')).toBe(n < count ? pageHref(base, n + 1) : undefined);
      if (n > 1) expect(titleOf(page!)).toContain(`(page ${n} sur ${count})`);
    }
    expect(shown).toEqual(expected.map((r) => `/solutions/${r.id}/`));
    expect(titles.size).toBe(count);
    expect(pages.has(pageHref(base, count + 1))).toBe(false);
  });

  it('keeps later pages out of the search index (the first page stands for the list)', () => {
    const later = [...pages.values()].filter((p) => /\/page\/\d+\/$/.test(p.route));
    expect(later.length).toBeGreaterThan(0);
    for (const p of later) expect(p.html.includes('data-pagefind-body'), p.route).toBe(false);
  });
});

describe('the listing in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  async function open(address: string, javaScriptEnabled = true) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
    const page = await context.newPage();
    const errors: string[] = [];
    const fetched: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(baseUrl + address, { waitUntil: 'networkidle' });
    return { page, errors, fetched, close: () => context.close() };
  }
  const shownIds = (page: Page) => page.$$eval('#liste-resultats > li', (lis) => lis.map((li) => (li as HTMLElement).dataset.id!));

  it('is navigable without JavaScript: « Page suivante » leads to the rest of the list', async () => {
    const { page, close } = await open('/solutions/', false);
    try {
      expect(await shownIds(page)).toEqual(records.slice(0, PAGE_SIZE).map((r) => r.id));
      await page.click('.fr-pagination__link--next');
      await page.waitForURL('**/solutions/page/2/');
      expect(await shownIds(page)).toEqual(records.slice(PAGE_SIZE, PAGE_SIZE * 2).map((r) => r.id));
      expect(await page.textContent('#liste-statut')).toBe(`${records.length} solutions, page 2 sur ${Math.ceil(records.length / PAGE_SIZE)}`);
    } finally {
      await close();
    }
  });

  it('shows the plain list without fetching the index; a filter searches every page of it', async () => {
    const { page, errors, fetched, close } = await open('/solutions/');
    try {
      expect(fetched.some((f) => f.startsWith('/solutions/page/'))).toBe(false);
      // A call whose laureates stand beyond the first static page.
      const later = new Set(records.slice(PAGE_SIZE).map((r) => r.call));
      const call = [...later][0]!;
      const want = records.filter((r) => r.call === call);
      await page.click(`label[for="f-appel-${call}"]`);
      await page.waitForURL(`**/solutions/?appel=${call}`);
      await page.waitForFunction(() => /pour :/.test(document.querySelector('#liste-statut')?.textContent ?? ''));
      expect(await shownIds(page)).toEqual(want.slice(0, PAGE_SIZE).map((r) => r.id));
      expect(await page.textContent('#liste-statut')).toMatch(new RegExp(`^${want.length} solutions? pour : `));
      expect(fetched).toContain('/solutions/page/liste.json');
      // The cards come from the same markup as the build's: same classes, a selection button.
      const built = await page.evaluate(() => document.querySelector('#liste-resultats .fr-card')!.outerHTML);
      expect(built).toMatch(/^<div class="fr-card"><div class="fr-card__body"><div class="fr-card__content"><h2 class="fr-card__title cat-clamp cat-clamp--3"><a href="\/solutions\/[a-z0-9-]+\/">/);
      expect(built).toContain('data-selection=');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('pages through sorted results on the same page, with the address, the focus and back', async () => {
    const { page, errors, close } = await open('/solutions/?tri=nom');
    try {
      const collator = new Intl.Collator('fr', { sensitivity: 'base' });
      const byName = [...records].sort((a, b) => collator.compare(a.name, b.name)).map((r) => r.id);
      await page.waitForFunction(() => /page 1 sur/.test(document.querySelector('#liste-statut')?.textContent ?? ''));
      expect(await shownIds(page)).toEqual(byName.slice(0, PAGE_SIZE));
      await page.click('#liste-pages .fr-pagination__link--next');
      await page.waitForURL('**/solutions/?tri=nom&page=2');
      await page.waitForFunction(() => /page 2 sur/.test(document.querySelector('#liste-statut')?.textContent ?? ''));
      expect(await shownIds(page)).toEqual(byName.slice(PAGE_SIZE, PAGE_SIZE * 2));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('liste-statut');
      expect(await page.title()).toMatch(/^Toutes les solutions \(page 2 sur \d+\) — /);
      await page.goBack();
      await page.waitForFunction(() => /page 1 sur/.test(document.querySelector('#liste-statut')?.textContent ?? ''));
      expect(await shownIds(page)).toEqual(byName.slice(0, PAGE_SIZE));
      // A reload of page 2's address shows page 2.
      await page.goto(`${baseUrl}/solutions/?tri=nom&page=2`, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => /page 2 sur/.test(document.querySelector('#liste-statut')?.textContent ?? ''));
      expect(await shownIds(page)).toEqual(byName.slice(PAGE_SIZE, PAGE_SIZE * 2));
      // A changed filter starts again at page 1.
      await page.selectOption('#facettes-tri', 'recent');
      await page.waitForURL((u) => u.pathname === '/solutions/' && u.search === '');
      expect(await shownIds(page)).toEqual(records.slice(0, PAGE_SIZE).map((r) => r.id));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('exports every result of the filters, not only the page shown', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/solutions/?tri=nom`, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => /page 1 sur/.test(document.querySelector('#liste-statut')?.textContent ?? ''));
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-export="json"]')]);
      const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
      expect(json.count).toBe(records.length);
    } finally {
      await context.close();
    }
  });
});
