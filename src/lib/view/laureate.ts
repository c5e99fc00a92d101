/**
 * View models of a laureate: pure functions from collection data to what the
 * DSFR components render. No Astro here, so every rule is unit-tested.
 */
import type { Call } from '../../schemas/call.ts';
import type { LaureateData } from '../../schemas/laureate.ts';
import {
  AUDIENCES,
  CALL_KINDS,
  CERTIFICATIONS,
  COMPANY_SIZES,
  DATA_LOCATIONS,
  EVIDENCE_LEVELS,
  MATURITY_LEVELS,
  METRIC_TYPES,
  PRICING_MODELS,
  REFERENCE_KINDS,
  RGAA_LEVELS,
  SECNUMCLOUD_STATUSES,
  SUBMITTER_KINDS,
  categoryBySlug,
  thematicBySlug,
} from '../../schemas/taxonomy.ts';
import { formatDate, formatEuros, formatQuantity, plural, relativeChange } from './format.ts';

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
    if (l.dataSecurity.onPremise) badges.push({ label: 'Installable sur site', kind: 'neutral' });
  }
  if (l.openness?.openSource) badges.push({ label: 'Open source', kind: 'success' });
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
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return [...list].sort(
    (a, b) => b.data.selectedOn.getTime() - a.data.selectedOn.getTime() || collator.compare(a.data.name, b.data.name),
  );
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

const yesNo = (b: boolean) => (b ? 'Oui' : 'Non');

function row(term: string, value: string | undefined, href?: string): FactRow[] {
  return value === undefined || value === '' ? [] : [{ term, value, ...(href ? { href } : {}) }];
}

