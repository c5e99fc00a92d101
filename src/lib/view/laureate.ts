/**
 * View models of a laureate: pure functions from collection data to what the
 * DSFR components render. No Astro here, so every rule is unit-tested.
 */
import type { Call } from '../../schemas/call.ts';
import type { LaureateData } from '../../schemas/laureate.ts';
import {
  CALL_KINDS,
  DATA_LOCATIONS,
  EVIDENCE_LEVELS,
  METRIC_TYPES,
  RGAA_LEVELS,
  SECNUMCLOUD_STATUSES,
  callWording,
  categoryBySlug,
  thematicBySlug,
} from '../../schemas/taxonomy.ts';
import { KEY_FACTS, SECTIONS, SECTION_TITLES, field, fieldRow, referenceDetail, sectionFields, shortLabel, type SectionId } from '../../schemas/fields.ts';
import { formatDate, formatQuantity, isoDay, plural, relativeChange } from './format.ts';
import { compareLaureates } from './order.ts';

/** What the view needs of a laureate (images are rendered by the page). */
export type LaureateFacts = Omit<LaureateData, 'logo' | 'screenshots'>;
export interface LaureateLike {
  id: string;
  data: LaureateFacts;
}
export interface CallLike {
  id: string;
  data: Pick<Call, 'title' | 'shortTitle' | 'year' | 'kind'>;
}

export type BadgeKind = 'success' | 'info' | 'warning' | 'error' | 'new' | 'neutral';
export interface Badge {
  label: string;
  kind: BadgeKind;
}
export interface TagLink {
  label: string;
  href: string;
}

export const laureateHref = (slug: string) => `/solutions/${slug}/`;
export const categoryHref = (slug: string) => `/categories/${slug}/`;
export const thematicHref = (slug: string) => `/thematiques/${slug}/`;
export const callHref = (slug: string) => `/appels/${slug}/`;
/** The listing prefiltered on one facet option (`/solutions/?categorie=…`). */
export const listingHref = (facet: string, value: string) => `/solutions/?${new URLSearchParams({ [facet]: value })}`;

const SECNUMCLOUD_BADGE: Record<string, BadgeKind> = {
  qualifie: 'success',
  hebergeable: 'info',
  'qualification-en-cours': 'new',
  non: 'neutral',
};

const RGAA_BADGE: Record<string, BadgeKind> = {
  'totalement-conforme': 'success',
  'partiellement-conforme': 'info',
  'non-conforme': 'warning',
  'non-applicable': 'neutral',
};

/** The trust signals an administration looks for first, as badges. */
export function trustBadges(l: LaureateFacts): Badge[] {
  const badges: Badge[] = [];
  if (l.dataSecurity) {
    badges.push({
      label: SECNUMCLOUD_STATUSES.label(l.dataSecurity.secNumCloud),
      kind: SECNUMCLOUD_BADGE[l.dataSecurity.secNumCloud] ?? 'neutral',
    });
    if (l.dataSecurity.dataLocation) {
      badges.push({
        label: `Données : ${DATA_LOCATIONS.label(l.dataSecurity.dataLocation)}`,
        kind: l.dataSecurity.dataLocation === 'hors-ue' ? 'warning' : 'neutral',
      });
    }
    if (l.dataSecurity.onPremise) badges.push({ label: shortLabel('dataSecurity.onPremise'), kind: 'neutral' });
  }
  if (l.openness?.openSource) badges.push({ label: shortLabel('openness.openSource'), kind: 'success' });
  if (l.rgaa) badges.push({ label: RGAA_LEVELS.label(l.rgaa), kind: RGAA_BADGE[l.rgaa] ?? 'neutral' });
  return badges;
}

export function classificationTags(l: LaureateFacts): TagLink[] {
  const tags: TagLink[] = [];
  if (l.category) tags.push({ label: categoryBySlug(l.category).shortLabel, href: categoryHref(l.category) });
  for (const t of l.thematics) tags.push({ label: thematicBySlug(t).shortLabel, href: thematicHref(t) });
  return tags;
}

export interface LaureateCard {
  /** The fiche's identifier (its selection button). */
  id: string;
  href: string;
  title: string;
  summary: string;
  submitter: string;
  call: string;
  demo: boolean;
  badges: Badge[];
  tags: string[];
}

export function laureateCard(l: LaureateLike, call: CallLike): LaureateCard {
  return {
    id: l.id,
    href: laureateHref(l.id),
    title: l.data.name,
    summary: l.data.summary,
    submitter: l.data.submitter.name,
    call: call.data.shortTitle,
    demo: l.data.demo,
    badges: trustBadges(l.data).slice(0, 2),
    tags: classificationTags(l.data).map((t) => t.label),
  };
}

