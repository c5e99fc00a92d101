/**
 * RGAA 3.3 (WCAG 1.4.11) — the contrast of interface components and graphics, measured in
 * Chromium on every page of the audit's sample, in the light and the dark theme, as an auditor's
 * colour picker would: the colour that identifies each component against the colour it sits on,
 * ≥ 3:1. What is measured (axe does not):
 * - text fields and selects: their bottom line against the field's background;
 * - checkboxes, radios and toggles: their outline, drawn by the DSFR as gradients, against the
 *   background around them; a checked box's fill too;
 * - secondary and tertiary buttons: their outline against the background around them;
 * - icons (DSFR masks, painted in the text colour): against the background behind them;
 * - the focus ring of every element reached with Tab (drawn outside the element): against the
 *   background around it.
 * Text contrast (3.2) is axe's `color-contrast`, in axe-light.test.ts and axe-dark.test.ts. Tags and badges carry their
 * text, which identifies them: their fill is not measured (WCAG's understanding of 1.4.11).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, tabsOf } from './browser.ts';
import { siteAudit } from '../../src/lib/rgaa/audit.ts';

const baseUrl = inject('baseUrl');
const sample = siteAudit().echantillon.map((p) => p.adresse);
/** WCAG 1.4.11's threshold for non-text contrast. */
const MINIMUM = 3;

let browser: Browser;
let tab: ReturnType<typeof tabsOf>;
beforeAll(async () => {
  browser = await launch();
  tab = tabsOf(browser);
});
afterAll(async () => {
  await browser?.close();
});

interface Measure {
  what: string;
  fg: string;
  bg: string;
  ratio: number;
}

