/**
 * The dataset as a whole: its files, its licence, and the metadata that lets
 * portals harvest it (DCAT-AP in JSON-LD for data.gouv.fr and the
 * Interoperable Europe portal; schema.org Dataset for search engines).
 * One list of distributions feeds the /donnees/ page, both metadata files and
 * the feeds' links.
 */
import { SITE } from '../site.ts';
import { RECORD_SCHEMA_PATH } from './record.ts';
import type { CsvTable } from './csv.ts';

export const DATA_DIR = '/donnees/';
export const JSON_PATH = '/donnees/laureats.json';
export const DCAT_PATH = '/donnees/catalogue.jsonld';
export const NOMENCLATURES_PATH = '/donnees/nomenclatures.json';
export const FEED_PATH = '/flux/laureats.xml';
export const callFeedPath = (callId: string) => `/flux/${callId}.xml`;
/** A thematic's and a category's feeds: prefixed, so that no slug can meet a call's id. */
export const thematicFeedPath = (slug: string) => `/flux/thematique-${slug}.xml`;
export const categoryFeedPath = (slug: string) => `/flux/categorie-${slug}.xml`;

export const LICENCE = {
  id: 'etalab-2.0',
  title: 'Licence Ouverte / Open Licence version 2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  text: 'https://github.com/etalab/licence-ouverte/blob/master/LO.md',
  /** ADMS licence type: reuse is free provided the source is credited. */
  type: 'http://purl.org/adms/licencetype/Attribution',
} as const;

/**
 * The publisher. DCAT-AP asks for an EU authority URI « where one exists »: the Publications
 * Office's corporate-body list names EU institutions and bodies, not the DINUM, so the publisher is
 * described by its name, site and ADMS publisher type (a national authority).
 */
export const PUBLISHER = {
  name: 'Direction interministérielle du numérique (DINUM)',
  url: 'https://www.numerique.gouv.fr',
  type: 'http://purl.org/adms/publishertype/NationalAuthority',
} as const;

export const DATASET = {
  title: 'Lauréats des appels à manifestation d’intérêt de l’État sur l’intelligence artificielle',
  description:
    'Les lauréats publiés du catalogue des lauréats IA de l’État (AMI « Solutions d’IA pour le public » 2025, AMI IA 2018 et 2019) : ' +
    'description, catégorie et thématiques, indicateurs d’impact avec leur niveau de preuve, coûts, hébergement des données et statut SecNumCloud, ' +
    'ouverture du code et des modèles, déploiements de référence et sources.',
  keywords: ['intelligence artificielle', 'administration', 'secteur public', 'appel à manifestation d’intérêt', 'SecNumCloud', 'lauréats'],
  /** How often it changes: at each publication of the catalogue. */
  frequency: 'À chaque mise à jour du catalogue (publication d’un lauréat ou correction d’une fiche)',
} as const;

export interface Distribution {
  path: string;
  title: string;
  description: string;
  /** Short format name shown to readers and mapped to the EU file-type vocabulary. */
  format: 'JSON' | 'CSV' | 'JSON-LD' | 'RSS';
  mediaType: string;
  /**
   * Whether `mediaType` is in IANA's register, which DCAT-AP's dcat:mediaType takes its values
   * from: `application/rss+xml` and `application/schema+json` are not, so those files give their
   * format alone (dct:format).
   */
  ianaRegistered: boolean;
  /** Whether the file follows the published record schema. */
  followsSchema?: boolean;
}

