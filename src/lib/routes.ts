/**
 * What each route renders, one function per route (as Starlight's
 * `utils/routing/data.ts`): the route fetches its props here and hands them
 * to components. Collections are read through data.ts; links come from the
 * href builders; the view models stay pure in view/.
 */
import { getCollection } from 'astro:content';
import { complianceRate, gridRows, siteAudit, themeSummary, RGAA_GRID_CSV_PATH, RGAA_GRID_PATH, RGAA_STATEMENT_PATH } from './rgaa/audit.ts';
import { createHash } from 'node:crypto';
import { callOf, callsById, laureateHistory, openDataDates, openDataRecords, publishedLaureates, similarByLaureate, siteUrl, sortedCalls, type CallEntry, type LaureateEntry } from './data.ts';
import { reportHref } from './site.ts';
import { feedOf, feeds } from './feeds.ts';
import { lastModified } from './opendata/dataset.ts';
import { dataFiles } from './opendata/files.ts';
import { compareNames } from './view/order.ts';
import { comparisonTable, type ComparisonTable } from './view/compare.ts';
import { comparisonColumn, comparisonSpec } from './view/compare-columns.ts';
import { COMPARE_PATH } from './selection.ts';
import { guideFacts } from './guided.ts';
import { backendFromEnv, cmsCollectionOf, cmsConfig, cmsConnectSources, contentDirInRepository } from './cms/config.ts';
import { bundleHref } from './dsfr-assets.ts';
import { CONTENT_DIR } from './content-paths.ts';
import { facetCounts, facets, facetValues } from './facets.ts';
import { formatDate, isoDay, plural } from './view/format.ts';
import { pageCount, pageHref, pageParams, pageSlice, pagedBreadcrumb, paginationMarkup } from './view/pagination.ts';
import { cardChunks, encodeListingIndex, LISTING_INDEX_PATH } from './view/listing-index.ts';
import { callHref, categoryHref, listingHref, thematicHref, classificationTags, type LaureateCard as LaureateCardModel, keyFacts, laureateCard, laureateHref, laureateSections, metricRows, metricsCaption, trustBadges } from './view/laureate.ts';
import { callFigures, callTimeline, categoryEntries, keyFigures, laureatesOfCall, laureatesOfCategory, laureatesOfThematic, thematicEntries, type FacetEntry } from './view/listing.ts';
import { AUDIENCES, CALL_KINDS, CATEGORIES, SECNUMCLOUD_STATUSES, THEMATICS, callWording, categoryBySlug, thematicBySlug, type Category, type Thematic } from '../schemas/taxonomy.ts';

export interface Crumb {
  href: string;
  label: string;
}

/** The feed a page announces: its call's, its thematic's or its category's. */
async function pageFeed(key: Parameters<typeof feedOf>[1]) {
  const feed = feedOf(feeds(await sortedCalls()), key);
  return feed ? { path: feed.path, title: feed.title } : undefined;
}

/** The home page: key figures, the browsing tiles (categories, thematics, calls) and the latest selections. */
export async function homePage() {
  const [laureates, calls] = await Promise.all([publishedLaureates(), sortedCalls()]);
  const byId = new Map(calls.map((c) => [c.id, c]));
  const callTiles: FacetEntry[] = calls.map((c) => {
    const count = laureatesOfCall(laureates, c.id).length;
    return { slug: c.id, label: c.data.title, description: `${CALL_KINDS.label(c.data.kind)}. ${c.data.summary}`, href: callHref(c.id), count, countLabel: plural(count, 'fiche publiée', 'fiches publiées') };
  });
  return {
    figures: keyFigures(laureates, calls),
    categories: categoryEntries(laureates),
    pictograms: Object.fromEntries(CATEGORIES.map((c) => [c.slug, c.pictogram])),
    thematics: thematicEntries(laureates),
    calls: callTiles,
    recent: laureates.slice(0, 3).map((l) => laureateCard(l, callOf(byId, l))),
  };
}

/** The listing's base address: page 1; later pages at /solutions/page/N/. */
export const LISTING_BASE = '/solutions/';

let listingCache: { source: readonly LaureateEntry[]; value: ReturnType<typeof buildListing> } | undefined;

