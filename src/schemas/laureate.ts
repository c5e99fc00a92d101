/**
 * A laureate: one markdown file per laureate in content/laureates/<call>/<slug>.md.
 * Front matter holds the structured facts; the markdown body describes the
 * solution (nature, context) in prose.
 *
 * Fields follow what the 2025 cahier des charges asks a laureate to document
 * (articles 1, 3, 5 and 6). What is required depends on the call's kind and is
 * checked across entries (see src/lib/validation/cross-entry.ts): a 2018/2019
 * laureate (an administration's own project) has no commercial fields.
 */
import { z } from 'astro/zod';
import {
  AUDIENCES,
  CATEGORY_ENUM,
  CERTIFICATIONS,
  COMPANY_SIZES,
  DATA_LOCATIONS,
  EVIDENCE_LEVELS,
  MATURITY_LEVELS,
  METRIC_TYPES,
  PRICING_MODELS,
  REFERENCE_KINDS,
  ACQUISITION_KINDS,
  VERIFIABLE_FIELDS,
  RGAA_LEVELS,
  SECNUMCLOUD_STATUSES,
  SUBMITTER_KINDS,
  THEMATIC_ENUM,
  type CallKind,
  type CategorySlug,
  type ThematicSlug,
} from './taxonomy.ts';
import { enumOf } from './enum-schema.ts';
import { callId, isValidSirenOrSiret, isoDate, nonEmptyText, siteOrWebUrl, sourceSchemaWith, webUrl } from './common.ts';

/**
 * Lengths above which a text is clamped visually on the cards: advice for
 * editors (a content warning), never a limit — what the applicant wrote is
 * published whole on the fiche and in the open data.
 */
export const SUMMARY_MAX = 280;
export const NAME_ADVISED_MAX = 120;
export const LAUREATE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Builds the image field: Astro's `image()` in the collection, a path check elsewhere. */
export type ImageField<I extends z.ZodType = z.ZodType> = () => I;

const money = () => z.number().nonnegative('un montant ne peut pas être négatif');
const count = () => z.number().int('nombre entier attendu').nonnegative('un nombre ne peut pas être négatif');

export const metricSchema = z
  .strictObject({
    type: enumOf(METRIC_TYPES).describe('Nature de l’effet mesuré.'),
    label: nonEmptyText().describe('Libellé de l’indicateur (ex. « Délai moyen de réponse aux usagers »).'),
    before: z.number().nonnegative('une valeur d’indicateur ne peut pas être négative').optional().describe('Valeur avant la mise en place de la solution.'),
    after: z.number().nonnegative('une valeur d’indicateur ne peut pas être négative').describe('Valeur après la mise en place de la solution.'),
    unit: nonEmptyText().describe('Unité (ex. « jours », « % », « € / dossier »).'),
    method: nonEmptyText().optional().describe('Comment le chiffre a été obtenu.'),
    perimeter: nonEmptyText().optional().describe('Périmètre et période de la mesure (ex. « 3 CAF, janvier–juin 2024 »).'),
    evidence: enumOf(EVIDENCE_LEVELS).describe('Niveau de preuve : déclaré, mesuré ou audité.'),
    sourceUrl: webUrl().optional().describe('Source publique du chiffre (obligatoire pour un chiffre audité).'),
  })
  .superRefine((m, ctx) => {
    if (m.evidence !== 'declare' && !m.method) {
      ctx.addIssue({ code: 'custom', path: ['method'], message: 'un chiffre mesuré ou audité doit décrire sa méthode' });
    }
    if (m.evidence === 'audite' && !m.sourceUrl) {
      ctx.addIssue({ code: 'custom', path: ['sourceUrl'], message: 'un chiffre audité doit citer sa source' });
    }
  })
  .describe('Un indicateur d’impact chiffré.');

export const referenceSchema = z
  .strictObject({
    organisation: nonEmptyText().describe('Organisation qui utilise la solution.'),
    kind: enumOf(REFERENCE_KINDS).describe('Type d’organisation.'),
    since: z.number().int().min(1990).max(2100).optional().describe('Année de début d’utilisation.'),
    users: count().optional().describe('Nombre d’utilisateurs, s’il est connu.'),
  })
  .describe('Un déploiement de référence.');

/** Builds the field types that differ between the content files and the open data. */
export interface FieldBuilders<I extends z.ZodType = z.ZodType, D extends z.ZodType = z.ZodType> {
  /** An image: Astro's `image()` in the collection, a path check in the validator, a URL in the open data. */
  image: ImageField<I>;
  /** A calendar date: YAML dates or strings in content, ISO strings in the open data. */
  date: () => D;
}

