import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { DSFR_SHIPPED_BASE } from '../dsfr-assets.ts';
import { headerPaths, headersFile } from './headers-file.ts';
import { serverBlock, standaloneConfig } from './nginx.ts';
import { IMMUTABLE, REVALIDATE, headerPolicy, headersFor, metaPolicy, sitePolicies } from './policy.ts';
import { findNginx } from './run-nginx.ts';
import { contentTypeOf } from './types.ts';

const policies = { site: "default-src 'self'; script-src 'self' 'sha256-a='", admin: "default-src 'self'; script-src 'self' 'unsafe-eval'" };
const work = mkdtempSync(path.join(tmpdir(), 'catalogue-server-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the header policy', () => {
  it('adds to the page’s policy what only a header can say', () => {
    expect(headerPolicy("default-src 'self';img-src 'self' data:; ")).toBe("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; upgrade-insecure-requests");
  });
  it('caches for a year only what changes address with its content; revalidates the rest', () => {
    expect(headersFor('/_astro/a.1234.js', policies)['Cache-Control']).toBe(IMMUTABLE);
    expect(headersFor(`${DSFR_SHIPPED_BASE}fonts/Marianne-Bold.woff2`, policies)['Cache-Control']).toBe(IMMUTABLE);
    for (const p of ['/', '/solutions/plume/', '/dsfr/bundles/fiche.css', '/pagefind/pagefind.js', '/donnees/laureats.json']) expect(headersFor(p, policies)['Cache-Control'], p).toBe(REVALIDATE);
  });
  it('opens the open data, feeds, sharing images and sitemap to every origin, and nothing else', () => {
    for (const p of ['/donnees/laureats.csv', '/flux/laureats.xml', '/partage/catalogue.png', '/sitemap-index.xml', '/sitemap-0.xml', '/robots.txt']) {
      expect(headersFor(p, policies)['Access-Control-Allow-Origin'], p).toBe('*');
      expect(headersFor(p, policies)['Cross-Origin-Resource-Policy'], p).toBe('cross-origin');
    }
    for (const p of ['/', '/solutions/page/liste.json', '/comparer/solutions/plume.json', '/sitemap.html']) {
      expect(headersFor(p, policies)['Access-Control-Allow-Origin'], p).toBeUndefined();
      expect(headersFor(p, policies)['Cross-Origin-Resource-Policy'], p).toBe('same-origin');
    }
  });
  it('gives /admin/ its own policy', () => {
    expect(headersFor('/admin/', policies)['Content-Security-Policy']).toContain("'unsafe-eval'");
    expect(headersFor('/administration/', policies)['Content-Security-Policy']).not.toContain("'unsafe-eval'");
  });
  it('reads the pages’ policies, and stops naming the pages when two differ', () => {
    const page = (p: string) => `<meta http-equiv="content-security-policy" content="${p}">`;
    expect(metaPolicy(page("default-src &#39;self&#39;"))).toBe("default-src 'self'");
    expect(sitePolicies([{ route: '/', html: page('a') }, { route: '/x/', html: page('a') }, { route: '/admin/', html: page('b') }])).toEqual({ site: 'a', admin: 'b' });
    expect(() => sitePolicies([{ route: '/', html: page('a') }, { route: '/x/', html: page('c') }, { route: '/admin/', html: page('b') }])).toThrow(/\/x\/ : c/);
    expect(() => sitePolicies([{ route: '/', html: '<p>' }])).toThrow(/^\/ : aucune politique/);
  });
  it('types text with its charset, Pagefind’s and WebAssembly files as they must be', () => {
    expect(contentTypeOf('a/b.CSV')).toBe('text/csv; charset=utf-8');
    expect(contentTypeOf('pagefind/wasm.fr.pagefind')).toBe('application/octet-stream');
    expect(contentTypeOf('x.wasm')).toBe('application/wasm');
    expect(contentTypeOf('x.jsonld')).toBe('application/ld+json; charset=utf-8');
    expect(contentTypeOf('manifest.webmanifest')).toBe('application/manifest+json; charset=utf-8');
  });
});

describe('the _headers file', () => {
  it('one rule per top-level entry (and per /dsfr/ folder), so that no header is set twice for a path', () => {
    const dist = path.join(work, 'dist');
    for (const d of ['_astro', 'solutions', 'dsfr/bundles', `dsfr${DSFR_SHIPPED_BASE.slice(5, -1)}`, '_serveur']) mkdirSync(path.join(dist, d), { recursive: true });
    for (const f of ['index.html', '404.html', 'robots.txt', '_headers']) writeFileSync(path.join(dist, f), '');
    const paths = headerPaths(dist);
    expect(paths).toEqual(['/', '/404.html', '/_astro/*', `${DSFR_SHIPPED_BASE}*`, '/dsfr/bundles/*', '/index.html', '/robots.txt', '/solutions/*'].sort());
    const file = headersFile(paths, policies);
    expect(file).toContain(`/_astro/*\n  Strict-Transport-Security`);
    expect(file.match(/^\/robots\.txt\n(?: {2}.*\n)*/m)![0]).toContain('Access-Control-Allow-Origin: *');
    // Each rule states each header once.
    for (const rule of file.split(/\n(?=\/)/).slice(1)) {
      const names = rule.split('\n').slice(1).filter(Boolean).map((l) => l.trim().split(':')[0]);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('the nginx configuration', () => {
  const nginx = findNginx();
  it('states every header in every location (add_header is not inherited) and hides the server’s files', () => {
    const block = serverBlock(policies, { brotli: false });
    const locations = block.split('location ').slice(1).filter((l) => !l.includes('return 404'));
    expect(locations.length).toBeGreaterThanOrEqual(6);
    for (const l of locations) expect(l.match(/add_header /g)?.length, l.split('\n')[0]).toBe(Object.keys(headersFor('/', policies)).length + (l.includes('Access-Control-Allow-Origin') ? 1 : 0));
    expect(block).toContain('location = /_headers { return 404; }');
    expect(block).toContain('server_tokens off;');
    expect(block).not.toContain('brotli_static');
    expect(serverBlock(policies, { brotli: true })).toContain('brotli_static on;');
  });
  it.skipIf(!nginx)('is accepted by this machine’s nginx (nginx -t)', () => {
    const prefix = path.join(work, 'nginx');
    mkdirSync(prefix, { recursive: true });
    writeFileSync(path.join(prefix, 'site.conf'), serverBlock(policies, { brotli: false }));
    const conf = path.join(prefix, 'nginx.conf');
    writeFileSync(conf, standaloneConfig({ root: work, port: 8080, prefix, include: path.join(prefix, 'site.conf'), brotli: false }));
    const r = spawnSync(nginx!, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
    expect(r.stderr).toContain('syntax is ok');
    expect(r.stderr).not.toContain('[warn]');
    expect(r.status).toBe(0);
  });
  if (!nginx) console.warn('nginx absent : la configuration générée n’est pas soumise à « nginx -t » (Debian : apt-get install -y nginx).');
});
