/**
 * View models of a laureate: pure functions from collection data to what the
 * DSFR components render. No Astro here, so every rule is unit-tested.
 */
import type { Call } from '../../schemas/call.ts';
import type { LaureateData } from '../../schemas/laureate.ts';
import {
  ACQUISITION_KINDS,
  CALL_KINDS,
  DATA_LOCATIONS,
  VERIFIABLE_FIELDS,
  EVIDENCE_LEVELS,
  METRIC_TYPES,
  RGAA_LEVELS,
  SECNUMCLOUD_STATUSES,
  callWording,
  categoryBySlug,
  thematicBySlug,
} from '../../schemas/taxonomy.ts';
import { KEY_FACTS, SECTIONS, SECTION_TITLES, field, fieldRow, referenceDetail, sectionFields, sectionOf, shortLabel, type FieldPath, type SectionId } from '../../schemas/fields.ts';
import { formatDate, formatMonthYear, formatQuantity, isoDay, plural, relativeChange } from './format.ts';
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

/** A fact the catalogue's team checked against a public source. */
export interface Verified {
  /** « 3 novembre 2026 ». */
  on: string;
  iso: string;
  source: string;
  /** What was checked: « Statut SecNumCloud ». */
  label: string;
}

/** One row of a description list; a value is text or a link. */
export interface FactRow {
  term: string;
  value: string;
  href?: string;
  /** Several values shown as a list. */
  items?: string[];
  /** Checked by the catalogue's team (a « vérifié » badge). */
  verified?: Verified;
}

export interface Section {
  id: string;
  title: string;
  rows: FactRow[];
  /** Free text paragraphs shown before the rows. */
  paragraphs?: string[];
  /** Paragraphs for the screen only (they point to what paper cannot follow). */
  screenNotes?: string[];
  /** Where the section's facts come from: declared by whom, and what was verified, when, against what. */
  provenance?: { declared: string; verified: Verified[] };
}

/** Article 2 of the 2025 call's cahier des charges, said next to how to acquire a solution. */
export const PROCUREMENT_REMINDER =
  'Être lauréat n’est pas une préqualification : la présentation d’une solution sur ce catalogue ne dispense pas de l’application des règles de la commande publique, ne vaut pas reconnaissance de la capacité à contracter et n’engage ni l’État ni les administrations (article 2 du cahier des charges de l’appel).';

/** How to get a route added, on a market fiche that has none yet (on screen: it points to the report link). */
export const NO_ROUTE_YET =
  'Si vous connaissez une voie d’achat pour cette solution (référence au catalogue d’une centrale d’achat, accord-cadre…), signalez-la avec le lien « Signaler une erreur ou une mise à jour » de cette fiche, avec sa source.';

/** The latest verification of each verified field. */
export function verificationsByField(l: LaureateFacts): Map<string, Verified> {
  const out = new Map<string, Verified>();
  for (const v of [...l.verifications].sort((a, b) => a.on.getTime() - b.on.getTime())) {
    out.set(v.field, { on: formatDate(v.on), iso: isoDay(v.on), source: v.source, label: VERIFIABLE_FIELDS.label(v.field) });
  }
  return out;
}

/** The date a fiche was last looked at: its update, its latest verification or change of its file, else its selection. */
export function lastReviewed(l: LaureateFacts, history: ReadonlyArray<{ date: string }> = []): Date {
  return [l.selectedOn, l.updatedOn, ...l.verifications.map((v) => v.on), ...history.map((c) => new Date(`${c.date}T00:00:00Z`))]
    .filter((d): d is Date => d !== undefined)
    .reduce((a, b) => (b > a ? b : a));
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


/** The rows of a section from the field registry, in its order, each with its verification when there is one. */
const registryRows = (section: SectionId, d: LaureateFacts, verified: Map<string, Verified>): FactRow[] =>
  sectionFields(section).flatMap(([path]) => fieldRow(path, d).map((r) => (verified.has(path) ? { ...r, verified: verified.get(path)! } : r)));

/** The sections of a laureate page, in reading order, leaving out what is absent. */
export function laureateSections(l: LaureateLike, call: CallLike, history: ReadonlyArray<{ date: string }> = []): Section[] {
  const d = l.data;
  const market = call.data.kind === 'solutions-marche';
  const verified = verificationsByField(d);
  const wording = callWording(call.data.kind);
  const declared = market ? `${wording.declaredBy} (sélection de ${formatMonthYear(d.selectedOn)})` : wording.declaredBy;
  const routes = d.access?.routes ?? [];
  const accessRows = registryRows('acces', d, verified);
  const special: Partial<Record<SectionId, Partial<Section>>> = {
    acces: {
      rows: [
        ...routes.map((r) => ({
          term: [ACQUISITION_KINDS.label(r.kind), r.name].filter(Boolean).join(' — '),
          value: [r.reference ? `Référence ${r.reference}` : undefined, `constatée le ${formatDate(r.checkedOn)}`].filter(Boolean).join(' · '),
          ...(r.url ? { href: r.url } : {}),
        })),
        ...(market && routes.length === 0 ? [{ term: field('access.routes').label, value: 'non renseigné' }] : []),
        ...accessRows,
      ],
      // The reminder of article 2 stands on every market fiche, routes or not.
      paragraphs: market ? [PROCUREMENT_REMINDER] : [],
      screenNotes: market && routes.length === 0 ? [NO_ROUTE_YET] : [],
    },
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
        ...row('Dernière revue de la fiche', formatDate(lastReviewed(d, history))),
        ...row('Origine des faits', `${declared}${verified.size > 0 ? ', sauf les faits marqués « vérifié », contrôlés par l’équipe du catalogue' : ''}.`),
      ],
    },
  };
  const verifiedIn = (id: SectionId) => [...verified].filter(([path]) => sectionOf(path as FieldPath) === id).map(([, v]) => v);
  return SECTIONS.map((id): Section => ({
    id,
    title: SECTION_TITLES[id],
    rows: registryRows(id, d, verified),
    ...special[id],
  })).filter((s) => s.rows.length > 0 || (s.paragraphs?.length ?? 0) > 0)
    // Where the facts come from, under each section that states some: the provenance section is itself that;
    // in the access section, the reminder is the catalogue's and each route carries the date it was seen.
    .map((s) => {
      const states = s.id === 'acces' ? accessRows.length > 0 : s.rows.length > 0 || (s.id === 'usage' && (s.paragraphs?.length ?? 0) > 0);
      return s.id === 'provenance' || !states ? s : { ...s, provenance: { declared, verified: verifiedIn(s.id as SectionId) } };
    });
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

