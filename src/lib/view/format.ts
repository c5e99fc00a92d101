/** French formatting of numbers, money, dates and counts (Intl, fr-FR). */
const LOCALE = 'fr-FR';

const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const euroFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatEuros(value: number): string {
  return `${euroFormat.format(value)} HT`;
}

export function formatDate(date: Date): string {
  return longDate.format(date);
}

export function formatMonthYear(date: Date): string {
  return monthYear.format(date);
}

/** ISO calendar date for `<time datetime>`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A value with its unit: `12,5 jours`, `35 %`, `4 € / dossier`. */
export function formatQuantity(value: number, unit: string): string {
  return `${formatNumber(value)}\u202f${unit}`;
}

/** « 1 lauréat », « 12 lauréats » (French: 0 and 1 are singular). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${Math.abs(count) < 2 ? singular : pluralForm}`;
}

/**
 * The change between two values, as French text: « −75 % » for a drop,
 * « +12 % » for a rise; undefined when there is no "before" or it is 0.
 */
export function relativeChange(before: number | undefined, after: number): string | undefined {
  if (before === undefined || before === 0) return undefined;
  const pct = ((after - before) / before) * 100;
  const rounded = Math.round(pct);
  if (rounded === 0) return 'stable';
  return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded))}\u202f%`;
}

/** A file size as the DSFR download links show it: « 850 octets », « 12,3 Ko », « 1,2 Mo ». */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)} octets`;
  const size = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
  if (bytes < 1_000_000) return `${size.format(bytes / 1000)} Ko`;
  return `${size.format(bytes / 1_000_000)} Mo`;
}

/** Lower case without accents, to match what a visitor types: « Sécurité » → « securite ». */
export const foldForSearch = (text: string) => text.toLocaleLowerCase('fr').normalize('NFD').replace(/\p{M}/gu, '');

/** Whether `text` holds every word of `query`, case and accents aside (an empty query holds nothing). */
export function hasAllWords(text: string, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const folded = foldForSearch(text);
  return words.length > 0 && words.every((w) => folded.includes(w));
}
