/**
 * The catalogue as a dataset, read from the built site: the JSON validates
 * against the published schema and lists exactly the laureate pages; the CSV
 * parse back to the same laureates; the DCAT metadata points at files that
 * exist; the feeds are valid RSS with the right entries, newest first; the
 * sitemap, robots.txt, sharing images and JSON-LD are there and well formed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { attr, byTag, loadPages, text } from './pages.ts';
import { CATEGORIES, THEMATICS } from '../../src/schemas/taxonomy.ts';
import { resolveFile } from './serve.ts';
import { DCAT_AP_SHAPES, jsonLdGraph, objectsOf, shaclResults } from '../dcat-ap.ts';
import { isListedPath } from '../../src/lib/site.ts';

const dist = inject('distDir');
const read = (route: string) => readFileSync(path.join(dist, route), 'utf8');
const pages = loadPages(dist);
const laureatePages = pages.filter((p) => /^\/solutions\/[^/]+\/$/.test(p.route));
const SITE = 'https://catalogue-ia.numerique.gouv.fr';

interface Record {
  id: string;
  url: string;
  name: string;
  call: string;
  selectedOn: string;
  demo: boolean;
  metrics: unknown[];
  references: unknown[];
  [key: string]: unknown;
}
const doc = JSON.parse(read('donnees/laureats.json')) as { count: number; schema: string; licence: string; laureates: Record[] };
const records = doc.laureates;
/** Site path of an absolute URL of the site. */
const sitePath = (url: string) => {
  expect(url.startsWith(`${SITE}/`), url).toBe(true);
  return url.slice(SITE.length);
};

describe('/donnees/laureats.json', () => {
  it('lists exactly the published laureates, each once, with the site’s pages', () => {
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(laureatePages.map((p) => p.route.split('/')[2]).sort());
    expect(doc.count).toBe(records.length);
    for (const r of records) expect(resolveFile(dist, sitePath(r.url)), r.url).toBeTruthy();
  });

  it('validates against the published JSON Schema (every record)', () => {
    const schema = JSON.parse(read('donnees/schema/laureat.schema.json'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.schema).toBe(schema.$id);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (const r of records) expect(validate(r), `${r.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it('is sorted newest selection first, with ISO dates and absolute URLs of existing images', () => {
    const dates = records.map((r) => r.selectedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const r of records) {
      for (const image of [r.logo as { url: string } | undefined, ...(r.screenshots as Array<{ url: string }>)].filter(Boolean)) {
        expect(resolveFile(dist, sitePath(image!.url)), image!.url).toBeTruthy();
      }
    }
  });

  it('keeps the demo flag and never the internal fields', () => {
    expect(records.some((r) => r.demo)).toBe(true);
    expect(records.some((r) => !r.demo)).toBe(true);
    for (const r of records) {
      expect(r).not.toHaveProperty('dossierNumber');
      expect(r).not.toHaveProperty('published');
    }
  });
});

describe('/donnees/*.csv', () => {
  const csv = (file: string) => parseCsv(read(`donnees/${file}`), { columns: true }) as Array<{ [k: string]: string }>;

  it('are UTF-8 RFC 4180 files with CRLF line ends', () => {
    for (const file of ['laureats.csv', 'laureats-indicateurs.csv', 'laureats-references.csv']) {
      const raw = readFileSync(path.join(dist, 'donnees', file));
      expect(raw.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${file} sans BOM`).toBe(false);
      expect(raw.toString('utf8').split('\r\n').length).toBeGreaterThan(1);
    }
  });

  it('laureats.csv parses back to the same laureates, in the same order', () => {
    const rows = csv('laureats.csv');
    expect(rows.map((r) => r.id)).toEqual(records.map((r) => r.id));
    rows.forEach((row, i) => {
      const r = records[i]!;
      expect(row.name).toBe(r.name);
      expect(row.url).toBe(r.url);
      expect(row.demo).toBe(String(r.demo));
      expect(row.thematics).toBe((r.thematics as string[]).join('|'));
      expect(row['dataSecurity.secNumCloud']).toBe((r.dataSecurity as { secNumCloud?: string } | undefined)?.secNumCloud ?? '');
      expect(row.description).toBe(r.description);
    });
  });

  it('one row per metric and per reference, keyed by the laureate id', () => {
    const metrics = csv('laureats-indicateurs.csv');
    expect(metrics.length).toBe(records.reduce((n, r) => n + r.metrics.length, 0));
    for (const r of records) {
      const mine = metrics.filter((m) => m.laureateId === r.id);
      expect(mine.map((m) => m.label)).toEqual(r.metrics.map((m) => (m as { label: string }).label));
      expect(mine.map((m) => m.unit)).toEqual(r.metrics.map((m) => (m as { unit: string }).unit));
    }
    const references = csv('laureats-references.csv');
    expect(references.length).toBe(records.reduce((n, r) => n + r.references.length, 0));
    expect(metrics.length).toBeGreaterThan(10);
  });
});

