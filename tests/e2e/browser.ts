/**
 * The Chromium the browser checks and the bench drive with playwright-core
 * (browser downloads are not possible here): `CHROMIUM_PATH` when set, else
 * the system's Chromium (Debian's `chromium`, the faster path `.ci/run`
 * installs), else the headless Chromium shipped inside the npm package
 * `@sparticuz/chromium` (unpacked into the temporary folder at first use),
 * so that `npm install && npm test` needs nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

let resolved: Promise<{ path: string; source: string }> | undefined;

/** Which Chromium is used, and where it comes from (printed by the test setup). */
export function chromiumExecutable(): Promise<{ path: string; source: string }> {
  resolved ??= (async () => {
    if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
    const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
    if (system) return { path: system, source: 'Chromium du système' };
    const { default: packaged } = await import('@sparticuz/chromium');
    return { path: await packaged.executablePath(), source: 'paquet npm @sparticuz/chromium' };
  })();
  return resolved;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: (await chromiumExecutable()).path, args: CHROMIUM_ARGS });
}

/** A page of the built site in a fresh browser context (French, 1280 × 900 unless told), with the errors it logs. */
export async function openPage(browser: Browser, url: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, context, errors };
}

export interface Visit {
  page: Page;
  /** What the page logged as errors (console and uncaught exceptions). */
  errors: string[];
  /** Requests sent to another host than the site's. */
  foreign: string[];
}

/**
 * Visits pages of the built site one after the other in one tab of `context`, each loaded until
 * the network is idle, with what it logs as errors and the requests it sends to another host.
 * Reusing the tab keeps one renderer process for the whole site (a new tab starts a process of its
 * own: ≈ 0.8 s a visit on this machine); each visit is still a new document. Fails unless the page
 * answers 200.
 */
export function visitor(context: BrowserContext, baseUrl: string): (route: string) => Promise<Visit> {
  const origin = new URL(baseUrl).origin;
  let tab: Page | undefined;
  let current: Omit<Visit, 'page'> = { errors: [], foreign: [] };
  return async (route) => {
    if (!tab || tab.isClosed()) {
      tab = await context.newPage();
      tab.on('console', (m) => {
        if (m.type() === 'error') current.errors.push(m.text());
      });
      tab.on('pageerror', (e) => current.errors.push(e.message));
      tab.on('request', (r) => {
        const url = new URL(r.url());
        if (url.protocol !== 'data:' && url.origin !== origin) current.foreign.push(r.url());
      });
    }
    current = { errors: [], foreign: [] };
    const response = await tab.goto(baseUrl + route, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`${route} : réponse ${response?.status() ?? 'absente'} au lieu de 200`);
    return { page: tab, ...current };
  };
}

/**
 * One tab per set of context options, opened at first use and reused by every later visit with the
 * same options (each visit a new document in the same renderer process, as with visitor).
 */
export function tabsOf(browser: Browser): (options?: BrowserContextOptions) => Promise<Page> {
  const opened = new Map<string, Promise<Page>>();
  return (options = {}) => {
    const key = JSON.stringify(options);
    let tab = opened.get(key);
    if (!tab) opened.set(key, (tab = browser.newContext(options).then((context) => context.newPage())));
    return tab;
  };
}

/** The WCAG levels we answer to, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core's own build, the one @axe-core/playwright injects. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe's violations on the page as it is, one line each (empty when none). axe-core runs in the page
 * itself (the pages have no frames): @axe-core/playwright's default mode runs the same rules, then
 * opens a blank page to merge per-frame results, which made each check 2–3 times slower. Only the
 * violations are reported in full (`resultTypes`); passes are still computed, with one example each.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const frames = await page.evaluate(() => document.querySelectorAll('iframe, frame').length);
  if (frames > 0) throw new Error(`${page.url()} : la page contient ${frames} cadre(s) ; axeViolations ne les contrôle pas, utiliser AxeBuilder`);
  return page.evaluate(async (tags) => {
    type Axe = { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: string[] }> }> }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
}
