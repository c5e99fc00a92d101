/**
 * The reduced DSFR CSS (src/lib/dsfr-purge.ts) styles every page exactly as
 * the whole bundles do: for each page kind, in the states the DSFR's scripts
 * create (mobile menu open, display settings open, breadcrumb expanded, dark
 * theme), the computed style of every element and of its ::before/::after
 * is compared with the same page served the whole bundles.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';

const baseUrl = inject('baseUrl');
const dist = inject('distDir');
const WHOLE = path.resolve(import.meta.dirname, '../../public/dsfr/bundles');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type State = 'initial' | 'menu' | 'display' | 'breadcrumb' | 'dark' | 'forced';

/** Every element's computed style (and its pseudo-elements'), one line each. */
async function styles(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Standard properties only: the custom properties the reduced CSS drops are, by construction, read by nothing
    // (and one that something reads changes a standard property, which is compared).
    const props = [...getComputedStyle(document.documentElement)].filter((p) => !p.startsWith('--') && !p.startsWith('transition') && !p.startsWith('animation') && p !== 'caret-color');
    const lines: string[] = [];
    const pathOf = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.documentElement; e = e.parentElement) {
        const i = e.parentElement ? [...e.parentElement.children].indexOf(e) : 0;
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}:${i}`);
      }
      return parts.join('>');
    };
    for (const el of [document.documentElement, ...document.querySelectorAll('body *')]) {
      for (const pseudo of [null, '::before', '::after'] as const) {
        const s = getComputedStyle(el, pseudo);
        if (pseudo && (s.content === 'none' || s.content === 'normal')) continue;
        lines.push(`${pathOf(el)}${pseudo ?? ''} ${props.map((p) => `${p}=${s.getPropertyValue(p)}`).join(';')}`);
      }
    }
    return lines;
  });
}

/** One tab per state and CSS (reused from page to page: a new document each time, in the same renderer process). */
const tabs = new Map<string, Promise<Page>>();
function tabFor(state: State, whole: boolean): Promise<Page> {
  const key = `${state} ${whole}`;
  let tab = tabs.get(key);
  if (!tab) {
    tab = (async () => {
      const mobile = state === 'menu' || state === 'breadcrumb';
      const context = await browser.newContext({
        viewport: mobile ? { width: 375, height: 800 } : { width: 1280, height: 900 },
        reducedMotion: 'reduce',
        locale: 'fr-FR',
        ...(state === 'forced' ? { forcedColors: 'active' as const } : {}),
      });
      if (whole) {
        await context.route('**/dsfr/bundles/*.css', (r) => r.fulfill({ body: readFileSync(path.join(WHOLE, path.basename(new URL(r.request().url()).pathname))), contentType: 'text/css' }));
      }
      if (state === 'dark') await context.addInitScript(() => localStorage.setItem('scheme', 'dark'));
      return context.newPage();
    })();
    tabs.set(key, tab);
  }
  return tab;
}

/** The page in a state, with the reduced CSS of the site or the whole bundles. */
async function render(route: string, state: State, whole: boolean): Promise<string[]> {
  const page = await tabFor(state, whole);
  await page.goto(`${baseUrl}${route}`, { waitUntil: 'networkidle' });
  // Let the fonts arrive and the scripts settle, then have the DSFR measure again (collapses read heights).
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() => document.documentElement.getAttribute('data-fr-js') === 'true');
  await page.evaluate(() => window.dispatchEvent(new Event('resize')));
  await page.waitForTimeout(300);
  if (state === 'menu') await page.click('.fr-header__navbar .fr-btn--menu');
  if (state === 'display') await page.click('.fr-footer [aria-controls="fr-theme-modal"]');
  if (state === 'breadcrumb') await page.locator('.fr-breadcrumb__button').click();
  if (state === 'dark') await page.waitForFunction(() => document.documentElement.getAttribute('data-fr-theme') === 'dark');
  // Nothing hovered: the pointer would style whatever lies under it.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  return styles(page);
}

const PAGES: Record<string, { route: string; states: State[] }> = {
  accueil: { route: '/', states: ['initial', 'menu', 'display', 'dark', 'forced'] },
  liste: { route: '/solutions/', states: ['initial', 'breadcrumb', 'dark', 'forced'] },
  fiche: { route: '/solutions/plume/', states: ['initial', 'menu', 'breadcrumb', 'dark', 'forced'] },
  categorie: { route: '/categories/solutions-applicatives/', states: ['initial', 'dark'] },
  thematique: { route: '/thematiques/traduction-automatique/', states: ['initial'] },
  appel: { route: '/appels/solutions-ia-2025/', states: ['initial'] },
  recherche: { route: '/recherche/?q=courrier', states: ['initial', 'dark'] },
  comparaison: { route: '/comparer/?ids=plume,courrier-clair,guichet-dialogue', states: ['initial', 'breadcrumb', 'dark'] },
  'comparaison de thématique': { route: '/thematiques/traduction-automatique/comparer/', states: ['initial'] },
  guide: { route: '/trouver/', states: ['initial', 'display', 'dark'] },
  page: { route: '/methodologie/', states: ['initial', 'dark'] },
  donnees: { route: '/donnees/', states: ['initial'] },
  'plan du site': { route: '/plan-du-site/', states: ['initial'] },
  edition: { route: '/admin/', states: ['initial'] },
  404: { route: '/404.html', states: ['initial'] },
};

describe('the DSFR CSS reduced to the rules the pages use', () => {
  it('is much lighter than the whole bundles', () => {
    for (const name of ['fiche', 'liste', 'comparaison', 'guide']) {
      const whole = gzipSync(readFileSync(path.join(WHOLE, `${name}.css`))).length;
      const reduced = gzipSync(readFileSync(path.join(dist, 'dsfr/bundles', `${name}.css`))).length;
      expect(reduced, name).toBeGreaterThan(5_000);
      expect(reduced / whole, name).toBeLessThan(0.5);
    }
  });

  for (const [kind, { route, states }] of Object.entries(PAGES)) {
    it.each(states)(`${kind} (${route}), state %s: every element styled as with the whole DSFR`, async (state) => {
      const [whole, reduced] = await Promise.all([render(route, state, true), render(route, state, false)]);
      expect(reduced.length, 'nombre d’éléments').toBe(whole.length);
      const differences = reduced.flatMap((line, i) => {
        if (line === whole[i]) return [];
        const [at, a = ''] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
        const b = whole[i]!.slice(whole[i]!.indexOf(' ') + 1);
        const pa = a.split(';');
        const pb = b.split(';');
        return [`${at} : ${pa.filter((p, j) => p !== pb[j]).slice(0, 3).map((p) => `${p} (au lieu de ${pb[pa.indexOf(p)]})`).join(', ')}`];
      });
      expect(differences.slice(0, 10)).toEqual([]);
    });
  }
});