describe('dataset metadata', () => {
  it('DCAT-AP catalogue: every distribution exists, under Licence Ouverte', () => {
    const dcat = JSON.parse(read('donnees/catalogue.jsonld'));
    expect(dcat['@type']).toBe('dcat:Catalog');
    const dataset = dcat['dcat:dataset'][0];
    expect(dataset['dct:license']['@id']).toContain('licence-ouverte');
    const urls = dataset['dcat:distribution'].map((d: { 'dcat:downloadURL': { '@id': string } }) => d['dcat:downloadURL']['@id']);
    expect(urls).toContain(`${SITE}/donnees/laureats.csv`);
    for (const url of urls) expect(resolveFile(dist, sitePath(url)), url).toBeTruthy();
  });

  describe('DCAT-AP 3.0.1: the official SHACL shapes on /donnees/catalogue.jsonld (tests/dcat-ap.ts)', () => {
    const graph = () => jsonLdGraph(read('donnees/catalogue.jsonld'), `${SITE}/donnees/catalogue.jsonld`);
    it('no violation of the release’s shapes', async () => {
      const g = await graph();
      expect(g.size).toBeGreaterThan(100);
      expect(await shaclResults(g, DCAT_AP_SHAPES.official)).toEqual([]);
    });
    it('every recommended property present (the recommended shapes report nothing but the country’s geometry)', async () => {
      // dct:spatial is the EU country table's France: its bounding box and centroid belong to that
      // vocabulary. Written here, a box would either leave out the overseas territories or cover
      // most of the globe; so these two recommendations stay unmet, on purpose.
      const country = 'http://publications.europa.eu/resource/authority/country/FRA';
      expect(await shaclResults(await graph(), DCAT_AP_SHAPES.recommended)).toEqual([
        `Warning ${country} http://www.w3.org/ns/dcat#bbox MinCountConstraintComponent Less than 1 values`,
        `Warning ${country} http://www.w3.org/ns/dcat#centroid MinCountConstraintComponent Less than 1 values`,
      ]);
    });
    it('values from the EU controlled vocabularies where DCAT-AP asks for them (the IRIs’ form; membership needs the vocabularies online and is not checked here)', async () => {
      const g = await graph();
      const EU = 'http://publications.europa.eu/resource/authority';
      const expected: Array<[string, string]> = [
        ['http://purl.org/dc/terms/language', `${EU}/language/`],
        ['http://purl.org/dc/terms/spatial', `${EU}/country/`],
        ['http://purl.org/dc/terms/accrualPeriodicity', `${EU}/frequency/`],
        ['http://www.w3.org/ns/dcat#theme', `${EU}/data-theme/`],
        ['http://www.w3.org/ns/dcat#themeTaxonomy', `${EU}/data-theme`],
        ['http://purl.org/dc/terms/format', `${EU}/file-type/`],
        ['http://data.europa.eu/r5r/availability', `${EU}/planned-availability/`],
        ['http://www.w3.org/ns/dcat#mediaType', 'https://www.iana.org/assignments/media-types/'],
      ];
      for (const [predicate, prefix] of expected) {
        const values = objectsOf(g, predicate);
        expect(values.length, predicate).toBeGreaterThan(0);
        for (const v of values) expect(v.startsWith(prefix), `${predicate} ${v}`).toBe(true);
      }
      // The distributions' type and the publisher's and licence's types (ADMS) share dct:type.
      expect(new Set(objectsOf(g, 'http://purl.org/dc/terms/type'))).toEqual(
        new Set([`${EU}/distribution-type/DOWNLOADABLE_FILE`, 'http://purl.org/adms/publishertype/NationalAuthority', 'http://purl.org/adms/licencetype/Attribution']),
      );
    });
  });

  it('/donnees/ links every file, says the licence and carries Dataset JSON-LD', () => {
    const page = pages.find((p) => p.route === '/donnees/')!;
    const hrefs = byTag(page, 'a').map((a) => attr(a, 'href'));
    for (const file of ['/donnees/laureats.json', '/donnees/laureats.csv', '/donnees/laureats-indicateurs.csv', '/donnees/schema/laureat.schema.json', '/flux/laureats.xml', '/donnees/catalogue.jsonld']) {
      expect(hrefs).toContain(file);
    }
    expect(page.html).toContain('Licence Ouverte');
    const alternates = byTag(page, 'link').filter((l) => attr(l, 'rel') === 'alternate').map((l) => `${attr(l, 'type')} ${attr(l, 'href')}`);
    expect(alternates).toEqual(expect.arrayContaining(['application/ld+json /donnees/catalogue.jsonld', 'application/json /donnees/laureats.json']));
    const jsonLd = byTag(page, 'script').filter((s) => attr(s, 'type') === 'application/ld+json').map((s) => JSON.parse(text(s)));
    const dataset = jsonLd[0];
    expect(dataset['@context']).toBe('https://schema.org');
    expect(dataset['@type']).toBe('Dataset');
    // What search engines' dataset search requires (name, a description of 50 to 5,000 characters) and recommends.
    expect(dataset.name.length).toBeGreaterThan(0);
    expect(dataset.description.length).toBeGreaterThanOrEqual(50);
    expect(dataset.description.length).toBeLessThanOrEqual(5000);
    expect(dataset.license).toMatch(/^https:\/\//);
    expect(dataset.temporalCoverage).toMatch(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/);
    expect(dataset.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dataset.distribution.length).toBeGreaterThan(3);
    for (const d of dataset.distribution) {
      expect(d['@type']).toBe('DataDownload');
      expect(resolveFile(dist, sitePath(d.contentUrl)), d.contentUrl).toBeTruthy();
      expect(d.encodingFormat).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    }
  });

  it('code lists label every code of the data', () => {
    const { nomenclatures } = JSON.parse(read('donnees/nomenclatures.json')) as { nomenclatures: Array<{ field: string; values: Array<{ value: string; label?: string }> }> };
    const fields = nomenclatures.map((n) => n.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'thematics', 'dataSecurity.secNumCloud', 'metrics[].evidence']));
    for (const n of nomenclatures) for (const v of n.values) expect(v.label, `${n.field}=${v.value}`).toBeTruthy();
  });
});

