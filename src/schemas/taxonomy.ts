/**
 * Every closed list of the catalogue, with its French labels, in one place.
 * The 2025 categories and thematics come from article 1 of the cahier des
 * charges; the option strings (`dsOption`) are those of the Démarches
 * Simplifiées form (reference/ds-form-ami-2025.md) so that the ingestion
 * can map them without a second list.
 */
import { defineEnum, type EnumOption } from './enum.ts';

// ---------------------------------------------------------------------------
// Categories and thematics of the 2025 call
// ---------------------------------------------------------------------------

export const CATEGORY_SLUGS = ['solutions-applicatives', 'briques-technologiques'] as const;
export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

export interface Category {
  slug: CategorySlug;
  /** Full title, as in article 1 of the cahier des charges. */
  label: string;
  /** Short label for tags and cards. */
  shortLabel: string;
  /** Our own words. */
  description: string;
  /** DSFR pictogram, path under dist/artwork/pictograms/. */
  pictogram: string;
  dsOption: string;
  /** The call whose cahier des charges defines the category (article 1). */
  call: string;
}

/** The call whose cahier des charges (article 1) defines the categories and thematics. */
const CATEGORIES_CALL = 'solutions-ia-2025';

export const CATEGORIES: readonly Category[] = [
  {
    slug: 'solutions-applicatives',
    label: 'Solutions applicatives directement utilisables par les administrations',
    shortLabel: 'Solution applicative',
    description:
      'Des outils prêts à l’emploi : un service peut les mettre en place, les adapter et les faire vivre sans équipe technique spécialisée en intelligence artificielle.',
    pictogram: 'digital/application.svg',
    dsOption: 'Solution applicative directement utilisable par les administrations',
    call: CATEGORIES_CALL,
  },
  {
    slug: 'briques-technologiques',
    label: 'Briques technologiques facilitant l’adoption et le déploiement de l’IA',
    shortLabel: 'Brique technologique',
    description:
      'Des composants que les équipes informatiques d’une administration intègrent à leurs propres systèmes pour y faire fonctionner l’IA : inférence, recherche dans les documents, adaptation des modèles.',
    pictogram: 'system/flow-settings.svg',
    dsOption: 'Brique technologique facilitant l’adoption et le déploiement de l’IA',
    call: CATEGORIES_CALL,
  },
];

export const THEMATIC_SLUGS = [
  'agents-conversationnels',
  'traduction-automatique',
  'transcription-vocale',
  'synthese-documentaire',
  'detection-fraude-anomalies',
  'aide-au-code',
  'inference-optimisation',
  'bases-vectorielles',
  'apprentissage-specialise',
  'autre',
] as const;
export type ThematicSlug = (typeof THEMATIC_SLUGS)[number];

export interface Thematic {
  slug: ThematicSlug;
  label: string;
  shortLabel: string;
  description: string;
  /** The categories this thematic belongs to (« Autre » belongs to both). */
  categories: readonly CategorySlug[];
  /** DSFR icon class (fr-icon-…). */
  icon: string;
  dsOption: string;
}

