/**
 * The built site served as production serves it: Debian's nginx with the configuration the build
 * generated (src/lib/server/). Every file fetched through it with the expected status, type,
 * headers, cache policy and encoding; the pages that run scripts opened in Chromium under the
 * header CSP with no violation; framing by another origin refused; the headers graded by the
 * HTTP Observatory's published rules. Skipped, with the reason printed, where nginx is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';
import { htmlFiles, routeOf } from './pages.ts';
import { HEADERS_FILE, SERVER_DIR } from '../../src/lib/server/nginx.ts';
import { headersFor, sitePolicies, type Policies } from '../../src/lib/server/policy.ts';
import { NGINX_MISSING, findNginx, freePort, startNginx, type RunningNginx } from '../../src/lib/server/run-nginx.ts';
import { contentTypeOf } from '../../src/lib/server/types.ts';
import { observatoryGrade, observatoryModifiers } from '../observatory.ts';

const dist = inject('distDir');
const nginx = findNginx();
if (!nginx) console.warn(`Tests avec nginx sautés : ${NGINX_MISSING}`);

/** Every file of the site as a visitor asks for it (pages by their address), the server's own files and compressed copies aside. */
function siteFiles(): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
    .map((e) => `/${path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`)
    .filter((p) => p !== `/${HEADERS_FILE}` && !p.startsWith(`/${SERVER_DIR}/`))
    .map((p) => p.replace(/(^|\/)index\.html$/, '$1'));
}

