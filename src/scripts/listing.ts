/**
 * /solutions/: narrows the list by facets and a text query (Pagefind), with
 * counts per option, a sort, pages of results, a reset, and the state in
 * the URL (shareable; back/forward and reload restore it). The static pages
 * (/solutions/, /solutions/page/N/) show the plain list without JavaScript;
 * once a filter, a query or the other order applies, the results come from
 * the compact index (src/lib/view/listing-index.ts) across every laureate,
 * and only the cards of the page shown are fetched. The rules are the pure
 * functions of src/lib/facets.ts; cards and pagination are drawn from the
 * same markup as the build's.
 */
import { describeSelection, facetCounts, isPlainListing, matches, parseState, serialiseState, type FacetShape, type ListingState } from '../lib/facet-state.ts';
import { hasAllWords, plural } from '../lib/view/format.ts';
import { cardChunkPath, chunksOf, decodeListingIndex, type IndexedLaureate, type ListingIndex } from '../lib/view/listing-index.ts';
import { pageCount, pageHref, pageLabel, pageOfPath, pageSlice, paginationMarkup } from '../lib/view/pagination.ts';
import { cardMarkup } from '../lib/view/card-markup.ts';
import type { LaureateCard } from '../lib/view/laureate.ts';
import { loadPagefind } from './pagefind.ts';
import { toDom } from './dom.ts';
import { refresh as refreshSelection } from './selection.ts';

const form = document.querySelector<HTMLFormElement>('#facettes')!;
const list = document.querySelector<HTMLUListElement>('#liste-resultats')!;
const pages = document.querySelector<HTMLElement>('#liste-pages')!;
const status = document.querySelector<HTMLElement>('#liste-statut')!;
const heading = document.querySelector<HTMLElement>('#liste-titre')!;
const queryInput = form.querySelector<HTMLInputElement>('#facettes-q')!;
const sortSelect = form.querySelector<HTMLSelectElement>('#facettes-tri')!;
const ALL: FacetShape[] = JSON.parse(document.querySelector('#facettes-donnees')!.textContent!);
const BASE = form.getAttribute('action')!;
const PAGINATION_LABEL = 'Pages des résultats';

/** What the static page showed, put back when the state returns to it (no fetch for the plain list). */
const server = {
  page: Number(form.dataset.page ?? '1'),
  items: [...list.children],
  pages: [...pages.childNodes],
  status: status.textContent ?? '',
  heading: heading.textContent ?? '',
  title: document.title,
  counts: new Map([...form.querySelectorAll<HTMLElement>('[data-compte]')].map((s) => [s, s.textContent ?? ''])),
};
const siteTitle = server.title.split(' — ').slice(1).join(' — ');

interface Loaded {
  index: ListingIndex;
  laureates: IndexedLaureate[];
}
let loading: Promise<Loaded> | undefined;
function loadIndex(): Promise<Loaded> {
  loading ??= fetch(form.dataset.index!)
    .then((r) => {
      if (!r.ok) throw new Error(`index de la liste : ${r.status}`);
      return r.json() as Promise<ListingIndex>;
    })
    .then((index) => ({ index, laureates: decodeListingIndex(index) }));
  loading.catch(() => (loading = undefined)); // a failed load may be retried
  return loading;
}

const chunks = new Map<number, Promise<LaureateCard[]>>();
function loadChunk(index: ListingIndex, chunk: number): Promise<LaureateCard[]> {
  let cards = chunks.get(chunk);
  if (!cards) {
    cards = fetch(`${cardChunkPath(chunk)}?v=${index.version}`).then((r) => {
      if (!r.ok) throw new Error(`cartes de la liste : ${r.status}`);
      return r.json() as Promise<LaureateCard[]>;
    });
    cards.catch(() => chunks.delete(chunk));
    chunks.set(chunk, cards);
  }
  return cards;
}

async function cardsAt(index: ListingIndex, positions: readonly number[]): Promise<LaureateCard[]> {
  const loaded = new Map(await Promise.all(chunksOf(positions, index.chunkSize).map(async (c) => [c, await loadChunk(index, c)] as const)));
  return positions.map((p) => loaded.get(Math.floor(p / index.chunkSize))![p % index.chunkSize]!);
}

/** The state of the address: its query string, else the static page it is. */
function stateFromLocation(): ListingState {
  const state = parseState(location.search, ALL);
  if (isPlainListing(state) && !new URLSearchParams(location.search).has('page')) state.page = pageOfPath(BASE, location.pathname) ?? 1;
  return state;
}

/** The address of a state: the static page for the plain list, the listing with its query string otherwise. */
const addressOf = (state: ListingState): string => (isPlainListing(state) ? pageHref(BASE, state.page) : `${BASE}${serialiseState(state, ALL)}`);

function readForm(): ListingState {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v) params.append(k, v);
  return parseState(params.toString(), ALL); // a changed filter starts again at page 1
}

function writeForm(state: ListingState): void {
  queryInput.value = state.query;
  sortSelect.value = state.sort;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = state.selection[box.name]?.includes(box.value) ?? false;
  }
}

