/**
 * « Trouver une solution » in Chromium: keyboard only from the questions to a
 * marked shortlist and the comparison; « not declared » reads « ? » and is
 * never hidden; the answers live in the address (back/forward); axe in both
 * schemes; without JavaScript the page links to the prefiltered listings.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SELECTION_KEY } from '../../src/lib/selection.ts';
import { axeViolations, launch, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const open = (route: string, options: Parameters<Browser['newContext']>[0] = {}) => openPage(browser, baseUrl + route, options);

/** The marks a solution of the shortlist shows, as « ✓ SecNumCloud : rempli » texts. */
const marksOf = (page: Page, name: string) =>
  page.locator('.guide-solution', { has: page.locator('h4', { hasText: new RegExp(`^${name}$`) }) }).locator('.fr-badge').allTextContents();

describe('a buyer finds a shortlist, keyboard only', () => {
  it('answers with Tab and Space, reads honest marks, goes back and forth, adds the matches and compares them', async () => {
    const { page, context, errors } = await open('/trouver/');
    try {
      expect(await page.locator('#guide-statut').textContent()).toContain('Répondez à au moins une question');
      // Tab to « Qualification SecNumCloud exigée », tick it with Space.
      let label = '';
      for (let i = 0; i < 80 && !label.startsWith('Qualification SecNumCloud'); i++) {
        await page.keyboard.press('Tab');
        label = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return el?.labels?.[0]?.textContent?.trim() ?? '';
        });
      }
      expect(label).toMatch(/^Qualification SecNumCloud exigée/);
      await page.keyboard.press('Space');
      await page.waitForURL('**/trouver/?hebergement=secnumcloud');
      await page.waitForFunction(() => /critère/.test(document.querySelector('#guide-statut')?.textContent ?? ''));

      // A 2019 project does not say: « ? », counted neither way, listed with the matches.
      expect(await marksOf(page, 'Optimiser le traitement des signalements des événements sanitaires indésirables')).toEqual(['?\u00a0SecNumCloud : non renseigné']);
      const firstGroup = page.locator('#guide-resultats ol').first();
      expect(await firstGroup.locator('h4', { hasText: 'Optimiser le traitement des signalements des événements sanitaires indésirables' }).count()).toBe(1);
      // A qualified solution: ✓; one that is not: ✗, in the second group.
      const marks = await page.locator('#guide-resultats .fr-badge').allTextContents();
      expect(marks.some((m) => m.startsWith('✓'))).toBe(true);
      expect(marks.some((m) => m.startsWith('✗'))).toBe(true);
      const total = await page.locator('.guide-solution').count();
      expect(total).toBe(await page.evaluate(() => JSON.parse(document.getElementById('guide-solutions-donnees')!.textContent!).length));

      // A second answer, then back: the address and the form follow.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.waitForURL(/hebergement=secnumcloud&hebergement=sur-site/);
      await page.goBack();
      await page.waitForURL('**/trouver/?hebergement=secnumcloud');
      expect(await page.locator('#guide-hebergement-sur-site').isChecked()).toBe(false);
      expect(await page.locator('#guide-hebergement-secnumcloud').isChecked()).toBe(true);

      // « Tout ajouter à ma sélection » → the comparison of those without a ✗.
      const matches = await firstGroup.locator('h4 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/')[2]));
      await page.locator('#guide-tout').focus();
      await Promise.all([page.waitForURL('**/comparer/**'), page.keyboard.press('Enter')]);
      const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), SELECTION_KEY))!);
      expect(stored).toEqual(matches.slice(0, 20));
      expect(new URL(page.url()).searchParams.get('ids')!.split(',')).toEqual(matches.slice(0, 20));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a shared address opens the same answers and shortlist', async () => {
    const { page, context } = await open('/trouver/?public=collectivites-territoriales&hebergement=france&deploiement=50000');
    try {
      expect(await page.locator('#guide-public-collectivites-territoriales').isChecked()).toBe(true);
      expect(await page.locator('#guide-deploiement-champ').inputValue()).toBe('50000');
      expect(await page.locator('#guide-statut').textContent()).toMatch(/^3 critères/);
    } finally {
      await context.close();
    }
  });
});

describe('the guide page', () => {
  it.each(['light', 'dark'] as const)('passes axe with answers, in the %s scheme', async (colorScheme) => {
    const { page, context, errors } = await open('/trouver/?hebergement=secnumcloud&donnees=sante&open-source=oui', { colorScheme });
    try {
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('asks at least four questions, each a fieldset with its legend', async () => {
    const { page, context } = await open('/trouver/');
    try {
      const legends = await page.locator('#guide fieldset > legend').allTextContents();
      expect(legends.length).toBeGreaterThanOrEqual(4);
      expect(await page.locator('#guide fieldset').count()).toBe(legends.length);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, says so and links to the prefiltered listings', async () => {
    const { page, context } = await open('/trouver/', { javaScriptEnabled: false });
    try {
      expect(await page.locator('.sans-js').isVisible()).toBe(true);
      expect(await page.locator('#guide').isVisible()).toBe(false);
      const links = await page.locator('.sans-js a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toContain('/solutions/?secnumcloud=qualifie');
      expect(links).toContain('/solutions/?centrale=oui');
    } finally {
      await context.close();
    }
  });
});