/** Every downloadable file of the dataset, in the order the /donnees/ page lists them. */
export function distributions(tables: readonly CsvTable[]): Distribution[] {
  return [
    {
      path: JSON_PATH,
      title: 'Lauréats (JSON)',
      description: 'Tous les lauréats publiés, un objet par lauréat, conforme au schéma publié.',
      format: 'JSON',
      mediaType: 'application/json',
      ianaRegistered: true,
      followsSchema: true,
    },
    ...tables.map((t): Distribution => ({ path: `${DATA_DIR}${t.file}`, title: t.title, description: t.description, format: 'CSV', mediaType: 'text/csv', ianaRegistered: true })),
    {
      path: RECORD_SCHEMA_PATH,
      title: 'Schéma d’un lauréat (JSON Schema)',
      description: 'Le schéma JSON (draft 2020-12) d’un lauréat, généré depuis le modèle de données du catalogue.',
      format: 'JSON',
      mediaType: 'application/schema+json',
      ianaRegistered: false,
    },
    {
      path: NOMENCLATURES_PATH,
      title: 'Nomenclatures (JSON)',
      description: 'Les libellés en français des codes utilisés (catégories, thématiques, statuts SecNumCloud, niveaux de preuve…).',
      format: 'JSON',
      mediaType: 'application/json',
      ianaRegistered: true,
    },
    {
      path: FEED_PATH,
      title: 'Flux des lauréats (RSS)',
      description: 'Les lauréats, de la sélection la plus récente à la plus ancienne, pour un lecteur de flux.',
      format: 'RSS',
      mediaType: 'application/rss+xml',
      ianaRegistered: false,
    },
    {
      path: DCAT_PATH,
      title: 'Métadonnées DCAT-AP (JSON-LD)',
      description: 'La description du jeu de données pour les portails de données (data.gouv.fr, data.europa.eu).',
      format: 'JSON-LD',
      mediaType: 'application/ld+json',
      ianaRegistered: true,
    },
  ];
}

/** The EU controlled vocabularies (Publications Office authority tables) DCAT-AP takes its values from. */
const EU = 'http://publications.europa.eu/resource/authority';
const FILE_TYPES: Record<Distribution['format'], string> = {
  JSON: `${EU}/file-type/JSON`,
  CSV: `${EU}/file-type/CSV`,
  'JSON-LD': `${EU}/file-type/JSON_LD`,
  RSS: `${EU}/file-type/RSS`,
};
/** Every value from a controlled vocabulary the catalogue uses, so that a test can list them (membership needs the vocabularies online). */
export const CONTROLLED_VALUES = {
  language: `${EU}/language/FRA`,
  country: `${EU}/country/FRA`,
  frequency: `${EU}/frequency/IRREG`,
  themes: [`${EU}/data-theme/GOVE`, `${EU}/data-theme/TECH`],
  themeTaxonomy: `${EU}/data-theme`,
  availability: `${EU}/planned-availability/STABLE`,
  distributionType: `${EU}/distribution-type/DOWNLOADABLE_FILE`,
  fileTypes: Object.values(FILE_TYPES),
  publisherType: PUBLISHER.type,
  licenceType: LICENCE.type,
} as const;

const fr = (value: string) => ({ '@value': value, '@language': 'fr' });
const date = (value: string) => ({ '@value': value, '@type': 'xsd:date' });
/** A value from a vocabulary, with the class DCAT-AP's shapes require of it. */
const term = (id: string, type: string) => ({ '@id': id, '@type': type });
/**
 * A concept of a controlled vocabulary, with its French label from that vocabulary: a harvester
 * that does not load the vocabulary (and DCAT-AP's shapes, which require skos:prefLabel) still
 * reads what it means.
 */
const concept = (id: string, label: string) => ({ ...term(id, 'skos:Concept'), 'skos:prefLabel': fr(label) });
const CONCEPT_LABELS: Record<string, string> = {
  [`${EU}/data-theme/GOVE`]: 'Gouvernement et secteur public',
  [`${EU}/data-theme/TECH`]: 'Science et technologie',
  [`${EU}/planned-availability/STABLE`]: 'Stable',
  [`${EU}/distribution-type/DOWNLOADABLE_FILE`]: 'Fichier téléchargeable',
  'http://purl.org/adms/publishertype/NationalAuthority': 'Autorité nationale',
  'http://purl.org/adms/licencetype/Attribution': 'Attribution',
};
const labelled = (id: string) => concept(id, CONCEPT_LABELS[id]!);