/** The laureates whose page matches the query (Pagefind), or undefined without a query. */
async function textMatches(query: string, loaded: Loaded): Promise<Set<string> | undefined> {
  if (!query) return undefined;
  try {
    const search = await (await loadPagefind()).search(query);
    const data = await Promise.all(search.results.map((r) => r.data()));
    return new Set(data.map((d) => /^\/solutions\/([^/]+)\/$/.exec(new URL(d.url, location.href).pathname)?.[1]).filter((id): id is string => id !== undefined));
  } catch {
    // No search index (development server): the names, summaries and structures of the cards.
    const all = await cardsAt(loaded.index, loaded.laureates.map((l) => l.position));
    return new Set(all.filter((c) => hasAllWords(`${c.title} ${c.summary} ${c.submitter}`, query)).map((c) => c.id));
  }
}

/** Every result of a state, in its order, and the pool the counts are computed over. */
async function results(state: ListingState, loaded: Loaded): Promise<{ pool: IndexedLaureate[]; shown: IndexedLaureate[] }> {
  const ids = await textMatches(state.query, loaded);
  const pool = loaded.laureates.filter((l) => !ids || ids.has(l.id));
  const kept = new Set(pool.filter((l) => matches(l.values, state.selection)));
  const ordered = state.sort === 'nom' ? loaded.index.byName.map((i) => loaded.laureates[i]!) : loaded.laureates;
  return { pool, shown: ordered.filter((l) => kept.has(l)) };
}

function restoreServerPage(): void {
  list.replaceChildren(...server.items);
  pages.replaceChildren(...server.pages);
  for (const [span, text] of server.counts) span.textContent = text;
  status.textContent = server.status;
  heading.textContent = server.heading;
  document.title = server.title;
}

let generation = 0;
async function apply(state: ListingState): Promise<void> {
  const mine = ++generation;
  if (isPlainListing(state) && state.page === server.page) {
    restoreServerPage();
    list.dataset.etat = addressOf(state);
    return;
  }
  const loaded = await loadIndex();
  const { pool, shown } = await results(state, loaded);
  const count = pageCount(shown.length);
  const page = Math.min(state.page, count);
  const slice = pageSlice(shown, page);
  const cards = await cardsAt(loaded.index, slice.map((l) => l.position));
  if (mine !== generation) return; // a newer change won the race

  list.replaceChildren(
    ...cards.map((card) => {
      const li = document.createElement('li');
      li.className = 'fr-col-12 fr-col-lg-6';
      li.dataset.id = card.id;
      li.append(toDom(cardMarkup(card, 2)));
      return li;
    }),
  );
  refreshSelection();
  const nav = paginationMarkup({ current: page, count, label: PAGINATION_LABEL, href: (n) => addressOf({ ...state, page: n }) });
  pages.replaceChildren(...(nav ? [toDom(nav)] : []));

  const counts = facetCounts(pool.map((l) => l.values), state.selection, ALL);
  for (const span of server.counts.keys()) {
    const [key, value] = span.dataset.compte!.split(':') as [string, string];
    span.textContent = plural(counts[key]?.[value] ?? 0, 'solution');
  }
  const summary = describeSelection(state, ALL);
  const total = plural(shown.length, 'solution');
  const where = count > 1 ? `, ${pageLabel(page, count)}` : '';
  status.textContent = summary ? `${total} pour : ${summary}${where}` : `${total}${where}`;
  heading.textContent = summary ? `Solutions filtrées (${total})` : server.heading;
  const title = summary ? `Solutions filtrées : ${summary} (${total}${where})` : `Toutes les solutions${where ? ` (${pageLabel(page, count)})` : ''}`;
  document.title = `${title} — ${siteTitle}`;
  // Which state the list shows (its address): a newer change may still be loading.
  list.dataset.etat = addressOf({ ...state, page });
}

function go(state: ListingState): Promise<void> {
  const address = addressOf(state);
  if (address !== `${location.pathname}${location.search}`) history.pushState(null, '', address);
  return apply(state);
}

let typing: number | undefined;
form.addEventListener('change', (event) => {
  if (event.target === queryInput) return;
  void go(readForm());
});
queryInput.addEventListener('input', () => {
  window.clearTimeout(typing);
  typing = window.setTimeout(() => void go(readForm()), 300);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void go(readForm());
});
form.addEventListener('reset', (event) => {
  event.preventDefault();
  writeForm({ query: '', selection: {}, sort: 'recent', page: 1 });
  void go(readForm());
  queryInput.focus();
});
// Pages of filtered results stay on this page; the plain list's pages are static pages, reached by their links.
pages.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
  const state = stateFromLocation();
  if (!link || isPlainListing(state) || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  void go({ ...state, page: Number(link.dataset.page) }).then(() => {
    status.tabIndex = -1;
    status.focus(); // to the new page's count, where reading continues
  });
});
window.addEventListener('popstate', () => {
  const state = stateFromLocation();
  writeForm(state);
  void apply(state);
});

// « Télécharger ces résultats »: every result of the filters (all pages), in the order shown (the module loads on first use).
const exportLinks = document.querySelector<HTMLElement>('#liste-export');
exportLinks?.addEventListener('click', async (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-export]');
  if (!link) return;
  event.preventDefault();
  const state = stateFromLocation();
  const [{ exportResults, download }, loaded] = await Promise.all([import('./export.ts'), loadIndex()]);
  const { shown } = await results(state, loaded);
  download(
    await exportResults({
      format: link.dataset.export === 'json' ? 'json' : 'csv',
      ids: shown.map((l) => l.id),
      columns: JSON.parse(exportLinks.dataset.colonnes ?? '[]'),
      filter: describeSelection(state, ALL) || 'aucun filtre',
      jsonUrl: exportLinks.dataset.json!,
    }),
  );
});

const initial = stateFromLocation();
writeForm(initial);
void apply(initial);