export const THEMATICS: readonly Thematic[] = [
  {
    slug: 'agents-conversationnels',
    label: 'Agents conversationnels',
    shortLabel: 'Agents conversationnels',
    description:
      'Assistants qui dialoguent par écrit ou à l’oral, avec les usagers ou avec les agents, pour répondre aux questions et orienter.',
    categories: ['solutions-applicatives'],
    icon: 'fr-icon-chat-3-line',
    dsOption: 'Agents conversationnels',
  },
  {
    slug: 'traduction-automatique',
    label: 'Traduction automatique',
    shortLabel: 'Traduction',
    description:
      'Traduction de textes ou d’échanges pour rendre un service public accessible dans d’autres langues.',
    categories: ['solutions-applicatives'],
    icon: 'fr-icon-translate-2',
    dsOption: 'Traduction automatique',
  },
  {
    slug: 'transcription-vocale',
    label: 'Reconnaissance et transcription vocale',
    shortLabel: 'Transcription vocale',
    description:
      'Conversion de la parole en texte exploitable : comptes rendus de réunion, accueil téléphonique, sous-titrage.',
    categories: ['solutions-applicatives'],
    icon: 'fr-icon-mic-line',
    dsOption: 'Reconnaissance et transcription vocale',
  },
  {
    slug: 'synthese-documentaire',
    label: 'Synthèse documentaire et aide à l’analyse de textes',
    shortLabel: 'Synthèse documentaire',
    description:
      'Résumer, classer et extraire l’essentiel de documents nombreux ou longs pour accélérer l’instruction des dossiers.',
    categories: ['solutions-applicatives'],
    icon: 'fr-icon-file-text-line',
    dsOption: 'Synthèse documentaire et aide à l’analyse de textes',
  },
  {
    slug: 'detection-fraude-anomalies',
    label: 'Détection de fraude et d’anomalies',
    shortLabel: 'Fraude et anomalies',
    description:
      'Repérer les situations atypiques ou à risque pour mieux cibler les contrôles, sans décider à la place des agents.',
    categories: ['solutions-applicatives'],
    icon: 'fr-icon-radar-line',
    dsOption: 'Détection de fraude et d’anomalies',
  },
  {
    slug: 'aide-au-code',
    label: 'Aide à la production et à l’optimisation de code',
    shortLabel: 'Aide au code',
    description:
      'Assistants pour écrire, relire, documenter et moderniser le code des applications de l’administration.',
    categories: ['solutions-applicatives'],
    icon: 'fr-icon-code-s-slash-line',
    dsOption: 'Aide à la production et à l’optimisation de code',
  },
  {
    slug: 'inference-optimisation',
    label: 'Inférence et optimisation énergétique des modèles',
    shortLabel: 'Inférence et sobriété',
    description:
      'Faire tourner des modèles d’IA sur une infrastructure maîtrisée, au meilleur coût matériel et énergétique.',
    categories: ['briques-technologiques'],
    icon: 'fr-icon-cpu-line',
    dsOption: 'Inférence et optimisation énergétique des modèles',
  },
  {
    slug: 'bases-vectorielles',
    label: 'Bases de données vectorielles (RAG, API)',
    shortLabel: 'Bases vectorielles (RAG)',
    description:
      'Indexer les documents d’une administration pour que l’IA réponde à partir d’eux, avec des droits d’accès cloisonnés par utilisateur.',
    categories: ['briques-technologiques'],
    icon: 'fr-icon-database-line',
    dsOption: 'Bases de données vectorielles (RAG, API)',
  },
  {
    slug: 'apprentissage-specialise',
    label: 'Apprentissage spécialisé (fine-tuning)',
    shortLabel: 'Fine-tuning',
    description:
      'Adapter un modèle générique au vocabulaire et aux tâches d’une administration, sur des données qu’elle garde sous sa maîtrise.',
    categories: ['briques-technologiques'],
    icon: 'fr-icon-settings-5-line',
    dsOption: 'Apprentissage spécialisé (fine-tuning)',
  },
  {
    slug: 'autre',
    label: 'Autre',
    shortLabel: 'Autre',
    description: 'Solutions qui ne relèvent d’aucune des thématiques citées par l’appel.',
    categories: ['solutions-applicatives', 'briques-technologiques'],
    icon: 'fr-icon-more-line',
    dsOption: 'Autre',
  },
];

export function categoryBySlug(slug: CategorySlug): Category {
  const found = CATEGORIES.find((c) => c.slug === slug);
  if (!found) throw new Error(`Unknown category "${slug}"`);
  return found;
}

export function thematicBySlug(slug: ThematicSlug): Thematic {
  const found = THEMATICS.find((t) => t.slug === slug);
  if (!found) throw new Error(`Unknown thematic "${slug}"`);
  return found;
}

export function thematicsOfCategory(slug: CategorySlug): Thematic[] {
  return THEMATICS.filter((t) => t.categories.includes(slug));
}

/**
 * Categories and thematics as labelled enums, like every other closed list:
 * the zod enum, the labels and the DS lookup come from the same helper.
 */
