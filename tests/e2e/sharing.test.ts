/**
 * In Chromium: every laureate page prints as a clean fiche of one or two A4
 * pages with its key facts, and « Télécharger ces résultats » on the listing
 * exports exactly the laureates the filters show, as CSV and as JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, tabsOf } from './browser.ts';

const baseUrl = inject('baseUrl');
const dist = inject('distDir');
const SITE = 'https://catalogue-ia.numerique.gouv.fr';

interface Record {
  id: string;
  url: string;
  name: string;
  summary: string;
  submitter: { name: string };
  dataSecurity?: { secNumCloud: string };
  metrics: Array<{ label: string; unit: string }>;
}
const records = (JSON.parse(readFileSync(path.join(dist, 'donnees/laureats.json'), 'utf8')) as { laureates: Record[] }).laureates;
const secNumCloudLabels = new Map(
  (JSON.parse(readFileSync(path.join(dist, 'donnees/nomenclatures.json'), 'utf8')) as { nomenclatures: Array<{ field: string; values: Array<{ value: string; label: string }> }> }).nomenclatures
    .find((n) => n.field === 'dataSecurity.secNumCloud')!
    .values.map((v) => [v.value, v.label]),
);

let browser: Browser;
let tab: ReturnType<typeof tabsOf>;
beforeAll(async () => {
  browser = await launch();
  tab = tabsOf(browser);
});
afterAll(async () => {
  await browser?.close();
});

/** The text of a PDF, whitespace collapsed, and its number of pages. */
async function pdfText(data: Buffer): Promise<{ text: string; pages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(data), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return { text: collapse(parts.join(' ')), pages: pdf.numPages };
}
const collapse = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('a laureate page prints as a fiche (Chromium → PDF, A4)', () => {
  it.each(records.map((r) => [r.id, r] as const))('%s', async (_id, record) => {
    // One tab for every fiche (a new document each time, in the same renderer process), loaded on screen then printed.
    const page = await tab({ locale: 'fr-FR' });
    await page.emulateMedia({ media: null });
    await page.goto(`${baseUrl}/solutions/${record.id}/`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    const { text, pages } = await pdfText(await page.pdf({ format: 'A4', printBackground: false }));
    expect(pages, 'une ou deux pages A4').toBeLessThanOrEqual(2);
    // The key fields…
    expect(text).toContain(collapse(record.name));
    expect(text).toContain(collapse(record.submitter.name));
    expect(text).toContain(collapse(record.summary).slice(0, 60));
    if (record.dataSecurity) expect(text).toContain(collapse(secNumCloudLabels.get(record.dataSecurity.secNumCloud)!));
    for (const m of record.metrics) expect(text).toContain(collapse(m.label).slice(0, 40));
    // …where the fiche lives…
    expect(text).toContain(`${SITE}/solutions/${record.id}/`);
    // …and none of the site's chrome.
    for (const chrome of ['Paramètres d’affichage', 'Accès rapide', 'Plan du site', 'Rechercher dans le catalogue', 'vous êtes ici']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('shows where links lead and keeps the metrics table whole', async () => {
    const record = records.find((r) => r.metrics.length >= 2)!;
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/solutions/${record.id}/`, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      const after = await page.$eval('main .fiche-texte a[href^="http"], main a[href^="/methodologie/"]', (a) => getComputedStyle(a, '::after').content);
      expect(after).toMatch(/attr\(href\)|\(.+\)/);
      const overflow = await page.$$eval('.fr-table__container', (els) => els.map((e) => getComputedStyle(e).overflowX));
      expect(overflow.every((o) => o === 'visible')).toBe(true);
      const { text } = await pdfText(await page.pdf({ format: 'A4' }));
      for (const m of record.metrics) expect(text).toContain(collapse(m.unit));
    } finally {
      await context.close();
    }
  });
});

describe('« Télécharger ces résultats » on the listing', () => {
  async function shown(page: Page): Promise<string[]> {
    return page.$$eval('#liste-resultats > li:not([hidden])', (lis) => lis.map((li) => (li as HTMLElement).dataset.id!));
  }

  it('exports exactly the filtered results, in order, as CSV and JSON', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${baseUrl}/solutions/?categorie=briques-technologiques&tri=nom`, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => /pour :/.test(document.querySelector('#liste-statut')?.textContent ?? ''));
      const ids = await shown(page);
      expect(ids.length).toBeGreaterThan(1);
      expect(ids.length).toBeLessThan(records.length);

      const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('a[data-export="csv"]')]);
      expect(csvDownload.suggestedFilename()).toBe('laureats-selection.csv');
      const rows = parseCsv(readFileSync(await csvDownload.path()), { columns: true }) as Array<{ id: string; name: string }>;
      expect(rows.map((r) => r.id)).toEqual(ids);
      const published = readFileSync(path.join(dist, 'donnees/laureats.csv'), 'utf8').split('\r\n')[0];
      expect(readFileSync(await csvDownload.path(), 'utf8').split('\r\n')[0]).toBe(published);

      const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('a[data-export="json"]')]);
      const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
      expect(json.laureates.map((r: { id: string }) => r.id)).toEqual(ids);
      expect(json.count).toBe(ids.length);
      expect(json.filter).toContain('Catégorie : Brique technologique');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, links to the whole dataset', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/solutions/`);
      expect(await page.getAttribute('a[data-export="csv"]', 'href')).toBe('/donnees/laureats.csv');
      expect(await page.getAttribute('a[data-export="json"]', 'href')).toBe('/donnees/laureats.json');
    } finally {
      await context.close();
    }
  });
});
