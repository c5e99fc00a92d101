/**
 * /solutions/: narrows the server-rendered list by facets and a text query
 * (Pagefind), with counts per option, a sort, a reset, and the state in the
 * URL (shareable; back/forward and reload restore it). The rules are the pure
 * functions of src/lib/facets.ts.
 */
import { describeSelection, facetCounts, facets, matches, parseState, serialiseState, type FacetValues, type ListingState } from '../lib/facets.ts';
import { compareLaureates } from '../lib/view/order.ts';
import { hasAllWords, plural } from '../lib/view/format.ts';
import { loadPagefind } from './pagefind.ts';

const form = document.querySelector<HTMLFormElement>('#facettes')!;
const list = document.querySelector<HTMLUListElement>('#liste-resultats')!;
const status = document.querySelector<HTMLElement>('#liste-statut')!;
const heading = document.querySelector<HTMLElement>('#liste-titre')!;
const queryInput = form.querySelector<HTMLInputElement>('#facettes-q')!;
const sortSelect = form.querySelector<HTMLSelectElement>('#facettes-tri')!;
const ALL = facets(JSON.parse(form.dataset.appels ?? '[]'));
const baseTitle = document.title;
const baseHeading = heading.textContent ?? '';

interface Item {
  element: HTMLLIElement;
  url: string;
  name: string;
  date: string;
  values: FacetValues;
}
const items: Item[] = [...list.querySelectorAll<HTMLLIElement>(':scope > li')].map((element) => ({
  element,
  url: element.dataset.url!,
  name: element.dataset.nom!,
  date: element.dataset.date!,
  values: JSON.parse(element.dataset.facettes ?? '{}') as FacetValues,
}));

function readForm(): ListingState {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v) params.append(k, v);
  return parseState(params.toString(), ALL);
}

function writeForm(state: ListingState): void {
  queryInput.value = state.query;
  sortSelect.value = state.sort;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = state.selection[box.name]?.includes(box.value) ?? false;
  }
}

async function textMatches(query: string): Promise<Set<string> | undefined> {
  if (!query) return undefined;
  try {
    const search = await (await loadPagefind()).search(query);
    const data = await Promise.all(search.results.map((r) => r.data()));
    return new Set(data.map((d) => d.url));
  } catch {
    // No index (development server): fall back to the names and summaries shown.
    return new Set(items.filter((i) => hasAllWords(i.element.textContent ?? '', query)).map((i) => i.url));
  }
}

let generation = 0;
async function apply(state: ListingState): Promise<void> {
  const mine = ++generation;
  const urls = await textMatches(state.query);
  if (mine !== generation) return; // a newer change won the race
  const pool = items.filter((i) => !urls || urls.has(i.url));
  const shown = pool.filter((i) => matches(i.values, state.selection));
  const sorted = [...items].sort(compareLaureates(state.sort));
  list.append(...sorted.map((i) => i.element));
  const visible = new Set(shown);
  for (const i of items) i.element.hidden = !visible.has(i);

  const counts = facetCounts(pool.map((i) => i.values), state.selection, ALL);
  for (const span of form.querySelectorAll<HTMLElement>('[data-compte]')) {
    const [key, value] = span.dataset.compte!.split(':') as [string, string];
    span.textContent = plural(counts[key]?.[value] ?? 0, 'solution');
  }
  const summary = describeSelection(state, ALL);
  const count = plural(shown.length, 'solution');
  status.textContent = summary ? `${count} pour : ${summary}` : count;
  heading.textContent = summary ? `Solutions filtrées (${count})` : baseHeading;
  document.title = summary ? `Solutions filtrées : ${summary} (${count}) — ${baseTitle.split(' — ').slice(1).join(' — ')}` : baseTitle;
}

function update(push: boolean): void {
  const state = readForm();
  const search = serialiseState(state, ALL);
  if (push && search !== location.search) history.pushState(null, '', `${location.pathname}${search}`);
  void apply(state);
}

let typing: number | undefined;
form.addEventListener('change', (event) => {
  if (event.target === queryInput) return;
  update(true);
});
queryInput.addEventListener('input', () => {
  window.clearTimeout(typing);
  typing = window.setTimeout(() => update(true), 300);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  update(true);
});
form.addEventListener('reset', (event) => {
  event.preventDefault();
  writeForm({ query: '', selection: {}, sort: 'recent' });
  update(true);
  queryInput.focus();
});
window.addEventListener('popstate', () => {
  const state = parseState(location.search, ALL);
  writeForm(state);
  void apply(state);
});

// « Télécharger ces résultats »: the laureates shown, in the order shown (the module loads on first use).
const exportLinks = document.querySelector<HTMLElement>('#liste-export');
exportLinks?.addEventListener('click', async (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-export]');
  if (!link) return;
  event.preventDefault();
  const { exportResults, download } = await import('./export.ts');
  const ids = [...list.querySelectorAll<HTMLLIElement>(':scope > li:not([hidden])')].map((li) => li.dataset.id!);
  download(
    await exportResults({
      format: link.dataset.export === 'json' ? 'json' : 'csv',
      ids,
      columns: JSON.parse(exportLinks.dataset.colonnes ?? '[]'),
      filter: describeSelection(readForm(), ALL) || 'aucun filtre',
      jsonUrl: exportLinks.dataset.json!,
    }),
  );
});

const initial = parseState(location.search, ALL);
writeForm(initial);
void apply(initial);