export const CATEGORY_ENUM = defineEnum(CATEGORIES.map((c) => ({ value: c.slug, label: c.label, dsOption: c.dsOption })) as [EnumOption<CategorySlug>, ...EnumOption<CategorySlug>[]]);
export const THEMATIC_ENUM = defineEnum(THEMATICS.map((t) => ({ value: t.slug, label: t.label, dsOption: t.dsOption })) as [EnumOption<ThematicSlug>, ...EnumOption<ThematicSlug>[]]);

export const categoryFromDsOption = (text: string): CategorySlug | undefined => CATEGORY_ENUM.fromDsOption(text);
export const thematicFromDsOption = (text: string): ThematicSlug | undefined => THEMATIC_ENUM.fromDsOption(text);

// ---------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------

export const CALL_KINDS = defineEnum([
  {
    value: 'projets-administration',
    label: 'Projets d’expérimentation des administrations',
    description:
      'Les lauréats sont des administrations accompagnées pour expérimenter l’IA sur leurs propres missions.',
  },
  {
    value: 'solutions-marche',
    label: 'Solutions disponibles sur le marché',
    description:
      'Les lauréats sont des solutions déjà commercialisées et industrialisées, proposées par des entreprises, organismes publics, associations ou consortiums.',
  },
]);
export type CallKind = (typeof CALL_KINDS.values)[number];

/** How the site names a laureate and its submitter, by the kind of its call: the one place for that wording. */
export interface CallWording {
  /** « Solution » or « Projet d’administration » (search results, page type). */
  laureateType: string;
  /** « cette solution » or « ce projet ». */
  thisLaureate: string;
  /** « Structure » or « Administration » (« En bref »). */
  submitter: string;
  /** « Structure candidate » or « Administration porteuse » (the fiche's section). */
  submitterSection: string;
  /** Where the fiche's facts come from, said under each section (« Déclaré par la structure… »). */
  declaredBy: string;
}

const CALL_WORDING: Record<CallKind, CallWording> = {
  'solutions-marche': { laureateType: 'Solution', thisLaureate: 'cette solution', submitter: 'Structure', submitterSection: 'Structure candidate', declaredBy: 'Déclaré par la structure dans sa candidature' },
  'projets-administration': {
    laureateType: 'Projet d’administration',
    thisLaureate: 'ce projet',
    submitter: 'Administration',
    submitterSection: 'Administration porteuse',
    declaredBy: 'D’après l’administration porteuse et les sources publiques citées en bas de la fiche',
  },
};

export const callWording = (kind: CallKind): CallWording => CALL_WORDING[kind];

// ---------------------------------------------------------------------------
// Laureate enums
// ---------------------------------------------------------------------------

export const SUBMITTER_KINDS = defineEnum([
  { value: 'entreprise', label: 'Entreprise', dsOption: 'Entreprise' },
  { value: 'organisme-public', label: 'Organisme public ou parapublic', dsOption: 'Organisme public ou parapublic' },
  { value: 'association', label: 'Association', dsOption: 'Association' },
  { value: 'consortium', label: 'Consortium', dsOption: 'Consortium' },
]);

export const COMPANY_SIZES = defineEnum([
  { value: 'start-up', label: 'Start-up', dsOption: 'Start-up' },
  { value: 'pme', label: 'PME', dsOption: 'PME' },
  { value: 'eti', label: 'ETI', dsOption: 'ETI' },
  { value: 'grand-groupe', label: 'Grand groupe', dsOption: 'Grand groupe' },
  { value: 'non-applicable', label: 'Non applicable', dsOption: 'Non applicable' },
]);

export const AUDIENCES = defineEnum([
  { value: 'administrations-centrales', label: 'Administrations centrales', dsOption: 'Administrations centrales' },
  { value: 'services-deconcentres', label: 'Services déconcentrés', dsOption: 'Services déconcentrés' },
  { value: 'operateurs-etat', label: 'Opérateurs de l’État', dsOption: 'Opérateurs de l’État' },
  { value: 'collectivites-territoriales', label: 'Collectivités territoriales', dsOption: 'Collectivités territoriales' },
]);

