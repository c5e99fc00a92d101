/** View models of the browse pages: home figures, category, thematic and call pages. */
import type { Call } from '../../schemas/call.ts';
import { CATEGORIES, THEMATICS, type CategorySlug, type ThematicSlug } from '../../schemas/taxonomy.ts';
import { formatDate, isoDay, plural } from './format.ts';
import { categoryHref, thematicHref, type LaureateLike } from './laureate.ts';

export function laureatesOfCategory<T extends LaureateLike>(list: readonly T[], slug: CategorySlug): T[] {
  return list.filter((l) => l.data.category === slug);
}

export function laureatesOfThematic<T extends LaureateLike>(list: readonly T[], slug: ThematicSlug): T[] {
  return list.filter((l) => l.data.thematics.includes(slug));
}

export function laureatesOfCall<T extends LaureateLike>(list: readonly T[], callId: string): T[] {
  return list.filter((l) => l.data.call === callId);
}

export interface KeyFigure {
  value: string;
  label: string;
}

/** The home page's key figures, computed from the published content. */
export function keyFigures(
  laureates: readonly LaureateLike[],
  calls: ReadonlyArray<{ data: Pick<Call, 'applications' | 'laureates'> }>,
): KeyFigure[] {
  const real = laureates.filter((l) => !l.data.demo);
  const withMetrics = laureates.filter((l) => l.data.metrics.length > 0);
  const secNumCloud = laureates.filter(
    (l) => l.data.dataSecurity?.secNumCloud === 'qualifie' || l.data.dataSecurity?.secNumCloud === 'hebergeable',
  );
  return [
    { value: String(calls.length), label: calls.length > 1 ? 'appels à manifestation d’intérêt' : 'appel à manifestation d’intérêt' },
    { value: String(calls.reduce((s, c) => s + c.data.applications, 0)), label: 'candidatures reçues' },
    { value: String(laureates.length), label: `fiches publiées, dont ${plural(real.length, 'fiche réelle', 'fiches réelles')}` },
    { value: String(withMetrics.length), label: 'fiches avec des indicateurs d’impact chiffrés' },
    { value: String(secNumCloud.length), label: 'solutions qualifiées ou hébergeables SecNumCloud' },
  ];
}

export interface FacetEntry {
  slug: string;
  label: string;
  description: string;
  href: string;
  count: number;
  countLabel: string;
}

export function categoryEntries(laureates: readonly LaureateLike[]): FacetEntry[] {
  return CATEGORIES.map((c) => {
    const count = laureatesOfCategory(laureates, c.slug).length;
    return { slug: c.slug, label: c.label, description: c.description, href: categoryHref(c.slug), count, countLabel: plural(count, 'solution') };
  });
}

export function thematicEntries(laureates: readonly LaureateLike[], category?: CategorySlug): FacetEntry[] {
  return THEMATICS.filter((t) => !category || t.categories.includes(category)).map((t) => {
    const count = laureatesOfThematic(laureates, t.slug).length;
    return { slug: t.slug, label: t.label, description: t.description, href: thematicHref(t.slug), count, countLabel: plural(count, 'solution') };
  });
}

export interface TimelineStep {
  label: string;
  date: string;
  datetime: string;
}

/** The dated steps of a call, in order, leaving out unknown dates. */
export function callTimeline(call: Pick<Call, 'dates'>): TimelineStep[] {
  const d = call.dates;
  const steps: Array<[string, Date | undefined]> = [
    ['Ouverture de l’appel', d.launch],
    ['Réunion d’information', d.infoMeeting],
    ['Date limite de dépôt', d.deadline],
    ['Début de l’instruction', d.evaluationStart],
    ['Fin de l’instruction', d.evaluationEnd],
    ['Comité de sélection', d.committee],
    ['Annonce des lauréats', d.announcement],
  ];
  return steps
    .filter((s): s is [string, Date] => s[1] instanceof Date)
    .sort((a, b) => a[1].getTime() - b[1].getTime())
    .map(([label, date]) => ({ label, date: formatDate(date), datetime: isoDay(date) }));
}

export function callFigures(call: Pick<Call, 'applications' | 'applicants' | 'laureates' | 'laureatesApproximate'>): KeyFigure[] {
  return [
    { value: String(call.applications), label: 'candidatures' },
    ...(call.applicants !== undefined ? [{ value: String(call.applicants), label: 'structures candidates' }] : []),
    { value: `${call.laureatesApproximate ? 'environ ' : ''}${call.laureates}`, label: 'lauréats annoncés' },
  ];
}
