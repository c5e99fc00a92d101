/** Loads the Pagefind index written at build time (not bundled: it lives in dist/pagefind/). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindSearch {
  results: Array<{ id: string; data(): Promise<PagefindResultData> }>;
  filters: Record<string, Record<string, number>>;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, string> }): Promise<PagefindSearch>;
}

let loaded: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  loaded ??= import(/* @vite-ignore */ url).then(async (p: Pagefind) => {
    await p.options({ excerptLength: 24 });
    return p;
  });
  return loaded;
}