describe('RSS feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' });
  const feed = (file: string) => {
    const xml = read(`flux/${file}`);
    expect(XMLValidator.validate(xml)).toBe(true);
    return parser.parse(xml).rss.channel as { title: string; item?: Array<{ title: string; link: string; pubDate: string; guid: unknown }>; 'atom:link': { '@_href': string } };
  };

  it('the catalogue’s feed lists every laureate, newest first, with links to their pages', () => {
    const channel = feed('laureats.xml');
    expect(channel['atom:link']['@_href']).toBe(`${SITE}/flux/laureats.xml`);
    const items = channel.item ?? [];
    expect(items.map((i) => i.link)).toEqual(records.map((r) => r.url));
    const times = items.map((i) => Date.parse(i.pubDate));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.every((i) => !Number.isNaN(Date.parse(i.pubDate)))).toBe(true);
  });

  it('each call has a feed with only its laureates', () => {
    const calls = [...new Set(records.map((r) => r.call))];
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) {
      const items = feed(`${call}.xml`).item ?? [];
      expect(items.map((i) => i.link)).toEqual(records.filter((r) => r.call === call).map((r) => r.url));
    }
  });

  it('each thematic and each category has a valid feed with only its laureates, newest first, announced and linked on its page', () => {
    const subjects = [
      ...THEMATICS.map((t) => ({ file: `thematique-${t.slug}.xml`, page: `/thematiques/${t.slug}/`, has: (r: (typeof records)[number]) => (r.thematics as string[]).includes(t.slug) })),
      ...CATEGORIES.map((c) => ({ file: `categorie-${c.slug}.xml`, page: `/categories/${c.slug}/`, has: (r: (typeof records)[number]) => r.category === c.slug })),
    ];
    for (const s of subjects) {
      const channel = feed(s.file);
      expect(channel['atom:link']['@_href']).toBe(`${SITE}/flux/${s.file}`);
      const items = channel.item ?? [];
      expect(items.map((i) => i.link), s.file).toEqual(records.filter(s.has).map((r) => r.url));
      const times = items.map((i) => Date.parse(i.pubDate));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const page = pages.find((p) => p.route === s.page)!;
      const alternates = byTag(page, 'link').filter((l) => attr(l, 'rel') === 'alternate').map((l) => attr(l, 'href'));
      expect(alternates, s.page).toContain(`/flux/${s.file}`);
      expect(byTag(page, 'a').some((a) => attr(a, 'href') === `/flux/${s.file}` && (attr(a, 'class') ?? '').includes('fr-link')), s.page).toBe(true);
    }
  });

  it('every page announces the catalogue’s feed; call and laureate pages their call’s too', () => {
    for (const page of pages) {
      const feeds = byTag(page, 'link').filter((l) => attr(l, 'rel') === 'alternate' && attr(l, 'type') === 'application/rss+xml').map((l) => attr(l, 'href'));
      expect(feeds, page.route).toContain('/flux/laureats.xml');
      const call = page.route.match(/^\/appels\/([^/]+)\/$/)?.[1] ?? records.find((r) => page.route === sitePath(r.url))?.call;
      if (call) expect(feeds, page.route).toContain(`/flux/${call}.xml`);
      for (const href of feeds) expect(existsSync(path.join(dist, href!)), href).toBe(true);
    }
  });
});