function listRow(term: string, items: string[]): FactRow[] {
  return items.length === 0 ? [] : [{ term, value: items.join(', '), items }];
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

/** The sections of a laureate page, in reading order, leaving out what is absent. */
export function laureateSections(l: LaureateLike, call: CallLike): Section[] {
  const d = l.data;
  const sections: Section[] = [];
  const push = (s: Section) => {
    if (s.rows.length > 0 || (s.paragraphs?.length ?? 0) > 0) sections.push(s);
  };

  push({
    id: 'porteur',
    title: call.data.kind === 'projets-administration' ? 'Administration porteuse' : 'Structure candidate',
    rows: [
      ...row('Nom', d.submitter.name),
      ...row('Type de structure', SUBMITTER_KINDS.label(d.submitter.kind)),
      ...row('Taille', d.submitter.size ? COMPANY_SIZES.label(d.submitter.size) : undefined),
      ...row('SIREN / SIRET', d.submitter.siret),
      ...row('Site web', d.submitter.website, d.submitter.website),
    ],
  });

  push({
    id: 'usage',
    title: 'Usage et cadre d’application',
    paragraphs: d.applicationContext ? [d.applicationContext] : [],
    rows: [
      ...listRow('Administrations ciblées', d.audiences.map((a) => AUDIENCES.label(a))),
      ...row('Niveau de maturité', d.maturity ? MATURITY_LEVELS.label(d.maturity) : undefined),
      ...row('Technique d’IA', d.approach),
      ...row('Devenir du projet', d.outcome),
    ],
  });

  const q = d.qualitativeImpacts;
  push({
    id: 'impacts-qualitatifs',
    title: 'Impacts qualitatifs',
    rows: [
      ...row('Conditions de travail des agents', q?.workingConditions),
      ...row('Inclusion et accès aux services publics', q?.inclusion),
      ...row('Qualité du service rendu aux usagers', q?.userQuality),
    ],
  });

  const c = d.costs;
  if (c) {
    push({
      id: 'couts',
      title: 'Coûts',
      rows: [
        ...row('Modèle économique', PRICING_MODELS.label(c.pricingModel)),
        ...row('Coût indicatif de déploiement', c.deploymentCost === undefined ? undefined : formatEuros(c.deploymentCost)),
        ...row('Charge de déploiement', c.deploymentEffortDays === undefined ? undefined : plural(c.deploymentEffortDays, 'jour-homme', 'jours-homme')),
        ...row('Durée de déploiement', c.deploymentWeeks === undefined ? undefined : plural(c.deploymentWeeks, 'semaine')),
        ...row('Coût annuel de maintenance', c.annualMaintenanceCost === undefined ? undefined : formatEuros(c.annualMaintenanceCost)),
        ...row('Précisions', c.notes),
      ],
    });
  }

  const s = d.dataSecurity;
  if (s) {
    push({
      id: 'donnees-securite',
      title: 'Données et sécurité',
      rows: [
        ...row('SecNumCloud', SECNUMCLOUD_STATUSES.label(s.secNumCloud)),
        ...row('Hébergeur', s.host),
        ...row('Localisation des données', s.dataLocation ? DATA_LOCATIONS.label(s.dataLocation) : undefined),
        ...row('Déploiement sur site possible', s.onPremise === undefined ? undefined : yesNo(s.onPremise)),
        ...row(
          'Compatible informations sensibles (art. 31 loi SREN)',
          s.sensitiveInformation === undefined ? undefined : yesNo(s.sensitiveInformation),
        ),
        ...row('Protection des données personnelles (RGPD)', s.gdpr),
        ...listRow('Certifications', s.certifications.map((x) => CERTIFICATIONS.label(x))),
      ],
    });
  }

  push({
    id: 'accessibilite',
    title: 'Accessibilité numérique',
    rows: row('Conformité au RGAA', d.rgaa ? RGAA_LEVELS.label(d.rgaa) : undefined),
  });

  const e = d.environment;
  if (e) {
    push({
      id: 'environnement',
      title: 'Impact environnemental',
      rows: [
        ...row('Analyse du cycle de vie', e.lifeCycleAnalysis ? 'Réalisée' : 'Non réalisée'),
        ...row('Consulter l’analyse du cycle de vie', e.lifeCycleAnalysisUrl, e.lifeCycleAnalysisUrl),
        ...row('Mesures de sobriété', e.frugality),
        ...row('Bénéfice environnemental direct', e.directBenefit),
      ],
    });
  }

  const o = d.openness;
  push({
    id: 'ouverture',
    title: 'Code et modèles',
    rows: [
      ...row('Open source', o?.openSource === undefined ? undefined : yesNo(o.openSource)),
      ...row('Licence', o?.licence),
      ...row('Dépôt du code source', o?.repositoryUrl, o?.repositoryUrl),
      ...listRow(
        'Modèles d’IA utilisés',
        (o?.models ?? []).map((m) => (m.openWeights === undefined ? m.name : `${m.name} (${m.openWeights ? 'poids ouverts' : 'poids fermés'})`)),
      ),
    ],
  });

  push({
    id: 'references',
    title: 'Déploiements de référence',
    rows: d.references.map((r) => ({
      term: r.organisation,
      value: [
        REFERENCE_KINDS.label(r.kind),
        r.since ? `depuis ${r.since}` : undefined,
        r.users ? plural(r.users, 'utilisateur') : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
    })),
  });

  push({
    id: 'mise-a-l-echelle',
    title: 'Mise à l’échelle et réplication',
    rows: row('Potentiel', d.scalability),
  });

  push({
    id: 'provenance',
    title: 'Provenance de la fiche',
    rows: [
      ...row('Appel', `${call.data.title}`, callHref(call.id)),
      ...row('Nature de l’appel', CALL_KINDS.label(call.data.kind)),
      ...row('Date de sélection', formatDate(d.selectedOn)),
      ...row('Dernière mise à jour', d.updatedOn ? formatDate(d.updatedOn) : undefined),
    ],
  });

  return sections;
}

/**
 * The facts an administration checks first, for the « En bref » panel next to
 * the title: who, how mature, what pricing, where the data lives, SecNumCloud.
 */
export function keyFacts(l: LaureateFacts, call: CallLike): FactRow[] {
  const s = l.dataSecurity;
  return [
    ...row(call.data.kind === 'projets-administration' ? 'Administration' : 'Structure', l.submitter.name),
    ...row('Maturité', l.maturity ? MATURITY_LEVELS.label(l.maturity) : undefined),
    ...row('Modèle économique', l.costs ? PRICING_MODELS.label(l.costs.pricingModel) : undefined),
    ...row('Coût indicatif de déploiement', l.costs?.deploymentCost === undefined ? undefined : formatEuros(l.costs.deploymentCost)),
    ...row('SecNumCloud', s ? SECNUMCLOUD_STATUSES.label(s.secNumCloud) : undefined),
    ...row('Localisation des données', s?.dataLocation ? DATA_LOCATIONS.label(s.dataLocation) : undefined),
    ...row('Open source', l.openness?.openSource === undefined ? undefined : yesNo(l.openness.openSource)),
    ...row('Indicateurs d’impact', l.metrics.length > 0 ? plural(l.metrics.length, 'indicateur chiffré', 'indicateurs chiffrés') : undefined),
    ...row('Sélection', formatDate(l.selectedOn)),
  ];
}

/** Key figures for the metrics caption and the summary. */
export function metricsCaption(l: LaureateFacts): string {
  return `Indicateurs d’impact de ${l.name} (${plural(l.metrics.length, 'indicateur')})`;
}

