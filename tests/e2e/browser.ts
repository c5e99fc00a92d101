/**
 * The Chromium the browser checks and the bench drive with playwright-core
 * (browser downloads are not possible here): `CHROMIUM_PATH` when set, else
 * the system's Chromium (Debian's `chromium`, the faster path `.ci/run`
 * installs), else the headless Chromium shipped inside the npm package
 * `@sparticuz/chromium` (unpacked into the temporary folder at first use),
 * so that `npm install && npm test` needs nothing else.
 */
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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

/** The WCAG levels we answer to, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe's violations on the page as it is, one line each (empty when none). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