describe('discovery: sitemap, robots.txt, canonical URLs', () => {
  it('sitemap-index.xml points to sitemaps listing every page but the 404, with absolute URLs', () => {
    const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
    const index = read('sitemap-index.xml');
    expect(XMLValidator.validate(index)).toBe(true);
    const locs = (parser.parse(index).sitemapindex.sitemap as Array<{ loc: string }>).flatMap((s) => {
      const xml = read(sitePath(s.loc).slice(1));
      return (parser.parse(xml).urlset.url as Array<{ loc: string }>).map((u) => u.loc);
    });
    const htmlRoutes = pages.filter((p) => isListedPath(p.route)).map((p) => `${SITE}${p.route}`);
    expect(htmlRoutes).not.toContain(`${SITE}/admin/`);
    expect([...locs].sort()).toEqual([...htmlRoutes].sort());
  });

  it('robots.txt allows crawling but the editing interface, and gives the sitemap', () => {
    expect(read('robots.txt')).toMatch(new RegExp(`^User-agent: \\*\\nAllow: /\\nDisallow: /admin/\\n\\nSitemap: ${SITE}/sitemap-index.xml\\n$`));
  });

  it('each page’s canonical URL is its own address on the configured site', () => {
    for (const page of pages.filter((p) => p.route !== '/404.html')) {
      const canonical = byTag(page, 'link').find((l) => attr(l, 'rel') === 'canonical');
      expect(attr(canonical!, 'href'), page.route).toBe(`${SITE}${page.route}`);
    }
  });
});

describe('sharing: Open Graph, Twitter card, JSON-LD', () => {
  const meta = (page: (typeof pages)[number], key: string) =>
    attr(byTag(page, 'meta').find((m) => attr(m, 'property') === key || attr(m, 'name') === key)!, 'content');

  it('every page has Open Graph and Twitter tags with an existing image', () => {
    for (const page of pages.filter((p) => p.route !== '/404.html')) {
      for (const key of ['og:title', 'og:description', 'og:url', 'og:image', 'og:image:alt', 'twitter:card']) expect(meta(page, key), `${page.route} ${key}`).toBeTruthy();
      expect(meta(page, 'og:url')).toBe(`${SITE}${page.route}`);
      expect(resolveFile(dist, sitePath(meta(page, 'og:image')!)), page.route).toBeTruthy();
    }
  });

  it('each laureate has its own image: 1200 × 630 PNG within 100 KB', async () => {
    for (const page of laureatePages) {
      const id = page.route.split('/')[2];
      const image = meta(page, 'og:image')!;
      expect(image).toBe(`${SITE}/partage/solutions/${id}.png`);
      const file = path.join(dist, 'partage/solutions', `${id}.png`);
      expect(statSync(file).size, id).toBeLessThanOrEqual(100_000);
      const { width, height, format } = await sharp(file).metadata();
      expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'png' });
      expect(meta(page, 'og:type')).toBe('article');
    }
    expect(readdirSync(path.join(dist, 'partage/solutions')).length).toBe(laureatePages.length);
  });

  it('laureate pages describe the solution and its organisation in schema.org JSON-LD', () => {
    for (const page of laureatePages) {
      const blocks = byTag(page, 'script').filter((s) => attr(s, 'type') === 'application/ld+json');
      expect(blocks.length, page.route).toBe(1);
      const data = JSON.parse(text(blocks[0]!));
      expect(data['@context']).toBe('https://schema.org');
      expect(data['@type']).toBe('SoftwareApplication');
      expect(data.name).toBe(text(byTag(page, 'h1')[0]!).trim());
      expect(data.url).toBe(`${SITE}${page.route}`);
      expect(['Organization', 'GovernmentOrganization']).toContain(data.creator['@type']);
      expect(data.creator.name).toBeTruthy();
    }
  });
});