/** The listing's data, built once per state of the published laureates (the dev server rebuilds it after an edit). */
async function listing() {
  const laureates = await publishedLaureates();
  if (listingCache?.source !== laureates) listingCache = { source: laureates, value: buildListing(laureates) };
  return listingCache.value;
}

/** Every published laureate's card and facet values, the compact index and the card chunks: once per build. */
async function buildListing(laureates: readonly LaureateEntry[]) {
  const calls = await sortedCalls();
  const byId = new Map(calls.map((c) => [c.id, c]));
  const callOptions = calls.map((c) => ({ id: c.id, shortTitle: c.data.shortTitle }));
  const allFacets = facets(callOptions);
  const items = laureates.map((entry) => ({ id: entry.id, card: laureateCard(entry, callOf(byId, entry)), values: facetValues(entry.data, allFacets) }));
  // A stable sort of the most-recent-first order: equal names keep it.
  const byName = items.map((_, i) => i).sort((a, b) => compareNames({ name: items[a]!.card.title }, { name: items[b]!.card.title }));
  const chunks = cardChunks(items.map((i) => i.card));
  const version = createHash('sha256').update(JSON.stringify([items.map((i) => [i.id, i.values]), byName, chunks])).digest('hex').slice(0, 12);
  return {
    facets: allFacets,
    items,
    counts: facetCounts(items.map((i) => i.values), {}, allFacets),
    index: encodeListingIndex(items, byName, allFacets, version),
    chunks,
  };
}

/** The listing's data files: the compact index and the card chunks (src/pages/solutions/page/). */
export async function listingData() {
  const { index, chunks } = await listing();
  return { index, chunks };
}

/** Static page `page` of the filterable listing: its cards, the facets with their counts over every laureate, the pagination. */
export async function listingPage(page: number) {
  const { facets: allFacets, items, counts, index } = await listing();
  const count = pageCount(items.length);
  return {
    facets: allFacets,
    counts,
    total: items.length,
    page,
    pageCount: count,
    items: pageSlice(items, page),
    indexHref: `${LISTING_INDEX_PATH}?v=${index.version}`,
    pagination: listPagination(LISTING_BASE, page, count, 'Pages de la liste des solutions'),
  };
}

/** The DSFR pagination of a static list of cards (nothing for a single page). */
function listPagination(base: string, current: number, count: number, label: string) {
  return paginationMarkup({ current, count, label, href: (n) => pageHref(base, n) });
}

/** The cards of page `page` of a list (only that page's are drawn), with what its heading, title and pagination need. */
function pagedCards<T>(base: string, list: readonly T[], toCard: (item: T) => LaureateCardModel, page: number, label: string) {
  const count = pageCount(list.length);
  if (page > count) throw new Error(`${base} : pas de page ${page} (${count} au plus)`);
  return { total: list.length, page, pageCount: count, cards: pageSlice(list, page).map(toCard), pagination: listPagination(base, page, count, label) };
}

/** The static pages of the listing: /solutions/, then /solutions/page/N/. */
export async function listingPaths() {
  return pageParams((await publishedLaureates()).length).map(({ param, page }) => ({ params: { page: param }, props: { page } }));
}

/** Each category's static pages: its address, then …/page/N/ when it has more laureates than a page shows. */
export async function categoryPaths() {
  const [laureates, categories] = await Promise.all([publishedLaureates(), getCollection('categories')]);
  return categories.flatMap((category) =>
    pageParams(laureatesOfCategory(laureates, category.data.slug).length).map(({ param, page }) => ({ params: { slug: category.id, page: param }, props: { category, page } })),
  );
}

/** Each thematic's static pages. */
export async function thematicPaths() {
  const [laureates, thematics] = await Promise.all([publishedLaureates(), getCollection('thematics')]);
  return thematics.flatMap((thematic) =>
    pageParams(laureatesOfThematic(laureates, thematic.data.slug).length).map(({ param, page }) => ({ params: { slug: thematic.id, page: param }, props: { thematic, page } })),
  );
}

/** Each call's static pages. */
export async function callPaths() {
  const [laureates, calls] = await Promise.all([publishedLaureates(), getCollection('calls')]);
  return calls.flatMap((call) => pageParams(laureatesOfCall(laureates, call.id).length).map(({ param, page }) => ({ params: { slug: call.id, page: param }, props: { call, page } })));
}

