/**
 * /recherche/: runs the query of the URL (?q=) against the Pagefind index and
 * renders the results with DOM APIs only (no innerHTML), 10 at a time. The
 * results follow the query as it is typed, keystroke by keystroke (a search
 * that a newer one replaced draws nothing; the list says which query it
 * shows in `data-requete`); the status region announces the outcome once
 * typing pauses (ANNOUNCE_PAUSE_MS), not at every letter; the address
 * follows without filling the history; submitting adds a history entry.
 */
import { countMessage, resultView, type ResultView } from '../lib/search-results.ts';
import { loadPagefind } from './pagefind.ts';
import { selectionButton } from '../lib/selection-button.ts';
import { toDom } from './dom.ts';
import { readSelection } from './selection.ts';

const PAGE = 10;
/** The pause in typing after which the outcome is announced (a screen reader would otherwise read every letter's count). */
const ANNOUNCE_PAUSE_MS = 500;
let announcing: ReturnType<typeof setTimeout> | undefined;
const form = document.querySelector<HTMLFormElement>('#recherche-page')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#recherche-statut')!;
const list = document.querySelector<HTMLOListElement>('#recherche-resultats')!;
const more = document.querySelector<HTMLButtonElement>('#recherche-plus')!;
const baseTitle = document.title;

function render(view: ResultView): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'fr-mb-3w';
  const card = document.createElement('div');
  // A card with an action zone is not enlarged (DSFR): its title link is the way in.
  card.className = view.selection ? 'fr-card fr-card--horizontal' : 'fr-card fr-card--horizontal fr-enlarge-link';
  const body = document.createElement('div');
  body.className = 'fr-card__body';
  const content = document.createElement('div');
  content.className = 'fr-card__content';
  const title = document.createElement('h2');
  title.className = 'fr-card__title';
  const link = document.createElement('a');
  link.href = view.href;
  link.textContent = view.title;
  title.append(link);
  const desc = document.createElement('p');
  desc.className = 'fr-card__desc';
  for (const part of view.excerpt) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      desc.append(mark);
    } else desc.append(document.createTextNode(part.text));
  }
  const start = document.createElement('div');
  start.className = 'fr-card__start';
  const kind = document.createElement('p');
  kind.className = 'fr-card__detail';
  kind.textContent = view.detail ? `${view.kind} · ${view.detail}` : view.kind;
  start.append(kind);
  content.append(title, desc, start);
  if (view.tags.length > 0) {
    const end = document.createElement('div');
    end.className = 'fr-card__end';
    const tags = document.createElement('ul');
    tags.className = 'fr-tags-group';
    for (const t of view.tags) {
      const item = document.createElement('li');
      const tag = document.createElement('p');
      tag.className = 'fr-tag fr-tag--sm';
      tag.textContent = t;
      item.append(tag);
      tags.append(item);
    }
    end.append(tags);
    content.append(end);
  }
  body.append(content);
  if (view.selection) {
    const footer = document.createElement('div');
    footer.className = 'fr-card__footer zone-js';
    footer.append(toDom(selectionButton(view.selection.id, view.selection.name, readSelection().includes(view.selection.id))));
    body.append(footer);
  }
  card.append(body);
  li.append(card);
  return li;
}

/** The latest search: an older one still running draws nothing when it ends. */
let latest = 0;

async function run(query: string, { fromTyping = false } = {}): Promise<void> {
  const id = ++latest;
  if (!fromTyping) input.value = query;
  clearTimeout(announcing);
  if (!query) {
    list.replaceChildren();
    delete list.dataset.requete;
    more.hidden = true;
    status.textContent = countMessage(0, '');
    document.title = baseTitle;
    return;
  }
  // While typing, the previous results stay until the new ones are ready (no flash, nothing announced meanwhile).
  if (!fromTyping) status.textContent = 'Recherche en cours…';
  let search;
  try {
    search = await (await loadPagefind()).search(query);
  } catch {
    // No index: the development server (npm run dev) does not build one.
    status.textContent = 'La recherche est indisponible : son index n’a pas été construit (npm run build).';
    return;
  }
  if (id !== latest) return;
  const total = search.results.length;
  let shown = 0;
  const showMore = async (moveFocus: boolean) => {
    const slice = search.results.slice(shown, shown + PAGE);
    const views = (await Promise.all(slice.map((r) => r.data()))).map(resultView).filter((v): v is ResultView => !!v);
    if (id !== latest) return;
    const items = views.map(render);
    if (shown === 0) list.replaceChildren();
    list.append(...items);
    shown += slice.length;
    more.hidden = shown >= total;
    // Keep focus sensible: after « more results », go to the first new result.
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  };
  more.onclick = () => void showMore(true);
  await showMore(false);
  if (id !== latest) return;
  list.dataset.requete = query;
  document.title = `« ${query} » : ${total} résultat${total > 1 ? 's' : ''} — ${baseTitle}`;
  // Announced once the first results are on the page — while typing, once typing pauses.
  const announce = () => (status.textContent = countMessage(total, query));
  if (fromTyping) announcing = setTimeout(announce, ANNOUNCE_PAUSE_MS);
  else announce();
}

const addressOf = (q: string) => (q ? `?q=${encodeURIComponent(q)}` : location.pathname);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = input.value.trim();
  history.pushState(null, '', addressOf(q));
  void run(q);
});

// As the query is typed: the results follow at each keystroke, the address follows without a history entry per letter.
input.addEventListener('input', () => {
  const q = input.value.trim();
  if (q === (new URLSearchParams(location.search).get('q')?.trim() ?? '')) return;
  history.replaceState(null, '', addressOf(q));
  void run(q, { fromTyping: true });
});
// The index starts loading as soon as the field is used, so that the first results come quickly.
input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
window.addEventListener('popstate', () => void run(new URLSearchParams(location.search).get('q')?.trim() ?? ''));
void run(new URLSearchParams(location.search).get('q')?.trim() ?? '');
