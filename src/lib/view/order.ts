/**
 * The catalogue's orders of laureates, shared by the build (sortLaureates)
 * and the browser listing (its « Trier par »): most recent selection first
 * then by name, or by name, with French collation.
 */
export type Sort = 'recent' | 'nom';

export interface Sortable {
  name: string;
  /** Selection date, `AAAA-MM-JJ`. */
  date: string;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** By name, French collation, accents and case aside. */
export const compareNames = (a: Pick<Sortable, 'name'>, b: Pick<Sortable, 'name'>): number => collator.compare(a.name, b.name);

export function compareLaureates(sort: Sort): (a: Sortable, b: Sortable) => number {
  return sort === 'nom' ? compareNames : (a, b) => b.date.localeCompare(a.date) || compareNames(a, b);
}
