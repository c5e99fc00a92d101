/**
 * The field registry: for every field of a laureate (src/schemas/laureate.ts),
 * what the whole site needs to show it — its French label, where the fiche
 * shows it (or why it is deliberately not a row), how its value reads, how
 * it is compared side by side, whether it is a facet. The help text is the
 * schema's own `.describe()` (read by src/lib/schema-doc.ts), never written
 * again here. The fiche's sections, « En bref » and the facets read this;
 * a test fails when a schema field has no entry.
 *
 * Browser code imports it (the listing's facets): no zod here.
 */
import type { LaureateData } from './laureate.ts';
import {
  AUDIENCES,
  CERTIFICATIONS,
  REFERENCE_KINDS,
  ACQUISITION_KINDS,
  categoryBySlug,
  thematicBySlug,
  COMPANY_SIZES,
  DATA_LOCATIONS,
  MATURITY_LEVELS,
  PRICING_MODELS,
  RGAA_LEVELS,
  SECNUMCLOUD_STATUSES,
  SUBMITTER_KINDS,
} from './taxonomy.ts';
import type { LabelledEnum } from './enum.ts';
import { formatDate, formatEuros, plural } from '../lib/view/format.ts';

type Facts = Omit<LaureateData, 'logo' | 'screenshots'> & { logo?: unknown; screenshots?: unknown[] };