/**
 * The fields of a laureate, without the checks across fields: the content
 * collection, the validator and the open-data record all build on it.
 */
export function laureateShape<I extends z.ZodType, D extends z.ZodType>({ image, date }: FieldBuilders<I, D>) {
  const picture = (what: string) =>
    z
      .strictObject({
        src: image().describe(`Fichier image (${what}), chemin relatif au fichier du lauréat.`),
        alt: nonEmptyText().describe('Texte alternatif : ce que l’image montre ou dit.'),
      })
      .describe(what);

  return {
    name: nonEmptyText().describe('Nom de la solution ou du projet.'),
    summary: nonEmptyText().describe(
      `Résumé en une phrase ou deux, affiché sur les cartes (au-delà de ${SUMMARY_MAX} caractères, il y est coupé visuellement).`,
    ),
    call: callId().describe('Identifiant de l’appel (fichier de content/calls/), ex. « solutions-ia-2025 ».'),
    demo: z
      .boolean()
      .default(false)
      .describe('Vrai pour une fiche de démonstration (fictive) : un bandeau l’indique sur le site.'),
    published: z.boolean().default(true).describe('Faux pour retirer la fiche du site sans la supprimer.'),
    unpublishedReason: nonEmptyText()
      .optional()
      .describe('Pourquoi la fiche a été retirée du site (écrit par l’ingestion : dossier supprimé ou qui n’est plus lauréat dans Démarches Simplifiées).'),
    category: enumOf(CATEGORY_ENUM).optional().describe('Catégorie de l’appel 2025.'),
    thematics: z
      .array(enumOf(THEMATIC_ENUM))
      .default([])
      .describe('Thématiques déclarées, quelle que soit la catégorie (la fiche apparaît sur la page de chacune).'),
    applicationContext: nonEmptyText().optional().describe('Cadre d’application : pour qui, pour quoi, dans quelles conditions.'),
    approach: nonEmptyText().optional().describe('Technique d’IA employée, en quelques mots.'),
    outcome: nonEmptyText().optional().describe('Devenir du projet, quand il est connu (mise en production, reprise, arrêt).'),
    submitter: z
      .strictObject({
        name: nonEmptyText().describe('Nom de la structure porteuse.'),
        kind: enumOf(SUBMITTER_KINDS).describe('Type de structure.'),
        size: enumOf(COMPANY_SIZES).optional().describe('Taille de l’entreprise.'),
        siret: z
          .string()
          .refine(isValidSirenOrSiret, 'SIREN (9 chiffres) ou SIRET (14 chiffres) invalide : vérifiez la clé de contrôle')
          .optional()
          .describe('SIREN ou SIRET de la structure.'),
        website: webUrl().optional().describe('Site web de la structure.'),
      })
      .describe('Structure qui a déposé la candidature.'),
    audiences: z
      .array(enumOf(AUDIENCES))
      .default([])
      .describe('Administrations ciblées.'),
    maturity: enumOf(MATURITY_LEVELS).optional().describe('Niveau de maturité.'),
    metrics: z.array(metricSchema).default([]).describe('Indicateurs d’impact chiffrés.'),
    qualitativeImpacts: z
      .strictObject({
        workingConditions: nonEmptyText().optional().describe('Effets sur les conditions de travail des agents.'),
        inclusion: nonEmptyText().optional().describe('Effets sur l’inclusion et l’accès aux services publics.'),
        userQuality: nonEmptyText().optional().describe('Effets sur la qualité du service rendu aux usagers.'),
      })
      .optional()
      .describe('Impacts qualitatifs.'),
    costs: z
      .strictObject({
        pricingModel: enumOf(PRICING_MODELS).describe('Modèle économique.'),
        deploymentCost: money().optional().describe('Coût indicatif de déploiement, en euros hors taxes.'),
        deploymentEffortDays: count().optional().describe('Charge de déploiement, en jours-homme.'),
        deploymentWeeks: count().optional().describe('Durée de déploiement, en semaines.'),
        annualMaintenanceCost: money().optional().describe('Coût annuel de maintenance, en euros hors taxes.'),
        notes: nonEmptyText().optional().describe('Précisions sur les coûts.'),
      })
      .optional()
      .describe('Coûts de déploiement et d’exploitation.'),
    environment: z
      .strictObject({
        lifeCycleAnalysis: z.boolean().describe('Une analyse du cycle de vie a-t-elle été réalisée ?'),
        lifeCycleAnalysisUrl: webUrl().optional().describe('Lien vers l’analyse du cycle de vie.'),
        frugality: nonEmptyText().optional().describe('Mesures de sobriété.'),
        directBenefit: nonEmptyText().optional().describe('Bénéfice environnemental direct.'),
      })
      .optional()
      .describe('Impact environnemental.'),
    dataSecurity: z
      .strictObject({
        secNumCloud: enumOf(SECNUMCLOUD_STATUSES).describe('Statut SecNumCloud.'),
        host: nonEmptyText().optional().describe('Hébergeur.'),
        dataLocation: enumOf(DATA_LOCATIONS).optional().describe('Localisation des données.'),
        onPremise: z.boolean().optional().describe('Déploiement sur site possible.'),
        sensitiveInformation: z
          .boolean()
          .optional()
          .describe('Compatible avec des informations sensibles au sens de l’article 31 de la loi SREN.'),
        gdpr: nonEmptyText().optional().describe('Conformité au RGPD : ce que la solution garantit.'),
        certifications: z.array(enumOf(CERTIFICATIONS)).default([]).describe('Certifications obtenues.'),
      })
      .optional()
      .describe('Données et sécurité.'),
    rgaa: enumOf(RGAA_LEVELS).optional().describe('Conformité de la solution elle-même au RGAA.'),
    openness: z
      .strictObject({
        openSource: z.boolean().optional().describe('La solution est-elle open source ? (obligatoire pour l’appel 2025)'),
        licence: nonEmptyText().optional().describe('Licence (ex. « MIT », « propriétaire »).'),
        repositoryUrl: webUrl().optional().describe('Dépôt du code source.'),
        models: z
          .array(
            z.strictObject({
              name: nonEmptyText().describe('Nom du modèle.'),
              openWeights: z.boolean().optional().describe('Les poids du modèle sont-ils ouverts ? (absent si inconnu)'),
            }),
          )
          .default([])
          .describe('Modèles d’IA utilisés.'),
      })
      .optional()
      .describe('Ouverture du code et des modèles.'),
    references: z.array(referenceSchema).default([]).describe('Déploiements de référence.'),
    access: z
      .strictObject({
        routes: z
          .array(
            z
              .strictObject({
                kind: enumOf(ACQUISITION_KINDS).describe('Voie : centrale d’achat, accord-cadre, marché propre, logiciel libre, convention entre administrations, autre.'),
                name: nonEmptyText().optional().describe('Nom de la centrale ou de l’accord (ex. « UGAP », « CAIH »).'),
                reference: nonEmptyText().optional().describe('Référence de l’offre : numéro au catalogue de la centrale, du marché ou de l’accord.'),
                url: webUrl().optional().describe('Page publique de l’offre ou de l’avis.'),
                checkedOn: date().describe('Date à laquelle la voie a été constatée.'),
              })
              .describe('Une voie d’achat ou d’accès.'),
          )
          .default([])
          .describe('Comment une administration peut se procurer la solution.'),
        reversibility: z
          .strictObject({
            exportFormats: z.array(nonEmptyText()).default([]).describe('Formats dans lesquels les données peuvent être exportées (ex. « CSV », « JSON »).'),
            exitConditions: nonEmptyText().optional().describe('Conditions de sortie : délai, coût, accompagnement, restitution des données.'),
          })
          .optional()
          .describe('Réversibilité : comment partir avec ses données.'),
        contactUrl: webUrl().optional().describe('Page de contact professionnel public de l’éditeur (une adresse web, jamais l’adresse électronique d’une personne).'),
        reuse: nonEmptyText().optional().describe('Projets 2018 et 2019 : comment réutiliser le code ou les résultats, quand c’est connu.'),
      })
      .optional()
      .describe('Comment y accéder : voies d’achat, réversibilité, contact.'),
    verifications: z
      .array(
        z
          .strictObject({
            field: enumOf(VERIFIABLE_FIELDS).describe('Le fait vérifié (chemin du champ).'),
            on: date().describe('Date de la vérification.'),
            source: webUrl().describe('Source publique consultée (liste de l’ANSSI, déclaration d’accessibilité, dépôt…).'),
          })
          .describe('Une vérification par l’équipe du catalogue.'),
      )
      .default([])
      .describe('Faits vérifiés par l’équipe du catalogue contre une source publique ; les autres sont déclarés.'),
    scalability: nonEmptyText().optional().describe('Potentiel de mise à l’échelle et de réplication.'),
    logo: picture('Logo de la solution').optional(),
    screenshots: z.array(picture('Capture d’écran')).default([]).describe('Captures d’écran.'),
    brochure: z
      .strictObject({
        url: siteOrWebUrl().describe('Adresse de la brochure (https://… ou /documents/…).'),
        title: nonEmptyText().describe('Titre du document.'),
        sizeKb: count().optional().describe('Poids du fichier en kilo-octets.'),
      })
      .optional()
      .describe('Brochure technique (PDF).'),
    dossierNumber: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Numéro du dossier Démarches Simplifiées, quand la fiche vient de l’ingestion.'),
    selectedOn: date().describe('Date de la sélection (comité ou annonce).'),
    updatedOn: date().optional().describe('Date de dernière mise à jour de la fiche.'),
    sources: z.array(sourceSchemaWith(date)).default([]).describe('Sources publiques des faits présentés.'),
  };
}