/** A laureate's page: its call, sections, « En bref », metrics, similar solutions, breadcrumb and search metadata. */
export async function laureatePage(laureate: LaureateEntry) {
  const [calls, similar] = await Promise.all([callsById(), similarByLaureate()]);
  const call = callOf(calls, laureate);
  const d = laureate.data;
  const history = laureateHistory(laureate);
  const breadcrumb: Crumb[] = [
    d.category ? { href: categoryHref(d.category), label: categoryBySlug(d.category).shortLabel } : { href: callHref(call.id), label: call.data.shortTitle },
    { href: laureateHref(laureate.id), label: d.name },
  ];
  return {
    call,
    wording: callWording(call.data.kind),
    breadcrumb,
    sections: laureateSections(laureate, call, history),
    history: history.map((c) => ({ ...c, label: formatDate(new Date(`${c.date}T00:00:00Z`)) })),
    report: reportHref(d.name, new URL(laureateHref(laureate.id), siteUrl()).href),
    facts: keyFacts(d, call),
    badges: trustBadges(d),
    tags: classificationTags(d),
    metrics: metricRows(d),
    metricsCaption: metricsCaption(d),
    feed: await pageFeed({ callId: call.id }),
    similar: similar.get(laureate.id) ?? [],
    search: {
      type: callWording(call.data.kind).laureateType,
      filters: facetValues(d),
      meta: {
        structure: d.submitter.name,
        categorie: d.category ? categoryBySlug(d.category).shortLabel : undefined,
        thematiques: d.thematics.map((t) => thematicBySlug(t).shortLabel).join(' · ') || undefined,
        secnumcloud: d.dataSecurity ? SECNUMCLOUD_STATUSES.label(d.dataSecurity.secNumCloud) : undefined,
      },
    },
  };
}

/** A category's page: the call that defines it, its thematics (navigation) and its laureates. */
export async function categoryPage(category: Pick<Category, 'slug' | 'shortLabel' | 'call'>, page = 1) {
  const [laureates, calls] = await Promise.all([publishedLaureates(), callsById()]);
  const call = calls.get(category.call);
  if (!call) throw new Error(`catégorie ${category.slug} : appel « ${category.call} » introuvable dans content/calls/`);
  return {
    call: { href: callHref(call.id), title: call.data.title },
    breadcrumb: pagedBreadcrumb([{ href: categoryHref(category.slug), label: category.shortLabel }], categoryHref(category.slug), page),
    thematics: thematicEntries(laureates, category.slug),
    feed: await pageFeed({ category: category.slug }),
    ...pagedCards(categoryHref(category.slug), laureatesOfCategory(laureates, category.slug), (l) => laureateCard(l, callOf(calls, l)), page, `Pages des solutions de la catégorie ${category.shortLabel}`),
  };
}

/** A thematic's page: every laureate that declared it, whatever its category. */
export async function thematicPage(thematic: Pick<Thematic, 'slug' | 'label' | 'shortLabel' | 'categories'>, page = 1) {
  const [laureates, calls] = await Promise.all([publishedLaureates(), callsById()]);
  const categories = thematic.categories.map(categoryBySlug);
  return {
    categories: categories.map((c) => ({ href: categoryHref(c.slug), label: c.label })),
    breadcrumb: pagedBreadcrumb(
      [...(categories.length === 1 ? [{ href: categoryHref(categories[0]!.slug), label: categories[0]!.shortLabel }] : []), { href: thematicHref(thematic.slug), label: thematic.label }],
      thematicHref(thematic.slug),
      page,
    ),
    ...pagedCards(thematicHref(thematic.slug), laureatesOfThematic(laureates, thematic.slug), (l) => laureateCard(l, callOf(calls, l)), page, `Pages des solutions de la thématique ${thematic.shortLabel}`),
    comparison: thematicComparisonHref(thematic.slug),
    feed: await pageFeed({ thematic: thematic.slug }),
  };
}

/** A call's page: its laureates, its timeline, whether demonstration entries stand among them. */
export async function callPage(call: CallEntry, page = 1) {
  const laureates = laureatesOfCall(await publishedLaureates(), call.id);
  return {
    breadcrumb: pagedBreadcrumb([{ href: callHref(call.id), label: call.data.shortTitle }], callHref(call.id), page),
    ...pagedCards(callHref(call.id), laureates, (l) => laureateCard(l, call), page, `Pages des lauréats de ${call.data.shortTitle}`),
    hasDemo: laureates.some((l) => l.data.demo),
    feed: await pageFeed({ callId: call.id }),
    timeline: callTimeline(call.data),
    figures: callFigures(call.data),
  };
}