/** The fiche's sections, in reading order. */
export const SECTIONS = [
  'porteur',
  'usage',
  'impacts-qualitatifs',
  'couts',
  'donnees-securite',
  'accessibilite',
  'environnement',
  'ouverture',
  'references',
  'acces',
  'mise-a-l-echelle',
  'provenance',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/** The sections' titles (the submitter's depends on the call's kind: callWording in taxonomy.ts). */
export const SECTION_TITLES: Record<SectionId, string> = {
  porteur: 'Structure candidate (ou administration porteuse)',
  usage: 'Usage et cadre d’application',
  'impacts-qualitatifs': 'Impacts qualitatifs',
  couts: 'Coûts',
  'donnees-securite': 'Données et sécurité',
  accessibilite: 'Accessibilité numérique',
  environnement: 'Impact environnemental',
  ouverture: 'Code et modèles',
  references: 'Déploiements de référence',
  acces: 'Comment y accéder',
  'mise-a-l-echelle': 'Mise à l’échelle et réplication',
  provenance: 'Provenance de la fiche',
};

/** How two solutions compare on a field (the comparison page). */
export type Comparison = 'same' | 'lower-is-better' | 'higher-is-better' | 'text';

/** How a Démarches Simplifiées value becomes this field's value (src/ingest/map.ts converts). */
export type Conversion =
  | 'text'
  | 'multiline'
  | 'url'
  | 'siret'
  | 'yesno'
  | 'count'
  | 'money'
  | 'decimal'
  | 'year'
  | 'models'
  | 'attachment'
  | 'attachments'
  | { enum: string }
  | { multi: string };

export interface FieldEntry {
  /** French label: the term of the fiche's row, the comparison's row. */
  label: string;
  /** Shorter label, for « En bref », badges and facet legends. */
  shortLabel?: string;
  /** The fiche section that shows it as a row, or why it is not a row (shown otherwise, or internal). */
  shown: { section: SectionId } | { hidden: string };
  /** The value as the fiche reads it; undefined when absent. */
  text?: (l: Facts) => string | undefined;
  /** Several values, shown as a list. */
  items?: (l: Facts) => string[];
  /** The value is a web address the row links to. */
  link?: boolean;
  compare?: Comparison;
  /** When the field comes from the DS form: the conversion that fills it (the mapping names the column). */
  ds?: Conversion;
  /** A text of several sentences: a multi-line input in the editing interface (/admin/). */
  long?: true;
  /** A list's item, in the singular (the editing interface's « Ajouter … » button). */
  itemLabel?: string;
}

/** One reference deployment in words: « collectivité territoriale · depuis 2023 · 1 200 utilisateurs ». */
export function referenceDetail(r: Facts['references'][number]): string {
  return [REFERENCE_KINDS.label(r.kind), r.since ? `depuis ${r.since}` : undefined, r.users ? plural(r.users, 'utilisateur') : undefined].filter(Boolean).join(' · ');
}

const label = <V extends string>(e: LabelledEnum<V>, v: V | undefined) => (v === undefined ? undefined : e.label(v));
const yesNo = (b: boolean | undefined) => (b === undefined ? undefined : b ? 'Oui' : 'Non');
const euros = (n: number | undefined) => (n === undefined ? undefined : formatEuros(n));

/**
 * Every field path of the laureate schema (groups, their children, list items
 * as `path[]`), in the fiche's reading order within each section.
 */
export const FIELDS = {
  name: { label: 'Nom', shown: { hidden: 'titre de la fiche (h1) et des cartes' }, compare: 'text', ds: 'text' },
  summary: { long: true, label: 'Résumé', shown: { hidden: 'chapeau de la fiche et texte des cartes' }, text: (l) => l.summary, compare: 'text', ds: 'text' },
  call: { label: 'Appel', shown: { hidden: 'section « Provenance » (titre et nature de l’appel)' }, compare: 'same' },
  demo: { label: 'Fiche de démonstration', shown: { hidden: 'bandeau « Démonstration » de la fiche et des cartes' } },
  published: { label: 'Publiée', shown: { hidden: 'interne : une fiche non publiée n’a pas de page' } },
  unpublishedReason: { label: 'Motif de retrait', shown: { hidden: 'interne : une fiche non publiée n’a pas de page' } },
  category: {
    label: 'Catégorie',
    shown: { hidden: 'étiquettes de la fiche, lien vers la page de la catégorie' },
    text: (l) => (l.category ? categoryBySlug(l.category).label : undefined),
    compare: 'same',
    ds: { enum: 'category' },
  },
  thematics: {
    label: 'Thématiques',
    shortLabel: 'Thématique',
    shown: { hidden: 'étiquettes de la fiche, liens vers les pages des thématiques' },
    items: (l) => l.thematics.map((t) => thematicBySlug(t).label),
    compare: 'same',
    ds: { multi: 'thematic' },
  },
  applicationContext: { label: 'Cadre d’application', shown: { hidden: 'paragraphe de la section « Usage et cadre d’application »' }, text: (l) => l.applicationContext, compare: 'text', ds: 'multiline' },
  submitter: { label: 'Structure', shown: { hidden: 'groupe : section « Structure candidate » ou « Administration porteuse »' } },
  'submitter.name': { label: 'Nom', shown: { section: 'porteur' }, text: (l) => l.submitter.name, compare: 'text', ds: 'text' },
  'submitter.kind': { label: 'Type de structure', shown: { section: 'porteur' }, text: (l) => SUBMITTER_KINDS.label(l.submitter.kind), compare: 'same', ds: { enum: 'submitterKind' } },
  'submitter.size': { label: 'Taille', shown: { section: 'porteur' }, text: (l) => label(COMPANY_SIZES, l.submitter.size), compare: 'same', ds: { enum: 'companySize' } },
  'submitter.siret': { label: 'SIREN / SIRET', shown: { section: 'porteur' }, text: (l) => l.submitter.siret, ds: 'siret' },
  'submitter.website': { label: 'Site web', shown: { section: 'porteur' }, text: (l) => l.submitter.website, link: true, ds: 'url' },
  audiences: { label: 'Administrations ciblées', shown: { section: 'usage' }, items: (l) => l.audiences.map((a) => AUDIENCES.label(a)), compare: 'same', ds: { multi: 'audience' } },
  maturity: { label: 'Niveau de maturité', shortLabel: 'Maturité', shown: { section: 'usage' }, text: (l) => label(MATURITY_LEVELS, l.maturity), compare: 'same', ds: { enum: 'maturity' } },
  approach: { long: true, label: 'Technique d’IA', shown: { section: 'usage' }, text: (l) => l.approach, compare: 'text' },
  outcome: { long: true, label: 'Devenir du projet', shown: { section: 'usage' }, text: (l) => l.outcome, compare: 'text' },
  metrics: { itemLabel: 'Indicateur', label: 'Indicateurs d’impact', shown: { hidden: 'tableau des indicateurs d’impact (src/lib/view/laureate.ts, metricRows)' }, compare: 'higher-is-better' },
  'metrics[].type': { label: 'Type d’effet', shown: { hidden: 'colonne du tableau des indicateurs' }, ds: { enum: 'metricType' } },
  'metrics[].label': { label: 'Indicateur', shown: { hidden: 'colonne du tableau des indicateurs' }, ds: 'text' },
  'metrics[].before': { label: 'Avant', shown: { hidden: 'colonne du tableau des indicateurs' }, ds: 'decimal' },
  'metrics[].after': { label: 'Après', shown: { hidden: 'colonne du tableau des indicateurs' }, ds: 'decimal' },
  'metrics[].unit': { label: 'Unité', shown: { hidden: 'colonnes « avant » et « après » du tableau des indicateurs' }, ds: 'text' },
  'metrics[].method': { long: true, label: 'Méthode', shown: { hidden: 'détail de l’indicateur, sous le tableau' }, ds: 'multiline' },
  'metrics[].perimeter': { label: 'Périmètre', shown: { hidden: 'détail de l’indicateur, sous le tableau' }, ds: 'text' },
  'metrics[].evidence': { label: 'Niveau de preuve', shown: { hidden: 'colonne du tableau des indicateurs' } },
  'metrics[].sourceUrl': { label: 'Source', shown: { hidden: 'détail de l’indicateur, sous le tableau' } },
  qualitativeImpacts: { label: 'Impacts qualitatifs', shown: { hidden: 'groupe : section « Impacts qualitatifs »' } },
  'qualitativeImpacts.workingConditions': { long: true, label: 'Conditions de travail des agents', shown: { section: 'impacts-qualitatifs' }, text: (l) => l.qualitativeImpacts?.workingConditions, compare: 'text' },
  'qualitativeImpacts.inclusion': { long: true, label: 'Inclusion et accès aux services publics', shown: { section: 'impacts-qualitatifs' }, text: (l) => l.qualitativeImpacts?.inclusion, compare: 'text' },
  'qualitativeImpacts.userQuality': { long: true, label: 'Qualité du service rendu aux usagers', shown: { section: 'impacts-qualitatifs' }, text: (l) => l.qualitativeImpacts?.userQuality, compare: 'text' },
  costs: { label: 'Coûts', shown: { hidden: 'groupe : section « Coûts »' } },
  'costs.pricingModel': { label: 'Modèle économique', shown: { section: 'couts' }, text: (l) => label(PRICING_MODELS, l.costs?.pricingModel), compare: 'same', ds: { enum: 'pricingModel' } },
  'costs.deploymentCost': { label: 'Coût indicatif de déploiement', shown: { section: 'couts' }, text: (l) => euros(l.costs?.deploymentCost), compare: 'lower-is-better', ds: 'money' },
  'costs.deploymentEffortDays': {
    label: 'Charge de déploiement',
    shown: { section: 'couts' },
    text: (l) => (l.costs?.deploymentEffortDays === undefined ? undefined : plural(l.costs.deploymentEffortDays, 'jour-homme', 'jours-homme')),
    compare: 'lower-is-better',
    ds: 'count',
  },
  'costs.deploymentWeeks': {
    label: 'Durée de déploiement',
    shown: { section: 'couts' },
    text: (l) => (l.costs?.deploymentWeeks === undefined ? undefined : plural(l.costs.deploymentWeeks, 'semaine')),
    compare: 'lower-is-better',
    ds: 'count',
  },
  'costs.annualMaintenanceCost': { label: 'Coût annuel de maintenance', shown: { section: 'couts' }, text: (l) => euros(l.costs?.annualMaintenanceCost), compare: 'lower-is-better', ds: 'money' },
  'costs.notes': { long: true, label: 'Précisions', shown: { section: 'couts' }, text: (l) => l.costs?.notes, compare: 'text' },
  environment: { label: 'Impact environnemental', shown: { hidden: 'groupe : section « Impact environnemental »' } },
  'environment.lifeCycleAnalysis': {
    label: 'Analyse du cycle de vie',
    shown: { section: 'environnement' },
    text: (l) => (l.environment ? (l.environment.lifeCycleAnalysis ? 'Réalisée' : 'Non réalisée') : undefined),
    compare: 'same',
    ds: 'yesno',
  },
  'environment.lifeCycleAnalysisUrl': { label: 'Consulter l’analyse du cycle de vie', shown: { section: 'environnement' }, text: (l) => l.environment?.lifeCycleAnalysisUrl, link: true },
  'environment.frugality': { label: 'Mesures de sobriété', shown: { section: 'environnement' }, text: (l) => l.environment?.frugality, compare: 'text', ds: 'multiline' },
  'environment.directBenefit': { label: 'Bénéfice environnemental direct', shown: { section: 'environnement' }, text: (l) => l.environment?.directBenefit, compare: 'text', ds: 'multiline' },
  dataSecurity: { label: 'Données et sécurité', shown: { hidden: 'groupe : section « Données et sécurité »' } },
  'dataSecurity.secNumCloud': { label: 'SecNumCloud', shown: { section: 'donnees-securite' }, text: (l) => label(SECNUMCLOUD_STATUSES, l.dataSecurity?.secNumCloud), compare: 'same', ds: { enum: 'secNumCloud' } },
  'dataSecurity.host': { label: 'Hébergeur', shown: { section: 'donnees-securite' }, text: (l) => l.dataSecurity?.host, compare: 'text', ds: 'text' },
  'dataSecurity.dataLocation': { label: 'Localisation des données', shown: { section: 'donnees-securite' }, text: (l) => label(DATA_LOCATIONS, l.dataSecurity?.dataLocation), compare: 'same', ds: { enum: 'dataLocation' } },
  'dataSecurity.onPremise': { label: 'Déploiement sur site possible', shortLabel: 'Installable sur site', shown: { section: 'donnees-securite' }, text: (l) => yesNo(l.dataSecurity?.onPremise), compare: 'same', ds: 'yesno' },
  'dataSecurity.sensitiveInformation': {
    label: 'Compatible informations sensibles (art. 31 loi SREN)',
    shown: { section: 'donnees-securite' },
    text: (l) => yesNo(l.dataSecurity?.sensitiveInformation),
    compare: 'same',
    ds: 'yesno',
  },
  'dataSecurity.gdpr': { label: 'Protection des données personnelles (RGPD)', shown: { section: 'donnees-securite' }, text: (l) => l.dataSecurity?.gdpr, compare: 'text', ds: 'multiline' },
  'dataSecurity.certifications': { label: 'Certifications', shown: { section: 'donnees-securite' }, items: (l) => (l.dataSecurity?.certifications ?? []).map((c) => CERTIFICATIONS.label(c)), compare: 'same', ds: { multi: 'certification' } },
  rgaa: { label: 'Conformité au RGAA', shortLabel: 'Accessibilité (RGAA) de la solution', shown: { section: 'accessibilite' }, text: (l) => label(RGAA_LEVELS, l.rgaa), compare: 'same', ds: { enum: 'rgaa' } },
  openness: { label: 'Code et modèles', shown: { hidden: 'groupe : section « Code et modèles »' } },
  'openness.openSource': { label: 'Open source', shown: { section: 'ouverture' }, text: (l) => yesNo(l.openness?.openSource), compare: 'same', ds: 'yesno' },
  'openness.licence': { label: 'Licence', shown: { section: 'ouverture' }, text: (l) => l.openness?.licence, compare: 'same', ds: 'text' },
  'openness.repositoryUrl': { label: 'Dépôt du code source', shown: { section: 'ouverture' }, text: (l) => l.openness?.repositoryUrl, link: true, ds: 'url' },
  'openness.models': { itemLabel: 'Modèle',
    label: 'Modèles d’IA utilisés',
    shown: { section: 'ouverture' },
    items: (l) => (l.openness?.models ?? []).map((m) => (m.openWeights === undefined ? m.name : `${m.name} (${m.openWeights ? 'poids ouverts' : 'poids fermés'})`)),
    compare: 'same',
    ds: 'models',
  },
  'openness.models[].name': { label: 'Modèle', shown: { hidden: 'élément de la liste « Modèles d’IA utilisés »' } },
  'openness.models[].openWeights': { label: 'Poids ouverts', shown: { hidden: 'mention « poids ouverts » ou « poids fermés » après le nom du modèle' } },
  references: { itemLabel: 'Déploiement',
    label: 'Déploiements de référence',
    shown: { hidden: 'section « Déploiements de référence », une ligne par déploiement' },
    items: (l) => l.references.map((r) => `${r.organisation} (${referenceDetail(r)})`),
    compare: 'higher-is-better',
  },
  'references[].organisation': { label: 'Organisation', shown: { hidden: 'terme de la ligne du déploiement' }, ds: 'text' },
  'references[].kind': { label: 'Type d’organisation', shown: { hidden: 'valeur de la ligne du déploiement' }, ds: { enum: 'referenceKind' } },
  'references[].since': { label: 'Depuis', shown: { hidden: 'valeur de la ligne du déploiement' }, ds: 'year' },
  'references[].users': { label: 'Utilisateurs', shown: { hidden: 'valeur de la ligne du déploiement' }, ds: 'count' },
  access: { label: 'Comment y accéder', shown: { hidden: 'groupe : section « Comment y accéder »' } },
  'access.routes': { itemLabel: 'Voie d’accès',
    label: 'Voies d’achat ou d’accès',
    shown: { hidden: 'section « Comment y accéder », une ligne par voie' },
    items: (l) => (l.access?.routes ?? []).map((r) => [ACQUISITION_KINDS.label(r.kind), r.name, r.reference].filter(Boolean).join(' — ')),
    compare: 'same',
  },
  'access.routes[].kind': { label: 'Voie', shown: { hidden: 'terme de la ligne de la voie' } },
  'access.routes[].name': { label: 'Centrale ou accord', shown: { hidden: 'terme de la ligne de la voie, après la voie' } },
  'access.routes[].reference': { label: 'Référence de l’offre', shown: { hidden: 'valeur de la ligne de la voie' } },
  'access.routes[].url': { label: 'Page de l’offre', shown: { hidden: 'lien de la ligne de la voie' } },
  'access.routes[].checkedOn': { label: 'Constatée le', shown: { hidden: 'valeur de la ligne de la voie' } },
  'access.reversibility': { label: 'Réversibilité', shown: { hidden: 'groupe : lignes « Formats d’export » et « Conditions de sortie »' } },
  'access.reversibility.exportFormats': { itemLabel: 'Format d’export',
    label: 'Formats d’export des données',
    shown: { section: 'acces' },
    items: (l) => l.access?.reversibility?.exportFormats ?? [],
    compare: 'same',
  },
  'access.reversibility.exitConditions': { long: true, label: 'Conditions de sortie', shown: { section: 'acces' }, text: (l) => l.access?.reversibility?.exitConditions, compare: 'text' },
  'access.contactUrl': { label: 'Contact professionnel de l’éditeur', shown: { section: 'acces' }, text: (l) => l.access?.contactUrl, link: true },
  'access.reuse': { long: true, label: 'Réutiliser le code ou les résultats', shown: { section: 'acces' }, text: (l) => l.access?.reuse, compare: 'text' },
  verifications: { itemLabel: 'Vérification', label: 'Vérifications', shown: { hidden: 'badge « vérifié » à côté de chaque fait vérifié, et provenance sous chaque section' } },
  'verifications[].field': { label: 'Fait vérifié', shown: { hidden: 'la ligne du fait porte le badge « vérifié »' } },
  'verifications[].on': { label: 'Date de la vérification', shown: { hidden: 'texte du badge « vérifié le … »' } },
  'verifications[].source': { label: 'Source de la vérification', shown: { hidden: 'lien « source » après le badge' } },
  scalability: { long: true, label: 'Potentiel', shown: { section: 'mise-a-l-echelle' }, text: (l) => l.scalability, compare: 'text' },
  logo: { label: 'Logo', shown: { hidden: 'image en tête de la fiche et sur les cartes' }, ds: 'attachment' },
  'logo.src': { label: 'Fichier du logo', shown: { hidden: 'image du logo' } },
  'logo.alt': { label: 'Texte alternatif du logo', shown: { hidden: 'attribut alt du logo' } },
  screenshots: { itemLabel: 'Capture d’écran', label: 'Captures d’écran', shown: { hidden: 'galerie de la fiche' }, ds: 'attachments' },
  'screenshots[].src': { label: 'Fichier de la capture', shown: { hidden: 'image de la galerie' } },
  'screenshots[].alt': { label: 'Texte alternatif de la capture', shown: { hidden: 'attribut alt de l’image' } },
  brochure: { label: 'Brochure technique', shown: { hidden: 'lien de téléchargement de la fiche' }, ds: 'attachment' },
  'brochure.url': { label: 'Adresse de la brochure', shown: { hidden: 'cible du lien de téléchargement' } },
  'brochure.title': { label: 'Titre de la brochure', shown: { hidden: 'texte du lien de téléchargement' } },
  'brochure.sizeKb': { label: 'Poids de la brochure', shown: { hidden: 'poids annoncé dans le lien de téléchargement' } },
  dossierNumber: { label: 'Dossier Démarches Simplifiées', shown: { hidden: 'interne : sert à la réingestion, jamais publié' } },
  selectedOn: { label: 'Date de sélection', shown: { hidden: 'section « Provenance » et « En bref »' }, text: (l) => formatDate(l.selectedOn), compare: 'same' },
  updatedOn: { label: 'Dernière mise à jour', shown: { hidden: 'section « Provenance »' }, text: (l) => (l.updatedOn ? formatDate(l.updatedOn) : undefined) },
  sources: { itemLabel: 'Source', label: 'Sources', shown: { hidden: 'liste des sources en bas de la fiche' } },
  'sources[].title': { label: 'Titre de la source', shown: { hidden: 'texte du lien de la source' } },
  'sources[].url': { label: 'Adresse de la source', shown: { hidden: 'cible du lien de la source' } },
  'sources[].publisher': { label: 'Éditeur de la source', shown: { hidden: 'mention après le titre de la source' } },
  'sources[].date': { label: 'Date de la source', shown: { hidden: 'mention après le titre de la source' } },
} as const satisfies Record<string, FieldEntry>;

export type FieldPath = keyof typeof FIELDS;

type Registry = typeof FIELDS;
/** Field paths the DS form fills, top level (`costs.deploymentCost`) or inside a block (`metrics[].unit`). */
type DsPath = { [K in FieldPath]: Registry[K] extends { ds: Conversion } ? K : never }[FieldPath];
type Strip<P, Prefix extends string> = P extends `${Prefix}${infer Rest}` ? Rest : never;

/** The DS targets of the registry: the front-matter fields of a fiche, or the children of a repeatable block. */
function dsTargets<Prefix extends string>(prefix: Prefix | '') {
  const out: Record<string, Conversion> = {};
  for (const [path, f] of Object.entries(FIELDS) as Array<[string, FieldEntry]>) {
    if (!f.ds) continue;
    if (prefix ? path.startsWith(prefix) : !path.includes('[]')) out[prefix ? path.slice(prefix.length) : path] = f.ds;
  }
  return out;
}
export const DS_FIELD_TARGETS = dsTargets('') as Record<Exclude<DsPath, `${string}[]${string}`>, Conversion>;
export const DS_METRIC_TARGETS = dsTargets('metrics[].') as Record<Strip<DsPath, 'metrics[].'>, Conversion>;
export const DS_REFERENCE_TARGETS = dsTargets('references[].') as Record<Strip<DsPath, 'references[].'>, Conversion>;

/** « En bref », next to the fiche's title: the facts an administration checks first. */
export const KEY_FACTS: readonly FieldPath[] = ['maturity', 'costs.pricingModel', 'costs.deploymentCost', 'dataSecurity.secNumCloud', 'dataSecurity.dataLocation', 'openness.openSource'];

export const field = (path: FieldPath): FieldEntry => FIELDS[path];

/** The short label of a field (its label when it has none). */
export const shortLabel = (path: FieldPath): string => field(path).shortLabel ?? field(path).label;

/** The fields a section shows as rows, in order. */
export function sectionFields(section: SectionId): Array<[FieldPath, FieldEntry]> {
  return (Object.entries(FIELDS) as Array<[FieldPath, FieldEntry]>).filter(([, f]) => 'section' in f.shown && f.shown.section === section);
}

/** A fiche row of a field: its label and its value (text, list or link), or nothing when absent. */
export function fieldRow(path: FieldPath, l: Facts, { short = false } = {}): Array<{ term: string; value: string; href?: string; items?: string[] }> {
  const f = field(path);
  const term = short ? (f.shortLabel ?? f.label) : f.label;
  if (f.items) {
    const items = f.items(l);
    return items.length === 0 ? [] : [{ term, value: items.join(', '), items }];
  }
  const value = f.text?.(l);
  if (value === undefined || value === '') return [];
  return [{ term, value, ...(f.link ? { href: value } : {}) }];
}

/** Where the fiche shows a field, in words (the editor guide): « label », section « … », or why it is not a row. */
export function whereShown(path: string): string | undefined {
  const f = (FIELDS as Record<string, FieldEntry>)[path];
  if (!f) return undefined;
  return 'section' in f.shown ? `« ${f.label} », section « ${SECTION_TITLES[f.shown.section]} »` : f.shown.hidden;
}

/** The comparison's first group, « En bref »: what each solution is (the call's title is read from the call). */
export const COMPARISON_OVERVIEW: readonly FieldPath[] = ['summary', 'call', 'category', 'thematics', 'selectedOn', 'updatedOn'];

/** Fields a section shows otherwise than as a registry row (a paragraph, one row per item): the comparison makes them rows. */
export const SECTION_EXTRAS: Partial<Record<SectionId, readonly FieldPath[]>> = { usage: ['applicationContext'], references: ['references'], acces: ['access.routes'] };

/** The fiche section that shows a field, if any. */
export function sectionOf(path: FieldPath): SectionId | undefined {
  const f = field(path);
  if ('section' in f.shown) return f.shown.section;
  return (Object.entries(SECTION_EXTRAS) as Array<[SectionId, readonly FieldPath[]]>).find(([, paths]) => paths.includes(path))?.[0];
}

/** Sections the comparison leaves out: the provenance's facts are in its overview. */
const NOT_COMPARED: ReadonlySet<SectionId> = new Set(['provenance']);

export interface ComparisonRowSpec {
  path: FieldPath;
  label: string;
  compare?: Comparison;
}
export interface ComparisonGroupSpec {
  id: SectionId | 'en-bref';
  title: string;
  rows: ComparisonRowSpec[];
}

/** The rows of the comparison, grouped as on the fiche (the impact metrics, aligned by type, come after « En bref »). */
export function comparisonGroups(): ComparisonGroupSpec[] {
  const spec = (path: FieldPath): ComparisonRowSpec => {
    const f = field(path);
    return { path, label: f.label, ...(f.compare ? { compare: f.compare } : {}) };
  };
  return [
    { id: 'en-bref', title: 'En bref', rows: COMPARISON_OVERVIEW.map(spec) },
    ...SECTIONS.filter((s) => !NOT_COMPARED.has(s)).map((s) => ({
      id: s,
      title: SECTION_TITLES[s],
      rows: [...(SECTION_EXTRAS[s] ?? []), ...sectionFields(s).map(([p]) => p)].map(spec),
    })),
  ];
}