/** The facts the cross-field checks read (present in the content and in the open data). */
interface RefinedFields {
  category?: CategorySlug;
  thematics: ThematicSlug[];
  environment?: { lifeCycleAnalysis: boolean; lifeCycleAnalysisUrl?: string };
  verifications?: Array<{ field: string }>;
}

/** Whether the fiche declares the value at a field path (a verification needs something to verify). */
function declares(l: object, path: string): boolean {
  let v: unknown = l;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '';
}

/**
 * Checks across fields of one laureate: thematics need a category and appear
 * once (a thematic outside the category's navigation group is allowed: the
 * applicant ticks from one flat list), consistent environment facts.
 */
export function refineLaureate(l: RefinedFields, ctx: z.RefinementCtx): void {
  if (l.thematics.length > 0 && !l.category) {
    ctx.addIssue({ code: 'custom', path: ['category'], message: 'des thématiques sont indiquées sans catégorie' });
  }
  const seen = new Set<string>();
  l.thematics.forEach((t, i) => {
    if (seen.has(t)) ctx.addIssue({ code: 'custom', path: ['thematics', i], message: `thématique « ${t} » en double` });
    seen.add(t);
  });
  if (l.environment?.lifeCycleAnalysisUrl && !l.environment.lifeCycleAnalysis) {
    ctx.addIssue({
      code: 'custom',
      path: ['environment', 'lifeCycleAnalysis'],
      message: 'un lien vers une analyse du cycle de vie est donné mais lifeCycleAnalysis vaut false',
    });
  }
  (l.verifications ?? []).forEach((v, i) => {
    if (!declares(l, v.field)) ctx.addIssue({ code: 'custom', path: ['verifications', i, 'field'], message: `vérification de « ${v.field} », que la fiche ne renseigne pas` });
  });
}