/** Published laureates, most recent selection first, then by name (French collation). */
export function sortLaureates<T extends LaureateLike>(list: readonly T[]): T[] {
  const compare = compareLaureates('recent');
  const key = (l: T) => ({ name: l.data.name, date: isoDay(l.data.selectedOn) });
  return [...list].sort((a, b) => compare(key(a), key(b)));
}

export function isPublished(l: { data: { published: boolean } }): boolean {
  return l.data.published;
}

// ---------------------------------------------------------------------------
// The laureate page
// ---------------------------------------------------------------------------

/** One row of a description list; a value is text or a link. */
export interface FactRow {
  term: string;
  value: string;
  href?: string;
  /** Several values shown as a list. */
  items?: string[];
}

export interface Section {
  id: string;
  title: string;
  rows: FactRow[];
  /** Free text paragraphs shown before the rows. */
  paragraphs?: string[];
}

export interface MetricRow {
  type: string;
  label: string;
  before: string;
  after: string;
  change: string;
  evidence: string;
  evidenceLevel: string;
  method?: string;
  perimeter?: string;
  sourceUrl?: string;
}

function row(term: string, value: string | undefined, href?: string): FactRow[] {
  return value === undefined || value === '' ? [] : [{ term, value, ...(href ? { href } : {}) }];
}


export function metricRows(l: LaureateFacts): MetricRow[] {
  return l.metrics.map((m) => ({
    type: METRIC_TYPES.label(m.type),
    label: m.label,
    before: m.before === undefined ? 'Non renseigné' : formatQuantity(m.before, m.unit),
    after: formatQuantity(m.after, m.unit),
    change: relativeChange(m.before, m.after) ?? '—',
    evidence: EVIDENCE_LEVELS.label(m.evidence),
    evidenceLevel: m.evidence,
    ...(m.method ? { method: m.method } : {}),
    ...(m.perimeter ? { perimeter: m.perimeter } : {}),
    ...(m.sourceUrl ? { sourceUrl: m.sourceUrl } : {}),
  }));
}


/** The rows of a section from the field registry, in its order. */
const registryRows = (section: SectionId, d: LaureateFacts): FactRow[] => sectionFields(section).flatMap(([path]) => fieldRow(path, d));

/** The sections of a laureate page, in reading order, leaving out what is absent. */
export function laureateSections(l: LaureateLike, call: CallLike): Section[] {
  const d = l.data;
  const special: Partial<Record<SectionId, Partial<Section>>> = {
    porteur: { title: callWording(call.data.kind).submitterSection },
    usage: { paragraphs: d.applicationContext ? [d.applicationContext] : [] },
    references: {
      rows: d.references.map((r) => ({ term: r.organisation, value: referenceDetail(r) })),
    },
    provenance: {
      rows: [
        ...row('Appel', `${call.data.title}`, callHref(call.id)),
        ...row('Nature de l’appel', CALL_KINDS.label(call.data.kind)),
        ...row(field('selectedOn').label, formatDate(d.selectedOn)),
        ...row(field('updatedOn').label, d.updatedOn ? formatDate(d.updatedOn) : undefined),
      ],
    },
  };
  return SECTIONS.map((id): Section => ({
    id,
    title: SECTION_TITLES[id],
    rows: registryRows(id, d),
    ...special[id],
  })).filter((s) => s.rows.length > 0 || (s.paragraphs?.length ?? 0) > 0);
}

/**
 * The facts an administration checks first, for the « En bref » panel next to
 * the title: who, how mature, what pricing, where the data lives, SecNumCloud.
 */
export function keyFacts(l: LaureateFacts, call: CallLike): FactRow[] {
  return [
    ...row(callWording(call.data.kind).submitter, l.submitter.name),
    ...KEY_FACTS.flatMap((path) => fieldRow(path, l, { short: true })).map(({ term, value }) => ({ term, value })),
    ...row(field('metrics').label, l.metrics.length > 0 ? plural(l.metrics.length, 'indicateur chiffré', 'indicateurs chiffrés') : undefined),
    ...row('Sélection', formatDate(l.selectedOn)),
  ];
}

/** Key figures for the metrics caption and the summary. */
export function metricsCaption(l: LaureateFacts): string {
  return `Indicateurs d’impact de ${l.name} (${plural(l.metrics.length, 'indicateur')})`;
}

