/**
 * Search and facets in the browser: Pagefind finds the expected pages with
 * French stemming and accent folding; each facet narrows the listing with
 * counts that match the laureate pages; text and facets combine; the state
 * lives in the URL; everything works with the keyboard; no console error.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';
import { attr, elements, loadPages, text } from './pages.ts';
import { PAGE_SIZE } from '../../src/lib/view/pagination.ts';

const baseUrl = inject('baseUrl');
const dist = inject('distDir');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
  return { page, errors, close: () => context.close() };
}

const resultTitles = (page: Page) => page.$$eval('#recherche-resultats h2 a', (as) => as.map((a) => a.textContent ?? ''));
/** Waits for the status region to announce the outcome of the search for `q`. */
async function searchFor(page: Page, q: string): Promise<string[]> {
  await page.waitForFunction((query) => {
    const status = document.querySelector('#recherche-statut')?.textContent ?? '';
    return /résultat/.test(status) && status.includes(query);
  }, q);
  return resultTitles(page);
}

describe('search (/recherche/)', () => {
  it('finds the expected laureates and says how many in the status region', async () => {
    const { page, errors, close } = await open('/recherche/?q=transcription');
    try {
      const titles = await searchFor(page, 'transcription');
      expect(titles).toEqual(expect.arrayContaining(['Compte rendu express', 'Verbatim Séance', 'Accueil Polyglotte']));
      expect(await page.textContent('#recherche-statut')).toMatch(/^\d+ résultats pour « transcription »\.$/);
      expect(await page.getAttribute('#recherche-statut', 'role')).toBe('status');
      expect(await page.title()).toMatch(/^« transcription » : \d+ résultats — Rechercher dans le catalogue — /);
      expect(await page.$$eval('#recherche-resultats mark', (m) => m.length)).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('follows the query as it is typed: results, status and address, without a history entry per letter', async () => {
    const { page, errors, close } = await open('/recherche/');
    try {
      const before = await page.evaluate(() => history.length);
      await page.click('#recherche-page-champ');
      await page.keyboard.type('transcription', { delay: 40 });
      const titles = await searchFor(page, 'transcription');
      expect(titles).toEqual(expect.arrayContaining(['Compte rendu express', 'Verbatim Séance']));
      expect(new URL(page.url()).search).toBe('?q=transcription');
      expect(await page.getAttribute('#recherche-resultats', 'data-requete')).toBe('transcription');
      expect(await page.evaluate(() => history.length)).toBe(before);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('recherche-page-champ');
      // A new query replaces the results; only the last one typed is shown and announced.
      await page.fill('#recherche-page-champ', '');
      await page.keyboard.type('fine-tuning', { delay: 10 });
      expect(await searchFor(page, 'fine-tuning')).toEqual(expect.arrayContaining(['Ajusto']));
      expect(await resultTitles(page)).not.toContain('Verbatim Séance');
      expect(new URL(page.url()).search).toBe('?q=fine-tuning');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('stems French words: « traductions » finds « traduction »', async () => {
    const { page, close } = await open('/recherche/?q=traductions');
    try {
      expect(await searchFor(page, 'traductions')).toEqual(expect.arrayContaining(['Traduvia', 'Traduction automatique']));
    } finally {
      await close();
    }
  });

  it('folds accents: « securite » finds « sécurité »', async () => {
    const { page, close } = await open('/recherche/?q=securite%20economique');
    try {
      expect((await searchFor(page, 'securite economique'))[0]).toBe('Veille pour améliorer la sécurité économique');
    } finally {
      await close();
    }
  });

  it('says so when nothing matches', async () => {
    const { page, close } = await open('/recherche/?q=zzzyxwv');
    try {
      await searchFor(page, 'zzzyxwv');
      expect(await page.textContent('#recherche-statut')).toBe('Aucun résultat pour « zzzyxwv ».');
    } finally {
      await close();
    }
  });

  it('works from the header search field with the keyboard only', async () => {
    const { page, close } = await open('/');
    try {
      // Skip link « Recherche » puts the focus in the header search field.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Recherche');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('recherche-entete-champ');
      await page.keyboard.type('fine-tuning');
      await Promise.all([page.waitForURL('**/recherche/?q=fine-tuning'), page.keyboard.press('Enter')]);
      const titles = await searchFor(page, 'fine-tuning');
      expect(titles).toEqual(expect.arrayContaining(['Ajusto']));
      // Tab from the search form reaches the first result link.
      await page.focus('#recherche-page button[type="submit"]');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('#recherche-resultats') !== null)).toBe(true);
    } finally {
      await close();
    }
  });

  it('shows a plain message and links without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/recherche/?q=rag`);
      const text = await page.textContent('main');
      expect(text).toContain('La recherche a besoin de JavaScript');
      expect(await page.$$eval('main noscript', (n) => n.length)).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe('facets on the listing (/solutions/)', () => {
  /** Laureates per Pagefind filter value, read from the laureate pages themselves. */
  const expected = new Map<string, number>();
  for (const page of loadPages(dist).filter((p) => p.route.startsWith('/solutions/') && p.route !== '/solutions/')) {
    const seen = new Set<string>();
    for (const el of elements(page.document)) {
      const key = attr(el, 'data-pagefind-filter');
      if (key) seen.add(`${key}=${text(el).trim()}`);
    }
    for (const k of seen) expected.set(k, (expected.get(k) ?? 0) + 1);
  }
  const visibleCount = (page: Page) => page.$$eval('#liste-resultats > li', (lis) => lis.filter((li) => !(li as HTMLElement).hidden).length);
  /** Waits until the list shows the state of this address (the listing's index loads after the address changes). */
  const shows = (page: Page, address: string) => page.waitForFunction((a) => document.querySelector<HTMLElement>('#liste-resultats')?.dataset.etat === a, address);

  it.each([
    ['secnumcloud', 'qualifie'],
    ['secnumcloud', 'hebergeable'],
    ['secnumcloud', 'qualification-en-cours'],
    ['secnumcloud', 'non'],
    ['categorie', 'briques-technologiques'],
    ['thematique', 'bases-vectorielles'],
    ['appel', 'ami-ia-2019'],
    ['donnees', 'hors-ue'],
    ['open-source', 'oui'],
    ['preuve', 'audite'],
  ])('%s = %s narrows to the laureates that have it, with the printed count', async (key, value) => {
    const { page, errors, close } = await open('/solutions/');
    try {
      const want = expected.get(`${key}=${value}`) ?? 0;
      expect(want).toBeGreaterThan(0);
      const printed = await page.textContent(`[data-compte="${key}:${value}"]`);
      expect(printed).toBe(`${want} solution${want > 1 ? 's' : ''}`);
      await page.click(`label[for="f-${key}-${value}"]`);
      await page.waitForFunction((k) => location.search.includes(k), `${key}=${value}`);
      // The address follows at once; the results once the listing's index has loaded.
      await shows(page, `/solutions/?${key}=${value}`);
      expect(await visibleCount(page)).toBe(Math.min(want, PAGE_SIZE));
      expect(await page.textContent('#liste-statut')).toMatch(new RegExp(`^${want} solutions? pour : `));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('combines a text query with facets, and reflects the filters in the title and h1 (RGAA 8.6)', async () => {
    const { page, close } = await open('/solutions/?q=transcription&appel=solutions-ia-2025');
    try {
      await page.waitForFunction(() => /pour :/.test(document.querySelector('#liste-statut')?.textContent ?? ''));
      const names = await page.$$eval('#liste-resultats > li:not([hidden]) h2', (hs) => hs.map((h) => h.textContent?.trim()));
      expect(names).toEqual(expect.arrayContaining(['Compte rendu express', 'Verbatim Séance']));
      expect(names).not.toContain('Reconnaissance et transcription vocale');
      expect(await page.title()).toMatch(/^Solutions filtrées : « transcription », Appel : Solutions d’IA pour le public \(2025\) \(\d+ solutions?\) — /);
      expect(await page.textContent('h1')).toMatch(/^Solutions filtrées \(\d+ solutions?\)$/);
    } finally {
      await close();
    }
  });

  it('keeps the state in the URL: reload and back/forward restore it', async () => {
    const { page, close } = await open('/solutions/');
    try {
      await page.click('label[for="f-secnumcloud-qualifie"]');
      await page.waitForURL('**/solutions/?secnumcloud=qualifie');
      await shows(page, '/solutions/?secnumcloud=qualifie');
      await page.click('label[for="f-public-collectivites-territoriales"]');
      await page.waitForURL('**/solutions/?secnumcloud=qualifie&public=collectivites-territoriales');
      await shows(page, '/solutions/?secnumcloud=qualifie&public=collectivites-territoriales');
      const both = await visibleCount(page);
      await page.reload({ waitUntil: 'networkidle' });
      await shows(page, '/solutions/?secnumcloud=qualifie&public=collectivites-territoriales');
      expect(await page.isChecked('#f-public-collectivites-territoriales')).toBe(true);
      expect(await visibleCount(page)).toBe(both);
      await page.goBack();
      await page.waitForFunction(() => location.search === '?secnumcloud=qualifie');
      await shows(page, '/solutions/?secnumcloud=qualifie');
      expect(await page.isChecked('#f-public-collectivites-territoriales')).toBe(false);
      expect(await visibleCount(page)).toBeGreaterThanOrEqual(both);
      await page.click('#facettes-reinitialiser');
      await page.waitForFunction(() => location.search === '');
      await shows(page, '/solutions/');
      expect(await page.isChecked('#f-secnumcloud-qualifie')).toBe(false);
    } finally {
      await close();
    }
  });

  it('sorts by name', async () => {
    const { page, close } = await open('/solutions/?tri=nom&appel=ami-ia-2018');
    try {
      await page.waitForFunction(() => /pour :/.test(document.querySelector('#liste-statut')?.textContent ?? ''));
      const names = await page.$$eval('#liste-resultats > li:not([hidden]) h2', (hs) => hs.map((h) => h.textContent?.trim() ?? ''));
      expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
      expect(names).toHaveLength(6);
    } finally {
      await close();
    }
  });

  it('filters with the keyboard: Tab to a checkbox, Space to tick it', async () => {
    const { page, close } = await open('/solutions/');
    try {
      await page.focus('#facettes-tri');
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.id)) === 'f-categorie-solutions-applicatives') break;
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-categorie-solutions-applicatives');
      await page.keyboard.press('Space');
      await page.waitForURL('**/solutions/?categorie=solutions-applicatives');
      await page.waitForFunction(() => /pour :/.test(document.querySelector('#liste-statut')?.textContent ?? ''));
      expect(await page.textContent('#liste-statut')).toMatch(/pour : Catégorie : Solution applicative(, page 1 sur \d+)?$/);
    } finally {
      await close();
    }
  });
});
