/**
 * Search results as plain data for the DOM: no HTML string from the index is
 * ever inserted with innerHTML. Pagefind's excerpt (escaped text with <mark>
 * around the matches) becomes a list of text parts, marked or not.
 */

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Splits an excerpt on <mark>…</mark>; any other tag is dropped, entities decoded. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/gi;
  let last = 0;
  const push = (raw: string, mark: boolean) => {
    const text = decodeEntities(raw.replace(/<[^>]*>/g, ''));
    if (text) parts.push({ text, mark });
  };
  for (let m = re.exec(excerpt); m; m = re.exec(excerpt)) {
    push(excerpt.slice(last, m.index), false);
    push(m[1]!, true);
    last = m.index + m[0].length;
  }
  push(excerpt.slice(last), false);
  return parts;
}

export interface SearchHit {
  url: string;
  meta: Record<string, string | undefined>;
  excerpt: string;
}

export interface ResultView {
  href: string;
  title: string;
  kind: string;
  excerpt: ExcerptPart[];
  tags: string[];
  detail?: string;
  /** A laureate's result: what its « Ajouter à ma sélection » button needs. */
  selection?: { id: string; name: string };
}

const LAUREATE_URL = /^\/solutions\/([a-z0-9]+(?:-[a-z0-9]+)*)\/$/;

/** Only site-relative result URLs are kept (the index is ours, but a link is a link). */
export function resultView(hit: SearchHit): ResultView | undefined {
  if (!/^\/(?!\/)/.test(hit.url)) return undefined;
  const laureate = LAUREATE_URL.exec(hit.url);
  const tags = [hit.meta.categorie, ...(hit.meta.thematiques ?? '').split(' · '), hit.meta.secnumcloud].filter((t): t is string => !!t && t.length > 0);
  return {
    href: hit.url,
    title: hit.meta.title ?? hit.url,
    kind: hit.meta.type ?? 'Page',
    excerpt: excerptParts(hit.excerpt),
    tags,
    ...(hit.meta.structure ? { detail: hit.meta.structure } : {}),
    ...(laureate ? { selection: { id: laureate[1]!, name: hit.meta.title ?? laureate[1]! } } : {}),
  };
}

/** « 1 résultat », « 12 résultats », « Aucun résultat » for the status region. */
export function countMessage(count: number, query: string): string {
  if (!query) return 'Saisissez un ou plusieurs mots pour lancer la recherche.';
  if (count === 0) return `Aucun résultat pour « ${query} ».`;
  return `${count} résultat${count > 1 ? 's' : ''} pour « ${query} ».`;
}
