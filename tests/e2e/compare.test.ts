/**
 * « Ma sélection » and the comparison, as a buyer uses them in Chromium:
 * keyboard only from the listing to a shared comparison; axe on the
 * populated comparison; reflow at 320 px and 200 % zoom; printing on A4
 * landscape; without JavaScript; « Solutions similaires » on every fiche.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SELECTION_KEY } from '../../src/lib/selection.ts';
import { comparisonGroups } from '../../src/schemas/fields.ts';
import { axeViolations, launch, openPage } from './browser.ts';
import { attr, byTag, loadPages, text } from './pages.ts';
import { headerProblems, tablesInDocument } from '../table-headers.ts';

const baseUrl = inject('baseUrl');
const dist = inject('distDir');
const pages = loadPages(dist);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const open = (route: string, options: Parameters<Browser['newContext']>[0] = {}) => openPage(browser, baseUrl + route, options);

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase(), id: el?.dataset.selection, href: el?.getAttribute('href'), text: el?.textContent?.trim() ?? '', pressed: el?.getAttribute('aria-pressed') };
  });

/** Presses Tab until the focused element passes `test`; fails after `max` presses. */
async function tabTo(page: Page, what: string, test: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (test(f)) return f;
  }
  throw new Error(`${what} : introuvable en ${max} tabulations sur ${page.url()}`);
}

const columnNames = (page: Page) => page.locator('.comparaison thead th[scope="col"]:not(.comparaison__critere)').allTextContents();
const idsOf = (page: Page) => new URL(page.url()).searchParams.get('ids')?.split(',') ?? [];
const headerCount = (page: Page) => page.locator('.fr-header__tools-links [data-selection-compte]').textContent();
const waitTable = (page: Page, columns: number) => page.waitForFunction((n) => document.querySelectorAll('.comparaison thead th[scope="col"]').length === n + 1, columns);

/** The lead paragraph of a fiche, as built (what the comparison's « Résumé » row must say). */
function summaryOf(id: string): string {
  const page = pages.find((p) => p.route === `/solutions/${id}/`)!;
  const lead = byTag(page, 'p').find((p) => (attr(p, 'class') ?? '').includes('fr-text--lead'))!;
  return text(lead).trim();
}

