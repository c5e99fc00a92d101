import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { laureateSchema } from '../../schemas/laureate.ts';
import { validLaureate } from '../../../tests/factories.ts';
import { openDataJsonSchema, openDataLaureateSchema, toOpenDataRecord, type CallInput } from './record.ts';
import { childCsv, recordsCsv, LIST_SEPARATOR } from './csv.ts';
import { csvTables } from './columns.ts';
import { datasetDates, dcatCatalogue, distributions, jsonLdScript, lastModified, laureatesDocument } from './dataset.ts';
import { nomenclatures } from './nomenclatures.ts';
import { describeSchema, flatten } from '../schema-doc.ts';

const site = new URL('https://catalogue.exemple.fr');
const schema = laureateSchema(() => z.string());
const call: CallInput = { id: 'solutions-ia-2025', data: { title: 'AMI Solutions d’IA pour le public', year: 2025, kind: 'solutions-marche' } };
const entry = (id: string, overrides: Record<string, unknown> = {}, body = 'Une **description**.\n') => ({
  id,
  body,
  data: schema.parse(validLaureate(overrides)) as never,
});

const full = entry('assistant', {
  dossierNumber: 123456,
  thematics: ['agents-conversationnels', 'traduction-automatique'],
  audiences: ['collectivites-territoriales', 'operateurs-etat'],
  metrics: [
    { type: 'delais', label: 'Délai, « moyen »', before: 10, after: 2, unit: 'jours', method: 'Relevé', evidence: 'mesure' },
    { type: 'qualite-service', label: 'Satisfaction', after: 80, unit: '%', evidence: 'declare' },
  ],
  references: [{ organisation: 'Ville de Lyon', kind: 'collectivite-territoriale', since: 2024 }],
  screenshots: [{ src: '/_astro/capture.png', alt: 'Écran' }],
  logo: { src: '/_astro/logo.png', alt: 'Logo' },
  brochure: { url: '/documents/brochure.pdf', title: 'Brochure' },
  sources: [{ title: 'Annonce', url: 'https://exemple.fr/annonce', date: '2025-06-02' }],
  updatedOn: '2025-09-01',
});

describe('toOpenDataRecord', () => {
  const record = toOpenDataRecord(full, call, site);
  it('gives stable ids, absolute URLs and ISO dates', () => {
    expect(record.id).toBe('assistant');
    expect(record.url).toBe('https://catalogue.exemple.fr/solutions/assistant/');
    expect(record.logo).toEqual({ url: 'https://catalogue.exemple.fr/_astro/logo.png', alt: 'Logo' });
    expect(record.screenshots[0]!.url).toBe('https://catalogue.exemple.fr/_astro/capture.png');
    expect(record.brochure?.url).toBe('https://catalogue.exemple.fr/documents/brochure.pdf');
    expect(record.selectedOn).toBe('2025-06-02');
    expect(record.sources[0]!.date).toBe('2025-06-02');
    expect(record.callTitle).toBe('AMI Solutions d’IA pour le public');
    expect(record.description).toBe('Une **description**.');
  });
  it('leaves out the internal fields', () => {
    expect(record).not.toHaveProperty('dossierNumber');
    expect(record).not.toHaveProperty('published');
    expect(JSON.stringify(record)).not.toContain('123456');
  });
  it('keeps the demo flag as a field', () => {
    expect(record.demo).toBe(true);
  });
  it('fails with the laureate id when a record would break the schema', () => {
    const broken = entry('casse');
    (broken.data as { summary: string }).summary = '';
    expect(() => toOpenDataRecord(broken, call, site)).toThrow(/« casse ».*summary/);
  });
});

describe('published JSON Schema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(openDataJsonSchema(site));
  it('accepts the records the build writes', () => {
    const minimal = toOpenDataRecord(entry('minimal', { metrics: [], logo: undefined, costs: undefined }), call, site);
    for (const r of [toOpenDataRecord(full, call, site), minimal]) {
      expect(validate(JSON.parse(JSON.stringify(r))), JSON.stringify(validate.errors)).toBe(true);
    }
  });
  it('rejects a record with a private field or a relative URL', () => {
    const r = JSON.parse(JSON.stringify(toOpenDataRecord(full, call, site)));
    expect(validate({ ...r, dossierNumber: 1 })).toBe(false);
    expect(validate({ ...r, url: '/solutions/assistant/' })).toBe(false);
    expect(validate({ ...r, dataSecurity: { ...r.dataSecurity, secNumCloud: 'peut-etre' } })).toBe(false);
  });
  it('carries the field descriptions and its public address', () => {
    const s = openDataJsonSchema(site) as { $id: string; properties: Record<string, { description?: string }> };
    expect(s.$id).toBe('https://catalogue.exemple.fr/donnees/schema/laureat.schema.json');
    expect(s.properties.summary!.description).toMatch(/Résumé/);
  });
});