/** When the dataset was first published, and the period its records cover (the calls' selection dates). */
export interface DatasetDates {
  /** Latest change of any record. */
  modified: string;
  /** First publication of the dataset (its first record's publication); absent when unknown (no history). */
  issued?: string;
  /** Earliest and latest selection date of the records. */
  temporal?: { start: string; end: string };
}

/** The dates of the dataset, read from its records and, for `issued`, the first publication of a fiche. */
export function datasetDates(records: ReadonlyArray<{ selectedOn: string; updatedOn?: string }>, firstPublished?: string): DatasetDates {
  const selections = records.map((r) => r.selectedOn).sort();
  return {
    modified: lastModified(records),
    ...(firstPublished ? { issued: firstPublished } : {}),
    ...(selections.length > 0 ? { temporal: { start: selections[0]!, end: selections.at(-1)! } } : {}),
  };
}

/**
 * DCAT-AP 3.0.1 catalogue with one dataset and its distributions, in JSON-LD. Every value carries
 * the class the official shapes require (tests/e2e/opendata.test.ts runs them), and the properties
 * the portals harvest are present: availability, type, issued, licence, spatial and temporal
 * coverage, themes and their taxonomy.
 */
export function dcatCatalogue(site: URL, dates: DatasetDates, files: readonly Distribution[]): Record<string, unknown> {
  const abs = (path: string) => new URL(path, site).href;
  const publisher = {
    '@type': 'foaf:Agent',
    'foaf:name': PUBLISHER.name,
    'foaf:homepage': term(PUBLISHER.url, 'foaf:Document'),
    'dct:type': labelled(PUBLISHER.type),
  };
  const licence = { '@id': LICENCE.url, '@type': 'dct:LicenseDocument', 'dct:title': LICENCE.title, 'dct:type': labelled(LICENCE.type) };
  const schema = { '@id': abs(RECORD_SCHEMA_PATH), '@type': 'dct:Standard' };
  const language = term(CONTROLLED_VALUES.language, 'dct:LinguisticSystem');
  const spatial = term(CONTROLLED_VALUES.country, 'dct:Location');
  const issued = dates.issued ? { 'dct:issued': date(dates.issued) } : {};
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dcatap: 'http://data.europa.eu/r5r/',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': abs(`${DATA_DIR}#catalogue`),
    '@type': 'dcat:Catalog',
    'dct:title': fr(SITE.name),
    'dct:description': fr(SITE.tagline),
    'dct:publisher': publisher,
    'foaf:homepage': term(abs('/'), 'foaf:Document'),
    'dct:language': language,
    'dct:license': licence,
    'dct:spatial': spatial,
    'dcat:themeTaxonomy': { ...term(CONTROLLED_VALUES.themeTaxonomy, 'skos:ConceptScheme'), 'dct:title': fr('Thèmes des données (vocabulaire de l’Union européenne)') },
    ...issued,
    'dct:modified': date(dates.modified),
    'dcat:dataset': [
      {
        '@id': abs(`${DATA_DIR}#laureats`),
        '@type': 'dcat:Dataset',
        'dct:identifier': abs(`${DATA_DIR}#laureats`),
        'dct:title': fr(DATASET.title),
        'dct:description': fr(DATASET.description),
        'dcat:keyword': DATASET.keywords.map(fr),
        'dcat:theme': CONTROLLED_VALUES.themes.map(labelled),
        'dct:publisher': publisher,
        'dcat:contactPoint': {
          // vcard:Kind is the class the shapes ask for; Organization says which kind.
          '@type': ['vcard:Kind', 'vcard:Organization'],
          'vcard:fn': PUBLISHER.name,
          'vcard:hasEmail': { '@id': `mailto:${SITE.contactEmail}` },
          'vcard:hasURL': { '@id': abs('/a-propos/') },
        },
        'dct:spatial': spatial,
        ...(dates.temporal
          ? { 'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': date(dates.temporal.start), 'dcat:endDate': date(dates.temporal.end) } }
          : {}),
        'dct:language': language,
        'dct:accrualPeriodicity': term(CONTROLLED_VALUES.frequency, 'dct:Frequency'),
        ...issued,
        'dct:modified': date(dates.modified),
        'dct:license': licence,
        'dct:conformsTo': schema,
        'dcat:landingPage': term(abs(DATA_DIR), 'foaf:Document'),
        'dcat:distribution': files.map((f) => ({
          '@id': abs(f.path),
          '@type': 'dcat:Distribution',
          'dct:title': fr(f.title),
          'dct:description': fr(f.description),
          'dcat:accessURL': { '@id': abs(DATA_DIR) },
          'dcat:downloadURL': { '@id': abs(f.path) },
          ...(f.ianaRegistered ? { 'dcat:mediaType': term(`https://www.iana.org/assignments/media-types/${f.mediaType}`, 'dct:MediaType') } : {}),
          'dct:format': term(FILE_TYPES[f.format], 'dct:MediaTypeOrExtent'),
          'dct:type': labelled(CONTROLLED_VALUES.distributionType),
          'dcatap:availability': labelled(CONTROLLED_VALUES.availability),
          'dct:license': licence,
          ...issued,
          'dct:modified': date(dates.modified),
          ...(f.followsSchema ? { 'dct:conformsTo': schema } : {}),
        })),
      },
    ],
  };
}

