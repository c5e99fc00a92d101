/**
 * RGAA checks that need the browser's rendering, on every page of the
 * audit's sample (src/lib/rgaa/grille-rgaa.yaml):
 * - forced colours (Windows high contrast; Chromium's `forcedColors:
 *   'active'`): every DSFR icon keeps a visible colour, every element reached
 *   with Tab still shows a focus ring (box shadows are dropped in that mode);
 * - reduced motion (`prefers-reduced-motion: reduce`): nothing moves,
 *   nothing animates;
 * - the accessibility tree's structure, compared with the expected one.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, tabsOf } from './browser.ts';
import { siteAudit } from '../../src/lib/rgaa/audit.ts';

const baseUrl = inject('baseUrl');
const sample = siteAudit().echantillon.map((p) => p.adresse);

let browser: Browser;
let tab: ReturnType<typeof tabsOf>;
beforeAll(async () => {
  browser = await launch();
  tab = tabsOf(browser);
});
afterAll(async () => {
  await browser?.close();
});

/** The page in a tab kept for these media settings (reused from page to page). */
async function open(route: string, media: Parameters<Page['emulateMedia']>[0]): Promise<Page> {
  const page = await tab({ viewport: { width: 1280, height: 900 }, ...media });
  await page.goto(baseUrl + route, { waitUntil: 'networkidle' });
  return page;
}

describe('RGAA 10.7 — forced colours: icons and focus rings stay visible', () => {
  it.each(sample)('%s', async (route) => {
    const page = await open(route, { forcedColors: 'active' });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    // A DSFR icon is a mask over the pseudo-element's background: forced colours would paint it with the page's background.
    const invisible = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[class*="fr-icon-"], [class*="fr-fi-"]')]
        .filter((el) => el.offsetParent !== null)
        .flatMap((el) =>
          (['::before', '::after'] as const).flatMap((pseudo) => {
            const s = getComputedStyle(el, pseudo);
            if (s.content === 'none' || s.content === 'normal' || s.maskImage === 'none' && s.webkitMaskImage === 'none') return [];
            const painted = s.forcedColorAdjust === 'none' && s.backgroundColor !== 'rgba(0, 0, 0, 0)';
            return painted ? [] : [`${el.className} ${pseudo}`];
          }),
        ),
    );
    expect(invisible).toEqual([]);
    const noRing: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const ring = (s: CSSStyleDeclaration) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        return { visible: ring(getComputedStyle(el)) || ring(getComputedStyle(el, '::before')), label: `${el.tagName.toLowerCase()} « ${(el.textContent ?? '').trim().slice(0, 40)} »` };
      });
      if (focus && !focus.visible) noRing.push(focus.label);
    }
    expect(noRing).toEqual([]);
  });
});

describe('RGAA 13.8 — reduced motion: nothing moves when the user asks for less', () => {
  /** Properties whose transition is a movement (colour fades are not). */
  const MOTION = /^(all|transform|translate|scale|rotate|opacity|visibility|top|right|bottom|left|margin.*|height|max-height|width|max-width|inset.*)$/;
  it.each(sample)('%s', async (route) => {
    const page = await open(route, { reducedMotion: 'reduce' });
    const moving = await page.evaluate((motion) => {
      const re = new RegExp(motion);
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        for (const pseudo of [null, '::before', '::after'] as const) {
          const s = getComputedStyle(el, pseudo);
          const properties = s.transitionProperty.split(',').map((p) => p.trim());
          const durations = s.transitionDuration.split(',').map((d) => parseFloat(d));
          const moves = properties.some((p, i) => re.test(p) && (durations[i % durations.length] ?? 0) > 0);
          const animates = s.animationName !== 'none' && parseFloat(s.animationDuration) > 0;
          if (moves || animates) out.push(`${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')}${pseudo ?? ''}`);
        }
        if (out.length >= 5) break;
      }
      return out;
    }, MOTION.source);
    expect(moving).toEqual([]);
  });
});

/**
 * The accessibility tree of each page kind of the sample, reduced to its
 * structure (landmarks, headings, forms, groups, tables, dialogs, the
 * controls' roles and names), compared with the expected one in
 * tests/e2e/aria/<page>.yaml. After a deliberate change of structure,
 * `UPDATE_ARIA_SNAPSHOTS=1 npm run test:site -- tests/e2e/rgaa-browser.test.ts`
 * rewrites them; the diff is then reviewed like code.
 */
const STRUCTURE = /^\s*- (banner|navigation|main|contentinfo|search|form|region|heading|group|table|dialog|button|checkbox|combobox|searchbox|textbox|radio)\b/;
const ARIA_DIR = path.join(import.meta.dirname, 'aria');

describe('RGAA 7.1, 9.2, 12.6 — the accessibility tree of each page kind matches its expected structure', () => {
  it.each(siteAudit().echantillon.map((p) => [p.id, p.adresse] as const))('%s (%s)', async (id, route) => {
    const page = await open(route, {});
    const tree = (await page.locator('body').ariaSnapshot())
      .split('\n')
      .filter((line) => STRUCTURE.test(line))
      .join('\n');
    const file = path.join(ARIA_DIR, `${id}.yaml`);
    if (process.env.UPDATE_ARIA_SNAPSHOTS) {
      mkdirSync(ARIA_DIR, { recursive: true });
      writeFileSync(file, `${tree}\n`);
    }
    expect(existsSync(file), `${path.relative(process.cwd(), file)} : à créer avec UPDATE_ARIA_SNAPSHOTS=1`).toBe(true);
    expect(tree).toBe(readFileSync(file, 'utf8').trimEnd());
  });
});