describe('CSV', () => {
  const records = [toOpenDataRecord(full, call, site), toOpenDataRecord(entry('autre', { metrics: [] }), call, site)];
  const [main, ...children] = csvTables();
  it('puts every field of the schema somewhere', () => {
    const leaves = flatten(describeSchema(openDataLaureateSchema)).filter((f) => f.type !== 'groupe' && !f.path.includes('[]'));
    const headers = new Set(main.columns.map((c) => c.header));
    const childGroups = new Set(children.map((c) => c.group));
    for (const f of leaves) expect(headers.has(f.path) || childGroups.has(f.path), f.path).toBe(true);
  });
  it('parses back to the same laureates', () => {
    const rows = parseCsv(recordsCsv(records, main.columns), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(['assistant', 'autre']);
    const first = rows[0]!;
    expect(first.name).toBe(records[0]!.name);
    expect(first.thematics!.split(LIST_SEPARATOR)).toEqual(['agents-conversationnels', 'traduction-automatique']);
    expect(first['dataSecurity.secNumCloud']).toBe('qualifie');
    expect(first.demo).toBe('true');
    expect(first.screenshots).toBe('https://catalogue.exemple.fr/_astro/capture.png');
    expect(first.description).toBe('Une **description**.');
  });
  it('follows RFC 4180: CRLF line ends, quotes doubled', () => {
    const metrics = childCsv(records, children.find((c) => c.group === 'metrics')!);
    expect(metrics.split('\r\n')[0]).toBe('laureateId,position,type,label,before,after,unit,method,perimeter,evidence,sourceUrl');
    expect(metrics).toContain('assistant,1,delais,"Délai, « moyen »",10,2,jours,Relevé,,mesure,');
    expect(metrics).toContain('assistant,2,qualite-service,Satisfaction,,80,%,,,declare,');
    expect(metrics).not.toContain('autre,');
  });
  it('lists references in their own table', () => {
    const refs = parseCsv(childCsv(records, children.find((c) => c.group === 'references')!), { columns: true });
    expect(refs).toEqual([{ laureateId: 'assistant', position: '1', organisation: 'Ville de Lyon', kind: 'collectivite-territoriale', since: '2024', users: '' }]);
  });
});

describe('dataset metadata', () => {
  const files = distributions(csvTables());
  it('lists the JSON, the five CSV, the schema, the code lists, the feed and itself', () => {
    expect(files.map((f) => f.path)).toEqual([
      '/donnees/laureats.json',
      '/donnees/laureats.csv',
      '/donnees/laureats-indicateurs.csv',
      '/donnees/laureats-references.csv',
      '/donnees/laureats-voies-acces.csv',
      '/donnees/laureats-verifications.csv',
      '/donnees/schema/laureat.schema.json',
      '/donnees/nomenclatures.json',
      '/flux/laureats.xml',
      '/donnees/catalogue.jsonld',
    ]);
  });
  it('describes a DCAT catalogue with absolute download URLs and the licence', () => {
    const dcat = dcatCatalogue(site, { modified: '2025-09-01', issued: '2025-06-01', temporal: { start: '2018-11-22', end: '2025-06-02' } }, files) as any;
    const dataset = dcat['dcat:dataset'][0];
    expect(dcat['@type']).toBe('dcat:Catalog');
    expect(dataset['dct:license']['@id']).toMatch(/etalab/);
    expect(dataset['dcat:distribution'][1]['dcat:downloadURL']['@id']).toBe('https://catalogue.exemple.fr/donnees/laureats.csv');
    expect(dataset['dct:modified']).toEqual({ '@value': '2025-09-01', '@type': 'xsd:date' });
    expect(dataset['dct:issued']).toEqual({ '@value': '2025-06-01', '@type': 'xsd:date' });
    expect(dataset['dct:temporal']['dcat:startDate']['@value']).toBe('2018-11-22');
    // Only IANA-registered media types as dcat:mediaType; every file has its EU file type.
    const rss = dataset['dcat:distribution'].find((d: any) => d['@id'].endsWith('.xml'));
    expect(rss['dcat:mediaType']).toBeUndefined();
    expect(rss['dct:format']['@id']).toBe('http://publications.europa.eu/resource/authority/file-type/RSS');
  });
  it('dates the dataset: first publication when known, the span of its selections', () => {
    expect(datasetDates([{ selectedOn: '2025-06-02' }, { selectedOn: '2019-07-17', updatedOn: '2025-10-01' }], '2026-11-20')).toEqual({
      modified: '2025-10-01',
      issued: '2026-11-20',
      temporal: { start: '2019-07-17', end: '2025-06-02' },
    });
    expect(datasetDates([])).toEqual({ modified: '1970-01-01' });
  });
  it('dates the data by its latest change', () => {
    expect(lastModified([{ selectedOn: '2025-06-02' }, { selectedOn: '2019-11-01', updatedOn: '2025-10-01' }])).toBe('2025-10-01');
    expect(laureatesDocument([], site).count).toBe(0);
  });
  it('escapes JSON-LD so that it cannot close its script element', () => {
    expect(jsonLdScript({ name: '</script><script>alert(1)</script>' })).not.toContain('<');
  });
  it('labels every code', () => {
    const secnum = nomenclatures().find((n) => n.field === 'dataSecurity.secNumCloud')!;
    expect(secnum.values.find((v) => v.value === 'qualifie')?.label).toMatch(/SecNumCloud|Qualifié/);
    expect(nomenclatures().find((n) => n.field === 'thematics')!.values.length).toBeGreaterThan(5);
  });
});
