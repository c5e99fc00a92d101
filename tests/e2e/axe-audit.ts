/**
 * Every page as a person meets it, in a real browser, in one colour scheme: axe (WCAG 2.2 AA and
 * best practices), no console error, no request to another host, no cookie. Run once per scheme
 * (axe-light.test.ts, axe-dark.test.ts), so the two run side by side on the two cores.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launch, visitor, type Visit } from './browser.ts';
import { htmlFiles, routeOf } from './pages.ts';

export type Scheme = 'light' | 'dark';

export function auditEveryPage(scheme: Scheme) {
  const baseUrl = inject('baseUrl');
  const dist = inject('distDir');
  const routes = htmlFiles(dist).map((f) => routeOf(dist, f));
  let browser: Browser;
  let context: BrowserContext;
  let visit: (route: string) => Promise<Visit>;
  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    visit = visitor(context, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
  });

  // The audit grid (src/lib/rgaa/grille-rgaa.yaml) names this test by its title as written here.
  describe.each([scheme])('every page in the %s scheme', () => {
    it('covers every built page', () => expect(routes.length).toBeGreaterThan(60));
    it.each(routes)('%s', async (route) => {
      const { page, errors, foreign } = await visit(route);
      const theme = await page.evaluate(() => document.documentElement.getAttribute('data-fr-theme'));
      expect(theme).toBe(scheme);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
      // The context is shared by the visits: what this page set is cleared, so the next page is judged on its own.
      const cookies = await context.cookies();
      await context.clearCookies();
      expect(cookies).toEqual([]);
    });
  });
}