export function laureateSchema<I extends z.ZodType>(image: ImageField<I>) {
  return z
    .strictObject(laureateShape({ image, date: isoDate }))
    .superRefine(refineLaureate)
    .describe('Un lauréat d’un appel à manifestation d’intérêt.');
}

export type LaureateData = z.output<ReturnType<typeof laureateSchema<z.ZodType>>>;

export interface Requirement {
  path: string[];
  /** French label used in error messages. */
  label: string;
  isMissing: (l: LaureateData) => boolean;
}

/**
 * Fields a laureate of a « solutions du marché » call must fill in.
 * Laureates of the administrations' experimentation calls (2018, 2019) do not have them.
 */
export const MARKET_REQUIRED_FIELDS: readonly Requirement[] = [
  { path: ['category'], label: 'la catégorie', isMissing: (l) => !l.category },
  { path: ['thematics'], label: 'au moins une thématique', isMissing: (l) => l.thematics.length === 0 },
  { path: ['audiences'], label: 'au moins une administration ciblée', isMissing: (l) => l.audiences.length === 0 },
  { path: ['maturity'], label: 'le niveau de maturité', isMissing: (l) => !l.maturity },
  { path: ['costs'], label: 'les coûts (au moins le modèle économique)', isMissing: (l) => !l.costs },
  { path: ['dataSecurity'], label: 'les données et la sécurité (au moins le statut SecNumCloud)', isMissing: (l) => !l.dataSecurity },
  { path: ['dataSecurity', 'dataLocation'], label: 'la localisation des données', isMissing: (l) => !!l.dataSecurity && !l.dataSecurity.dataLocation },
  { path: ['rgaa'], label: 'la conformité RGAA de la solution', isMissing: (l) => !l.rgaa },
  { path: ['openness', 'openSource'], label: 'l’ouverture (open source ou non)', isMissing: (l) => l.openness?.openSource === undefined },
];

/**
 * What a laureate must fill in beyond the schema, by the kind of its call: the
 * one rule the validator, the ingestion, the scaffold and the editor guide apply.
 */
export const REQUIRED_BY_CALL_KIND: Record<CallKind, readonly Requirement[]> = {
  'solutions-marche': MARKET_REQUIRED_FIELDS,
  'projets-administration': [],
};

export const requiredFields = (kind: CallKind): readonly Requirement[] => REQUIRED_BY_CALL_KIND[kind];
