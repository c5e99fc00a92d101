/**
 * Reads the collections once per build and exposes what the routes need.
 * The only module (with the routes) that talks to astro:content.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished, sortLaureates } from './view/laureate.ts';
import { toOpenDataRecord, type OpenDataLaureate } from './opendata/record.ts';
import { similarSolutions, type SimilarLink } from './similar.ts';
import { historyOf, type Change } from './history.ts';
import { datasetDates, type DatasetDates } from './opendata/dataset.ts';
import { CONTENT_DIR } from './content-paths.ts';
import path from 'node:path';

export type LaureateEntry = CollectionEntry<'laureates'>;
export type CallEntry = CollectionEntry<'calls'>;

let collectionCache: Promise<LaureateEntry[]> | undefined;

/**
 * The laureates collection. A build reads a content that does not change, so
 * it asks Astro once rather than for each of its list pages (about 1,000 at
 * 5,000 laureates); the dev server asks each time, so that an edited fiche
 * shows at once.
 */
function laureateCollection(): Promise<LaureateEntry[]> {
  if (!import.meta.env.PROD) return getCollection('laureates');
  collectionCache ??= getCollection('laureates');
  return collectionCache;
}

let publishedCache: { key: string; value: LaureateEntry[] } | undefined;

/**
 * The published laureates in the site's order. Sorted once per state of the
 * collection (its entries' digests): every list page of a build asks for it,
 * and sorting thousands of names each time would cost more than the page.
 */
export async function publishedLaureates(): Promise<LaureateEntry[]> {
  const all = await laureateCollection();
  const key = all.map((e) => `${e.id}:${e.digest ?? ''}`).join('|');
  if (publishedCache?.key === key) return publishedCache.value;
  // Frozen: a caller that sorted it in place would reorder every other page's list.
  const value = Object.freeze(sortLaureates(all.filter(isPublished))) as LaureateEntry[];
  publishedCache = { key, value };
  return value;
}

let callsCache: Promise<CallEntry[]> | undefined;

/** The calls, newest first (by year, then title): the one order of every list of calls. */
export function sortedCalls(): Promise<CallEntry[]> {
  callsCache ??= getCollection('calls').then((calls) => [...calls].sort((a, b) => b.data.year - a.data.year || a.data.title.localeCompare(b.data.title, 'fr')));
  return callsCache;
}

export async function callsById(): Promise<Map<string, CallEntry>> {
  return new Map((await sortedCalls()).map((c) => [c.id, c]));
}

/** The call of a laureate (the validator guarantees it exists). */
export function callOf(calls: Map<string, CallEntry>, laureate: LaureateEntry): CallEntry {
  const call = calls.get(laureate.data.call);
  if (!call) throw new Error(`${laureate.id}: appel « ${laureate.data.call} » inconnu`);
  return call;
}

/** The public base URL of the site (`site` in astro.config.mjs, from PUBLIC_SITE_URL). */
export function siteUrl(): URL {
  const site = import.meta.env.SITE;
  if (!site) throw new Error('L’adresse publique du site (site, PUBLIC_SITE_URL) est nécessaire.');
  return new URL(site);
}

let recordsCache: Promise<OpenDataLaureate[]> | undefined;

/**
 * The open-data records of every published laureate, in the site's order
 * (newest selection first). Computed once per build: the JSON, the CSV, the
 * feeds and the metadata all read the same records.
 */
export function openDataRecords(): Promise<OpenDataLaureate[]> {
  recordsCache ??= Promise.all([publishedLaureates(), callsById()]).then(([laureates, calls]) =>
    laureates.map((l) => toOpenDataRecord(l, callOf(calls, l), siteUrl())),
  );
  return recordsCache;
}

let similarCache: Promise<Map<string, SimilarLink[]>> | undefined;

/** « Solutions similaires » of every published laureate, computed once per build (src/lib/similar.ts). */
export function similarByLaureate(): Promise<Map<string, SimilarLink[]>> {
  similarCache ??= publishedLaureates().then((laureates) => similarSolutions(laureates.map((l) => ({ id: l.id, data: l.data, body: l.body ?? '' }))));
  return similarCache;
}

/**
 * The dataset's dates (src/lib/opendata/dataset.ts): its records' selection and update dates, and
 * its first publication — the earliest first commit of a published fiche (none without git history).
 */
export async function openDataDates(): Promise<DatasetDates> {
  const [records, laureates] = await Promise.all([openDataRecords(), publishedLaureates()]);
  const firstPublished = laureates
    .map((l) => laureateHistory(l).at(-1)?.date)
    .filter((d): d is string => !!d)
    .sort()[0];
  return datasetDates(records, firstPublished);
}

let historyCache: Map<string, Change[]> | undefined;

/** A laureate's « Historique de la fiche », newest first, from one `git log` of the content per build (src/lib/history.ts). */
export function laureateHistory(laureate: LaureateEntry): Change[] {
  historyCache ??= historyOf(path.resolve(CONTENT_DIR, 'laureates'));
  return laureate.filePath ? (historyCache.get(path.resolve(laureate.filePath)) ?? []) : [];
}
