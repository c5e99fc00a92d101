/**
 * What axe cannot check, on every built page, in Chromium:
 * - RGAA 10.11 (reflow): at 320 CSS px wide, and at 640 px (a 1280 px window
 *   zoomed to 200 %, RGAA 10.4), no horizontal scrolling of the page; a data
 *   table wider than the screen scrolls inside its own container, which is
 *   focusable and named after the table's caption;
 * - RGAA 10.12 (text spacing): with the WCAG 1.4.12 settings (line height
 *   1.5, letters 0.12 em, words 0.16 em, paragraphs 2 em), still no page
 *   scroll at 320 px and no text cut off by a box that hides its overflow.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';
import { loadPages } from './pages.ts';

const baseUrl = inject('baseUrl');
const dist = inject('distDir');
/** Every page but the editing interface (an internal tool, outside the audit: see the grid). */
const routes = loadPages(dist)
  .map((p) => p.route)
  .filter((r) => !r.startsWith('/admin/'));

let browser: Browser;
/**
 * One tab per check, reused from page to page: each visit is a new document, and the tab keeps one
 * renderer process (a new tab or context starts a process of its own, ≈ 0.8 s a visit here).
 */
let reflow: Page;
let spacing: Page;
beforeAll(async () => {
  browser = await launch();
  reflow = await (await browser.newContext()).newPage();
  spacing = await (await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** The WCAG 1.4.12 text-spacing bookmarklet's rules. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** Elements wider than the viewport that make the page scroll sideways, by a readable selector. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      // Inside a container that scrolls or clips on its own: not the page's overflow.
      let p = el.parentElement;
      let contained = false;
      while (p && p !== document.body) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') {
          contained = true;
          break;
        }
        p = p.parentElement;
      }
      if (contained) continue;
      out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (${Math.round(r.right)} px)`);
      if (out.length >= 5) break;
    }
    return out.length > 0 ? out : [`la page fait ${document.documentElement.scrollWidth} px`];
  });
}

/** Text cut off: boxes that hide their overflow while their content is larger (line clamps of card texts aside: the whole text is on the fiche). */
function clipped(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.visibility === 'hidden') continue;
      const hides = (o: string) => o === 'hidden' || o === 'clip';
      if (!hides(s.overflowX) && !hides(s.overflowY)) continue;
      if (s.webkitLineClamp && s.webkitLineClamp !== 'none') continue;
      // Visually hidden text for assistive technologies (fr-sr-only and the like) is meant to be clipped.
      if (el.clientWidth <= 1 || el.clientHeight <= 1 || s.position === 'absolute' && s.clip !== 'auto') continue;
      if (!el.textContent?.trim()) continue;
      const lostY = hides(s.overflowY) && el.scrollHeight > el.clientHeight + 2;
      const lostX = hides(s.overflowX) && el.scrollWidth > el.clientWidth + 2;
      if (lostX || lostY) out.push(`${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')} « ${el.textContent.trim().slice(0, 40)} »`);
    }
    return out;
  });
}

describe('RGAA 10.11, 10.4 — reflow: no horizontal page scroll at 320 px and at 200 % zoom', () => {
  it('checks every page but the editing interface', () => expect(routes.length).toBeGreaterThan(60));
  it.each(routes)('%s', async (route) => {
    const page = reflow;
    await page.setViewportSize({ width: 640, height: 800 });
    await page.goto(baseUrl + route, { waitUntil: 'load' });
    expect(await overflowing(page), '640 px (200 %)').toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await overflowing(page), '320 px').toEqual([]);
    // Data tables scroll in their own container, reachable with the keyboard and named.
    const containers = await page.$$eval('table', (tables) =>
      tables.map((t) => {
        let p = t.parentElement;
        while (p && getComputedStyle(p).overflowX === 'visible') p = p.parentElement;
        return { scrolls: !!p && p !== document.body, focusable: p?.getAttribute('tabindex') === '0', named: !!(p?.getAttribute('aria-labelledby') || p?.getAttribute('aria-label')) };
      }),
    );
    for (const c of containers) expect(c).toEqual({ scrolls: true, focusable: true, named: true });
  });
});

describe('RGAA 10.12 — text spacing: no loss of content at 320 px', () => {
  it.each(routes)('%s', async (route) => {
    const page = spacing;
    await page.goto(baseUrl + route, { waitUntil: 'load' });
    // What is clipped by design (icon-only buttons hide their label, which stays their accessible name) is not a loss.
    const before = new Set(await clipped(page));
    await page.addStyleTag({ content: TEXT_SPACING });
    expect(await overflowing(page), 'défilement horizontal').toEqual([]);
    expect((await clipped(page)).filter((c) => !before.has(c)), 'texte coupé').toEqual([]);
  });
});