/** The site map: categories, thematics, each call with its laureates by name, the editorial pages. */
export async function siteMapPage() {
  const [laureates, calls, pages] = await Promise.all([publishedLaureates(), sortedCalls(), getCollection('pages')]);
  const collator = new Intl.Collator('fr');
  return {
    categories: CATEGORIES.map((c) => ({ href: categoryHref(c.slug), label: c.label })),
    thematics: THEMATICS.map((t) => ({ href: thematicHref(t.slug), label: t.label })),
    calls: calls.map((c) => ({
      href: callHref(c.id),
      label: c.data.title,
      laureates: laureatesOfCall(laureates, c.id)
        .map((l) => ({ href: laureateHref(l.id), name: l.data.name, demo: l.data.demo }))
        .sort(compareNames),
    })),
    pages: [...pages].sort((a, b) => collator.compare(a.data.title, b.data.title)).map((p) => ({ href: `/${p.id}/`, label: p.data.title })),
  };
}

/** The open-data page: the files with their sizes, the feeds, the last change, the share of demonstration entries. */
export async function dataPage() {
  const site = siteUrl();
  const [records, calls, dates] = await Promise.all([openDataRecords(), sortedCalls(), openDataDates()]);
  return {
    site,
    records,
    files: dataFiles(records, site, dates),
    dates,
    demoCount: records.filter((r) => r.demo).length,
    callCount: calls.length,
    feeds: feeds(calls),
  };
}

/** The address of a thematic's pre-rendered comparison, and of its CSV and JSON. */
export const thematicComparisonHref = (slug: string, ext?: 'csv' | 'json') => (ext ? `${thematicHref(slug)}comparaison.${ext}` : `${thematicHref(slug)}comparer/`);

/** Thematics with published laureates: the ones that have a pre-rendered comparison. */
export async function comparedThematics() {
  const laureates = await publishedLaureates();
  return THEMATICS.map((t) => ({ thematic: t, count: laureatesOfThematic(laureates, t.slug).length }))
    .filter((t) => t.count > 0)
    .map(({ thematic, count }) => ({ slug: thematic.slug, href: thematicComparisonHref(thematic.slug), label: thematic.label, count }));
}

/** Every published laureate's comparison column (/comparer/solutions/<id>.json). */
export async function comparisonColumns() {
  const [laureates, calls] = await Promise.all([publishedLaureates(), callsById()]);
  return laureates.map((l) => ({ id: l.id, column: comparisonColumn(l, callOf(calls, l)) }));
}

/** /comparer/: the laureates one may add (name and structure, by name), the thematic comparisons for readers without JavaScript. */
export async function comparePage() {
  const laureates = await publishedLaureates();
  return {
    breadcrumb: [{ href: COMPARE_PATH, label: 'Comparer des solutions' }] satisfies Crumb[],
    solutions: laureates.map((l) => ({ id: l.id, name: l.data.name, submitter: l.data.submitter.name })).sort(compareNames),
    spec: comparisonSpec(),
    thematics: await comparedThematics(),
  };
}

/**
 * Each thematic's comparison table, computed once for its page, its CSV and its JSON rather than
 * three times; keyed by the published laureates and the calls it is read from (both cached by
 * data.ts as long as the content does not change), so an edit under `astro dev` recomputes it.
 */
const thematicTables = new WeakMap<readonly LaureateEntry[], WeakMap<readonly CallEntry[], Map<string, { table: ComparisonTable; ids: string[] }>>>();

async function thematicTable(slug: Thematic['slug']) {
  const [laureates, calls] = await Promise.all([publishedLaureates(), sortedCalls()]);
  let byCalls = thematicTables.get(laureates);
  if (!byCalls) thematicTables.set(laureates, (byCalls = new WeakMap()));
  let bySlug = byCalls.get(calls);
  if (!bySlug) byCalls.set(calls, (bySlug = new Map()));
  let found = bySlug.get(slug);
  if (!found) {
    const byId = new Map(calls.map((c) => [c.id, c]));
    const members = laureatesOfThematic(laureates, slug);
    found = {
      table: comparisonTable(
        members.map((l) => comparisonColumn(l, callOf(byId, l))),
        comparisonSpec(),
      ),
      ids: members.map((l) => l.id),
    };
    bySlug.set(slug, found);
  }
  return found;
}