/** Runs in the page: the colour helpers and the measures of the components as drawn. */
function measureComponents(): Measure[] {
  type Rgba = [number, number, number, number];
  const parse = (c: string): Rgba | undefined => {
    const m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(c.trim());
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const css = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
  /** The opaque colour behind an element: its own background and its ancestors', blended. */
  const behind = (el: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] === 1) break;
      }
    }
    return layers.reduceRight<Rgba>((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
  };
  /** The opaque-enough colours of a computed value: rgb() functions, and the fills and strokes of an inline SVG (`%23rrggbb`). */
  const colours = (value: string) => [
    ...[...value.matchAll(/rgba?\([^)]*\)/g)].map((m) => parse(m[0])).filter((c): c is Rgba => !!c && c[3] > 0),
    ...[...value.matchAll(/(?:stroke|fill)=(?:'|\\'|%27)?%23([0-9a-f]{6})/gi)].map((m): Rgba => [parseInt(m[1]!.slice(0, 2), 16), parseInt(m[1]!.slice(2, 4), 16), parseInt(m[1]!.slice(4, 6), 16), 1]),
  ];
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility === 'visible' && !el.closest('[hidden], .fr-sr-only, [aria-hidden="true"] dialog');
  };
  const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 2).join('.')} « ${(el.textContent ?? '').trim().slice(0, 30)} »`;
  const out: Measure[] = [];
  const add = (what: string, fg: Rgba, bg: Rgba) => out.push({ what, fg: css(fg), bg: css(bg), ratio: Math.round(ratio(over(fg, bg), bg) * 100) / 100 });

  for (const field of document.querySelectorAll('input.fr-input, select.fr-select, textarea.fr-input')) {
    if (!visible(field)) continue;
    const bg = behind(field);
    const line = colours(getComputedStyle(field).boxShadow)[0];
    if (!line) out.push({ what: `champ sans trait inférieur : ${name(field)}`, fg: 'aucun', bg: css(bg), ratio: 0 });
    else add(`trait du champ ${name(field)}`, line, bg);
  }
  const rgbOnly = (value: string) => colours(value.replace(/url\([^)]*\)/g, ''));
  const svgOnly = (value: string) => colours((value.match(/url\([^)]*\)/g) ?? []).join(' '));
  const controls: Array<[string, string, 'label' | '::before']> = [
    ['case à cocher', '.fr-checkbox-group input[type=checkbox] ~ label', '::before'],
    ['bouton radio', '.fr-radio-group:not(.fr-radio-rich) input[type=radio] ~ label', 'label'],
  ];
  for (const [kind, selector, where] of controls) {
    for (const label of document.querySelectorAll(selector)) {
      if (!visible(label)) continue;
      const s = where === 'label' ? getComputedStyle(label) : getComputedStyle(label, '::before');
      const bg = behind(label);
      // The outline (gradients and shadows) against the page; a checked box's fill too, and its mark (an inline SVG) against the fill.
      const drawn = [...rgbOnly(s.backgroundImage), ...colours(s.boxShadow), ...(parseFloat(s.borderTopWidth) > 0 ? colours(s.borderTopColor) : [])];
      if (drawn.length === 0) out.push({ what: `${kind} sans contour mesurable : ${name(label)}`, fg: 'aucun', bg: css(bg), ratio: 0 });
      for (const c of new Set(drawn.map(css))) add(`${kind} ${name(label)}`, parse(c)!, bg);
      const fill = parse(s.backgroundColor);
      if (fill && fill[3] > 0) {
        add(`${kind} cochée ${name(label)}`, fill, bg);
        for (const mark of svgOnly(s.backgroundImage)) add(`coche de ${kind} ${name(label)}`, mark, over(fill, bg));
      }
    }
  }
  // A toggle: its track (an SVG drawn in the label's ::before) and its thumb (the ::after's outline).
  for (const label of document.querySelectorAll('.fr-toggle input[type=checkbox] ~ label')) {
    if (!visible(label)) continue;
    const bg = behind(label);
    const track = colours(getComputedStyle(label, '::before').backgroundImage);
    const thumb = colours(getComputedStyle(label, '::after').boxShadow);
    if (track.length === 0 || thumb.length === 0) out.push({ what: `interrupteur sans contour mesurable : ${name(label)}`, fg: 'aucun', bg: css(bg), ratio: 0 });
    for (const c of [...track, ...thumb]) add(`interrupteur ${name(label)}`, c, bg);
  }
  for (const button of document.querySelectorAll('.fr-btn--secondary, .fr-btn--tertiary')) {
    if (!visible(button)) continue;
    const line = colours(getComputedStyle(button).boxShadow)[0];
    if (line) add(`contour du bouton ${name(button)}`, line, behind(button.parentElement));
  }
  for (const el of document.querySelectorAll('[class*="fr-icon-"], [class*="fr-btn--"], .fr-link, .fr-tag, .fr-badge, .fr-breadcrumb__button, .fr-nav__btn, .fr-pagination__link, .fr-accordion__btn, .fr-sidemenu__btn')) {
    if (!visible(el)) continue;
    for (const pseudo of ['::before', '::after'] as const) {
      const s = getComputedStyle(el, pseudo);
      if (s.content === 'none' || s.content === 'normal' || (s.maskImage === 'none' && s.webkitMaskImage === 'none')) continue;
      if (parseFloat(s.width) === 0 || s.display === 'none') continue;
      const paint = parse(s.backgroundColor);
      if (paint && paint[3] > 0) add(`icône ${pseudo} de ${name(el)}`, paint, behind(el));
    }
  }
  return out;
}

/** The page in the scheme's tab (reused from page to page). */
async function open(route: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await tab({ viewport: { width: 1280, height: 900 }, colorScheme, locale: 'fr-FR' });
  await page.goto(baseUrl + route, { waitUntil: 'networkidle' });
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-fr-theme'))).toBe(colorScheme);
  return page;
}

describe.each(['light', 'dark'] as const)('RGAA 3.3 — non-text contrast of components, icons and focus rings (%s theme)', (scheme) => {
  it.each(sample)('%s', async (route) => {
    const page = await open(route, scheme);
    const measures = await page.evaluate(measureComponents);
    // Focus rings: every element Tab reaches, its outline against what surrounds it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        const s = getComputedStyle(el);
        return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineColor : '', tag: `${el.tagName.toLowerCase()} « ${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)} »` };
      });
      if (!ring) break;
      if (!ring.outline) continue; // keyboard.test.ts requires a visible focus; this measures the ones drawn as outlines.
      const measured = await page.evaluate(
        ([outline, what]) => {
          const parse = (c: string) => /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/.exec(c)!.slice(1, 4).map(Number);
          const lum = (rgb: number[]) => {
            const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * lin(rgb[0]!) + 0.7152 * lin(rgb[1]!) + 0.0722 * lin(rgb[2]!);
          };
          let bg = [255, 255, 255];
          for (let e = document.activeElement!.parentElement; e; e = e.parentElement) {
            const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)/.exec(getComputedStyle(e).backgroundColor);
            if (m && (m[4] === undefined || Number(m[4]) === 1)) {
              bg = [Number(m[1]), Number(m[2]), Number(m[3])];
              break;
            }
          }
          const [hi, lo] = [lum(parse(outline)), lum(bg)].sort((a, b) => b - a) as [number, number];
          return { what: `anneau de focus de ${what}`, fg: outline, bg: `rgb(${bg.join(', ')})`, ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 };
        },
        [ring.outline, ring.tag] as const,
      );
      measures.push(measured);
    }
    expect(measures.length).toBeGreaterThan(3);
    expect(measures.some((m) => m.what.startsWith('anneau de focus'))).toBe(true);
    expect(measures.filter((m) => m.ratio < MINIMUM).map((m) => `${m.what} : ${m.fg} sur ${m.bg} = ${m.ratio}:1`)).toEqual([]);
  });
});