export const MATURITY_LEVELS = defineEnum([
  { value: 'commercialisee', label: 'Commercialisée', dsOption: 'Commercialisée' },
  { value: 'industrialisee', label: 'Industrialisée', dsOption: 'Industrialisée' },
  { value: 'mise-a-l-echelle', label: 'En cours de mise à l’échelle', dsOption: 'En cours de mise à l’échelle' },
]);

export const METRIC_TYPES = defineEnum([
  { value: 'delais', label: 'Réduction des délais', dsOption: 'Réduction des délais' },
  { value: 'couts', label: 'Réduction des coûts', dsOption: 'Réduction des coûts' },
  { value: 'erreurs', label: 'Diminution des erreurs', dsOption: 'Diminution des erreurs' },
  { value: 'non-recours', label: 'Diminution du non-recours', dsOption: 'Diminution du non-recours' },
  { value: 'productivite', label: 'Gain de productivité', dsOption: 'Gain de productivité' },
  { value: 'qualite-service', label: 'Qualité de service', dsOption: 'Qualité de service' },
  { value: 'autre', label: 'Autre', dsOption: 'Autre' },
]);

export const EVIDENCE_LEVELS = defineEnum([
  {
    value: 'declare',
    label: 'Déclaré',
    description: 'Chiffre fourni par le candidat, sans mesure documentée ni vérification extérieure.',
  },
  {
    value: 'mesure',
    label: 'Mesuré',
    description: 'Chiffre issu d’une mesure dont la méthode, le périmètre et la période sont décrits.',
  },
  {
    value: 'audite',
    label: 'Audité',
    description: 'Chiffre vérifié par un tiers indépendant (audit, évaluation, inspection), dont la source est citée.',
  },
]);

export const PRICING_MODELS = defineEnum([
  { value: 'licence', label: 'Licence', dsOption: 'Licence' },
  { value: 'abonnement', label: 'Abonnement (SaaS)', dsOption: 'Abonnement (SaaS)' },
  { value: 'paiement-usage', label: 'Paiement à l’usage', dsOption: 'Paiement à l’usage' },
  { value: 'gratuit', label: 'Gratuit (open source)', dsOption: 'Gratuit (open source)' },
  { value: 'sur-devis', label: 'Sur devis', dsOption: 'Sur devis' },
]);

export const SECNUMCLOUD_STATUSES = defineEnum([
  {
    value: 'qualifie',
    label: 'Qualifié SecNumCloud',
    description: 'La solution est hébergée sur une offre qualifiée SecNumCloud par l’ANSSI.',
    dsOption: 'Qualifié SecNumCloud',
  },
  {
    value: 'hebergeable',
    label: 'Hébergeable sur une offre qualifiée SecNumCloud',
    description: 'La solution peut être déployée sur une offre qualifiée SecNumCloud choisie par l’administration.',
    dsOption: 'Hébergeable sur une offre qualifiée SecNumCloud',
  },
  {
    value: 'qualification-en-cours',
    label: 'Qualification SecNumCloud en cours',
    description: 'Une démarche de qualification SecNumCloud est engagée, non aboutie à la date de la fiche.',
    dsOption: 'Qualification en cours',
  },
  {
    value: 'non',
    label: 'Non qualifié SecNumCloud',
    description: 'Ni hébergée ni hébergeable sur une offre qualifiée SecNumCloud.',
    dsOption: 'Non',
  },
]);

export const DATA_LOCATIONS = defineEnum([
  { value: 'france', label: 'France', dsOption: 'France' },
  { value: 'ue', label: 'Union européenne', dsOption: 'Union européenne' },
  { value: 'hors-ue', label: 'Hors Union européenne', dsOption: 'Hors Union européenne' },
]);

export const RGAA_LEVELS = defineEnum([
  { value: 'totalement-conforme', label: 'Totalement conforme au RGAA', dsOption: 'Totalement conforme' },
  { value: 'partiellement-conforme', label: 'Partiellement conforme au RGAA', dsOption: 'Partiellement conforme' },
  { value: 'non-conforme', label: 'Non conforme au RGAA', dsOption: 'Non conforme' },
  { value: 'non-applicable', label: 'RGAA non applicable (pas d’interface)', dsOption: 'Non applicable' },
]);