describe.skipIf(!nginx)('served by nginx with the generated configuration', () => {
  let server: RunningNginx;
  let policies: Policies;
  let browser: Browser;
  beforeAll(async () => {
    server = await startNginx({ nginx: nginx!, root: dist, port: await freePort() });
    policies = sitePolicies(htmlFiles(dist).map((f) => ({ route: routeOf(dist, f), html: readFileSync(f, 'utf8') })));
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('every page and asset: status 200, its type, its headers and cache policy, brotli or gzip where a copy was written', async () => {
    const files = siteFiles();
    expect(files.length).toBeGreaterThan(200);
    const problems: string[] = [];
    const queue = [...files];
    const check = async (route: string) => {
      const response = await fetch(server.url + encodeURI(route), { headers: { 'accept-encoding': 'br, gzip' } });
      const file = path.join(dist, route.endsWith('/') ? `${route}index.html` : route);
      const say = (what: string) => problems.push(`${route} : ${what}`);
      if (response.status !== 200) say(`statut ${response.status}`);
      if (response.headers.get('content-type') !== contentTypeOf(file)) say(`type ${response.headers.get('content-type')} au lieu de ${contentTypeOf(file)}`);
      for (const [name, value] of Object.entries(headersFor(route, policies))) {
        if (response.headers.get(name) !== value) say(`${name} : ${response.headers.get(name)} au lieu de ${value}`);
      }
      const encoding = server.brotli && existsSync(`${file}.br`) ? 'br' : existsSync(`${file}.gz`) ? 'gzip' : null;
      if (response.headers.get('content-encoding') !== encoding) say(`encodage ${response.headers.get('content-encoding')} au lieu de ${encoding}`);
      if (!response.headers.get('etag')) say('pas d’ETag');
      if (response.headers.get('server') !== 'nginx') say(`Server : ${response.headers.get('server')} (la version ne doit pas paraître)`);
      if (response.headers.get('set-cookie')) say('un cookie');
      await response.arrayBuffer();
    };
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let route = queue.shift(); route; route = queue.shift()) await check(route);
    }));
    expect(problems).toEqual([]);
  }, 300_000);

  it('text assets come compressed: brotli when the module is there, else gzip; a client that accepts neither gets the file as is', async () => {
    const css = '/dsfr/bundles/fiche.css';
    const br = await fetch(server.url + css, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe(server.brotli ? 'br' : null);
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const plain = await fetch(server.url + css, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(readFileSync(path.join(dist, css), 'utf8'));
    if (!server.brotli) console.warn('Module brotli de nginx absent (Debian : libnginx-mod-http-brotli-static) : seules les copies gzip sont servies.');
  });

  it('/x redirects to /x/ with a relative address; an unknown address gets the site’s 404 page with status 404; the server’s own files are not served', async () => {
    const redirect = await fetch(`${server.url}/solutions`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/solutions/');
    const missing = await fetch(`${server.url}/n-existe-pas/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(readFileSync(path.join(dist, '404.html'), 'utf8'));
    expect(missing.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    for (const hidden of [`/${HEADERS_FILE}`, `/${SERVER_DIR}/nginx.conf`]) expect((await fetch(server.url + hidden)).status, hidden).toBe(404);
  });

  it('open data, feeds and the sitemap are readable from any origin; pages are not', async () => {
    for (const route of ['/donnees/laureats.json', '/donnees/catalogue.jsonld', '/flux/laureats.xml', '/sitemap-index.xml']) {
      const response = await fetch(server.url + route, { headers: { origin: 'https://reutilisateur.example' } });
      expect(response.headers.get('access-control-allow-origin'), route).toBe('*');
      expect(response.headers.get('cross-origin-resource-policy'), route).toBe('cross-origin');
    }
    const page = await fetch(`${server.url}/`, { headers: { origin: 'https://reutilisateur.example' } });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the home page’s headers graded by the HTTP Observatory’s rules: A+, at least 100 points', async () => {
    const response = await fetch(`${server.url}/`);
    const modifiers = observatoryModifiers(response.headers, await response.text(), server.url);
    const { score, grade } = observatoryGrade(modifiers);
    console.log(`Observatoire HTTP (règles publiées) : ${score} points, ${grade} — ${modifiers.map((m) => `${m.result} ${m.modifier >= 0 ? '+' : ''}${m.modifier}`).join(', ')}. Non évalué ici : la redirection http → https (pas de TLS en boucle locale).`);
    expect(modifiers.filter((m) => m.modifier < 0)).toEqual([]);
    expect(score).toBeGreaterThanOrEqual(100);
    expect(grade).toBe('A+');
  });

  /** Opens a page through nginx and returns the CSP violations and console errors it met. */
  async function visit(route: string, act?: (page: Page) => Promise<void>) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP : ${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(server.url + route, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy'], route).toContain("frame-ancestors 'none'");
    await act?.(page);
    await page.waitForLoadState('networkidle');
    await context.close();
    return errors;
  }

  it.each<[string, ((page: Page) => Promise<void>) | undefined]>([
    ['/', undefined],
    ['/solutions/plume/', undefined],
    ['/categories/solutions-applicatives/', undefined],
    ['/appels/solutions-ia-2025/', undefined],
    ['/donnees/', undefined],
    ['/accessibilite/grille/', undefined],
    [
      '/solutions/',
      async (page) => {
        await page.locator('label', { hasText: 'Qualifié SecNumCloud' }).first().click();
        await page.waitForURL(/secnumcloud=qualifie/);
        await page.waitForSelector('[data-etat]');
      },
    ],
    [
      '/recherche/?q=traduction',
      async (page) => {
        await page.waitForSelector('[data-requete="traduction"]');
        expect(await page.locator('#resultats a, [data-requete] a').count()).toBeGreaterThan(0);
      },
    ],
    ['/comparer/?ids=plume,traduvia', async (page) => void (await page.waitForSelector('.comparaison thead th:nth-child(3)'))],
    ['/trouver/', async (page) => void (await page.locator('#guide button[type="submit"]').first().click())],
    ['/admin/', async (page) => void (await page.getByRole('heading', { level: 1 }).waitFor())],
  ])('%s in Chromium through nginx: no CSP violation, no console error', async (route, act) => {
    expect(await visit(route, act)).toEqual([]);
  });

  it('another origin cannot frame a page (frame-ancestors)', async () => {
    const framer: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Cadre</title><iframe src="${server.url}/" title="catalogue"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, 'localhost', resolve));
    const address = framer.address();
    const framerUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}/`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    try {
      await page.goto(framerUrl, { waitUntil: 'networkidle' });
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      // A refused frame shows the browser's error page, never the catalogue's document.
      expect(await frame.evaluate(() => document.title).catch(() => '')).not.toContain('Catalogue');
      expect(messages.join('\n')).toMatch(/frame-ancestors/);
    } finally {
      await context.close();
      await new Promise((resolve) => framer.close(resolve));
    }
  });
});