describe('a buyer’s journey, keyboard only', () => {
  it('adds three from the listing, compares them, removes one; the address follows, a reload and a fresh browser show the same', async () => {
    const { page, context, errors } = await open('/solutions/');
    try {
      // 1. Three « Ajouter à ma sélection » buttons of the listing, with Tab and Enter.
      const added: string[] = [];
      while (added.length < 3) {
        const f = await tabTo(page, 'bouton « Ajouter à ma sélection »', (x) => x.tag === 'button' && !!x.id && !added.includes(x.id));
        expect(f.text).toContain('Ajouter à ma sélection');
        expect(f.pressed).toBe('false');
        await page.keyboard.press('Enter');
        added.push(f.id!);
        await page.waitForFunction((id) => document.querySelector(`button[data-selection="${id}"]`)?.getAttribute('aria-pressed') === 'true', f.id);
      }
      const names = await Promise.all(added.map((id) => page.locator(`button[data-selection="${id}"]`).first().getAttribute('data-nom')));
      expect(await page.locator(`button[data-selection="${added[2]}"]`).first().textContent()).toContain('Retirer de ma sélection');
      // The status message says it (RGAA 7.5).
      await page.waitForFunction(() => /ajoutée à votre sélection/.test(document.querySelector('#selection-statut')?.textContent ?? ''));
      expect(await page.locator('#selection-statut').getAttribute('role')).toBe('status');

      // 2. The header says 3.
      expect(await headerCount(page)).toContain('(3)');
      expect(await page.evaluate((k) => localStorage.getItem(k), SELECTION_KEY)).toBe(JSON.stringify(added));
      expect(await context.cookies()).toEqual([]);

      // 3. From the top of the page, Tab to the header's « Ma sélection » and follow it.
      await page.reload({ waitUntil: 'networkidle' });
      const link = await tabTo(page, 'lien « Ma sélection » de l’en-tête', (x) => x.href === '/comparer/', 20);
      expect(link.text).toContain('Ma sélection');
      await Promise.all([page.waitForURL('**/comparer/**'), page.keyboard.press('Enter')]);
      await waitTable(page, 3);

      // 4. The three, in the order added, with their values.
      expect(await columnNames(page)).toEqual(names);
      expect(idsOf(page)).toEqual(added);
      const summaries = await page.locator('.comparaison tbody tr', { has: page.locator('th[scope="row"]', { hasText: /^Résumé$/ }) }).locator('td').allTextContents();
      expect(summaries).toEqual(added.map(summaryOf));

      // 5. Remove the second with the keyboard: the address and the selection follow, the focus stays in the list.
      const remove = await tabTo(page, 'bouton « Retirer »', (x) => x.tag === 'button' && x.text.startsWith(`Retirer ${names[1]}`), 60);
      expect(remove.text).toContain('de la comparaison');
      await page.keyboard.press('Enter');
      await waitTable(page, 2);
      expect(idsOf(page)).toEqual([added[0], added[2]]);
      expect(await columnNames(page)).toEqual([names[0], names[2]]);
      expect((await focused(page)).text).toMatch(/^Retirer /);
      expect(await headerCount(page)).toContain('(2)');

      // 6. A reload restores it.
      await page.reload({ waitUntil: 'networkidle' });
      await waitTable(page, 2);
      expect(await columnNames(page)).toEqual([names[0], names[2]]);

      // 7. The shared link opens the same in a fresh browser.
      const shared = page.url();
      const fresh = await open(new URL(shared).pathname + new URL(shared).search);
      try {
        await waitTable(fresh.page, 2);
        expect(await columnNames(fresh.page)).toEqual([names[0], names[2]]);
        expect(fresh.errors).toEqual([]);
      } finally {
        await fresh.context.close();
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a shared link leaves a different selection alone until the visitor adopts it', async () => {
    const { page, context } = await open('/solutions/plume/');
    try {
      await page.locator('button[data-selection="plume"]').click();
      await page.goto(`${baseUrl}/comparer/?ids=sentinelle,traduvia`, { waitUntil: 'networkidle' });
      await waitTable(page, 2);
      expect(await page.locator('#comparaison-partage').isVisible()).toBe(true);
      expect(await page.evaluate((k) => localStorage.getItem(k), SELECTION_KEY)).toBe('["plume"]');
      await page.locator('#comparaison-adopter').click();
      await page.waitForFunction((k) => localStorage.getItem(k) === '["sentinelle","traduvia"]', SELECTION_KEY);
      expect(await page.locator('#comparaison-partage').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('adds a solution from the search box, exports CSV and JSON with the table’s columns, and ignores unknown or hostile ids', async () => {
    const { page, context, errors } = await open('/comparer/?ids=plume,<img src=x>,n-existe-pas');
    try {
      await waitTable(page, 1);
      expect(idsOf(page)).toEqual(['plume']);
      await page.locator('#comparaison-ajout').fill('sentin');
      await page.locator('#comparaison-suggestions button', { hasText: 'Ajouter Sentinelle' }).click();
      await waitTable(page, 2);
      expect(idsOf(page)).toEqual(['plume', 'sentinelle']);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#comparaison-csv').click()]);
      const csvText = readFileSync((await csv.path())!, 'utf8');
      expect(csvText.split('\r\n')[0]).toBe('\ufeffRubrique,Critère,Plume,Sentinelle');
      const rows = await page.locator('.comparaison tbody tr:not(.comparaison__groupe)').count();
      expect(csvText.trim().split('\r\n').length).toBe(rows + 1);
      const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#comparaison-json').click()]);
      const doc = JSON.parse(readFileSync((await json.path())!, 'utf8'));
      expect(doc.columns.map((c: { label: string }) => c.label)).toEqual(['Rubrique', 'Critère', 'Plume', 'Sentinelle']);
      expect(doc.rows.length).toBe(rows);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('« Afficher seulement les différences » hides the identical rows and says how many', async () => {
    const { page, context } = await open('/comparer/?ids=plume,sentinelle');
    try {
      await waitTable(page, 2);
      const identical = await page.locator('.comparaison tr[data-identique]').count();
      expect(identical).toBeGreaterThan(0);
      await page.locator('label[for="comparaison-differences"]').click();
      expect(await page.locator('.comparaison tr[data-identique]:visible').count()).toBe(0);
      expect(await page.locator('#comparaison-differences-messages').textContent()).toContain(`${identical} ligne`);
    } finally {
      await context.close();
    }
  });
});

const THREE = '/comparer/?ids=plume,sentinelle,traduvia';

describe('the comparison page', () => {
  it.each(['light', 'dark'] as const)('passes axe populated, in the %s scheme', async (colorScheme) => {
    const { page, context, errors } = await open(THREE, { colorScheme });
    try {
      await waitTable(page, 3);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has a caption, column headers named after the solutions and row headers; groups as on the fiche', async () => {
    const { page, context } = await open(THREE);
    try {
      await waitTable(page, 3);
      const caption = await page.locator('.comparaison caption').evaluate((c) => ({ title: c.firstChild?.textContent, summary: c.querySelector('.fr-table__caption__desc')?.textContent ?? '' }));
      expect(caption.title).toBe('Comparaison de 3 solutions : Plume, Sentinelle, Traduvia');
      // RGAA 5.1: the table's rows are grouped under headers, so its caption carries a summary of how it reads.
      expect(caption.summary).toMatch(/^Une colonne par solution, .*groupées en rubriques, .* : En bref, Impact mesuré, .*« non renseigné »/);
      const groups = await page.locator('.comparaison th[scope="rowgroup"]').allTextContents();
      const expected = ['En bref', 'Impact mesuré', ...comparisonGroups().slice(1).map((g) => g.title)];
      expect(groups.every((g) => expected.includes(g))).toBe(true);
      expect(groups.slice(0, 2)).toEqual(['En bref', 'Impact mesuré']);
      expect(await page.locator('.comparaison td').evaluateAll((tds) => tds.filter((td) => !td.textContent?.trim()).length)).toBe(0);
      // A missing value reads « non renseigné »; a « Non » is what the fiche declares.
      const absent = await page.locator('.comparaison .comparaison__absent').allTextContents();
      expect(absent.length).toBeGreaterThan(0);
      expect(new Set(absent)).toEqual(new Set(['non renseigné']));
    } finally {
      await context.close();
    }
  });

  it('RGAA 5.7: the table drawn in the browser gives every data cell its group, row and column by the HTML table algorithm (id and headers)', async () => {
    const { page, context } = await open(THREE);
    try {
      await waitTable(page, 3);
      const tables = await page.evaluate(tablesInDocument);
      expect(tables).toHaveLength(1);
      expect(tables[0]!.rows.flatMap((r) => r.cells).filter((c) => c.tag === 'td' && !c.headers)).toEqual([]);
      expect(headerProblems(tables[0]!)).toEqual([]);
      // « Afficher seulement les différences » hides rows, never headers a visible cell names.
      await page.getByRole('checkbox', { name: /seulement les différences/i }).check({ force: true });
      expect(headerProblems((await page.evaluate(tablesInDocument))[0]!)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['320 px', { width: 320, height: 800 }],
    ['200 % zoom (640 px)', { width: 640, height: 450 }],
  ])('reflows at %s: the page never scrolls sideways, the table scrolls in its own focusable container', async (_label, viewport) => {
    const { page, context } = await open(THREE, { viewport });
    try {
      await waitTable(page, 3);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      const container = page.locator('.comparaison .fr-table__container');
      expect(await container.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(await container.getAttribute('tabindex')).toBe('0');
    } finally {
      await context.close();
    }
  });

  it('prints three solutions on A4 landscape within two pages', async () => {
    // The three comparison columns with the most text: the worst case among the real fiches.
    const folder = path.join(dist, 'comparer/solutions');
    const heaviest = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ id: f.replace(/\.json$/, ''), size: statSync(path.join(folder, f)).size }))
      .sort((a, b) => b.size - a.size)
      .slice(0, 3)
      .map((f) => f.id);
    const { page, context } = await open(`/comparer/?ids=${heaviest.join(',')}`);
    try {
      await waitTable(page, 3);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
      const pagesCount = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      expect(pagesCount, heaviest.join(', ')).toBeGreaterThan(0);
      expect(pagesCount, heaviest.join(', ')).toBeLessThanOrEqual(2);
      // Landscape: the first page's media box is wider than tall.
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect(Number(box![1])).toBeGreaterThan(Number(box![2]));
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, says so and links to every thematic comparison', async () => {
    const { page, context } = await open('/comparer/', { javaScriptEnabled: false });
    try {
      expect(await page.locator('.sans-js').isVisible()).toBe(true);
      expect(await page.locator('#comparaison').isVisible()).toBe(false);
      const links = await page.locator('.sans-js a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect(href).toMatch(/^\/thematiques\/[a-z0-9-]+\/comparer\/$/);
      // And no selection button shows where it could not work.
      await page.goto(`${baseUrl}/solutions/`);
      expect(await page.locator('button[data-selection]').first().isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('built pages', () => {
  const thematicComparisons = pages.filter((p) => /^\/thematiques\/[a-z0-9-]+\/comparer\/$/.test(p.route));

  it('each thematic with laureates has a pre-rendered comparison of all of them, linked from its page', () => {
    expect(thematicComparisons.length).toBeGreaterThan(3);
    for (const p of thematicComparisons) {
      const thematic = pages.find((x) => x.route === p.route.replace(/comparer\/$/, ''))!;
      const cards = byTag(thematic, 'button').filter((b) => attr(b, 'data-selection')).map((b) => attr(b, 'data-nom'));
      const heads = byTag(p, 'th').filter((th) => attr(th, 'scope') === 'col' && !(attr(th, 'class') ?? '').includes('comparaison__critere')).map((th) => text(th));
      expect(heads.sort(), p.route).toEqual([...cards].sort());
      expect(byTag(thematic, 'a').some((a) => attr(a, 'href') === p.route), p.route).toBe(true);
      expect(byTag(p, 'caption').length).toBe(1);
    }
  });

  it('every fiche has « Solutions similaires » with 3 to 5 links to other fiches, each with its reasons', () => {
    const fiches = pages.filter((p) => /^\/solutions\/[a-z0-9-]+\/$/.test(p.route));
    expect(fiches.length).toBeGreaterThan(10);
    for (const p of fiches) {
      const h2 = byTag(p, 'h2').find((h) => text(h) === 'Solutions similaires');
      expect(h2, p.route).toBeDefined();
      const list = byTag(p, 'ul').find((u) => attr(u, 'class') === 'similaires')!;
      const links = [...byTag({ ...p, document: list as never }, 'a')].map((a) => attr(a, 'href'));
      expect(links.length, p.route).toBeGreaterThanOrEqual(3);
      expect(links.length, p.route).toBeLessThanOrEqual(5);
      expect(links, p.route).not.toContain(p.route);
      for (const href of links) expect(href).toMatch(/^\/solutions\/[a-z0-9-]+\/$/);
      for (const reason of byTag({ ...p, document: list as never }, 'p')) expect(text(reason).length).toBeGreaterThan(5);
    }
  });

  it('the comparison columns publish only the fiche’s rows: no dossier number, nothing outside the registry', () => {
    const allowed = new Set<string>(comparisonGroups().flatMap((g) => g.rows.map((r) => r.path)));
    const folder = path.join(dist, 'comparer/solutions');
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      const column = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
      expect(Object.keys(column).sort()).toEqual(['cells', 'href', 'id', 'metrics', 'name']);
      for (const key of Object.keys(column.cells)) expect(allowed.has(key), `${file} ${key}`).toBe(true);
      expect(JSON.stringify(column), file).not.toMatch(/dossierNumber|@[a-z0-9-]+\.[a-z]{2,}/i);
    }
  });
});