export const CERTIFICATIONS = defineEnum([
  { value: 'iso-27001', label: 'ISO 27001', dsOption: 'ISO 27001' },
  { value: 'hds', label: 'HDS (hébergement de données de santé)', dsOption: 'HDS' },
  { value: 'secnumcloud', label: 'SecNumCloud', dsOption: 'SecNumCloud' },
  { value: 'iso-14001', label: 'ISO 14001', dsOption: 'ISO 14001' },
]);

export const REFERENCE_KINDS = defineEnum([
  { value: 'administration-centrale', label: 'Administration centrale', dsOption: 'Administration centrale' },
  { value: 'service-deconcentre', label: 'Service déconcentré', dsOption: 'Service déconcentré' },
  { value: 'operateur-etat', label: 'Opérateur de l’État', dsOption: 'Opérateur de l’État' },
  { value: 'collectivite-territoriale', label: 'Collectivité territoriale', dsOption: 'Collectivité territoriale' },
  { value: 'etablissement-sante', label: 'Établissement de santé', dsOption: 'Établissement de santé' },
  { value: 'autre', label: 'Autre', dsOption: 'Autre' },
]);

/** How a public buyer gets a solution (../shared/reference/acquisition-and-verification.md). */
export const ACQUISITION_KINDS = defineEnum([
  {
    value: 'centrale-achat',
    label: 'Centrale d’achat',
    description: 'Commande auprès d’une centrale d’achat (UGAP, CAIH, RESAH…) : l’acheteur est réputé avoir respecté ses obligations de publicité et de mise en concurrence (articles L2113-2 à L2113-5 du code de la commande publique).',
  },
  { value: 'accord-cadre', label: 'Accord-cadre', description: 'Commande sur un accord-cadre déjà attribué (interministériel ou d’un ministère), pour les acheteurs qui y sont parties.' },
  { value: 'marche-propre', label: 'Marché propre', description: 'Procédure de l’acheteur lui-même (procédure adaptée sous les seuils européens, formalisée au-delà).' },
  { value: 'logiciel-libre', label: 'Logiciel libre', description: 'Le code s’utilise sans achat ; les services autour (hébergement, support, intégration) s’achètent.' },
  { value: 'convention', label: 'Convention entre administrations', description: 'Réutilisation entre personnes publiques, par convention ou reprise du code publié.' },
  { value: 'autre', label: 'Autre', description: 'Autre voie, décrite par sa référence.' },
]);

/**
 * The facts the catalogue's team can check against a public source
 * (../shared/reference/acquisition-and-verification.md): each value is the
 * path of the field in the field registry.
 */
export const VERIFIABLE_FIELDS = defineEnum([
  { value: 'dataSecurity.secNumCloud', label: 'Statut SecNumCloud', description: 'Vérifié sur la liste publique des prestataires et offres qualifiés de l’ANSSI (cyber.gouv.fr).' },
  { value: 'dataSecurity.certifications', label: 'Certifications', description: 'Vérifiées sur le certificat ou le registre du certificateur.' },
  { value: 'rgaa', label: 'Conformité au RGAA', description: 'Vérifiée sur la déclaration d’accessibilité publiée de la solution (taux, date, audit).' },
  { value: 'openness.openSource', label: 'Open source', description: 'Vérifié sur le dépôt public du code et son fichier de licence.' },
  { value: 'openness.licence', label: 'Licence', description: 'Vérifiée sur le fichier de licence du dépôt public.' },
  { value: 'openness.repositoryUrl', label: 'Code public', description: 'Vérifié en consultant le dépôt : le code y est publié, à l’adresse indiquée.' },
  { value: 'references', label: 'Déploiements de référence', description: 'Vérifiés sur une annonce publique de l’organisation.' },
  { value: 'access.routes', label: 'Voies d’accès', description: 'Vérifiées sur le catalogue public de la centrale d’achat ou l’avis d’attribution.' },
]);