/** schema.org Dataset, for the /donnees/ page (search engines' dataset search). */
export function schemaOrgDataset(site: URL, dates: DatasetDates, files: readonly Distribution[]): Record<string, unknown> {
  const abs = (path: string) => new URL(path, site).href;
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': abs(`${DATA_DIR}#laureats`),
    name: DATASET.title,
    description: DATASET.description,
    url: abs(DATA_DIR),
    inLanguage: 'fr',
    keywords: DATASET.keywords,
    license: LICENCE.url,
    isAccessibleForFree: true,
    dateModified: dates.modified,
    ...(dates.issued ? { datePublished: dates.issued } : {}),
    ...(dates.temporal ? { temporalCoverage: `${dates.temporal.start}/${dates.temporal.end}` } : {}),
    creator: { '@type': 'GovernmentOrganization', name: PUBLISHER.name, url: PUBLISHER.url },
    publisher: { '@type': 'GovernmentOrganization', name: PUBLISHER.name, url: PUBLISHER.url },
    spatialCoverage: { '@type': 'Country', name: 'France' },
    distribution: files
      .filter((f) => f.format !== 'RSS')
      .map((f) => ({ '@type': 'DataDownload', name: f.title, encodingFormat: f.mediaType, contentUrl: abs(f.path) })),
  };
}

/** A JSON-LD block safe to put inside `<script type="application/ld+json">`. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** The date the data last changed: the latest selection or update date of the records. */
export function lastModified(records: ReadonlyArray<{ selectedOn: string; updatedOn?: string }>): string {
  return records.reduce((max, r) => [max, r.selectedOn, r.updatedOn ?? ''].sort().at(-1)!, '1970-01-01');
}

/** The content of /donnees/laureats.json (and of the listing's filtered JSON download). */
export function laureatesDocument(records: ReadonlyArray<{ selectedOn: string; updatedOn?: string }>, site: URL) {
  return {
    title: DATASET.title,
    source: new URL('/', site).href,
    schema: new URL(RECORD_SCHEMA_PATH, site).href,
    licence: LICENCE.id,
    licenceUrl: LICENCE.url,
    modified: lastModified(records),
    count: records.length,
    laureates: records,
  };
}