/** A thematic's comparison of all its laureates (newest selection first), pre-rendered. */
export async function thematicComparisonPage(thematic: Pick<Thematic, 'slug' | 'label'>) {
  const { table, ids } = await thematicTable(thematic.slug);
  return {
    breadcrumb: [
      { href: thematicHref(thematic.slug), label: thematic.label },
      { href: thematicComparisonHref(thematic.slug), label: 'Comparaison' },
    ] satisfies Crumb[],
    table,
    ids,
    downloads: { csv: thematicComparisonHref(thematic.slug, 'csv'), json: thematicComparisonHref(thematic.slug, 'json') },
  };
}

/** /trouver/: what the guide knows of every published laureate, and the prefiltered listings for readers without JavaScript. */
export async function guidePage() {
  const laureates = await publishedLaureates();
  return {
    breadcrumb: [{ href: '/trouver/', label: 'Trouver une solution' }] satisfies Crumb[],
    facts: laureates.map((l) => guideFacts(l.id, l.data)),
    withoutScript: [
      { label: 'Qualifiées SecNumCloud', href: listingHref('secnumcloud', 'qualifie') },
      { label: 'Hébergeables sur une offre qualifiée SecNumCloud', href: listingHref('secnumcloud', 'hebergeable') },
      { label: 'Installables sur vos serveurs', href: listingHref('sur-site', 'oui') },
      { label: 'Données hébergées en France', href: listingHref('donnees', 'france') },
      { label: 'Open source', href: listingHref('open-source', 'oui') },
      { label: 'Achetables via une centrale d’achat', href: listingHref('centrale', 'oui') },
      ...AUDIENCES.options.map((a) => ({ label: `Pour les ${a.label.toLocaleLowerCase('fr')}`, href: listingHref('public', a.value) })),
    ],
    thematics: THEMATICS.map((t) => ({ label: t.label, href: thematicHref(t.slug) })),
  };
}

/** /admin/ and /admin/configuration.json: the editing interface's configuration, generated from the schema, and the hosts it talks to. */
export async function adminPage() {
  const backend = backendFromEnv();
  const entries = await sortedCalls();
  const calls = entries.map((c) => ({ id: c.id, title: c.data.title, shortTitle: c.data.shortTitle, kind: c.data.kind }));
  const config = cmsConfig({ calls, contentDir: contentDirInRepository(CONTENT_DIR), backend });
  return {
    config,
    // The preview of each collection of fiches: its call, and the site's styles in the preview pane.
    previewCalls: Object.fromEntries(
      entries.map((c) => [cmsCollectionOf(c.id), { id: c.id, title: c.data.title, shortTitle: c.data.shortTitle, year: c.data.year, kind: c.data.kind, launch: isoDay(c.data.dates.launch) }]),
    ),
    previewStyles: [bundleHref('fiche', 'css'), '/css/catalogue.css', '/css/admin-apercu.css'],
    connectSources: cmsConnectSources(backend),
    forge: backend.name && backend.repo ? { name: backend.name === 'gitlab' ? 'GitLab' : 'GitHub', repo: backend.repo } : undefined,
    breadcrumb: [{ href: '/admin/', label: 'Éditer le catalogue' }] satisfies Crumb[],
  };
}

/** Where /admin/ fetches its configuration when the interface opens (it is not needed before). */
export const ADMIN_CONFIGURATION_PATH = '/admin/configuration.json';

/** /accessibilite/grille/: the RGAA audit, theme by theme, with its rate. */
export function rgaaGridPage() {
  const audit = siteAudit();
  return {
    audit,
    rate: complianceRate(audit),
    themes: gridRows(audit).map((t) => ({ ...t, summary: themeSummary(t.rows) })),
    csvHref: RGAA_GRID_CSV_PATH,
    statementHref: RGAA_STATEMENT_PATH,
    breadcrumb: [
      { href: RGAA_STATEMENT_PATH, label: 'Déclaration d’accessibilité' },
      { href: RGAA_GRID_PATH, label: 'Grille d’audit RGAA' },
    ] satisfies Crumb[],
  };
}
