/**
 * The keyboard, in a real browser: the header's dialogs, skip links, a visible focus moving
 * forward on every page, and keyboard-only journeys.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, visitor, type Visit } from './browser.ts';
import { htmlFiles, routeOf } from './pages.ts';

const baseUrl = inject('baseUrl');
const dist = inject('distDir');
const routes = htmlFiles(dist).map((f) => routeOf(dist, f));

let browser: Browser;
let visit: (route: string) => Promise<Visit>;
beforeAll(async () => {
  browser = await launch();
  visit = visitor(await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' }), baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe('the header’s search and menu: named dialogs on small screens, plain regions on large ones', () => {
  // Their markup carries no aria-labelledby (the W3C checker refuses it on a div without a role):
  // the DSFR's Modal names the dialog after its opening button when it becomes one.
  it.each([
    ['recherche-modale', 'recherche-bouton', 'Rechercher'],
    ['menu-modal', 'menu-button', 'Menu'],
  ])('#%s', async (modal, button, name) => {
    const small = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'fr-FR' });
    const page = await small.newPage();
    try {
      await page.goto(baseUrl + '/solutions/', { waitUntil: 'networkidle' });
      await page.click(`#${button}`);
      const dialog = page.getByRole('dialog', { name });
      await dialog.waitFor();
      expect(await dialog.getAttribute('id')).toBe(modal);
      expect(await dialog.getAttribute('aria-modal')).toBe('true');
      await page.keyboard.press('Escape');
      await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('role') !== 'dialog', modal);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.waitForFunction((id) => !document.getElementById(id)?.hasAttribute('aria-labelledby'), modal);
      expect(await page.locator(`#${modal}`).getAttribute('role')).toBeNull();
    } finally {
      await small.close();
    }
  });
});

describe('RGAA 12.7 — the skip links work with the keyboard', () => {
  it('Tab reaches « Contenu » first and Enter moves the focus to the main content', async () => {
    const { page } = await visit('/solutions/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Contenu');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#contenu');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    // The next Tab continues inside the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });
});

describe('RGAA 10.7 — every focusable element shows a visible focus', () => {
  // Every page but the editing interface (outside the audit, see the grid): Tab through the whole page, until the focus leaves it or comes back to the start.
  it.each(routes.filter((r) => !r.startsWith('/admin/')))('%s: tabbing through the page, the focus is visible and moves forward in the reading order (12.8)', async (route) => {
    const { page } = await visit(route);
    const invisible: string[] = [];
    const backwards: string[] = [];
    await page.evaluate(() => ((window as unknown as { lastFocus?: Element }).lastFocus = undefined));
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const w = window as unknown as { lastFocus?: Element; firstFocus?: Element };
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { done: true };
        if (el === w.firstFocus) return { done: true }; // wrapped around
        w.firstFocus ??= el;
        const ring = (s: CSSStyleDeclaration) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        // DSFR "enlarged" links (cards, tiles) draw their focus ring on ::before, around the whole card.
        const visible = ring(getComputedStyle(el)) || ring(getComputedStyle(el, '::before'));
        // The next element in the reading order comes after the previous one in the document (no positive tabindex, no script moving the focus back).
        const forward = !w.lastFocus || !!(w.lastFocus.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        w.lastFocus = el;
        return { done: false, visible, forward, label: `${el.tagName.toLowerCase()} « ${(el.textContent ?? '').trim().slice(0, 40)} »` };
      });
      if (focus.done) break;
      if (!focus.visible) invisible.push(focus.label!);
      if (!focus.forward) backwards.push(focus.label!);
    }
    expect(invisible).toEqual([]);
    expect(backwards).toEqual([]);
  });
});

/** Presses Tab until a laureate link (/solutions/<slug>/) has the focus; returns its address. */
async function tabToLaureate(page: Page, maxTabs: number): Promise<string | null> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? null);
    if (href && /^\/solutions\/[a-z0-9-]+\/$/.test(href)) return href;
  }
  return null;
}

describe('a keyboard-only journey', () => {
  it('skip link → search → result → laureate page → back to its category, with Tab, typing and Enter only', async () => {
    const { page, errors } = await visit('/');
    // 1. The « Recherche » skip link (third) puts the focus in the header search field.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Recherche');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('recherche-entete-champ');
    // 2. Search.
    await page.keyboard.type('transcription des réunions');
    await Promise.all([page.waitForURL('**/recherche/?q=*'), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => /résultat/.test(document.querySelector('#recherche-statut')?.textContent ?? ''));
    // 3. Tab from the search button to the results, to the first laureate (a /solutions/… link).
    await page.focus('#recherche-page button[type="submit"]');
    const target = await tabToLaureate(page, 30);
    expect(target).not.toBeNull();
    await Promise.all([page.waitForURL(`**${target}`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').count()).toBe(1);
    // 4. Skip to the content, then Tab to the breadcrumb link of the laureate's category (or call).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#contenu');
    let crumb: string | null = null;
    for (let i = 0; i < 10 && !crumb; i++) {
      await page.keyboard.press('Tab');
      crumb = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.classList.contains('fr-breadcrumb__link') && el.getAttribute('href') !== '/' ? el.getAttribute('href') : null;
      });
    }
    expect(crumb).toMatch(/^\/(categories|appels)\/[a-z0-9-]+\/$/);
    await Promise.all([page.waitForURL(`**${crumb}`), page.keyboard.press('Enter')]);
    expect(await page.evaluate(() => location.pathname)).toBe(crumb);
    expect(errors).toEqual([]);
  });

  it('skip link → listing → a laureate card, with Tab and Enter only', async () => {
    const { page } = await visit('/solutions/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const target = await tabToLaureate(page, 80);
    expect(target).not.toBeNull();
    await Promise.all([page.waitForURL(`**${target}`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').count()).toBe(1);
  });
});
